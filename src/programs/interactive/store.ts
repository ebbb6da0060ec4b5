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
import type { ApprovalChoice, ApprovalDialog, RuleSuggestion } from "../../domain/dialogs.js"
import type { TurnEvent } from "../../domain/events.js"
import type { LettaMessage } from "../../domain/letta.js"
import { maskUrlCredentials, redactDeep, withoutSecretStart } from "../../domain/redaction.js"
import { parseInput } from "./slashCommands.js"
import { LONG_TURN_MS, type Notifier } from "./notify.js"
import { CommittedItems } from "./committedItems.js"
import { DialogSlot, ruleAddedNotice } from "./dialogSlot.js"
import { RedrawSchedule } from "./redrawSchedule.js"
import { type PanelLine, type Tone, type ToolStatus, Transcript } from "./transcript.js"
import type { Control, ScreenHandle, SelectOption, Submission, UiSnapshot } from "./uiSnapshot.js"

// The snapshot and dialog types, the redraw timing and the committed items live beside this file.
export type { Control, DialogView, ScreenHandle, SelectOption, Submission, UiSnapshot } from "./uiSnapshot.js"
export { STREAM_FRAME_MS } from "./redrawSchedule.js"
export { REDRAW_ITEMS } from "./committedItems.js"

export class UiStore {
  private readonly transcript: Transcript
  private readonly schedule = new RedrawSchedule()
  private readonly committed = new CommittedItems()
  private snapshotVersion = -1
  private snapshot: UiSnapshot | undefined
  private screen: ScreenHandle | undefined
  private busySince: number | undefined
  private readonly dialogs = new DialogSlot(() => this.changed(true))
  private mode: PermissionMode = "default"
  private queued: Array<string> = []
  private exiting = false
  private hint: string | undefined
  /** "Always allow" rules added in this session, for /permissions. */
  readonly addedRules: Array<RuleSuggestion> = []
  /** Bell + OSC 9 (notify.ts): an approval waits, a long turn ended. Undefined: none. */
  private notifier: Notifier | undefined
  private expanded = false

  constructor(
    projectDir: string,
    private readonly submissions: Queue.Queue<Submission>,
    readonly controls: Queue.Queue<Control>,
    readonly exitRequested: Deferred.Deferred<void>
  ) {
    this.transcript = new Transcript(projectDir, (items) => this.committed.add(items))
  }

  // ── React side ──────────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => this.schedule.subscribe(listener)

  readonly getSnapshot = (): UiSnapshot => {
    if (this.snapshot === undefined || this.snapshotVersion !== this.schedule.version) {
      const running = this.transcript.runningTool()
      this.snapshot = {
        staticKey: this.committed.staticKey,
        staticItems: this.committed.staticItems,
        // Keys the server or a tool echoed never reach the screen (the Output layer does the
        // same for headless output); whole items, so a key streamed in pieces is caught too.
        live: redactDeep(this.transcript.liveViews()).map((view) =>
          view.kind === "streaming" ? { ...view, tail: withoutSecretStart(view.tail) } : view
        ),
        busy: this.busySince === undefined ? undefined : { since: this.busySince, label: running === undefined ? "Working" : `Running ${running}` },
        dialog: redactDeep(this.dialogs.current),
        mode: this.mode,
        queued: this.queued,
        exiting: this.exiting,
        hint: this.hint,
        holdKeys: this.transcript.awaitingDecisions(),
        expanded: this.expanded
      }
      this.snapshotVersion = this.schedule.version
    }
    return this.snapshot
  }

  /** The screen printed these <Static> items; they need not be kept. */
  readonly acknowledgePrinted = (key: number, count: number): void => {
    this.committed.acknowledgePrinted(key, count)
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
    this.committed.refill()
    this.schedule.version += 1
    // At once: the cleared screen must not wait for the next frame.
    this.schedule.flush()
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
    return this.dialogs.current?._tag === "Approval" || this.transcript.awaitingDecisions()
  }

  /** A dialog (approval or pick list) is on screen. */
  get dialogOpen(): boolean {
    return this.dialogs.current !== undefined
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
    this.schedule.flush()
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
    const captured = this.committed.collect(() => {
      for (const message of messages) {
        if (message.message_type === "user_message") this.transcript.addHistoryUser(message, userMaxChars)
        else this.transcript.applyMessage(message)
      }
      this.transcript.finishAll("pending")
    })
    if (captured.length === 0) return
    this.addNotice(frame.heading, "dim")
    this.committed.add(captured)
    this.addNotice(frame.closing, "dim")
  }

  /** /clear: the screen and its scrollback are erased; the transcript starts afresh. */
  clearScreen(): void {
    this.transcript.finishAll("denied")
    this.committed.reset()
    this.screen?.clear()
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
    this.dialogs.ask<ApprovalChoice>((answer) => {
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
      this.addNotice(ruleAddedNotice(suggestion), "dim")
    })

  readonly notify = (text: string, tone: "info" | "warning" | "error"): Effect.Effect<void> =>
    Effect.sync(() => this.addNotice(maskUrlCredentials(text), tone))

  /** A pick list (e.g. /model); None when the user pressed Esc. */
  choose(title: string, options: ReadonlyArray<SelectOption>, current: string | undefined): Effect.Effect<Option.Option<string>> {
    return this.dialogs.ask<string | undefined>((answer) => ({ _tag: "Select", title, options, current, answer })).pipe(Effect.map(Option.fromNullable))
  }

  private changed(urgent: boolean): void {
    this.schedule.changed(urgent)
  }
}

export const makeUiStore = (projectDir: string): Effect.Effect<UiStore> =>
  Effect.gen(function* () {
    const submissions = yield* Queue.unbounded<Submission>()
    const controls = yield* Queue.unbounded<Control>()
    const exitRequested = yield* Deferred.make<void>()
    return new UiStore(projectDir, submissions, controls, exitRequested)
  })
