/**
 * What makes reflection safe to leave on, end to end with the built binary: a pass that fails
 * half-way leaves memory as it found it; a pass reads only what happened since the previous one;
 * a skill it proposes waits aside until the user accepts it, and is offered from the next turn
 * on. On a fake Letta server and on the local backend.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { useServerSandbox } from "../support/serverE2e.js"
import { userTextsOf, useLocalSandbox, writeUserSettings } from "../support/localE2e.js"
import { BLOCK_LIMIT } from "../../src/domain/memory.js"

const SKILL = {
  name: "run-tests",
  description: "How to run this repository's tests: use when asked to test or verify a change.",
  body: "1. Run `pnpm install`.\n2. Run `pnpm test -- --run`.\n",
  scope: "project"
}

describe("reflection safety (Letta server)", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  useServerSandbox((each, box) => {
    server = each
    sandbox = box
  })
  const letta = (args: ReadonlyArray<string>) => runLetta(args, { sandbox, serverUrl: server.url, timeoutMs: 30_000 })
  const posts = () => server.messagePosts()
  const block = (label: string) => server.blocks().find((each) => each.label === label)?.value ?? ""

  it("a pass that fails after an edit gives the block its value back, and says so in one line", async () => {
    server.enqueue([{ text: "Sorry, pnpm it is." }])
    server.enqueue([
      { serverToolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }] },
      { streamError: { error_type: "llm_error", message: "model overloaded" } }
    ])
    const result = await letta(["-p", "use pnpm, not npm", "--reflect"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Sorry, pnpm it is.\n")
    expect(result.stderr).toMatch(/^letta: reflection failed: .+\n$/)
    expect(block("project")).not.toContain("Use pnpm")
    expect(server.agents()).toHaveLength(1)
  })

  it("the next pass reads only what came after the previous one", async () => {
    server.enqueue([{ text: "First answer." }])
    server.enqueue([{ text: "nothing to learn" }])
    expect((await letta(["-p", "first question", "--reflect"])).code).toBe(0)
    server.enqueue([{ text: "Second answer." }])
    server.enqueue([{ text: "nothing to learn" }])
    expect((await letta(["-p", "second question", "--continue", "--reflect"])).code).toBe(0)
    const second = JSON.stringify(posts()[3]!.body)
    expect(second).toContain("User: second question")
    expect(second).not.toContain("first question")
  })

  it("a block near its limit is named in the pass's message, to be rewritten shorter", async () => {
    server.enqueue([{ text: "Hi." }])
    expect((await letta(["-p", "hi"])).code).toBe(0)
    const big = join(sandbox.root, "big.txt")
    writeFileSync(big, `${"Durable fact. ".repeat(Math.ceil((BLOCK_LIMIT * 0.95) / 14))}`.slice(0, Math.floor(BLOCK_LIMIT * 0.95)))
    expect((await letta(["memory", "set", "project", "--file", big])).code).toBe(0)
    server.enqueue([{ text: "Noted." }])
    server.enqueue([{ text: "nothing to learn" }])
    expect((await letta(["-p", "thanks", "--continue", "--reflect"])).code).toBe(0)
    const message = JSON.stringify(posts().at(-1)!.body)
    expect(message).toContain("Near their character limit, so rewrite each shorter, keeping everything durable: project (95% of")
    expect(message).not.toMatch(/human \(\d+%/)
  })

  it("propose_skill: the proposal waits aside (not offered) until accepted; stream-json lists it", async () => {
    server.enqueue([{ text: "Tests pass with pnpm test." }])
    server.enqueue([{ toolCalls: [{ name: "propose_skill", arguments: SKILL }] }, { text: "proposed run-tests" }])
    const result = await letta(["-p", "run the tests", "--reflect", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines.find((line) => line["type"] === "skill_proposal")).toMatchObject({ type: "skill_proposal", name: "run-tests", scope: "project", status: "pending" })
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()
    // The pass was offered the tool; the run's own turn was not.
    expect(JSON.stringify(posts()[1]!.body)).toContain("propose_skill")
    expect(JSON.stringify(posts()[0]!.body)).not.toContain("propose_skill")
    // The tool's answer went back to the pass.
    expect(JSON.stringify(posts()[2]!.body)).toContain("Recorded skill")

    expect(existsSync(join(sandbox.project, ".letta", "skills", "run-tests"))).toBe(false)
    expect((await letta(["skills", "list"])).stdout).not.toContain("run-tests")
    const pending = await letta(["skills", "pending"])
    expect(pending.stdout).toContain("run-tests")
    expect(pending.stdout).toContain("pnpm test -- --run")

    server.enqueue([{ text: "ok" }])
    expect((await letta(["-p", "hello"])).code).toBe(0)
    expect(JSON.stringify(posts().at(-1)!.body)).not.toContain("run-tests")

    const accepted = await letta(["skills", "accept", "run-tests"])
    expect(accepted.code).toBe(0)
    expect(existsSync(join(sandbox.project, ".letta", "skills", "run-tests", "SKILL.md"))).toBe(true)
    server.enqueue([{ text: "ok again" }])
    expect((await letta(["-p", "hello again"])).code).toBe(0)
    expect(JSON.stringify(posts().at(-1)!.body)).toContain("run-tests")
  })

  it("a failed pass stores none of its proposals", async () => {
    server.enqueue([{ text: "Done." }])
    server.enqueue([{ toolCalls: [{ name: "propose_skill", arguments: SKILL }] }, { streamError: { error_type: "llm_error", message: "model overloaded" } }])
    const result = await letta(["-p", "run the tests", "--reflect"])
    expect(result.stderr).toMatch(/^letta: reflection failed: .+\n$/)
    expect((await letta(["skills", "pending"])).stdout).not.toContain("run-tests")
  })
})

describe("reflection safety (local backend)", () => {
  let sandbox: Sandbox
  const start = useLocalSandbox((each) => {
    sandbox = each
  })

  it("a pass that fails after an edit is reverted: the block, its next context and its history say so", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue(
      { text: "Sorry, pnpm it is." },
      { toolCalls: [{ id: "call_reflect", name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }] },
      { error: { status: 400, message: "this request is malformed" } }
    )
    const result = await letta(["-p", "use pnpm, not npm", "--reflect", "--model", provider.model])
    expect(result.stdout).toBe("Sorry, pnpm it is.\n")
    expect(result.stderr).toMatch(/^letta: reflection failed: .+\n$/)
    expect((await letta(["memory", "show", "project"])).stdout).not.toContain("Use pnpm")
    const history = await letta(["memory", "history", "project"])
    expect(history.stdout).toMatch(/reflection by agent-/)
    expect(history.stdout).toMatch(/revert/)
    provider.fake.enqueue({ text: "Using npm." })
    expect((await letta(["-p", "install deps"])).code).toBe(0)
    expect(JSON.stringify(calls().at(-1)!.body)).not.toContain("Use pnpm, not npm.")
  })

  it("propose_skill with reflection.skills \"auto\" in the user's settings installs it; a project's setting cannot", async () => {
    const { provider, letta, calls } = await start("openai")
    mkdirSync(join(sandbox.project, ".letta"), { recursive: true })
    writeFileSync(join(sandbox.project, ".letta", "settings.json"), JSON.stringify({ reflection: { skills: "auto" } }))
    provider.fake.enqueue({ text: "Tested." }, { toolCalls: [{ id: "call_skill", name: "propose_skill", arguments: SKILL }] }, { text: "proposed" })
    const first = await letta(["-p", "run the tests", "--reflect", "--model", provider.model])
    expect(first.stderr).toBe("letta: proposed skill: run-tests (project) \u2014 letta skills accept run-tests to install it\n")
    expect(existsSync(join(sandbox.project, ".letta", "skills", "run-tests"))).toBe(false)
    expect((await letta(["skills", "reject", "run-tests"])).code).toBe(0)

    writeUserSettings(sandbox, { reflection: { skills: "auto" } })
    provider.fake.enqueue({ text: "Tested again." }, { toolCalls: [{ id: "call_skill2", name: "propose_skill", arguments: SKILL }] }, { text: "proposed" })
    const second = await letta(["-p", "run the tests again", "--continue", "--reflect"])
    expect(second.stderr).toBe("letta: new skill: run-tests (project), offered from the next turn\n")
    expect(existsSync(join(sandbox.project, ".letta", "skills", "run-tests", "SKILL.md"))).toBe(true)
    provider.fake.enqueue({ text: "Hi." })
    expect((await letta(["-p", "hi", "--continue"])).code).toBe(0)
    expect(userTextsOf(provider.kind, calls().at(-1)!).join("\n")).toContain("run-tests")
  })
})
