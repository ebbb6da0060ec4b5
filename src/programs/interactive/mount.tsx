/**
 * Puts the screen on the terminal for the scope's lifetime: Ink with our own Ctrl-C handling,
 * bracketed paste switched on (and off again, even on an abrupt exit).
 */
import * as Effect from "effect/Effect"
import { render } from "ink"
import { App } from "./App.js"
import type { UiStore } from "./store.js"
import type { Theme } from "./theme.js"

const PASTE_ON = "\u001b[?2004h"
const PASTE_OFF = "\u001b[?2004l"

export const mountScreen = (store: UiStore, theme: Theme, history: ReadonlyArray<string>) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const terminal = process.stdout.isTTY === true
      const pasteOff = () => {
        if (terminal) process.stdout.write(PASTE_OFF)
      }
      if (terminal) process.stdout.write(PASTE_ON)
      process.once("exit", pasteOff)
      // 60 fps: fast typing is echoed within a frame; streamed text is paced by the store (20 fps).
      const instance = render(<App store={store} theme={theme} history={history} />, { exitOnCtrlC: false, patchConsole: true, maxFps: 60 })
      return { instance, pasteOff }
    }),
    ({ instance, pasteOff }) =>
      Effect.sync(() => {
        instance.unmount()
        pasteOff()
        process.off("exit", pasteOff)
      })
  )
