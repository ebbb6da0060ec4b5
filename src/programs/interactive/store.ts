/**
 * The bridge between the Effect program and the React screen. The program writes (turn events,
 * notices, dialogs) and reads the user's intents (messages, Esc, Shift+Tab, exit) from queues;
 * React subscribes to immutable snapshots (useSyncExternalStore) and answers dialogs by
 * completing Deferreds. Nothing polls: every change notifies; what a turn streams is coalesced
 * into at most one redraw per STREAM_FRAME_MS, what the user does redraws at once.
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import type { PermissionMode } from "../../domain/config.js"
import { type ApprovalChoice, type ApprovalDialog, type RuleSuggestion, scopeLabel } from "../../domain/dialogs.js"
import type { TurnEvent } from "../../domain/events.js"
import type { LettaMessage } from "../../domain/letta.js"
import { maskUrlCredentials, redactDeep, withoutSecretStart } from "../../domain/redaction.js"
import { parseInput } from "./slashCommands.js"
import { LONG_TURN_MS, type Notifier } from "./notify.js"
import { type Item, type LiveView, type PanelLine, type Tone, type ToolStatus, Transcript } from "./transcript.js"

/** Redraw budget while a turn streams in. */
export const STREAM_FRAME_MS = 50
/** Committed items the <Static> keeps before it starts afresh (it has printed them). */
const STATIC_WINDOW = 64
/** The newest committed items kept to draw again after a resize (older ones are let go). */
export const REDRAW_ITEMS = 400

/** The terminal under the screen: what the store does to it directly, outside Ink's frames. */
export interface ScreenHandle {
  /** Erases the screen and its scrollback; the cursor goes home. */
  readonly clear: () => void
}

export interface Submission {
  /** What is sent (pastes expanded). */
  readonly text: string
  /** What the transcript shows (pastes as placeholders). */
  readonly display: string
}

export type Control = "interrupt" | "cycleMode"

export interface SelectOption {
  readonly value: string
  readonly label: string
  readonly hint?: string
}

export type DialogView =
  | {
      readonly _tag: "Approval"
      readonly dialog: ApprovalDialog
      readonly position: { readonly index: number; readonly total: number } | undefined
      readonly answer: (choice: ApprovalChoice) => void
    }
  | {
      readonly _tag: "Select"
      readonly title: string
      readonly options: ReadonlyArray<SelectOption>
      readonly current: string | undefined
      readonly answer: (value: string | undefined) => void
    }

export interface UiSnapshot {
  /** Items for <Static>; a new `key` means a fresh <Static> holding only new items. */
  readonly staticKey: number
  readonly staticItems: ReadonlyArray<Item>
  readonly live: ReadonlyArray<LiveView>
  readonly busy: { readonly since: number; readonly label: string } | undefined
  readonly dialog: DialogView | undefined
  readonly mode: PermissionMode
  readonly queued: ReadonlyArray<string>
  readonly exiting: boolean
  readonly hint: string | undefined
  /** Approval dialogs may still follow: typed keys wait for them rather than reach the prompt. */
  readonly holdKeys: boolean
  /** Ctrl+O: tool calls show their whole output, not a preview. */
  readonly expanded: boolean
}

export class UiStore {
  private readonly transcript: Transcript
  private readonly listeners = new Set<() => void>()
  private version = 0
  private snapshotVersion = -1
  private snapshot: UiSnapshot | undefined
  private staticKey = 0
  private staticItems: ReadonlyArray<Item> = []
  private printed = { key: -1, count: 0 }
  /** The newest committed items (at most REDRAW_ITEMS), drawn again after a resize. */
  private recent: Array<Item> = []
  /** Committed items no longer in `recent`. */
  private dropped = 0
  private screen: ScreenHandle | undefined
  /** While back-filling: committed items are collected here first. */
  private capture: Array<Item> | undefined
  private busySince: number | undefined
  private dialog: DialogView | undefined
  private mode: PermissionMode = "default"
  private queued: Array<string> = []
  private exiting = false
  private hint: string | undefined
  /** "Always allow" rules added in this session, for /permissions. */
  readonly addedRules: Array<RuleSuggestion> = []
  private urgentTimer: NodeJS.Immediate | undefined
  /** Bell + OSC 9 (notify.ts): an approval waits, a long turn ended. Undefined: none. */
  private notifier: Notifier | undefined
  private frameTimer: NodeJS.Timeout | undefined
  private expanded = false

