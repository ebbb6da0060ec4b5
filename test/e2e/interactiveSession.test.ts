/**
 * Issue 12, "what Claude Code users missed most": the session's context and cost — the status
 * line under the input, /status (/cost) and /compact — and the resume picker (`--resume`,
 * `/resume`), in a real terminal (tmux), on both backends: the fake Letta server, and the local
 * backend with a scripted model provider.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, expect, it } from "vitest"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { closedPort, FakeProvider, isolatedEnv } from "../support/localE2e.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

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
  await provider?.close()
  sandbox?.cleanup()
  terminal = undefined
  provider = undefined
  sandbox = undefined
})

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

const openCloud = async (args: ReadonlyArray<string> = [], width = 120) => {
  sandbox = makeSandbox()
  terminal = await Terminal.start({ sandbox, serverUrl: server.url, args, width, height: 40 })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

const openLocal = async (args: ReadonlyArray<string>, width = 120) => {
  sandbox ??= makeSandbox()
  const closed = await closedPort()
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...isolatedEnv(closed), OLLAMA_HOST: provider!.origin })) if (value !== undefined) env[key] = value
  terminal = await Terminal.start({ sandbox, args, env, width, height: 40 })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

describeNeeding("tmux", hasTmux())("context and cost (tmux)", () => {
  it("cloud: the status line shows mode, model and context used; /status and /cost; /compact asks the server", async () => {
    const t = await openCloud()
    // Before any reply: the mode and the model (the window once the model list answers).
    const first = await t.waitFor(/default mode \(shift\+tab to cycle\) · \S+\/\S+/)
    expect(first).toMatch(/default mode \(shift\+tab to cycle\) · \S+ · (\d+k context · )?\/help/)
    server.enqueue([{ text: "Counted.", usage: { prompt_tokens: 5_000, completion_tokens: 100 } }])
    await send(t, "count the files")
    await t.waitFor("Counted.")
    const line = await t.waitFor(/5k\/\d+k context \(\d+%\)|5k context/)
    expect(line).toMatch(/default mode \(shift\+tab to cycle\) · \S+ · 5k(\/\d+k)? context/)

    await send(t, "/status")
    const status = await t.waitFor("Context")
    expect(status).toMatch(/Context\s+5,100 (of [\d,]+ tokens \(\d+%\)|tokens \(window unknown\))/)
    expect(status).toMatch(/Tokens\s+5,000 in · 100 out \(this session\)/)
    expect(status).toMatch(/Steps\s+1 model step \(this session\)/)
    expect(status).toMatch(/Mode\s+default/)

    await send(t, "/cost")
    await t.waitFor((screen) => screen.split("5,000 in · 100 out").length - 1 >= 2)

    await send(t, "/compact")
    const compacted = await t.waitFor("Conversation compacted")
    expect(compacted).toMatch(/Conversation compacted: \d+ messages in the context → \d+/)
    expect(server.requests.some((r) => r.method === "POST" && /^\/v1\/agents\/agent-[^/]+\/summarize$/.test(r.path))).toBe(true)
    // The context's size is known again only after the next reply.
    await t.waitFor((screen) => !/5k(\/\d+k)? context \(/.test(screen.split("\n").slice(-4).join("\n")))

    // Shift+Tab: the status line follows the mode.
    await t.keys("BTab")
    await t.waitFor(/accept edits on \(shift\+tab to cycle\) · \S+/)
  })

  it("cloud: the status line fits a narrow terminal (cut, never wrapped)", async () => {
    const t = await openCloud([], 50)
    const screen = await t.waitFor(/default mode \(shift\+tab/)
    for (const row of screen.split("\n")) expect(row.length).toBeLessThanOrEqual(50)
  })

  it("local: context used of the model's window; /compact summarises the history with the model", async () => {
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    provider.enqueue({ text: "First answer." }, { text: "Second answer." }, { text: "SUMMARY: two questions answered." }, { text: "Third answer." })
    // A reflection pass before /compact would take one of the scripted replies (reflectionTriggers.test.ts covers it).
    sandbox = makeSandbox()
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(join(sandbox.home, ".letta", "settings.json"), JSON.stringify({ reflection: { auto: false } }))
    const t = await openLocal(["--model", "ollama/qwen3"])
    await send(t, "question one")
    await t.waitFor("First answer.")
    await send(t, "question two")
    await t.waitFor("Second answer.")
    await t.waitFor(/ollama\/qwen3\S* · \d+(k)?(\/\d+k)? context/)

    await send(t, "/status")
    const status = await t.waitFor("Backend")
    expect(status).toMatch(/Backend\s+the local backend/)
    expect(status).toMatch(/Steps\s+2 model steps/)
    expect(status).toMatch(/Context\s+[\d,]+ (of [\d,]+ tokens|tokens)/)

    await send(t, "/compact")
    await t.waitFor("Conversation compacted: 4 messages in the context → 1")
    // The summary request went to the model (no tools); the next turn starts from the summary.
    await send(t, "question three")
    await t.waitFor("Third answer.")
    const last = provider.requests.at(-1)!
    const body = JSON.stringify(last.body)
    expect(body).toContain("SUMMARY: two questions answered.")
    expect(body).not.toContain("First answer.")
  })
})

const localEnv = async () => {
  const closed = await closedPort()
  return { ...isolatedEnv(closed), OLLAMA_HOST: provider!.origin }
}

const AGENT_ID = /agent-[0-9a-f-]{36}/

describeNeeding("tmux", hasTmux())("the resume picker (tmux)", () => {
  it("cloud: --resume lists this project's agents with first prompt and age; the choice is resumed with its history; /resume switches", async () => {
    sandbox = makeSandbox()
    server.enqueue([{ text: "Listed them." }], [{ text: "Tests pass." }])
    const first = await runLetta(["-p", "--output-format", "json", "first task: list the files"], { sandbox, serverUrl: server.url })
    const second = await runLetta(["-p", "--output-format", "json", "second task: run the tests"], { sandbox, serverUrl: server.url })
    expect([first.code, second.code]).toEqual([0, 0])
    const firstId = String(JSON.parse(first.stdout)["agent_id"])
    const secondId = String(JSON.parse(second.stdout)["agent_id"])
    expect(firstId).not.toBe(secondId)
    // An agent of another project is not listed.
    const other = makeSandbox()
    server.enqueue([{ text: "Elsewhere." }])
    await runLetta(["-p", "other project's task"], { sandbox: other, serverUrl: server.url })
    other.cleanup()

    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--resume"], width: 120, height: 40 })
    const picker = await terminal.waitFor("Resume an agent of this project", 20_000)
    expect(picker).toMatch(/second task: run the tests\s+just now · agent-/)
    expect(picker).toContain("first task: list the files")
    expect(picker).not.toContain("other project's task")
    // Most recently used first; typing filters.
    expect(picker.indexOf("second task")).toBeLessThan(picker.indexOf("first task"))
    await terminal.type("first")
    await terminal.keys("Enter")
    const resumed = await terminal.waitFor("Listed them.")
    expect(resumed).toContain(`Resumed agent ${firstId}`)
    expect(resumed).toContain("> first task: list the files")
    expect(resumed).toContain("Listed them.")

    await send(terminal, "/resume")
    await terminal.waitFor((screen) => screen.includes("Resume an agent of this project") && screen.includes("(current)"))
    await terminal.type("second")
    await terminal.keys("Enter")
    const switched = await terminal.waitFor(`Resumed agent ${secondId}`)
    expect(switched).toContain("> second task: run the tests")
    expect(switched).toContain("Tests pass.")
    server.enqueue([{ text: "Talking to the second agent." }])
    await send(terminal, "who are you")
    await terminal.waitFor("Talking to the second agent.")
    const sentTo = server.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages")).at(-1)!.path
    expect(sentTo).toContain(secondId)
    await send(terminal, "/exit")
    const exited = await terminal.waitFor("[exit 0]")
    expect(exited).toContain(`Resume with: letta --agent ${secondId}`)
  })

  it("cloud: --resume with no agent of this project starts a new one; Ctrl-C twice leaves the picker", async () => {
    sandbox = makeSandbox()
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["-r"], width: 100, height: 30 })
    const fresh = await terminal.waitFor("New agent", 20_000)
    expect(fresh).toContain("No agent of this project to resume yet.")
    await send(terminal, "/exit")
    await terminal.waitFor("[exit 0]")
    await terminal.stop()

    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--resume"], width: 100, height: 30 })
    await terminal.waitFor("Resume an agent of this project", 20_000)
    await terminal.keys("C-c")
    await terminal.waitFor("Press Ctrl-C again to exit")
    await terminal.keys("C-c")
    await terminal.waitFor("[exit 0]")
  })

  it("cloud: headless -r <agent-id> is --agent; -r without an id needs a terminal", async () => {
    sandbox = makeSandbox()
    server.enqueue([{ text: "Made." }], [{ text: "Again." }])
    const made = await runLetta(["-p", "--output-format", "json", "make one"], { sandbox, serverUrl: server.url })
    const agentId = String(JSON.parse(made.stdout)["agent_id"])
    const again = await runLetta(["-p", "-r", agentId, "--output-format", "json", "hello"], { sandbox, serverUrl: server.url })
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ agent_id: agentId, result: "Again." })
    const bare = await runLetta(["-p", "-r", "hello"], { sandbox, serverUrl: server.url })
    expect(bare.code).toBe(2)
    expect(bare.stderr).toContain("-r <agent-id>")
  })

  it("local: --resume lists the project's local agents; the chosen one is resumed", async () => {
    sandbox = makeSandbox()
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    provider.enqueue({ text: "Local one." }, { text: "Local two." })
    const env = await localEnv()
    const first = await runLetta(["-p", "--backend", "local", "--model", "ollama/qwen3", "--output-format", "json", "local first prompt"], { sandbox, env })
    expect(first.code).toBe(0)
    const firstId = String(JSON.parse(first.stdout)["agent_id"])
    await runLetta(["-p", "--backend", "local", "--model", "ollama/qwen3", "local second prompt"], { sandbox, env })
    const t = await (async () => {
      const clean: Record<string, string> = {}
      for (const [key, value] of Object.entries(env)) if (value !== undefined) clean[key] = value
      terminal = await Terminal.start({ sandbox: sandbox!, args: ["--backend", "local", "-r"], env: clean, width: 120, height: 40 })
      return terminal
    })()
    const picker = await t.waitFor("Resume an agent of this project", 20_000)
    expect(picker).toMatch(/local second prompt\s+just now · agent-/)
    await t.keys("Down", "Enter")
    const resumed = await t.waitFor("Local one.")
    expect(resumed).toContain(`Resumed agent ${firstId}`)
    expect(resumed).toContain("Local one.")
    expect(AGENT_ID.test(resumed)).toBe(true)
  })
})
