/**
 * Skills end to end with the built binary, on both backends: the `<available_skills>` reminder
 * the server (or model provider) receives, the Skill tool's answer, a skill the agent writes in
 * one turn listed in the next, malformed files reported, and `letta skills list`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { FakeLettaServer, type ScriptPrevious } from "../support/fakeServer.js"
import { useServerSandbox } from "../support/serverE2e.js"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { jsonResult, toolResultsOf, userTextsOf, useLocalSandbox } from "../support/localE2e.js"

const writeSkill = (base: string, folder: string, text: string, dir: ReadonlyArray<string> = [".letta", "skills"]) => {
  const path = join(base, ...dir, folder)
  mkdirSync(path, { recursive: true })
  writeFileSync(join(path, "SKILL.md"), text)
  return join(path, "SKILL.md")
}

const DEPLOY = "---\nname: deploy\ndescription: Deploys the app to staging.\n---\n# Deploy\n1. Run scripts/deploy.sh\n"
const LEARNED = "---\nname: learned\ndescription: What the agent learned.\n---\nAlways run the linter first.\n"

/** The text of the user message a request body carried. */
const userTextOf = (body: unknown): string => {
  const messages = (body as { messages?: Array<{ type?: string; content?: unknown }> }).messages ?? []
  const user = messages.find((m) => m.type === "message")
  const content = user?.content
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? "").join("\n") : String(content ?? "")
}

