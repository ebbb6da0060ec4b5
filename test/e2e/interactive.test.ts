/**
 * Interactive mode end to end: the built binary in a real terminal (tmux) against the scripted
 * fake server, typed at like a person would.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { hasTmux, Terminal } from "../support/tmux.js"

let server: FakeLettaServer
let sandbox: Sandbox
let terminal: Terminal | undefined

beforeAll(async () => {
  server = await FakeLettaServer.start({ pingIntervalMs: 200 })
})
afterAll(async () => {
  await server.close()
})
afterEach(async () => {
  await terminal?.stop()
  terminal = undefined
  sandbox?.cleanup()
})

const open = async (options: { readonly args?: ReadonlyArray<string>; readonly width?: number } = {}) => {
  sandbox = makeSandbox()
  terminal = await Terminal.start({ sandbox, serverUrl: server.url, ...options })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

/** The approval entries the client sent, in order. */
const approvalsSent = (): Array<Record<string, unknown>> =>
  server.requests.flatMap((request) => {
    const body = request.body
    if (typeof body !== "object" || body === null || !("messages" in body) || !Array.isArray(body.messages)) return []
    return body.messages.flatMap((message: unknown) =>
      typeof message === "object" && message !== null && "approvals" in message && Array.isArray(message.approvals) ? message.approvals : []
    )
  })

