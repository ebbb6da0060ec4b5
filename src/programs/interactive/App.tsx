/**
 * The screen: finished transcript entries printed once through <Static>, then the live area
 * (streaming text, running tools), the spinner, the dialog or the prompt, and the footer.
 * The live part is kept shorter than the terminal: Ink redraws the whole scrollback when its
 * live output outgrows the screen.
 */
import { Box, type DOMElement, measureElement, Static, Text, useStdout } from "ink"
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react"
import type { PermissionMode } from "../../domain/config.js"
import { ApprovalDialogView } from "./ApprovalDialogView.js"
import { ItemView, LiveItemView } from "./ItemView.js"
import { KeyboardProvider } from "./keyRouting.js"
import { fitLiveViews } from "./liveLayout.js"
import type { KeyEvent } from "./keyDecoding.js"
import { PromptInput } from "./PromptInput.js"
import { SelectDialog } from "./SelectDialog.js"
import { contextUse, sessionStatus, type StatusSnapshot } from "./sessionStatus.js"
import type { UiStore } from "./store.js"
import { paint, type Theme, ThemeProvider, useTheme } from "./theme.js"

/** A second Ctrl-C within this window exits. */
export const EXIT_WINDOW_MS = 1_500

export interface AppProps {
  readonly store: UiStore
  readonly theme: Theme
  readonly history: ReadonlyArray<string>
}

/** A resize is over when no other follows within this time (a window being dragged sends many). */
export const RESIZE_SETTLE_MS = 150
/** Erase the screen and the scrollback, cursor home. */
const CLEAR_TERMINAL = "\u001b[2J\u001b[3J\u001b[H"

/**
 * The terminal's size, followed at once; once a resize has settled, `onSettled` runs (the
 * store then draws the transcript again: see UiStore.redraw).
 */
const useTerminalSize = (onSettled: () => void) => {
  const { stdout } = useStdout()
  const read = () => ({ columns: Math.max(20, stdout.columns || 80), rows: Math.max(10, stdout.rows || 40) })
  const [size, setSize] = useState(read)
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined
    const onResize = () => {
      setSize(read())
      clearTimeout(timer)
      timer = setTimeout(onSettled, RESIZE_SETTLE_MS)
    }
    stdout.on("resize", onResize)
    return () => {
      clearTimeout(timer)
      stdout.off("resize", onResize)
    }
  }, [stdout, onSettled])
  return size
}

const MODE_LABEL: Readonly<Record<PermissionMode, string>> = {
  default: "default mode",
  acceptEdits: "⏵⏵ accept edits on",
  plan: "⏸ plan mode on",
  bypassPermissions: "⚠ bypass permissions on"
}

/** The status line: the mode, then the model and the context's use where known. */
const Footer = (props: { readonly mode: PermissionMode; readonly hint: string | undefined; readonly status: StatusSnapshot }) => {
  const theme = useTheme()
  if (props.hint !== undefined) {
    return (
      <Text {...paint(theme, "yellow")} wrap="truncate-end">
        {"  "}
        {props.hint}
      </Text>
    )
  }
  const colour = props.mode === "acceptEdits" ? "magenta" : props.mode === "plan" ? "cyan" : props.mode === "bypassPermissions" ? "red" : "gray"
  return (
    <Text wrap="truncate-end">
      {"  "}
      <Text {...paint(theme, colour)}>{MODE_LABEL[props.mode]}</Text>
      <Text dimColor={theme.colour}>
        {" (shift+tab to cycle)"}
        {[props.status.model, contextUse(props.status)].map((part) => (part === undefined ? "" : ` · ${part}`)).join("")}
        {" · /help"}
      </Text>
    </Text>
  )
}

