import { Chunk, Deferred, Effect, Queue } from "effect"
import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import type { TurnEvent } from "../../../src/domain/events.js"
import { App } from "../../../src/programs/interactive/App.js"
import { makeUiStore } from "../../../src/programs/interactive/store.js"
import { chunk } from "../../support/testLayers.js"
import { eventually, keys, plain, press, tick } from "../../support/ink.js"

const text = (delta: string, otid = "a1"): TurnEvent => ({ _tag: "ServerMessage", chunk: chunk({ message_type: "assistant_message", otid, content: delta }) })
const complete: TurnEvent = { _tag: "TurnComplete", stopReason: "end_turn", finalText: undefined }

const mount = (colour = false) => {
  const store = Effect.runSync(makeUiStore("/project"))
  const app = render(<App store={store} theme={{ colour }} history={[]} />)
  return { store, app, raw: () => app.lastFrame() ?? "", screen: () => plain(app.lastFrame()) }
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
})

describe("the screen", () => {
  it("streams the answer as Markdown, then prints it once", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.addUser("explain")
    store.setBusy(true)
    for (const piece of ["Here is **bold** and `co", "de`.\n\n- one\n- tw"]) store.apply(text(piece))
    await eventually(() => expect(screen()).toContain("* tw"))
    expect(screen()).toContain("● Here is bold and code.")
    expect(screen()).toMatch(/Working… \(\d+s · esc to interrupt\)/)
    store.apply(text("o\n"))
    store.apply(complete)
    store.setBusy(false)
    await eventually(() => expect(screen()).not.toContain("Working"))
    const final = screen()
    expect(count(final, "Here is bold and code.")).toBe(1)
    expect(final).toMatch(/\* one\n\s+\* two/)
    expect(final).toContain("> explain")
  })

  it("draws tool calls with their status and preview, and TodoWrite as a checklist", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "t1", args: { command: "npm test" } })
    await eventually(() => expect(screen()).toContain("◌ Bash(npm test)"))
    store.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t1", status: "error", durationMs: 5, output: "1 failing\nexpected 2" })
    store.apply({ _tag: "ToolStarted", toolName: "TodoWrite", toolCallId: "t2", args: { todos: [{ content: "Fix test", status: "in_progress" }, { content: "Commit", status: "pending" }] } })
    store.apply({ _tag: "ToolResult", toolName: "TodoWrite", toolCallId: "t2", status: "success", durationMs: 0, output: "ok" })
    await eventually(() => expect(screen()).toContain("☐ Commit"))
    expect(screen()).toMatch(/✗ Bash\(npm test\)\n\s+⎿ {2}1 failing\n\s+expected 2/)
    expect(screen()).toMatch(/● TodoWrite\n\s+⎿ {2}◐ Fix test\n\s+☐ Commit/)
  })

  it("shows a running Bash call's last output lines live; Ctrl+O toggles the full output of results", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "t1", args: { command: "make" } })
    store.apply({ _tag: "ToolOutput", toolCallId: "t1", text: "l1\nl2\nl3\nl4\nl5\nl6\nl7\n" })
    await eventually(() => expect(screen()).toMatch(/◌ Bash\(make\)\n\s+⎿ {2}l3\n\s+l4\n\s+l5\n\s+l6\n\s+l7/))
    expect(screen()).not.toContain("l2")
    store.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t1", status: "success", durationMs: 5, output: "l1\nl2\nl3\nl4\nl5\nl6\nl7\n" })
    await eventually(() => expect(screen()).toContain("… +4 lines (ctrl+o to expand)"))
    expect(store.getSnapshot().expanded).toBe(false)
    app.stdin.write("\u000f")
    await eventually(() => expect(store.getSnapshot().expanded).toBe(true))
    await eventually(() => expect(screen()).toMatch(/l5\n\s+l6\n\s+l7/))
    app.stdin.write("\u000f")
    await eventually(() => expect(store.getSnapshot().expanded).toBe(false))
  })

  it("highlights errors and keeps going", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.addNotice("The Letta server failed (HTTP 500) while trying to send the message", "error")
    await eventually(() => expect(screen()).toContain("✗ The Letta server failed (HTTP 500)"))
    expect(screen()).toContain("Type a message")
  })

  it("prints hundreds of committed entries exactly once each, across <Static> windows", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    for (let i = 0; i < 300; i++) {
      store.addNotice(`entry ${String(i).padStart(3, "0")}`, "info")
      if (i % 7 === 0) await tick()
    }
    await eventually(() => expect(screen()).toContain("entry 299"))
    const final = screen()
    for (let i = 0; i < 300; i++) expect(count(final, `entry ${String(i).padStart(3, "0")}\n`)).toBe(1)
    expect(store.getSnapshot().staticItems.length).toBeLessThan(300)
  })

  it("Esc interrupts only while busy; Shift+Tab cycles the mode", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    await eventually(() => expect(screen()).toContain("default mode (shift+tab to cycle)"))
    await press(app, keys.escape)
    store.setBusy(true)
    await press(app, keys.escape, keys.shiftTab)
    const controls = Chunk.toReadonlyArray(Effect.runSync(Queue.takeAll(store.controls)))
    expect(controls).toEqual(["interrupt", "cycleMode"])
    store.setMode("plan")
    await eventually(() => expect(screen()).toContain("⏸ plan mode on"))
  })

  it("Ctrl-C once warns, twice exits", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    await press(app, "draft", keys.ctrlC)
    await eventually(() => expect(screen()).toContain("Press Ctrl-C again to exit"))
    expect(screen()).not.toContain("draft")
    expect(Effect.runSync(Deferred.isDone(store.exitRequested))).toBe(false)
    await press(app, keys.ctrlC)
    expect(Effect.runSync(Deferred.isDone(store.exitRequested))).toBe(true)
  })

  it("Ctrl-C while the agent works interrupts it and does not arm the exit (issue 12, defect 11)", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.setBusy(true)
    await press(app, keys.ctrlC, keys.ctrlC)
    const controls = Chunk.toReadonlyArray(Effect.runSync(Queue.takeAll(store.controls)))
    expect(controls).toEqual(["interrupt", "interrupt"])
    expect(Effect.runSync(Deferred.isDone(store.exitRequested))).toBe(false)
    expect(screen()).not.toContain("Press Ctrl-C again")
    // Idle again: Ctrl-C arms the exit as before.
    store.setBusy(false)
    await press(app, keys.ctrlC)
    await eventually(() => expect(screen()).toContain("Press Ctrl-C again to exit"))
  })

  it("sends what was typed to the session, queued while a turn runs", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.setBusy(true)
    await press(app, "next question", keys.enter)
    await eventually(() => expect(screen()).toContain("↳ queued: next question"))
    const taken = await Effect.runPromise(store.takeSubmission)
    expect(taken).toEqual({ text: "next question", display: "next question" })
    await eventually(() => expect(screen()).not.toContain("queued"))
  })

  it("uses no colour at all without colours (the cursor is reverse video only)", async () => {
    const plainScreen = mount(false)
    plainScreen.store.addNotice("boom", "error")
    plainScreen.store.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t", status: "success", durationMs: 1, output: "ok" })
    await eventually(() => expect(plainScreen.screen()).toContain("boom"))
    // eslint-disable-next-line no-control-regex
    const codes = plainScreen.raw().match(/\u001b\[[0-9;]*m/g) ?? []
    expect(new Set(codes)).toEqual(new Set(["\u001b[7m", "\u001b[27m"]))
    plainScreen.app.unmount()
  })

  it("hides the prompt and footer for the last frame", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    store.addPanel([{ text: "Session stats", bold: true }])
    store.setExiting()
    await eventually(() => expect(screen()).not.toContain("Type a message"))
    expect(screen()).toContain("Session stats")
  })
})
