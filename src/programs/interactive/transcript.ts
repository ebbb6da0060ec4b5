/**
 * The transcript as data. Turn events go in; out come finished items, committed once in order
 * (the TUI prints them with Ink's <Static>), and the few live entries still changing: the
 * Markdown block being streamed, tool calls waiting or running. Finished Markdown blocks of a
 * streaming message are committed while the rest still arrives, so the live area stays small.
 */
import type { TurnEvent } from "../../domain/events.js"
import { contentText, type LettaMessage, toolCallParts } from "../../domain/letta.js"
import { MarkdownBlockSplitter } from "./markdownStream.js"
import { parseArgs, resultPreview } from "./toolFormat.js"
import {
  abandonTool,
  historyUserText,
  type LiveEntry,
  newToolEntry,
  recordOutput,
  recordReturn,
  streamingView,
  type TextEntry,
  type ToolEntry,
  toolItem
} from "./transcriptEntries.js"
import type { Item, LiveView, PanelLine, Tone, ToolStatus } from "./transcriptItems.js"

// The item types and the output helper moved beside this file; importers keep this path.
export type { Item, LiveView, PanelLine, Tone, ToolItem, ToolStatus } from "./transcriptItems.js"
export { LIVE_OUTPUT_LINES, lastOutputLines } from "./transcriptEntries.js"

export class Transcript {
  private nextId = 1
  private live: Array<LiveEntry> = []
  private readonly tools = new Map<string, ToolEntry>()
  /** Calls the run paused on, in order (for "2 of 3" in the approval dialog). */
  private batch: ReadonlyArray<string> = []

  /** `commit` receives finished items, oldest first, each exactly once. */
  constructor(
    private readonly projectDir: string,
    private readonly commit: (items: ReadonlyArray<Item>) => void
  ) {}

  get isLive(): boolean {
    return this.live.length > 0
  }

  private id(): number {
    return this.nextId++
  }

  // ── adding ──────────────────────────────────────────────────────────────

  addUser(text: string): void {
    this.add({ kind: "user", id: this.id(), text })
  }

  addNotice(text: string, tone: Tone): void {
    this.add({ kind: "notice", id: this.id(), text, tone })
  }

  addPanel(lines: ReadonlyArray<PanelLine>, box = false): void {
    this.add({ kind: "panel", id: this.id(), lines, ...(box ? { box } : {}) })
  }

  private add(item: Item): void {
    this.push({ type: "item", item })
    this.settle()
  }

  /**
   * Appends a live entry. A message still open ends here: text only ever continues while it is
   * the newest entry, and an open message left behind another entry would hold up everything
   * after it (a back-filled history has no stop reasons to close its messages).
   */
  private push(entry: LiveEntry): void {
    this.finishText()
    this.live.push(entry)
  }

  /** One event of a turn. */
  apply(event: TurnEvent): void {
    switch (event._tag) {
      case "ServerMessage":
        this.applyMessage(event.chunk.message)
        break
      case "ToolStarted": {
        const entry = this.tool(event.toolCallId, event.toolName, "running")
        entry.args = event.args
        entry.status = "running"
        break
      }
      case "ToolOutput": {
        const entry = this.tools.get(event.toolCallId)
        if (entry === undefined || entry.finished) break
        recordOutput(entry, event.text)
        break
      }
      case "ToolResult": {
        const entry = this.tool(event.toolCallId, event.toolName, "running")
        entry.args ??= parseArgs(entry.argParts.join(""))
        entry.output = event.output
        entry.status = event.status
        entry.preview = resultPreview(entry.name, event.status, event.output, this.projectDir)
        entry.finished = true
        break
      }
      case "Retry":
        this.push({
          type: "item",
          item: { kind: "notice", id: this.id(), text: `${event.reason}; retrying in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt} of ${event.maxAttempts})`, tone: "warning" }
        })
        break
      case "TurnComplete":
        this.finishAll("denied")
        break
      case "AutoApproval":
      case "RequestFinished":
        break
    }
    this.settle()
  }

