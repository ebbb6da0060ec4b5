import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { afterEach, describe, expect, it, vi } from "vitest"
import { UserSettings } from "../../../src/domain/settings.js"
import { LONG_TURN_MS, makeNotifier, notificationSequence } from "../../../src/programs/interactive/notify.js"
import { makeUiStore } from "../../../src/programs/interactive/store.js"

afterEach(() => {
  vi.useRealTimers()
})

const terminal = (isTTY: boolean) => {
  const written: Array<string> = []
  return { written, out: { isTTY, write: (text: string) => written.push(text) } }
}

describe("terminal notifications", () => {
  it("rings the bell and sends OSC 9 with the text cleaned of control characters", () => {
    expect(notificationSequence("letta: approve Bash?")).toBe("\u0007\u001b]9;letta: approve Bash?\u0007")
    expect(notificationSequence("a\u0007b\u001bc\n")).toBe("\u0007\u001b]9;a b c \u0007")
  })

  it("only on a terminal, and not when the setting turns them off", () => {
    const tty = terminal(true)
    makeNotifier(tty.out, undefined)?.("hi")
    expect(tty.written).toEqual([notificationSequence("hi")])
    expect(makeNotifier(terminal(false).out, true)).toBeUndefined()
    expect(makeNotifier(terminal(true).out, false)).toBeUndefined()
  })

  it("decodes `notifications` in the user settings", () => {
    expect(Schema.decodeUnknownSync(UserSettings)({ notifications: false }).notifications).toBe(false)
    expect(() => Schema.decodeUnknownSync(UserSettings)({ notifications: "no" })).toThrow()
  })

  it("notifies when an approval dialog opens and when a long turn ends, not a short one", async () => {
    const ui = await Effect.runPromise(makeUiStore("/project"))
    const seen: Array<string> = []
    ui.setNotifier((text) => seen.push(text))
    ui.setBusy(true)
    ui.setBusy(false)
    expect(seen).toEqual([])
    vi.useFakeTimers({ toFake: ["Date"] })
    ui.setBusy(true)
    vi.setSystemTime(Date.now() + LONG_TURN_MS + 1_000)
    ui.setBusy(false)
    expect(seen).toEqual(["letta: done"])
    vi.useRealTimers()
    const fiber = Effect.runFork(
      ui.present({
        _tag: "Tool",
        toolCallId: "call-1",
        toolName: "Bash",
        title: "Bash command",
        preview: { _tag: "None" } as never,
        suggestion: undefined
      })
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(seen).toEqual(["letta: done", "letta: approve Bash?"])
    const dialog = ui.getSnapshot().dialog
    if (dialog?._tag === "Approval") dialog.answer({ _tag: "Yes" })
    await Effect.runPromise(fiber.await)
  })
})
