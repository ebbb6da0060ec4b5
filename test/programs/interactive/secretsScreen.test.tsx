/** The TUI transcript never shows a key the server or a tool echoed, not even in part while it streams. */
import * as Effect from "effect/Effect"
import { render } from "ink-testing-library"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { TurnEvent } from "../../../src/domain/events.js"
import { App } from "../../../src/programs/interactive/App.js"
import { makeUiStore } from "../../../src/programs/interactive/store.js"
import { chunk } from "../../support/testLayers.js"
import { eventually, plain, tick } from "../../support/ink.js"

const KEY = "sk-let-tui-secret-7d2e9a4c"
const text = (delta: string): TurnEvent => ({ _tag: "ServerMessage", chunk: chunk({ message_type: "assistant_message", otid: "a1", content: delta }) })

let saved: string | undefined
let cleanup: (() => void) | undefined
beforeEach(() => {
  saved = process.env["LETTA_API_KEY"]
  process.env["LETTA_API_KEY"] = KEY
})
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  if (saved === undefined) delete process.env["LETTA_API_KEY"]
  else process.env["LETTA_API_KEY"] = saved
})

describe("the screen hides keys", () => {
  it("in streamed answer text, tool results and notices, at every frame", async () => {
    const store = Effect.runSync(makeUiStore("/project"))
    const app = render(<App store={store} theme={{ colour: false }} history={[]} />)
    cleanup = app.unmount
    const frames: Array<string> = []
    store.setBusy(true)
    const message = `Your key is ${KEY} as you asked.\n`
    for (let at = 0; at < message.length; at += 4) {
      store.apply(text(message.slice(at, at + 4)))
      await tick()
      frames.push(plain(app.lastFrame()))
    }
    store.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "t1", args: { command: "cat .env" } })
    store.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t1", status: "success", durationMs: 3, output: `LETTA_API_KEY=${KEY}\n` })
    await Effect.runPromise(store.notify(`server said: bad key ${KEY}`, "error"))
    store.apply({ _tag: "TurnComplete", stopReason: "end_turn", finalText: undefined })
    store.setBusy(false)
    await eventually(() => expect(plain(app.lastFrame())).toContain("server said: bad key ***"))
    frames.push(plain(app.lastFrame()))
    const all = frames.join("\n")
    expect(all).toContain("Your key is ***")
    expect(all).toContain("LETTA_API_KEY=***")
    expect(all).not.toContain(KEY)
    // Not even the start of it while it streamed in pieces.
    expect(all).not.toContain(KEY.slice(0, 8))
  })
})
