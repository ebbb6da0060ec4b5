/**
 * Interactive mode's extras end to end, in a real terminal (tmux): `@file` mentions with Tab
 * completion, `!command` (bash mode), `#note` (project memory), and the bell / OSC 9
 * notification — against the fake Letta server and on the local backend.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
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

const write = (root: string, files: Readonly<Record<string, string>>) => {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative)
    mkdirSync(join(path, ".."), { recursive: true })
    writeFileSync(path, content)
  }
}

const open = async (options: { readonly local?: boolean; readonly args?: ReadonlyArray<string> } = {}) => {
  let env: Record<string, string> | undefined
  if (options.local === true) {
    const closed = await closedPort()
    env = {}
    for (const [key, value] of Object.entries({ ...isolatedEnv(closed), OLLAMA_HOST: provider!.origin })) if (value !== undefined) env[key] = value
  }
  terminal = await Terminal.start({
    sandbox: sandbox!,
    ...(options.local === true ? {} : { serverUrl: server.url }),
    ...(env === undefined ? {} : { env }),
    args: options.args ?? [],
    width: 100,
    height: 40
  })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

/** Every request body the fake server got, as text. */
const bodies = (): string => server.requests.map((request) => JSON.stringify(request.body ?? null)).join("\n")

const PROJECT_FILES = {
  ".gitignore": "dist/\n",
  "src/greet.ts": "export const GREETING_MARKER = 'hello'\n",
  "dist/greet.js": "built\n",
  "secret.txt": "TOP_SECRET_VALUE\n",
  ".letta/settings.json": JSON.stringify({ permissions: { deny: ["Read(secret.txt)", "Bash(rm:*)"] } })
}