describe("skills on a Letta server", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  useServerSandbox((each, box) => {
    server = each
    sandbox = box
  })
  const letta = (args: ReadonlyArray<string>) => runLetta(args, { sandbox, serverUrl: server.url })
  const userTexts = () =>
    server.messagePosts().map((r) => userTextOf(r.body)).filter((t) => t !== "")

  it("lists skills in the user message's reminder; the Skill tool returns the SKILL.md body and the other files", async () => {
    const deploy = writeSkill(sandbox.project, "deploy", DEPLOY)
    mkdirSync(join(sandbox.project, ".letta", "skills", "deploy", "scripts"))
    writeFileSync(join(sandbox.project, ".letta", "skills", "deploy", "scripts", "deploy.sh"), "echo deploy\n")
    writeSkill(sandbox.home, "review", "---\nname: review\ndescription: Reviews a change.\n---\nLook closely.\n", [".claude", "skills"])
    let returned = ""
    server.enqueue([
      { toolCalls: [{ id: "call_skill", name: "Skill", arguments: { name: "deploy" } }] },
      (previous: ScriptPrevious) => {
        returned = String(previous.approvals[0]?.["tool_return"])
        return { text: "Loaded." }
      }
    ])
    const result = await letta(["-p", "deploy it", "--output-format", "json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(jsonResult(result.stdout)).toMatchObject({ result: "Loaded.", permission_denials: [] })
    const sent = userTexts()[0]!
    expect(sent).toContain("<available_skills>\n- deploy: Deploys the app to staging.\n- review: Reviews a change.\n</available_skills>")
    expect(sent).toContain("deploy it")
    expect(returned).toContain(`Skill "deploy" (project): ${deploy}`)
    expect(returned).toContain("- scripts/deploy.sh")
    expect(returned).toContain("# Deploy\n1. Run scripts/deploy.sh\n")
    expect(returned).not.toContain("description:")
  })

  it("a skill the agent writes with Write in one turn is listed in the next turn", async () => {
    const file = join(sandbox.project, ".letta", "skills", "learned", "SKILL.md")
    server.enqueue([{ toolCalls: [{ id: "call_write", name: "Write", arguments: { file_path: file, content: LEARNED } }] }, { text: "Saved." }])
    const first = await letta(["-p", "remember this", "--allowedTools", "Write(.letta/skills/**)", "--output-format", "json"])
    expect(first.stderr).toBe("")
    expect(jsonResult(first.stdout)).toMatchObject({ result: "Saved.", permission_denials: [] })
    expect(userTexts()[0]).not.toContain("available_skills")
    server.enqueue([{ text: "Noted." }])
    const second = await letta(["-p", "next", "--continue"])
    expect(second.stderr).toBe("")
    expect(userTexts().at(-1)).toContain("<available_skills>\n- learned: What the agent learned.\n</available_skills>")
  })

  it("malformed front-matter is reported on stderr (file and problem) and skipped; a project skill shadows a user one", async () => {
    const broken = writeSkill(sandbox.project, "broken", "---\nname: broken\ndescription: [unclosed\n---\n")
    const noDescription = writeSkill(sandbox.project, "nodesc", "---\nname: nodesc\n---\nbody\n", [".agents", "skills"])
    writeSkill(sandbox.project, "deploy", DEPLOY)
    const shadowed = writeSkill(sandbox.home, "deploy", "---\nname: deploy\ndescription: The user's deploy.\n---\n")
    server.enqueue([{ toolCalls: [{ id: "call_skill", name: "Skill", arguments: { name: "broken" } }] }, (previous: ScriptPrevious) => ({ text: String(previous.approvals[0]?.["tool_return"]) })])
    const result = await letta(["-p", "go", "--output-format", "json"])
    expect(result.code).toBe(0)
    expect(broken).toBe(join(sandbox.project, ".letta/skills/broken/SKILL.md"))
    expect(noDescription).toBe(join(sandbox.project, ".agents/skills/nodesc/SKILL.md"))
    expect(shadowed).toBe(join(sandbox.home, ".letta/skills/deploy/SKILL.md"))
    expect(result.stderr.split("\n").sort()).toEqual(
      [
        "",
        "letta: skill .agents/skills/nodesc/SKILL.md: skipped: front-matter: description is missing",
        "letta: skill .letta/skills/broken/SKILL.md: skipped: front-matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 4)",
        `letta: skill ~/.letta/skills/deploy/SKILL.md: skipped: skill "deploy" is also defined by ${join(sandbox.project, ".letta", "skills", "deploy", "SKILL.md")} (project), which is used`
      ].sort()
    )
    const sent = userTexts()[0]!
    expect(sent).toContain("<available_skills>\n- deploy: Deploys the app to staging.\n</available_skills>")
    const answer = String(jsonResult(result.stdout)["result"])
    expect(answer).toContain('No skill named "broken". Available skills: deploy.')
    expect(answer).toContain("front-matter is not valid YAML")
  })

  it("the YAML parser is loaded only when a skill folder exists", async () => {
    // A preload that records every require of the YAML bundle.
    const log = join(sandbox.root, "yaml-loads.txt")
    const hook = join(sandbox.root, "hook.cjs")
    writeFileSync(log, "")
    writeFileSync(
      hook,
      `const Module = require("node:module"); const fs = require("node:fs"); const load = Module._load;
Module._load = function (request, ...rest) { if (String(request).endsWith("letta-yaml.cjs")) fs.appendFileSync(${JSON.stringify(log)}, "loaded\\n"); return load.call(this, request, ...rest) }\n`
    )
    const env = { NODE_OPTIONS: `--require ${hook}` }
    const plain = await runLetta(["-p", "hi"], { sandbox, serverUrl: server.url, env })
    expect(plain.code).toBe(0)
    expect(readFileSync(log, "utf8")).toBe("")
    writeSkill(sandbox.project, "deploy", DEPLOY)
    const withSkill = await runLetta(["-p", "hi", "--continue"], { sandbox, serverUrl: server.url, env })
    expect(withSkill.code).toBe(0)
    expect(readFileSync(log, "utf8")).toBe("loaded\n")
  })

  it("without the Skill tool (--tools), no list is sent", async () => {
    writeSkill(sandbox.project, "deploy", DEPLOY)
    const result = await letta(["-p", "hi", "--tools", "Read"])
    expect(result.code).toBe(0)
    expect(userTexts()[0]).not.toContain("available_skills")
  })

  it("letta skills list: names, scopes, files and descriptions; problems on stderr", async () => {
    writeSkill(sandbox.project, "deploy", DEPLOY)
    writeSkill(sandbox.home, "review", "---\nname: review\ndescription: >\n  Reviews a\n  change.\n---\n")
    writeSkill(sandbox.project, "broken", "---\nname: broken\n")
    const result = await letta(["skills", "list"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        "deploy  project  .letta/skills/deploy/SKILL.md",
        "    Deploys the app to staging.",
        "review  user     ~/.letta/skills/review/SKILL.md",
        "    Reviews a change.",
        ""
      ].join("\n")
    )
    expect(result.stderr).toBe("letta: skill .letta/skills/broken/SKILL.md: skipped: front-matter starts with --- but has no closing --- line\n")
    const empty = makeSandbox()
    try {
      const none = await runLetta(["skills", "list"], { sandbox: empty, serverUrl: server.url })
      expect(none.code).toBe(0)
      expect(none.stdout).toMatch(/^No skills\. /)
    } finally {
      empty.cleanup()
    }
  })
})

describe("skills on the local backend", () => {
  let sandbox: Sandbox
  const start = useLocalSandbox((each) => {
    sandbox = each
  })

  it("the provider sees the list; Skill returns the body; a skill written with Write is listed next turn", async () => {
    const { provider, letta, calls } = await start("anthropic")
    writeSkill(sandbox.project, "deploy", DEPLOY, [".claude", "skills"])
    const file = join(sandbox.project, ".letta", "skills", "learned", "SKILL.md")
    provider.fake.enqueue(
      { toolCalls: [{ id: "toolu_1", name: "Skill", arguments: { name: "deploy" } }] },
      { toolCalls: [{ id: "toolu_2", name: "Write", arguments: { file_path: file, content: LEARNED } }] },
      { text: "Done." }
    )
    const first = await letta(["-p", "deploy it", "--model", provider.model, "--allowedTools", "Write(.letta/skills/**)", "--output-format", "json"])
    expect(first.stderr).toBe("")
    expect(jsonResult(first.stdout)).toMatchObject({ result: "Done.", permission_denials: [] })
    const firstCall = calls()[0]!
    expect(userTextsOf(provider.kind, firstCall).join("\n")).toContain("<available_skills>\n- deploy: Deploys the app to staging.\n</available_skills>")
    const results = toolResultsOf(provider.kind, calls().at(-1)!)
    expect(results[0]?.output).toContain("# Deploy\n1. Run scripts/deploy.sh")

    provider.fake.enqueue({ text: "Noted." })
    const second = await letta(["-p", "next", "--continue", "--output-format", "json"])
    expect(second.stderr).toBe("")
    const texts = userTextsOf(provider.kind, calls().at(-1)!)
    expect(texts.at(-1)).toContain("- deploy: Deploys the app to staging.\n- learned: What the agent learned.")
  })

  it("letta skills list works without any backend configured", async () => {
    const { letta } = await start("ollama")
    writeSkill(sandbox.project, "deploy", DEPLOY)
    const result = await letta(["skills", "list"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("deploy  project  .letta/skills/deploy/SKILL.md")
  })
})
