/**
 * Interactive mode end to end: the built binary in a real terminal (tmux) against the scripted
 * fake server, typed at like a person would.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

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

/** Fails unless every part occurs in `text`, in this order. */
const expectInOrder = (text: string, parts: ReadonlyArray<string>) => {
  let from = 0
  for (const part of parts) {
    const at = text.indexOf(part, from)
    if (at === -1) throw new Error(`${JSON.stringify(part)} not found after position ${from} in:\n${text}`)
    from = at + part.length
  }
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

describeNeeding("tmux", hasTmux())("interactive mode (tmux)", () => {
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

  it("--append-system-prompt goes with every message of the session (issue 12, feature 7)", async () => {
    const t = await open({ args: ["--append-system-prompt", "Answer in French."] })
    server.enqueue([{ text: "Bonjour." }])
    await send(t, "hi")
    await t.waitFor("Bonjour.")
    const sent = server.messagePosts().at(-1)
    expect(JSON.stringify(sent?.body)).toContain("<system-reminder>Answer in French.</system-reminder>")
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
    await t.waitFor(/Shift\+Tab +cycle the mode/)
    await send(t, "/agent")
    await t.waitFor(`Agent ${agentId}`)
    await send(t, "/memory")
    await t.waitFor(/persona · \d+\/\d+ chars · block-/, 10_000, true)
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

  it("resuming an agent with several turns shows them all, later turns show in full, /exit prints the stats (issue 12, defect 1)", async () => {
    sandbox = makeSandbox()
    server.enqueue([{ text: "Looking.", toolCalls: [{ name: "Bash", arguments: { command: "echo one" } }] }, { text: "Reply one." }])
    expect((await runLetta(["--allowedTools", "Bash", "-p", "first"], { sandbox, serverUrl: server.url })).code).toBe(0)
    // Headless mode denies a call the rules do not allow: the resumed screen shows it denied, as live.
    server.enqueue([{ text: "Reply two.", toolCalls: [{ name: "Bash", arguments: { command: "rm -rf build" } }] }, { text: "Skipped it." }])
    expect((await runLetta(["--continue", "-p", "second"], { sandbox, serverUrl: server.url })).code).toBe(0)

    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--continue"], height: 40 })
    const resumed = await terminal.waitFor("Type a message", 20_000)
    expect(resumed).not.toContain("more above")
    expectInOrder(resumed, ["Recent conversation:", "> first", "● Looking.", "● Bash(echo one)", "one", "● Reply one.", "> second", "● Reply two.", "⊘ Bash(rm -rf build)", "Denied", "● Skipped it.", "────", "Type a message"])

    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command: "echo three" } }] }, { text: "Reply three." }])
    await send(terminal, "third")
    await terminal.waitFor("Do you want to proceed?")
    await terminal.type("1")
    const after = await terminal.waitFor("Reply three.")
    expect(after).not.toContain("more above")
    expectInOrder(after, ["> third", "● Bash(echo three)", "three", "● Reply three."])
    await send(terminal, "/exit")
    await terminal.waitFor("[exit 0]")
    const scrollback = await terminal.history()
    expectInOrder(scrollback, ["> first", "● Reply one.", "> second", "● Reply two.", "● Skipped it.", "> third", "● Reply three.", "Session stats", "Resume with: letta --agent", "[exit 0]"])
  })

  it("colours follow the terminal: on in a 256-colour terminal, off with NO_COLOR or FORCE_COLOR=0 (issue 12, defect 2)", async () => {
    sandbox = makeSandbox()
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, env: { NO_COLOR: undefined } })
    await terminal.waitFor("Type a message", 20_000)
    server.enqueue([
      { reasoning: "Thinking it over.", text: "## The plan\n\nSome **bold** and `code`.", toolCalls: [{ name: "Write", arguments: { file_path: "notes.txt", content: "hello\n" } }] },
      { text: "Written." }
    ])
    await send(terminal, "write notes")
    await terminal.waitFor("Do you want to proceed?")
    // eslint-disable-next-line no-control-regex
    const sgr = (screen: string) => new Set(screen.match(/\u001b\[[0-9;]*m/g) ?? [])
    const dialog = await terminal.screen(true)
    // The diff's added line is green; the reasoning is dimmed.
    expect(dialog).toMatch(/\u001b\[32m\+ hello/)
    expect(dialog).toMatch(/\u001b\[[0-9;]*2[0-9;]*m[^\n]*Thinking it over\./)
    await terminal.type("1")
    await terminal.waitFor("Written.")
    const done = await terminal.screen(true)
    // A green dot for the finished call, a styled heading without its "##", bold text.
    expect(done).toMatch(/\u001b\[32m●/)
    expect(done).toContain("The plan")
    expect(done).not.toContain("## The plan")
    expect([...sgr(done)].some((code) => /\u001b\[[0-9;]*1[;m]/.test(code))).toBe(true)
    await send(terminal, "/exit")
    await terminal.waitFor("[exit 0]")
    await terminal.stop()

    // FORCE_COLOR=0 turns colour off like NO_COLOR (no colour code; the cursor is reverse video).
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--continue"], env: { NO_COLOR: undefined, FORCE_COLOR: "0" } })
    await terminal.waitFor("Type a message", 20_000)
    for (const code of sgr(await terminal.screen(true))) expect(["\u001b[7m", "\u001b[27m", "\u001b[0m", "\u001b[m", "\u001b[39m", "\u001b[49m"]).toContain(code)
  })

  it("Ctrl-C while the agent works interrupts it, as Esc does, without arming the exit (issue 12, defect 11)", async () => {
    const t = await open()
    server.enqueue([{ delayMs: 20_000, text: "too late" }])
    const cancelsBefore = server.cancels.length
    await send(t, "long job")
    await t.waitFor(/Working… \(\d+s · esc to interrupt\)/)
    await t.keys("C-c")
    const screen = await t.waitFor("Interrupted")
    expect(screen).not.toContain("Press Ctrl-C again")
    expect(server.cancels.length).toBeGreaterThan(cancelsBefore)
    server.enqueue([{ text: "Fresh answer." }])
    await send(t, "next")
    await t.waitFor("Fresh answer.")
    expect(await t.screen()).not.toContain("too late")
  })

  it("Ctrl-C twice in an approval dialog denies the pending call, cancels the run and prints the stats; the agent takes no further step (issue 12, defect 11)", async () => {
    const t = await open()
    const agentId = /agent-[0-9a-f-]{36}/.exec(await t.screen())?.[0] ?? ""
    server.enqueue([{ text: "About to delete.", toolCalls: [{ name: "Bash", arguments: { command: "rm -rf build" } }] }, { text: "Should never be said." }])
    await send(t, "clean up")
    await t.waitFor("Do you want to proceed?")
    await t.keys("C-c")
    await t.waitFor("Press Ctrl-C again to exit")
    await t.keys("C-c")
    await t.waitFor("[exit 0]")
    const scrollback = await t.history()
    expectInOrder(scrollback, ["> clean up", "● About to delete.", "⊘ Bash(rm -rf build)", "Denied", "Session stats", "[exit 0]"])
    const agent = server.agent(agentId)
    expect(agent?.pending).toBeNull()
    const said = JSON.stringify(agent?.messages ?? [])
    expect(said).toContain("About to delete.")
    expect(said).not.toContain("Should never be said.")
    expect(said).toMatch(/denied/i)
  })

  describe("resizing leaves no stale frames, on screen or in the scrollback (issue 12, defect 6)", () => {
    const count = (text: string, needle: string) => text.split(needle).length - 1
    /** Drags the window narrower and wider again, then lets the last resize settle. */
    const drag = async (t: Terminal, widths: ReadonlyArray<number>, height = 30) => {
      for (const width of widths) {
        await t.resize(width, height)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      await new Promise((resolve) => setTimeout(resolve, 600))
    }
    /** Boxes drawn: the welcome's, and the prompt's or the dialog's. */
    const boxTops = (text: string) => text.split("\n").filter((line) => line.startsWith("╭")).length

    it("idle", async () => {
      const t = await open()
      await drag(t, [70, 50, 90, 60])
      const all = await t.waitFor((screen) => screen.includes("Type a message"), 5_000, true)
      expect(count(all, "✻ letta")).toBe(1)
      expect(count(all, "Type a message")).toBe(1)
      expect(boxTops(all)).toBe(2)
      // Drawn for the new width: the box's top border is exactly as wide as the terminal.
      for (const line of all.split("\n").filter((line) => line.startsWith("╭"))) expect(line.length).toBe(60)
      // And it still works.
      server.enqueue([{ text: "Still here." }])
      await send(t, "ping")
      await t.waitFor("Still here.")
    })

    it("with a dialog open", async () => {
      const t = await open()
      server.enqueue([{ text: "Let me check.", toolCalls: [{ name: "Bash", arguments: { command: "touch resized.txt" } }] }, { text: "Done after resize." }])
      await send(t, "check")
      await t.waitFor("Do you want to proceed?")
      await drag(t, [70, 60, 90])
      const all = await t.history()
      expect(count(all, "Run this command?")).toBe(1)
      expect(count(all, "Let me check.")).toBe(1)
      expect(boxTops(all)).toBe(2)
      await t.type("1")
      await t.waitFor("Done after resize.")
      expect(existsSync(join(sandbox.project, "resized.txt"))).toBe(true)
    })

    it("while the agent streams and works", async () => {
      const t = await open()
      const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the streamed answer, long enough to wrap when the window is narrow.`).join("\n\n")
      server.enqueue([{ text: paragraphs, toolCalls: [{ name: "Read", arguments: { file_path: "missing.txt" } }] }, { delayMs: 2_500, text: "Finished streaming." }])
      await send(t, "stream please")
      await t.waitFor(/Working…/)
      await drag(t, [70, 50, 90])
      await t.waitFor("Finished streaming.", 10_000)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const all = await t.history()
      for (let i = 1; i <= 6; i++) expect(count(all, `Paragraph ${i} of`)).toBe(1)
      expect(count(all, "Finished streaming.")).toBe(1)
      expect(all).not.toContain("Working…")
      expect(boxTops(all)).toBe(2)
    })
  })

  it("a prompt given without -p on a terminal starts the session with it sent (issue 12, defect 5)", async () => {
    sandbox = makeSandbox()
    server.enqueue([{ text: "This repo is a test sandbox." }])
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["explain", "this", "repo"] })
    const screen = await terminal.waitFor("This repo is a test sandbox.", 20_000)
    expectInOrder(screen, ["New agent", "> explain this repo", "● This repo is a test sandbox.", "Type a message"])
    expect(JSON.stringify(server.requests.map((r) => r.body))).toContain("explain this repo")
    // It is in the prompt history too.
    await terminal.keys("Up")
    await terminal.waitFor(/> explain this repo\s*│/, 5_000)
  })

  it("↑ goes on through the history past a recalled slash command (issue 12, defect 7)", async () => {
    const t = await open()
    await send(t, "/help")
    await t.waitFor(/Shift\+Tab +cycle the mode/)
    await send(t, "/stream")
    await t.waitFor("Token streaming off")
    await t.keys("Up")
    const recalled = await t.waitFor(/> \/stream\s*│/, 5_000)
    // No command menu under the prompt.
    expect(recalled.slice(recalled.lastIndexOf("╰"))).not.toContain("/stream")
    await t.keys("Up")
    await t.waitFor(/> \/help\s*│/, 5_000)
    await t.keys("Down", "Enter")
    await t.waitFor("Token streaming on")
  })

  it("the welcome is a box; /clear starts the screen afresh; resuming after it shows no empty history (issue 12, defect 13)", async () => {
    const t = await open()
    const welcome = await t.screen()
    const top = welcome.split("\n").findIndex((line) => line.trim().length > 0)
    expect(welcome.split("\n")[top]).toMatch(/^╭─+╮$/)
    expect(welcome.split("\n")[top + 1]).toMatch(/^│ ✻ letta \S+ +│$/)
    server.enqueue([{ text: "Before the clear." }])
    await send(t, "hello there")
    await t.waitFor("Before the clear.")
    await send(t, "/clear")
    await t.waitFor("Conversation cleared")
    const all = await t.history()
    expect(all).not.toContain("Before the clear.")
    expect(all).not.toContain("hello there")
    await send(t, "/exit")
    await t.waitFor("[exit 0]")
    await t.stop()

    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--continue"] })
    const resumed = await terminal.waitFor("Type a message", 20_000)
    expect(resumed).toContain("Resumed agent")
    expect(resumed).not.toContain("Recent conversation:")
  })
})