describe.skipIf(!hasTmux())("interactive mode (tmux)", () => {
  it("opens a session and streams a Markdown answer", async () => {
    const t = await open()
    const welcome = await t.screen()
    expect(welcome).toMatch(/New agent agent-[0-9a-f-]+/)
    expect(welcome).toContain("Memory: persona, human, project")
    expect(welcome).toContain(`In ${sandbox.project} · default mode`)
    server.enqueue([{ reasoning: "Greeting back.", text: "Hello **there**, this is `streamed` text.\n\n- first point\n- second point" }])
    await send(t, "hi")
    const screen = await t.waitFor("second point")
    expect(screen).toContain("> hi")
    expect(screen).toContain("✻ Greeting back.")
    expect(screen).toContain("● Hello there, this is streamed text.")
    expect(screen).toMatch(/\* first point\n\s+\* second point/)
  })

  it("runs a command the user approves (yes)", async () => {
    const t = await open({ width: 80 })
    server.enqueue([{ text: "Creating it.", toolCalls: [{ name: "Bash", arguments: { command: "touch marker.txt", description: "Make the marker" } }] }, { text: "Marker made." }])
    await send(t, "make a marker")
    const dialog = await t.waitFor("Do you want to proceed?")
    expect(dialog).toContain("$ touch marker.txt")
    // 80 columns: the dialog's border fits on every line.
    for (const line of dialog.split("\n")) expect(line.length).toBeLessThanOrEqual(80)
    await t.type("1")
    await t.waitFor("Marker made.")
    expect(existsSync(join(sandbox.project, "marker.txt"))).toBe(true)
    expect(await t.screen()).toContain("● Bash(touch marker.txt)")
  })

  it("puts an approval left pending by an earlier session to the user at start, then the agent carries on", async () => {
    const first = await open()
    const agentId = /agent-[0-9a-f-]{36}/.exec(await first.screen())?.[0] ?? ""
    await send(first, "/exit")
    await first.waitFor("[exit 0]")
    await first.stop()
    server.setPendingApproval(agentId, [{ name: "Bash", arguments: { command: "touch resumed.txt" }, id: "call-left" }])
    server.enqueue([{ text: "Picked up where I left off." }])
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--continue"] })
    const dialog = await terminal.waitFor("Do you want to proceed?", 20_000)
    expect(dialog).toContain("waiting for approval of 1 tool call from an earlier session")
    expect(dialog).toContain("$ touch resumed.txt")
    // Shown once, by the turn that resumes it, not also as history.
    expect(dialog).not.toContain("○ Bash(touch resumed.txt)")
    await terminal.type("1")
    await terminal.waitFor("Picked up where I left off.")
    expect(existsSync(join(sandbox.project, "resumed.txt"))).toBe(true)
    expect(approvalsSent()).toContainEqual(expect.objectContaining({ type: "tool", tool_call_id: "call-left", status: "success" }))
    expect(server.agent(agentId)?.pending).toBeNull()
    await terminal.waitFor("Type a message")
  })

  it("a second plain `letta` opens a new agent with the same memory blocks", async () => {
    const first = await open()
    const firstId = /agent-[0-9a-f-]{36}/.exec(await first.screen())?.[0] ?? ""
    await send(first, "/exit")
    await first.waitFor("[exit 0]")
    await first.stop()
    terminal = await Terminal.start({ sandbox, serverUrl: server.url })
    const welcome = await terminal.waitFor("Type a message", 20_000)
    expect(welcome).toMatch(/New agent agent-[0-9a-f-]+/)
    const secondId = /agent-[0-9a-f-]{36}/.exec(welcome)?.[0] ?? ""
    expect(secondId).not.toBe(firstId)
    expect(server.agent(secondId)?.blockIds).toEqual(server.agent(firstId)?.blockIds)
  })

  it("sends the user's reason when they say no", async () => {
    const t = await open()
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "rm -rf build" } }] },
      ({ approvals }) => ({ text: `Understood: ${String(approvals[0]?.["reason"])}` })
    ])
    await send(t, "clean up")
    await t.waitFor("Do you want to proceed?")
    await t.keys("Down", "Down", "Enter")
    await t.waitFor("Tell the agent what to do differently")
    await send(t, "use make clean instead")
    await t.waitFor("Understood: use make clean instead")
    expect(approvalsSent()).toContainEqual(expect.objectContaining({ approve: false, reason: "use make clean instead" }))
    expect(await t.screen()).toContain("Denied: use make clean instead")
  })

  it("'always allow' writes the rule to .letta/settings.local.json and stops asking", async () => {
    const t = await open()
    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command: "git status" } }] }, { text: "Status read." }])
    await send(t, "status?")
    const dialog = await t.waitFor("Do you want to proceed?")
    expect(dialog).toContain("2. Yes, and don't ask again for `git status` commands in this project")
    await t.type("2")
    await t.waitFor("Status read.")
    const local = sandbox.settings("local")
    expect(local?.["permissions"]).toEqual({ allow: ["Bash(git status:*)"] })

    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command: "git status --short" } }] }, { text: "Read again." }])
    await send(t, "again")
    const screen = await t.waitFor("Read again.")
    expect(screen).not.toContain("Do you want to proceed?")
  })

  it("Esc interrupts a slow turn (the server run is cancelled) and the next message works", async () => {
    const t = await open()
    server.enqueue([{ delayMs: 20_000, text: "too late" }])
    const cancelsBefore = server.cancels.length
    await send(t, "long job")
    await t.waitFor(/Working… \(\d+s · esc to interrupt\)/)
    await t.keys("Escape")
    await t.waitFor("Interrupted")
    expect(server.cancels.length).toBeGreaterThan(cancelsBefore)
    server.enqueue([{ text: "Fresh answer." }])
    await send(t, "next")
    await t.waitFor("Fresh answer.")
    expect(await t.screen()).not.toContain("too late")
  })

  it("shows a server error and carries on", async () => {
    const t = await open()
    server.injectFault({ kind: "http", status: 400, detail: "bad request from the fake", route: "messages" })
    await send(t, "this fails")
    await t.waitFor("✗ The Letta server refused to send the message (HTTP 400): bad request from the fake")
    server.enqueue([{ text: "Back to normal." }])
    await send(t, "and now?")
    await t.waitFor("Back to normal.")
  })

  it("/model switches the agent's model on the server", async () => {
    const t = await open()
    const agentId = /agent-[0-9a-f-]{36}/.exec(await t.screen())?.[0]
    await send(t, "/model")
    // The dialog itself: the command list shows the same words while "/model" is being typed.
    await t.waitFor("Type to filter")
    await t.type("gpt-5")
    await t.waitFor(/❯ openai\/gpt-5/)
    await t.keys("Enter")
    await t.waitFor("Model set to openai/gpt-5")
    expect(agentId).toBeDefined()
    expect(server.agent(agentId ?? "")?.model).toBe("openai/gpt-5")
  })

  it("/exit prints the session stats and the process exits 0", async () => {
    const t = await open()
    server.enqueue([{ text: "One answer." }])
    await send(t, "count this")
    await t.waitFor("One answer.")
    await send(t, "/exit")
    const screen = await t.waitFor("[exit 0]")
    expect(screen).toContain("Session stats")
    expect(screen).toMatch(/Total duration \(wall\)\s+\d/)
    expect(screen).toMatch(/Total duration \(API\)\s+\d/)
    expect(screen).toMatch(/Usage\s+1 step · 100 input tokens · \d+ output tokens/)
    expect(screen).toMatch(/Agent\s+agent-/)
    expect(screen).not.toContain("Type a message")
  })

  it("Ctrl-C clears the prompt, twice exits; resuming back-fills the history; no colour with NO_COLOR", async () => {
    const t = await open()
    server.enqueue([{ text: "Remember me." }])
    await send(t, "first words")
    await t.waitFor("Remember me.")
    await t.type("half typed")
    await t.keys("C-c")
    await t.waitFor("Press Ctrl-C again to exit")
    expect(await t.screen()).not.toContain("half typed")
    await t.keys("C-c")
    await t.waitFor("[exit 0]")
    await t.stop()

    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--continue"] })
    const resumed = await terminal.waitFor("Type a message", 20_000)
    expect(resumed).toContain("Resumed agent")
    expect(resumed).toContain("> first words")
    expect(resumed).toContain("● Remember me.")
    await terminal.keys("Up")
    await terminal.waitFor("> first words\n", 5_000)
    const coloured = await terminal.screen(true)
    // eslint-disable-next-line no-control-regex
    const codes = new Set(coloured.match(/\u001b\[[0-9;]*m/g) ?? [])
    // Reverse video (the cursor) and tmux's own resets only: no colour.
    for (const code of codes) expect(["\u001b[7m", "\u001b[27m", "\u001b[0m", "\u001b[m", "\u001b[39m", "\u001b[49m"]).toContain(code)
  })

  it("plan mode: the plan dialog approves the plan and switches to accept-edits; Shift+Tab cycles modes", async () => {
    const t = await open({ args: ["--permission-mode", "plan"] })
    expect(await t.screen()).toContain("⏸ plan mode on")
    server.enqueue([{ toolCalls: [{ name: "ExitPlanMode", arguments: { plan: "1. Read the code\n2. Fix the bug" } }] }, { text: "Coding now." }])
    await send(t, "make a plan")
    const dialog = await t.waitFor("Ready to code?")
    expect(dialog).toContain("1. Read the code")
    expect(dialog).toContain("1. Yes, and auto-accept edits")
    await t.type("1")
    await t.waitFor("Coding now.")
    await t.waitFor("⏵⏵ accept edits on")
    await t.keys("BTab")
    await t.waitFor("⏸ plan mode on")
    await t.keys("BTab")
    await t.waitFor("⚠ bypass permissions on")
    await t.keys("BTab")
    await t.waitFor("default mode (shift+tab to cycle)")
  })

  it("slash commands: /help, /agent, /memory, /permissions, /stream, /clear, unknown", async () => {
    const t = await open()
    const agentId = /agent-[0-9a-f-]{36}/.exec(await t.screen())?.[0] ?? ""
    await send(t, "/help")
    await t.waitFor("Shift+Tab        cycle permission mode")
    await send(t, "/agent")
    await t.waitFor(`Agent ${agentId}`)
    await send(t, "/memory")
    await t.waitFor(/── persona · \d+\/\d+ chars/, 10_000, true)
    await send(t, "/permissions")
    await t.waitFor("Permission mode: default")
    await send(t, "/stream")
    await t.waitFor("Token streaming off")
    expect(sandbox.settings("user")?.["tokenStreaming"]).toBe(false)
    await send(t, "/clear")
    await t.waitFor("Conversation cleared")
    expect(server.requests.some((r) => r.method === "PATCH" && r.path.endsWith(`/agents/${agentId}/reset-messages`))).toBe(true)
    await send(t, "/bogus")
    await t.waitFor("✗ Unknown command: /bogus · /help lists the commands")
  })

  it("keeps a large paste as a placeholder and sends it whole", async () => {
    const t = await open()
    server.enqueue([{ text: "Got the paste." }])
    const pasted = Array.from({ length: 20 }, (_, i) => `pasted line ${i}`).join("\n")
    await t.type("review: ")
    await t.paste(pasted)
    await t.waitFor("review: [Pasted text #1 +20 lines]")
    await t.keys("Enter")
    await t.waitFor("Got the paste.")
    const sent = server.requests.flatMap((r) => (JSON.stringify(r.body ?? "").includes("pasted line 19") ? [r] : []))
    expect(sent.length).toBe(1)
  })
})