/** Messages sent while the agent works, taken in order when it is done (the first few shown). */
const Queued = (props: { readonly texts: ReadonlyArray<string> }) => {
  const theme = useTheme()
  const shown = props.texts.slice(0, 3)
  const more = props.texts.length - shown.length
  return (
    <Box flexDirection="column">
      {shown.map((text, index) => (
        <Text key={index} dimColor={theme.colour} wrap="truncate-end">
          {"  ↳ queued: "}
          {text.replace(/\s+/g, " ")}
        </Text>
      ))}
      {more > 0 ? <Text dimColor={theme.colour}>  ↳ {more} more queued</Text> : null}
    </Box>
  )
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

export const formatElapsed = (ms: number): string => {
  const seconds = Math.floor(ms / 1000)
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`
}

const Spinner = (props: { readonly since: number; readonly label: string }) => {
  const theme = useTheme()
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [])
  const frame = FRAMES[Math.floor(now / 100) % FRAMES.length] ?? "·"
  return (
    <Box marginTop={1}>
      <Text {...paint(theme, "magenta")}>{frame} </Text>
      <Text>{props.label}… </Text>
      <Text dimColor={theme.colour}>
        ({formatElapsed(now - props.since)} · esc to interrupt)
      </Text>
    </Box>
  )
}

const Screen = (props: { readonly store: UiStore; readonly history: ReadonlyArray<string> }) => {
  const { store } = props
  const theme = useTheme()
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const status = sessionStatus(store)
  const statusSnapshot = useSyncExternalStore(status.subscribe, status.getSnapshot)
  const { columns, rows } = useTerminalSize(store.redraw)
  const { stdout } = useStdout()
  useLayoutEffect(() => {
    store.attachScreen({ clear: () => stdout.write(CLEAR_TERMINAL) })
    return () => store.attachScreen(undefined)
  }, [store, stdout])
  const lastCtrlC = useRef(0)
  const hintTimer = useRef<NodeJS.Timeout | undefined>(undefined)

  useEffect(() => {
    store.acknowledgePrinted(snapshot.staticKey, snapshot.staticItems.length)
  }, [store, snapshot.staticKey, snapshot.staticItems])

  useEffect(() => () => clearTimeout(hintTimer.current), [])

  const onUnhandled = useCallback(
    (event: KeyEvent) => {
      if (event._tag !== "Key") return
      switch (event.name) {
        case "ctrlC": {
          // While the agent works (no dialog open) Ctrl-C interrupts it, as Esc does; in a
          // dialog or at an idle prompt it arms the exit, and a second one within the window exits.
          if (store.isBusy && !store.dialogOpen) {
            lastCtrlC.current = 0
            store.interrupt()
            return
          }
          const now = Date.now()
          if (now - lastCtrlC.current < EXIT_WINDOW_MS) {
            store.requestExit()
            return
          }
          lastCtrlC.current = now
          store.setHint("Press Ctrl-C again to exit")
          clearTimeout(hintTimer.current)
          hintTimer.current = setTimeout(() => store.setHint(undefined), EXIT_WINDOW_MS)
          return
        }
        case "shiftTab":
          store.cycleMode()
          return
        case "ctrlO":
          store.toggleExpanded()
          return
        case "escape":
          if (store.isBusy) store.interrupt()
          return
        default:
          return
      }
    },
    [store]
  )

  const onSubmit = useCallback((text: string, display: string) => store.submit({ text, display }), [store])

  // The live part must stay shorter than the screen. The bottom (spinner, prompt or dialog,
  // footer) is measured after each layout; the live entries get the rest. With a dialog open,
  // the live entries get at most a quarter of the screen and the dialog the remainder.
  const bottom = useRef<DOMElement>(null)
  const [bottomRows, setBottomRows] = useState(6)
  useLayoutEffect(() => {
    if (bottom.current === null) return
    const measured = measureElement(bottom.current).height
    if (measured !== bottomRows) setBottomRows(measured)
  })
  const dialogOpen = snapshot.dialog !== undefined
  const liveBudget = dialogOpen ? Math.max(3, Math.floor(rows / 4)) : Math.max(3, rows - bottomRows - 2)
  const live = fitLiveViews(snapshot.live, liveBudget)
  // Dialog: everything but the live rows, its top margin, the footer and one spare row.
  const dialogRows = Math.max(8, rows - live.rows - 3)
  return (
    <>
      <Static key={snapshot.staticKey} items={[...snapshot.staticItems]}>
        {(item) => <ItemView key={item.id} item={item} width={columns} expanded={snapshot.expanded} />}
      </Static>
      {snapshot.exiting ? null : (
        <KeyboardProvider onUnhandled={onUnhandled} hold={snapshot.holdKeys}>
          <Box flexDirection="column" width={columns}>
            {live.hidden > 0 ? (
              <Text dimColor={theme.colour}>
                ⋮ {live.hidden} more above
              </Text>
            ) : null}
            {live.views.map(({ textRows, view }) => (
              <LiveItemView key={view.id} view={view} width={columns} maxRows={textRows} />
            ))}
            <Box ref={bottom} flexDirection="column">
              {snapshot.busy !== undefined && snapshot.dialog === undefined ? <Spinner since={snapshot.busy.since} label={snapshot.busy.label} /> : null}
              {snapshot.busy !== undefined ? <Queued texts={snapshot.queued} /> : null}
              <Box marginTop={1} flexDirection="column">
                {snapshot.dialog?._tag === "Approval" ? (
                  <ApprovalDialogView key={snapshot.dialog.dialog.toolCallId} view={snapshot.dialog} width={columns} maxRows={dialogRows} />
                ) : snapshot.dialog?._tag === "Select" ? (
                  <SelectDialog view={snapshot.dialog} width={columns} maxRows={dialogRows} />
                ) : null}
                {/* The prompt stays mounted under a dialog so a half-typed message survives it. */}
                <Box display={snapshot.dialog === undefined ? "flex" : "none"} flexDirection="column">
                  <PromptInput history={props.history} busy={snapshot.busy !== undefined} onSubmit={onSubmit} />
                </Box>
                <Footer mode={snapshot.mode} hint={snapshot.hint} status={statusSnapshot} />
              </Box>
            </Box>
          </Box>
        </KeyboardProvider>
      )}
    </>
  )
}

export const App = (props: AppProps) => (
  <ThemeProvider value={props.theme}>
    <Screen store={props.store} history={props.history} />
  </ThemeProvider>
)
