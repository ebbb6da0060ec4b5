/**
 * Reflection nobody asked for, in a real terminal (tmux) against the fake Letta server: at exit
 * (the session waits for it; Esc skips it and memory stays as it was), every
 * `reflection.everySteps` steps in the background, and never with `reflection.auto: false`.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, expect, it } from "vitest"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { closedPort, FakeProvider, isolatedEnv } from "../support/localE2e.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

let server: FakeLettaServer
let sandbox: Sandbox
let terminal: Terminal | undefined
let provider: FakeProvider | undefined

beforeEach(async () => {
  server = await FakeLettaServer.start({ pingIntervalMs: 200 })
  sandbox = makeSandbox()
})
afterEach(async () => {
  await terminal?.stop()
  terminal = undefined
  await provider?.close()
  provider = undefined
  await server.close()
  sandbox.cleanup()
})

const userSettings = (settings: object) => {
  mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
  writeFileSync(join(sandbox.home, ".letta", "settings.json"), JSON.stringify(settings))
}

const open = async () => {
  terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 110, height: 40 })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

/** The local backend against a fake Ollama: its environment, for the terminal and for runLetta. */
const localEnv = async (): Promise<Record<string, string>> => {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...isolatedEnv(await closedPort()), OLLAMA_HOST: provider!.origin })) if (value !== undefined) env[key] = value
  return env
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

const reflectionAgentsCreated = () =>
  server.requests.filter((r) => r.method === "POST" && /\/v1\/agents\/?$/.test(r.path) && JSON.stringify(r.body).includes("letta-code:reflection")).length

const block = (label: string) => server.blocks().find((each) => each.label === label)?.value ?? ""

describeNeeding("tmux", hasTmux())("automatic reflection (tmux)", () => {
  it("at exit: the session reflects before it closes, and says what it learned", async () => {
    const t = await open()
    server.enqueue([{ text: "Sorry, pnpm it is." }])
    await send(t, "use pnpm, not npm")
    await t.waitFor("Sorry, pnpm it is.")
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }], text: "project: pnpm" }])
    await send(t, "/exit")
    const screen = await t.waitFor("[exit 0]", 30_000, true)
    expect(screen).toContain("Reflecting on this session before exit")
    expect(screen).toContain("learned: project: Use pnpm, not npm.")
    expect(block("project")).toContain("Use pnpm, not npm.")
    expect(reflectionAgentsCreated()).toBe(1)
    expect(server.agents()).toHaveLength(1)
  })

  it("Esc skips the pass at exit: the session ends at once and memory is unchanged", async () => {
    const t = await open()
    server.enqueue([{ text: "Noted." }])
    await send(t, "use pnpm, not npm")
    await t.waitFor("Noted.")
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }] }, { delayMs: 20_000, text: "slow" }])
    await send(t, "/exit")
    await t.waitFor("Esc to skip", 15_000)
    // The pass has made its edit and waits on its slow second step.
    for (let i = 0; i < 200 && !block("project").includes("Use pnpm"); i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(block("project")).toContain("Use pnpm")
    const skippedAt = Date.now()
    await t.keys("Escape")
    const screen = await t.waitFor("[exit 0]", 15_000, true)
    expect(Date.now() - skippedAt).toBeLessThan(10_000)
    expect(screen).toContain("Reflection skipped: memory is unchanged")
    expect(block("project")).not.toContain("Use pnpm")
  })

  it("every reflection.everySteps steps, in the background; nothing new at exit is no pass", async () => {
    userSettings({ reflection: { everySteps: 2 } })
    const t = await open()
    server.enqueue([{ text: "One." }])
    await send(t, "first")
    await t.waitFor("One.")
    expect(reflectionAgentsCreated()).toBe(0)
    server.enqueue([{ text: "Two." }])
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: "Counts in words." } }], text: "human: words" }])
    await send(t, "second")
    await t.waitFor("learned: human: Counts in words.", 20_000)
    expect(reflectionAgentsCreated()).toBe(1)
    await send(t, "/exit")
    const screen = await t.waitFor("[exit 0]", 20_000, true)
    expect(screen).not.toContain("Reflecting on this session before exit")
    expect(reflectionAgentsCreated()).toBe(1)
  })

  it("before /compact: a pass learns from the history about to be summarised away", async () => {
    userSettings({ reflection: { everySteps: 0 } })
    const t = await open()
    server.enqueue([{ text: "Noted." }])
    await send(t, "the staging host is stage-7")
    await t.waitFor("Noted.")
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Staging host: stage-7." } }], text: "project: staging" }])
    await send(t, "/compact")
    await t.waitFor("Conversation compacted")
    await t.waitFor("learned: project: Staging host: stage-7.", 20_000)
    expect(reflectionAgentsCreated()).toBe(1)
  })

  it("reflection.auto false: no pass at exit; /reflect still runs one", async () => {
    userSettings({ reflection: { auto: false } })
    const t = await open()
    server.enqueue([{ text: "Fine." }])
    await send(t, "hello")
    await t.waitFor("Fine.")
    server.enqueue([{ text: "nothing to learn" }])
    await send(t, "/reflect")
    await t.waitFor("Reflection: nothing to learn", 20_000)
    expect(reflectionAgentsCreated()).toBe(1)
    server.enqueue([{ text: "Again." }])
    await send(t, "more")
    await t.waitFor("Again.")
    await send(t, "/exit")
    const screen = await t.waitFor("[exit 0]", 20_000, true)
    expect(screen).not.toContain("Reflecting on this session before exit")
    expect(reflectionAgentsCreated()).toBe(1)
  })

  it("local backend: the pass at exit runs in-process; its change is in the block's history as the reflection's", async () => {
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    provider.enqueue(
      { text: "Sorry, pnpm it is." },
      { toolCalls: [{ id: "call_reflect", name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }] },
      { text: "project: pnpm" }
    )
    const env = await localEnv()
    terminal = await Terminal.start({ sandbox, env, args: ["--model", "ollama/qwen3"], width: 110, height: 40 })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    await send(t, "use pnpm, not npm")
    await t.waitFor("Sorry, pnpm it is.")
    await send(t, "/exit")
    const screen = await t.waitFor("[exit 0]", 30_000, true)
    expect(screen).toContain("learned: project: Use pnpm, not npm.")
    const history = await runLetta(["memory", "history", "project"], { sandbox, env, timeoutMs: 20_000 })
    expect(history.stdout).toMatch(/reflection by agent-[\w-]+: added "Use pnpm, not npm\."/)
    expect((await runLetta(["agents", "list"], { sandbox, env, timeoutMs: 20_000 })).stdout.trim().split("\n")).toHaveLength(2)
  })
})
