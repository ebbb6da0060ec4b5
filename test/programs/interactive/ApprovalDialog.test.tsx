import { Effect } from "effect"
import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import type { ApprovalChoice, ApprovalDialog } from "../../../src/domain/dialogs.js"
import type { TurnEvent } from "../../../src/domain/events.js"
import { App } from "../../../src/programs/interactive/App.js"
import { makeUiStore, type UiStore } from "../../../src/programs/interactive/store.js"
import { chunk } from "../../support/testLayers.js"
import { eventually, keys, plain, press } from "../../support/ink.js"

const bash = (command: string, suggestion = true, toolCallId = "call-1"): ApprovalDialog => ({
  _tag: "Tool",
  toolCallId,
  toolName: "Bash",
  title: "Run this command?",
  preview: { _tag: "Command", command, description: "List the files" },
  suggestion: suggestion ? { rule: "Bash(git diff:*)", scope: "local", label: "Yes, and don't ask again for `git diff` commands in this project" } : undefined
})

const mount = () => {
  const store = Effect.runSync(makeUiStore("/project"))
  const app = render(<App store={store} theme={{ colour: false }} history={[]} />)
  const screen = () => plain(app.lastFrame())
  const ask = (dialog: ApprovalDialog): Promise<ApprovalChoice> => Effect.runPromise(store.present(dialog))
  return { store, app, screen, ask }
}

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
})

const started = async (screen: () => string, text: string) => eventually(() => expect(screen()).toContain(text))

describe("approval dialog", () => {
  it("shows the command and the three choices; 1 answers yes", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("git diff --stat"))
    await started(screen, "Run this command?")
    expect(screen()).toContain("$ git diff --stat")
    expect(screen()).toContain("List the files")
    expect(screen()).toContain("❯ 1. Yes")
    expect(screen()).toContain("2. Yes, and don't ask again for `git diff` commands in this project")
    expect(screen()).toContain("3. No, and tell the agent what to do differently (esc)")
    await press(app, "1")
    expect(await answer).toEqual({ _tag: "Yes" })
    await eventually(() => expect(screen()).toContain("Type a message"))
  })

  it("2 answers 'always'", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("git diff"))
    await started(screen, "Run this command?")
    await press(app, "2")
    expect(await answer).toEqual({ _tag: "Always" })
  })

  it("3 asks for a reason, which is sent with the no", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("rm -rf build"))
    await started(screen, "Run this command?")
    await press(app, "3")
    expect(screen()).toContain("Tell the agent what to do differently")
    await press(app, "use make clean", keys.backspace, "n", keys.enter)
    expect(await answer).toEqual({ _tag: "No", reason: "use make clean" })
  })

  it("arrows and Enter pick; Esc on the reason sends no reason", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("ls"))
    await started(screen, "Run this command?")
    await press(app, keys.down, keys.down)
    expect(screen()).toContain("❯ 3. No")
    await press(app, keys.up, keys.down, keys.enter, keys.escape)
    expect(await answer).toEqual({ _tag: "No", reason: "" })
  })

  it("Esc on the choices is no", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("ls"))
    await started(screen, "Run this command?")
    await press(app, keys.escape)
    expect(await answer).toEqual({ _tag: "No", reason: "" })
  })

  it("without a safe rule to offer there are two choices, numbered 1 and 2", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask(bash("rm -rf /tmp/x", false))
    await started(screen, "Run this command?")
    expect(screen()).not.toContain("don't ask again")
    expect(screen()).toContain("2. No, and tell the agent")
    await press(app, "2", "no", keys.enter)
    expect(await answer).toEqual({ _tag: "No", reason: "no" })
  })

  it("says '2 of 3' for the second of three calls the run paused on", async () => {
    const { app, ask, screen, store } = mount()
    cleanup = app.unmount
    const events: ReadonlyArray<TurnEvent> = [
      ...["c1", "c2", "c3"].map(
        (id): TurnEvent => ({
          _tag: "ServerMessage",
          chunk: chunk({ message_type: "approval_request_message", otid: "m", tool_call: { tool_call_id: id, name: "Bash", arguments: `{"command":"echo ${id}"}` } })
        })
      ),
      { _tag: "ServerMessage", chunk: chunk({ message_type: "stop_reason", stop_reason: "requires_approval" }) }
    ]
    for (const event of events) store.apply(event)
    const answer = ask(bash("echo c2", true, "c2"))
    await started(screen, "Run this command? (2 of 3)")
    expect(screen()).toContain("○ Bash(echo c1)")
    await press(app, "1")
    expect(await answer).toEqual({ _tag: "Yes" })
  })

  it("keys typed between two dialogs of a batch go to the next dialog, not the prompt", async () => {
    const { app, ask, screen, store } = mount()
    cleanup = app.unmount
    for (const id of ["c1", "c2"]) {
      store.apply({ _tag: "ServerMessage", chunk: chunk({ message_type: "approval_request_message", otid: "m", tool_call: { tool_call_id: id, name: "Bash", arguments: `{"command":"echo ${id}"}` } }) })
    }
    store.apply({ _tag: "ServerMessage", chunk: chunk({ message_type: "stop_reason", stop_reason: "requires_approval" }) })
    const first = ask(bash("echo c1", true, "c1"))
    await started(screen, "(1 of 2)")
    // Both answers in one read, before the second dialog exists.
    await press(app, "11")
    expect(await first).toEqual({ _tag: "Yes" })
    const second = ask(bash("echo c2", true, "c2"))
    expect(await second).toEqual({ _tag: "Yes" })
    store.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "c1", args: { command: "echo c1" } })
    store.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "c2", args: { command: "echo c2" } })
    await press(app, "x")
    await eventually(() => expect(screen()).toContain("> x"))
    expect(screen()).not.toContain("> 1")
  })

  it("shows a coloured-when-allowed unified diff for edits", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    const answer = ask({
      _tag: "Tool",
      toolCallId: "e1",
      toolName: "Edit",
      title: "Edit this file?",
      preview: {
        _tag: "Diff",
        path: "src/a.ts",
        added: 1,
        removed: 1,
        note: undefined,
        lines: [
          { kind: "hunk", text: "@@ -1,2 +1,2 @@" },
          { kind: "context", text: "const a = 1" },
          { kind: "remove", text: "const b = 2" },
          { kind: "add", text: "const b = 3" }
        ]
      },
      suggestion: { rule: "Edit(src/**)", scope: "local", label: "Yes, and allow editing files in src/ in this project" }
    })
    await started(screen, "Edit this file?")
    expect(screen()).toContain("src/a.ts +1 -1")
    expect(screen()).toMatch(/@@ -1,2 \+1,2 @@\s*│\n│\s+const a = 1\s*│\n│ - const b = 2\s*│\n│ \+ const b = 3/)
    await press(app, "1")
    await answer
  })
})