  constructor(
    projectDir: string,
    private readonly submissions: Queue.Queue<Submission>,
    readonly controls: Queue.Queue<Control>,
    readonly exitRequested: Deferred.Deferred<void>
  ) {
    this.transcript = new Transcript(projectDir, (items) => this.commit(items))
  }

  // ── React side ──────────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  readonly getSnapshot = (): UiSnapshot => {
    if (this.snapshot === undefined || this.snapshotVersion !== this.version) {
      const running = this.transcript.runningTool()
      this.snapshot = {
        staticKey: this.staticKey,
        staticItems: this.staticItems,
        // Keys the server or a tool echoed never reach the screen (the Output layer does the
        // same for headless output); whole items, so a key streamed in pieces is caught too.
        live: redactDeep(this.transcript.liveViews()).map((view) =>
          view.kind === "streaming" ? { ...view, tail: withoutSecretStart(view.tail) } : view
        ),
        busy: this.busySince === undefined ? undefined : { since: this.busySince, label: running === undefined ? "Working" : `Running ${running}` },
        dialog: redactDeep(this.dialog),
        mode: this.mode,
        queued: this.queued,
        exiting: this.exiting,
        hint: this.hint,
        holdKeys: this.transcript.awaitingDecisions(),
        expanded: this.expanded
      }
      this.snapshotVersion = this.version
    }
    return this.snapshot
  }

  /** The screen printed these <Static> items; they need not be kept. */
  readonly acknowledgePrinted = (key: number, count: number): void => {
    this.printed = { key, count }
  }

  /** The mounted screen hands over its terminal (undefined when it unmounts). */
  readonly attachScreen = (screen: ScreenHandle | undefined): void => {
    this.screen = screen
  }

  /**
   * After a resize: the terminal has reflowed what was on it (frames drawn for the old width
   * now take other rows, so Ink cannot erase them), so the screen and its scrollback are
   * cleared and the transcript is printed again at the new width, with the live area under it.
   */
  readonly redraw = (): void => {
    if (this.screen === undefined || this.exiting) return
    this.screen.clear()
    this.staticKey += 1
    this.staticItems =
      this.dropped > 0
        ? [{ kind: "notice", id: -this.staticKey, text: `⋮ ${this.dropped} earlier entries are not drawn again after a resize`, tone: "dim" }, ...this.recent]
        : [...this.recent]
    this.version += 1
    // At once: the cleared screen must not wait for the next frame.
    this.flush()
  }

  /**
   * Ctrl+O: tool calls show their whole output, or their preview again. Printed entries cannot
   * change, so the transcript is drawn again (as after a resize) with the recent entries.
   */
  readonly toggleExpanded = (): void => {
    this.expanded = !this.expanded
    if (this.screen === undefined) {
      this.changed(true)
      return
    }
    this.redraw()
  }

  /** `--verbose`: tool calls start expanded (before anything is printed; Ctrl+O still toggles). */
  setExpanded(expanded: boolean): void {
    if (expanded === this.expanded) return
    this.expanded = expanded
    this.changed(true)
  }

  readonly submit = (submission: Submission): void => {
    if (this.exiting) return
    // /exit does not wait behind a running turn or queued messages.
    const parsed = parseInput(submission.text)
    if (parsed._tag === "Command" && parsed.name === "exit") {
      this.addUser(submission.display)
      this.requestExit()
      return
    }
    this.queued = [...this.queued, submission.display]
    Queue.unsafeOffer(this.submissions, submission)
    // The program takes it at once when idle; the queue line only shows while a turn runs.
    this.changed(true)
  }

  readonly interrupt = (): void => {
    Queue.unsafeOffer(this.controls, "interrupt")
  }

  readonly cycleMode = (): void => {
    Queue.unsafeOffer(this.controls, "cycleMode")
  }

  readonly requestExit = (): void => {
    Deferred.unsafeDone(this.exitRequested, Exit.void)
  }

  readonly setHint = (hint: string | undefined): void => {
    if (hint === this.hint) return
    this.hint = hint
    this.changed(true)
  }

  get isBusy(): boolean {
    return this.busySince !== undefined
  }

  /** An approval dialog is open, or more of the batch the run paused on are still to decide. */
  get awaitingApproval(): boolean {
    return this.dialog?._tag === "Approval" || this.transcript.awaitingDecisions()
  }

  /** A dialog (approval or pick list) is on screen. */
  get dialogOpen(): boolean {
    return this.dialog !== undefined
  }

  // ── program side ────────────────────────────────────────────────────────

  /** The next message the user sent (waits for one). */
  readonly takeSubmission: Effect.Effect<Submission> = Effect.suspend(() =>
    Queue.take(this.submissions).pipe(
      Effect.tap(() =>
        Effect.sync(() => {
          this.queued = this.queued.slice(1)
          this.changed(true)
        })
      )
    )
  )

  /** Completes when the user asked to leave (/exit, Ctrl-C twice). */
  readonly awaitExit: Effect.Effect<void> = Effect.suspend(() => Deferred.await(this.exitRequested))

  /** Waits until the screen has drawn the latest state (before unmounting it). */
  readonly rendered: Effect.Effect<void> = Effect.suspend(() => {
    this.flush()
    // React renders synchronously in the listeners; one macrotask lets Ink write the frame.
    return Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
  })

  setMode(mode: PermissionMode): void {
    if (mode === this.mode) return
    this.mode = mode
    this.changed(true)
  }

  setBusy(busy: boolean): void {
    const since = this.busySince
    this.busySince = busy ? Date.now() : undefined
    if (!busy && since !== undefined && Date.now() - since > LONG_TURN_MS && !this.exiting) this.notifier?.("letta: done")
    this.changed(true)
  }

  setNotifier(notifier: Notifier | undefined): void {
    this.notifier = notifier
  }

  /** Hides the input and footer: the last frame before the process exits. */
  setExiting(): void {
    this.exiting = true
    this.changed(true)
  }

  apply(event: TurnEvent): void {
    this.transcript.apply(event)
    // A turn's events redraw at most every STREAM_FRAME_MS (each redraw lays out and re-draws
    // the whole live area); those that change nothing on screen do not redraw at all.
    if (event._tag === "RequestFinished" || event._tag === "AutoApproval") return
    if (event._tag === "ServerMessage" && event.chunk.message.message_type === "usage_statistics") return
    this.changed(false)
  }

  /**
   * Back-fills a resumed agent's history between a heading and a closing line; nothing at all
   * when none of it shows (e.g. only a system message after /clear).
   */
  applyHistory(messages: ReadonlyArray<LettaMessage>, userMaxChars: number, frame: { readonly heading: string; readonly closing: string }): void {
    const captured: Array<Item> = []
    this.capture = captured
    try {
      for (const message of messages) {
        if (message.message_type === "user_message") this.transcript.addHistoryUser(message, userMaxChars)
        else this.transcript.applyMessage(message)
      }
      this.transcript.finishAll("pending")
    } finally {
      this.capture = undefined
    }
    if (captured.length === 0) return
    this.addNotice(frame.heading, "dim")
    this.commit(captured)
    this.addNotice(frame.closing, "dim")
  }

  /** /clear: the screen and its scrollback are erased; the transcript starts afresh. */
  clearScreen(): void {
    this.transcript.finishAll("denied")
    this.recent = []
    this.dropped = 0
    this.screen?.clear()
    this.staticKey += 1
    this.staticItems = []
    this.changed(true)
  }

  addUser(text: string): void {
    this.transcript.addUser(text)
    this.changed(true)
  }

  addNotice(text: string, tone: Tone): void {
    this.transcript.addNotice(text, tone)
    this.changed(true)
  }

  addPanel(lines: ReadonlyArray<PanelLine>, box = false): void {
    this.transcript.addPanel(lines, box)
    this.changed(true)
  }

  /** Closes a turn: what is still open is committed; unfinished calls get `status` and `note`. */
  finishTurn(status: ToolStatus, note?: string | ((was: ToolStatus) => string)): void {
    this.transcript.finishAll(status, note)
    this.changed(true)
  }

  // The approval dialog and its notices; showApprovals.ts brings them from the ApprovalQueue.

  /** Shows the dialog and waits for the user's choice. Interrupting it closes the dialog. */
  readonly present = (dialog: ApprovalDialog): Effect.Effect<ApprovalChoice> =>
    this.ask<ApprovalChoice>((answer) => {
      this.notifier?.(dialog._tag === "Plan" ? "letta: the plan is ready for review" : `letta: approve ${dialog.toolName}?`)
      return {
        _tag: "Approval",
        dialog,
        position: this.transcript.positionOf(dialog.toolCallId),
        answer
      }
    })

  readonly ruleAdded = (suggestion: RuleSuggestion): Effect.Effect<void> =>
    Effect.sync(() => {
      this.addedRules.push(suggestion)
      this.addNotice(
        suggestion.scope === "local"
          ? `${suggestion.rule} allowed ${scopeLabel(suggestion.scope)} (saved in .letta/settings.local.json)`
          : `${suggestion.rule} allowed ${scopeLabel(suggestion.scope)}`,
        "dim"
      )
    })

  readonly notify = (text: string, tone: "info" | "warning" | "error"): Effect.Effect<void> =>
    Effect.sync(() => this.addNotice(maskUrlCredentials(text), tone))

  /** A pick list (e.g. /model); None when the user pressed Esc. */
  choose(title: string, options: ReadonlyArray<SelectOption>, current: string | undefined): Effect.Effect<Option.Option<string>> {
    return this.ask<string | undefined>((answer) => ({ _tag: "Select", title, options, current, answer })).pipe(Effect.map(Option.fromNullable))
  }

  private ask<A>(view: (answer: (value: A) => void) => DialogView): Effect.Effect<A> {
    return Effect.gen(this, function* () {
      const answered = yield* Deferred.make<A>()
      const shown = view((value) => {
        Deferred.unsafeDone(answered, Exit.succeed(value))
      })
      this.dialog = shown
      this.changed(true)
      return yield* Deferred.await(answered).pipe(
        Effect.ensuring(
          Effect.sync(() => {
            if (this.dialog === shown) this.dialog = undefined
            this.changed(true)
          })
        )
      )
    })
  }

  private commit(committed: ReadonlyArray<Item>): void {
    const items = redactDeep(committed)
    if (this.capture !== undefined) {
      this.capture.push(...items)
      return
    }
    this.recent.push(...items)
    if (this.recent.length > REDRAW_ITEMS) {
      const excess = this.recent.length - REDRAW_ITEMS
      this.recent.splice(0, excess)
      this.dropped += excess
    }
    // Once the screen has printed everything, a fresh <Static> takes over: old items are
    // in the terminal's scrollback and need not stay in memory.
    const allPrinted = this.printed.key === this.staticKey && this.printed.count === this.staticItems.length
    if (allPrinted && this.staticItems.length >= STATIC_WINDOW) {
      this.staticKey += 1
      this.staticItems = items
    } else {
      this.staticItems = [...this.staticItems, ...items]
    }
  }

  private changed(urgent: boolean): void {
    this.version += 1
    if (urgent) {
      if (this.frameTimer !== undefined) {
        clearTimeout(this.frameTimer)
        this.frameTimer = undefined
      }
      this.urgentTimer ??= setImmediate(this.flush)
    } else if (this.frameTimer === undefined && this.urgentTimer === undefined) {
      this.frameTimer = setTimeout(this.flush, STREAM_FRAME_MS)
    }
  }

  private readonly flush = (): void => {
    this.urgentTimer = undefined
    if (this.frameTimer !== undefined) clearTimeout(this.frameTimer)
    this.frameTimer = undefined
    for (const listener of this.listeners) listener()
  }
}

export const makeUiStore = (projectDir: string): Effect.Effect<UiStore> =>
  Effect.gen(function* () {
    const submissions = yield* Queue.unbounded<Submission>()
    const controls = yield* Queue.unbounded<Control>()
    const exitRequested = yield* Deferred.make<void>()
    return new UiStore(projectDir, submissions, controls, exitRequested)
  })