  /** A server message (streamed chunk, or a history entry when back-filling). */
  applyMessage(message: LettaMessage): void {
    switch (message.message_type) {
      case "assistant_message":
        this.text("assistant", message, contentText(message.content))
        break
      case "reasoning_message":
        this.text("reasoning", message, message.reasoning ?? "")
        break
      case "tool_call_message":
      case "approval_request_message": {
        const status: ToolStatus = message.message_type === "approval_request_message" ? "pending" : "running"
        for (const part of toolCallParts(message)) {
          const id = part.tool_call_id
          if (typeof id !== "string" || id.length === 0) continue
          const entry = this.tool(id, part.name ?? "", status)
          if (entry.name.length === 0 && typeof part.name === "string") entry.name = part.name
          if (typeof part.arguments === "string") entry.argParts.push(part.arguments)
        }
        break
      }
      case "tool_return_message": {
        const id = message.tool_call_id
        const entry = typeof id === "string" ? this.tools.get(id) : undefined
        if (entry === undefined || entry.finished) break
        recordReturn(entry, message, this.projectDir)
        break
      }
      case "stop_reason":
        this.finishText()
        if (message.stop_reason === "requires_approval") {
          const pending: Array<string> = []
          for (const entry of this.tools.values()) {
            if (entry.status !== "pending") continue
            entry.args ??= parseArgs(entry.argParts.join(""))
            pending.push(entry.toolCallId)
          }
          this.batch = pending
        }
        break
      default:
        break
    }
    this.settle()
  }

  /** A user message from the history (back-fill). */
  addHistoryUser(message: LettaMessage, maxChars: number): void {
    const text = historyUserText(message, maxChars)
    if (text !== undefined) this.addUser(text)
  }

  private text(textKind: "assistant" | "reasoning", message: LettaMessage, delta: string): void {
    const key = `${textKind}:${message.otid ?? message.id ?? ""}`
    let entry = this.openText()
    if (entry === undefined || entry.key !== key) {
      entry = { type: "text", id: this.id(), textKind, key, splitter: new MarkdownBlockSplitter(), done: [], first: true, finished: false }
      this.push(entry)
    }
    for (const block of entry.splitter.push(delta)) entry.done.push(block)
  }

  private openText(): TextEntry | undefined {
    const last = this.live[this.live.length - 1]
    return last?.type === "text" && !last.finished ? last : undefined
  }

  private finishText(): void {
    const entry = this.openText()
    if (entry !== undefined) this.closeText(entry)
  }

  private closeText(entry: TextEntry): void {
    const rest = entry.splitter.finish()
    if (rest.trim().length > 0) entry.done.push(rest)
    entry.finished = true
  }

  private tool(toolCallId: string, name: string, status: ToolStatus): ToolEntry {
    const known = this.tools.get(toolCallId)
    if (known !== undefined) return known
    const entry = newToolEntry(this.id(), toolCallId, name, status)
    this.tools.set(toolCallId, entry)
    this.push(entry)
    return entry
  }

  /**
   * Ends everything still open: streaming text is committed; calls that never got a result
   * take `unfinished` with a note (interrupted turns, back-filled history); the note may depend
   * on how far the call got (still waiting for approval, or running).
   */
  finishAll(unfinished: ToolStatus, note?: string | ((was: ToolStatus) => string)): void {
    for (const entry of this.live) {
      if (entry.type === "text" && !entry.finished) this.closeText(entry)
      if (entry.type === "tool" && !entry.finished) abandonTool(entry, unfinished, note)
    }
    this.batch = []
    this.settle()
  }

  /** Moves the finished prefix of the live entries to the committed items. */
  private settle(): void {
    const added: Array<Item> = []
    while (this.live.length > 0) {
      const head = this.live[0]!
      if (head.type === "item") {
        added.push(head.item)
      } else if (head.type === "text") {
        for (const markdown of head.done.splice(0)) {
          added.push(
            head.textKind === "assistant"
              ? { kind: "assistant", id: this.id(), markdown, first: head.first }
              : { kind: "reasoning", id: this.id(), text: markdown, first: head.first }
          )
          head.first = false
        }
        if (!head.finished) break
      } else {
        if (!head.finished) break
        added.push(toolItem(head, this.projectDir))
        this.tools.delete(head.toolCallId)
      }
      this.live.shift()
    }
    if (added.length > 0) this.commit(added)
  }

  /** The live entries, as the screen draws them. */
  liveViews(): ReadonlyArray<LiveView> {
    const views: Array<LiveView> = []
    for (const entry of this.live) {
      if (entry.type === "tool") {
        views.push(toolItem(entry, this.projectDir))
      } else if (entry.type === "text") {
        const view = streamingView(entry)
        if (view !== undefined) views.push(view)
      }
    }
    return views
  }

  /** "2 of 3": where a call stands among those the run paused on. */
  positionOf(toolCallId: string): { readonly index: number; readonly total: number } | undefined {
    const index = this.batch.indexOf(toolCallId)
    return index === -1 ? undefined : { index: index + 1, total: this.batch.length }
  }

  /** The run paused on calls that are still being decided: more approval dialogs may follow. */
  awaitingDecisions(): boolean {
    return this.batch.some((id) => this.tools.get(id)?.status === "pending")
  }

  /** A running tool's name (for the spinner), if any. */
  runningTool(): string | undefined {
    for (const entry of this.live) if (entry.type === "tool" && entry.status === "running") return entry.name
    return undefined
  }
}