describe("plan dialog", () => {
  const plan = (store: UiStore) => Effect.runPromise(store.present({ _tag: "Plan", toolCallId: "p1", plan: "1. Read the code\n2. **Fix** the bug" }))

  it("1 starts coding with edits accepted, 2 with edits asked", async () => {
    for (const [key, mode] of [
      ["1", "acceptEdits"],
      ["2", "default"]
    ] as const) {
      const { app, screen, store } = mount()
      const answer = plan(store)
      await started(screen, "Ready to code?")
      expect(screen()).toContain("Fix the bug")
      expect(screen()).toContain("1. Yes, and auto-accept edits")
      expect(screen()).toContain("2. Yes, and ask before edits")
      expect(screen()).toContain("3. No, keep planning (esc)")
      await press(app, key)
      expect(await answer).toEqual({ _tag: "StartCoding", mode })
      app.unmount()
    }
  })

  it("3 keeps planning, with what to change", async () => {
    const { app, screen, store } = mount()
    cleanup = app.unmount
    const answer = plan(store)
    await started(screen, "Ready to code?")
    await press(app, "3")
    expect(screen()).toContain("What should change in the plan?")
    await press(app, "add tests first", keys.enter)
    expect(await answer).toEqual({ _tag: "No", reason: "add tests first" })
  })
})

describe("approval dialog: Bash", () => {
  it("sets a Bash call's description apart from the command (issue 12, defect 13)", async () => {
    const { app, ask, screen } = mount()
    cleanup = app.unmount
    void ask(bash("git diff --stat"))
    await started(screen, "Run this command?")
    const lines = screen().split("\n")
    const command = lines.findIndex((line) => line.includes("$ git diff --stat"))
    // A comment line above the command, as in a script: never read as part of it.
    expect(lines[command - 1]).toMatch(/│ # List the files\s*│/)
    expect(lines.filter((line) => line.includes("List the files"))).toHaveLength(1)
  })
})
