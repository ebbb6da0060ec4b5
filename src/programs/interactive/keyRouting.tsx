/**
 * One keyboard for the whole screen: stdin pieces (as Ink splits them) are decoded once and
 * offered to the dialog when one is open, else to the prompt; what they leave unhandled goes
 * to the screen's global keys (Ctrl-C, Shift+Tab, Esc to interrupt). Handlers keep their state
 * in refs, so several keys arriving in one read see each other's effects.
 *
 * Between two approval dialogs of one batch there is a moment with no dialog on screen; keys
 * typed then (a quick "1", "1") wait for the next dialog instead of landing in the prompt. A
 * dialog that has been answered declines further keys, so they wait too.
 */
import { type Context, createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useRef } from "react"
import { useStdin } from "ink"
import { type KeyEvent, KeyDecoder } from "./keyDecoding.js"

/** Returns true when it handled the key. */
export type KeyHandler = (event: KeyEvent) => boolean

type Layer = "dialog" | "input"

interface Keyboard {
  readonly set: (layer: Layer, handler: KeyHandler | undefined) => void
}

// Created on first use (see theme.ts).
let keyboardContext: Context<Keyboard> | undefined
const keyboardContextOf = (): Context<Keyboard> => (keyboardContext ??= createContext<Keyboard>({ set: () => undefined }))

/** Keys that act at once even while others wait for a dialog. */
const passesHold = (event: KeyEvent): boolean =>
  event._tag === "Key" && (event.name === "escape" || event.name === "ctrlC" || event.name === "shiftTab")

export const KeyboardProvider = (props: {
  readonly onUnhandled: (event: KeyEvent) => void
  /** While true (approval dialogs may follow), keys no dialog took wait for the next one. */
  readonly hold: boolean
  readonly children: ReactNode
}) => {
  const { internal_eventEmitter: emitter, isRawModeSupported, setRawMode } = useStdin()
  const layers = useRef<Partial<Record<Layer, KeyHandler>>>({})
  const unhandled = useRef(props.onUnhandled)
  unhandled.current = props.onUnhandled
  const hold = useRef(props.hold)
  const held = useRef<Array<KeyEvent>>([])

  const dispatch = useMemo(() => {
    const one = (event: KeyEvent): void => {
      const dialog = layers.current.dialog
      // Dialogs take typed text a character at a time ("11" answers two dialogs).
      if (event._tag === "Text" && (dialog !== undefined || hold.current) && event.text.length > 1) {
        for (const char of event.text) one({ _tag: "Text", text: char })
        return
      }
      if (dialog !== undefined && dialog(event)) return
      if (hold.current && !passesHold(event)) {
        held.current.push(event)
        return
      }
      const input = layers.current.input
      if (input === undefined || !input(event)) unhandled.current(event)
    }
    return {
      one,
      /** Offers the held keys again (a dialog opened, or nothing is pending any more). */
      replay: () => {
        const events = held.current
        held.current = []
        for (const event of events) one(event)
      }
    }
  }, [])

  hold.current = props.hold
  useEffect(() => {
    if (!props.hold) dispatch.replay()
  }, [props.hold, dispatch])

  useEffect(() => {
    if (!isRawModeSupported) return
    setRawMode(true)
    return () => setRawMode(false)
  }, [isRawModeSupported, setRawMode])

  useEffect(() => {
    const decoder = new KeyDecoder()
    const onInput = (piece: string) => {
      for (const event of decoder.push(piece)) dispatch.one(event)
    }
    emitter.on("input", onInput)
    return () => {
      emitter.off("input", onInput)
    }
  }, [emitter, dispatch])

  const keyboard = useMemo<Keyboard>(
    () => ({
      set: (layer, handler) => {
        layers.current = { ...layers.current, [layer]: handler }
        if (layer === "dialog" && handler !== undefined) dispatch.replay()
      }
    }),
    [dispatch]
  )
  const Provider = keyboardContextOf().Provider
  return <Provider value={keyboard}>{props.children}</Provider>
}

/**
 * Routes keys to `handler` while mounted (the dialog layer wins over the prompt). Registered in
 * the commit that draws the component (a layout effect), so a key typed the moment a dialog
 * appears cannot slip past it to the prompt.
 */
export const useKeys = (layer: Layer, handler: KeyHandler): void => {
  const keyboard = useContext(keyboardContextOf())
  const current = useRef(handler)
  current.current = handler
  useLayoutEffect(() => {
    keyboard.set(layer, (event) => current.current(event))
    return () => keyboard.set(layer, undefined)
  }, [keyboard, layer])
}