describeNeeding("tmux", hasTmux())("interactive extras (tmux)", () => {
  it("@ offers project files (gitignored ones left out), Tab completes, and the allowed file is attached", async () => {
    sandbox = makeSandbox()
    write(sandbox.project, PROJECT_FILES)
    const t = await open()
    await t.type("explain @gre")
    const menu = await t.waitFor("❯ @src/greet.ts")
    expect(menu).not.toContain("dist/greet.js")
    await t.keys("Tab")
    await t.waitFor("> explain @src/greet.ts")
    server.enqueue([{ text: "It exports a greeting." }])
    await send(t, "and @secret.txt")
    const screen = await t.waitFor("It exports a greeting.")
    expect(screen).toContain("Attached src/greet.ts (1 line)")
    expect(screen).toContain("@secret.txt not attached: Permission denied by rule Read(secret.txt)")
    const sent = bodies()
    expect(sent).toContain('<file path=\\"src/greet.ts\\">')
    expect(sent).toContain("GREETING_MARKER")
    expect(sent).not.toContain("TOP_SECRET_VALUE")
  })

  it("! runs a command (a deny rule refuses it), its output goes with the next message; # has the agent file a note", async () => {
    sandbox = makeSandbox()
    write(sandbox.project, PROJECT_FILES)
    const t = await open()
    await send(t, "!echo shell-said-$((40+2))")
    await t.waitFor("⎿  shell-said-42")
    await send(t, "!rm -f src/greet.ts")
    await t.waitFor("Not run: Permission denied by rule Bash(rm:*)")
    expect(existsSync(join(sandbox.project, "src/greet.ts"))).toBe(true)
    server.enqueue([
      { serverToolCalls: [{ name: "memory", arguments: { command: "insert", path: "/memories/project", insert_text: "Tests run with vitest." } }], text: "Filed in project memory: tests run with vitest." }
    ])
    await send(t, "# tests run with vitest")
    await t.waitFor("Filed in project memory: tests run with vitest.")
    expect(server.blocks().some((block) => block.label === "project" && block.value.includes("Tests run with vitest."))).toBe(true)
    expect(bodies()).toContain("The user asks you to remember the note below.")
    expect(bodies()).toContain("tests run with vitest")
    await send(t, "/remember")
    await t.waitFor("Usage: /remember <what to remember>")
    writeFileSync(join(sandbox.project, "AGENTS.md"), "INIT_MARKER: run npm test.\n")
    server.enqueue([{ serverToolCalls: [{ name: "memory_rethink", arguments: { label: "project", new_memory: "Run npm test." } }], text: "Wrote the project memory." }])
    await send(t, "/init")
    await t.waitFor("Wrote the project memory.")
    expect(bodies()).toContain("INIT_MARKER: run npm test.")
    expect(server.blocks().some((block) => block.label === "project" && block.value === "Run npm test.")).toBe(true)
    // /reflect runs in the background: a slow pass does not hold the prompt up.
    server.enqueue([{ delayMs: 2_500, serverToolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: "Likes vitest." } }], text: "human: likes vitest" }])
    server.enqueue([{ text: "Still here." }])
    const messagePosts = () => server.messagePosts().length
    const before = messagePosts()
    await send(t, "/reflect")
    await t.waitFor("Reflecting on this session in the background")
    // The scripts are taken in order: the reflection's message must reach the server first.
    for (let i = 0; i < 200 && messagePosts() === before; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(messagePosts()).toBe(before + 1)
    await send(t, "are you there?")
    const answered = await t.waitFor("Still here.")
    expect(answered).not.toContain("learned:")
    await t.waitFor("learned: human: Likes vitest. \u2014 /memory to review", 15_000)
    server.enqueue([{ text: "Saw the output." }])
    await send(t, "what did it print?")
    await t.waitFor("Saw the output.")
    expect(bodies()).toContain("<bash-input>echo shell-said-$((40+2))</bash-input>\\n<bash-output>shell-said-42</bash-output>")
  })

  it("rings the bell with an OSC 9 notification when an approval waits; notifications: false turns it off", async () => {
    for (const enabled of [true, false]) {
      sandbox?.cleanup()
      sandbox = makeSandbox()
      if (!enabled) write(sandbox.home, { ".letta/settings.json": JSON.stringify({ notifications: false }) })
      const t = await open()
      const log = join(sandbox.root, "output.log")
      writeFileSync(log, "")
      await t.recordOutput(log)
      server.enqueue([{ text: "Checking.", toolCalls: [{ name: "Bash", arguments: { command: "touch marker.txt", description: "Make the marker" } }] }, { text: "Left it." }])
      await send(t, "make a marker")
      await t.waitFor("Do you want to proceed?")
      await t.keys("Escape")
      await t.waitFor("Left it.")
      const raw = readFileSync(log, "utf8")
      if (enabled) expect(raw).toContain("\u0007\u001b]9;letta: approve Bash?\u0007")
      else expect(raw).not.toContain("\u001b]9;")
      await t.stop()
      terminal = undefined
    }
  })

  it("rings when something that took longer than 10 s ends", async () => {
    sandbox = makeSandbox()
    const t = await open()
    const log = join(sandbox.root, "output.log")
    writeFileSync(log, "")
    await t.recordOutput(log)
    await send(t, "!sleep 10.5; echo slept")
    await t.waitFor("⎿  slept", 20_000)
    await t.waitFor(() => readFileSync(log, "utf8").includes("\u0007\u001b]9;letta: done\u0007"), 2_000)
  }, 30_000)

  it("works on the local backend: @ mention attached, ! output in context, /remember filed by the agent", async () => {
    sandbox = makeSandbox()
    write(sandbox.project, PROJECT_FILES)
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    const t = await open({ local: true, args: ["--model", "ollama/qwen3"] })
    await send(t, "!echo local-shell-ok")
    await t.waitFor("⎿  local-shell-ok")
    provider.enqueue(
      { toolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Deploys go through staging." } }] },
      { text: "Filed in project memory." }
    )
    await send(t, "/remember deploys go through staging")
    await t.waitFor("Filed in project memory.")
    provider.enqueue({ text: "Read it." })
    await t.type("look at @src/gre")
    await t.waitFor("❯ @src/greet.ts")
    await t.keys("Tab")
    await t.keys("Enter")
    await t.waitFor("Read it.")
    const last = JSON.stringify(provider.requests.at(-1)?.body ?? null)
    expect(last).toContain("GREETING_MARKER")
    expect(last).toContain("<bash-input>echo local-shell-ok</bash-input>")
    // The note is in the project block of the system prompt now.
    expect(last).toContain("Deploys go through staging.")
  })
})
