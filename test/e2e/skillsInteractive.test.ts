/**
 * Skills in the TUI (tmux, the built binary, the fake Letta server): `/skills`, a skipped file
 * reported as a notice, and the `<available_skills>` reminder sent on the first message, not
 * again while the set is unchanged, and again once a skill is added.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { closedPort, FakeProvider, isolatedEnv } from "../support/localE2e.js"
import { Terminal } from "../support/tmux.js"

let server: FakeLettaServer
let sandbox: Sandbox | undefined
let terminal: Terminal | undefined
let provider: FakeProvider | undefined

beforeAll(async () => {
  server = await FakeLettaServer.start({ pingIntervalMs: 200 })
})
afterAll(async () => {
  await server.close()
})
afterEach(async () => {
  await terminal?.stop()
  terminal = undefined
  await provider?.close()
  provider = undefined
  sandbox?.cleanup()
  sandbox = undefined
})

const writeSkill = (base: string, folder: string, text: string) => {
  const dir = join(base, ".letta", "skills", folder)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "SKILL.md"), text)
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

/** The user texts the server got, in order. */
const userTexts = (): Array<string> =>
  server.requests.flatMap((request) => {
    const body = request.body as { messages?: Array<{ type?: string; content?: unknown }> } | undefined
    return (body?.messages ?? [])
      .filter((m) => m.type === "message")
      .map((m) => (Array.isArray(m.content) ? m.content.map((p: { text?: string }) => p.text ?? "").join("\n") : String(m.content)))
  })

describe("skills in the TUI (tmux)", () => {
  it("/skills lists them and the skipped files; the list goes with the first message, then only when it changes or after /clear", async () => {
    sandbox = makeSandbox()
    writeSkill(sandbox.project, "deploy", "---\nname: deploy\ndescription: Deploys the app to staging.\n---\nSteps.\n")
    writeSkill(sandbox.home, "broken", "---\nname: broken\ndescription: [oops\n---\n")
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 120, height: 40 })
    const t = terminal
    await t.waitFor("Type a message", 20_000)

    await send(t, "/skills")
    await t.waitFor("deploy · project · .letta/skills/deploy/SKILL.md")
    await t.waitFor("Deploys the app to staging.")
    await t.waitFor(/skill ~\/\.letta\/skills\/broken\/SKILL\.md: skipped: front-matter is not valid YAML/)

    const before = userTexts().length
    server.enqueue([{ text: "First answer." }])
    await send(t, "hello one")
    await t.waitFor("First answer.")
    await t.waitFor(/skill .*broken\/SKILL\.md: skipped/)
    expect(userTexts()[before]).toContain("<available_skills>\n- deploy: Deploys the app to staging.\n</available_skills>")

    server.enqueue([{ text: "Second answer." }])
    await send(t, "hello two")
    await t.waitFor("Second answer.")
    expect(userTexts()[before + 1]).not.toContain("available_skills")

    writeSkill(sandbox.project, "lint", "---\nname: lint\ndescription: Runs the linter.\n---\n")
    server.enqueue([{ text: "Third answer." }])
    await send(t, "hello three")
    await t.waitFor("Third answer.")
    expect(userTexts()[before + 2]).toContain("- deploy: Deploys the app to staging.\n- lint: Runs the linter.\n</available_skills>")
    // /clear empties the agent's history: the next message carries the list again.
    await send(t, "/clear")
    await t.waitFor("Conversation cleared")
    server.enqueue([{ text: "Fourth answer." }])
    await send(t, "hello four")
    await t.waitFor("Fourth answer.")
    expect(userTexts()[before + 3]).toContain("- lint: Runs the linter.\n</available_skills>")
    // The reminder is never shown as what the user typed.
    expect(await t.history()).not.toContain("available_skills")
  })
})

describe("skills the agent proposes, reviewed in the TUI (tmux)", () => {
  it("/reflect proposes one; /skills shows it with a preview; it is offered only after /skills accept", async () => {
    sandbox = makeSandbox()
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 120, height: 40 })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    server.enqueue([{ text: "Tests pass with pnpm test." }])
    await send(t, "run the tests")
    await t.waitFor("Tests pass with pnpm test.")
    const skill = { name: "run-tests", description: "Runs this repository's tests.", body: "1. pnpm install\n2. pnpm test -- --run\n", scope: "project" }
    server.enqueue([{ toolCalls: [{ name: "propose_skill", arguments: skill }] }, { text: "proposed run-tests" }])
    await send(t, "/reflect")
    await t.waitFor("proposed skill: run-tests (project) \u2014 /skills to review", 20_000)

    await send(t, "/skills")
    const panel = await t.waitFor("Pending review (1)")
    expect(panel).toContain("run-tests")
    expect(panel).toContain("pnpm test -- --run")
    const before = userTexts().length
    server.enqueue([{ text: "Not yet." }])
    await send(t, "hello")
    await t.waitFor("Not yet.")
    expect(userTexts().slice(before).join("\n")).not.toContain("run-tests")

    await send(t, "/skills accept run-tests")
    await t.waitFor('Accepted skill "run-tests": .letta/skills/run-tests/SKILL.md')
    server.enqueue([{ text: "Now offered." }])
    await send(t, "hello again")
    await t.waitFor("Now offered.")
    expect(userTexts().at(-1)).toContain("- run-tests: Runs this repository's tests.")
  })
})

describe("skills in the TUI on the local backend (tmux)", () => {
  it("/skills lists them; the model provider gets the list with the first message", async () => {
    sandbox = makeSandbox()
    writeSkill(sandbox.project, "deploy", "---\nname: deploy\ndescription: Deploys the app to staging.\n---\nSteps.\n")
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries({ ...isolatedEnv(await closedPort()), OLLAMA_HOST: provider.origin })) if (value !== undefined) env[key] = value
    terminal = await Terminal.start({ sandbox, env, args: ["--model", "ollama/qwen3"], width: 120, height: 40 })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    await send(t, "/skills")
    await t.waitFor("deploy · project · .letta/skills/deploy/SKILL.md")
    provider.enqueue({ text: "Local answer." })
    await send(t, "hello local")
    await t.waitFor("Local answer.")
    expect(JSON.stringify(provider.requests.at(-1)?.body ?? null)).toContain("<available_skills>\\n- deploy: Deploys the app to staging.\\n</available_skills>")
  })
})
