/**
 * The transcript as data. Turn events go in; out come finished items, committed once in order
 * (the TUI prints them with Ink's <Static>), and the few live entries still changing: the
 * Markdown block being streamed, tool calls waiting or running. Finished Markdown blocks of a
 * streaming message are committed while the rest still arrives, so the live area stays small.
 */
import type { TurnEvent } from "../../domain/events.js"
import { contentText, type LettaMessage, toolCallParts } from "../../domain/letta.js"
import { MarkdownBlockSplitter } from "./markdownStream.js"
import { type Args, parseArgs, resultPreview, type Todo, todosOf, toolSummary } from "./toolFormat.js"

export type Tone = "info" | "warning" | "error" | "success" | "dim"
export type ToolStatus = "pending" | "running" | "success" | "error" | "denied"

export interface PanelLine {
  readonly text: string
  readonly tone?: Tone
  readonly bold?: boolean
  /** Printed before every row of the line (e.g. an indent, or "  │ " for a block's value). */
  readonly prefix?: string
  /** Rows after the first are indented this much more (a table's description column). */
  readonly hang?: number
}

export type Item =
  | { readonly kind: "user"; readonly id: number; readonly text: string }
  | { readonly kind: "assistant"; readonly id: number; readonly markdown: string; readonly first: boolean }
  | { readonly kind: "reasoning"; readonly id: number; readonly text: string; readonly first: boolean }
  | {
      readonly kind: "tool"
      readonly id: number
      readonly toolCallId: string
      readonly name: string
      readonly summary: string
      readonly status: ToolStatus
      readonly preview: ReadonlyArray<string>
      readonly todos: ReadonlyArray<Todo> | undefined
      /** Markdown shown under the call (ExitPlanMode's plan). */
      readonly body: string | undefined
      /** While it runs: the last lines it printed so far (Bash), newest last. */
      readonly live?: ReadonlyArray<string>
      /** Its whole output (the result, or what it printed before an interrupt), for Ctrl+O. */
      readonly output?: string
    }
  | { readonly kind: "notice"; readonly id: number; readonly text: string; readonly tone: Tone }
  | { readonly kind: "panel"; readonly id: number; readonly lines: ReadonlyArray<PanelLine>; readonly box?: boolean }

export type ToolItem = Extract<Item, { kind: "tool" }>

/** What the live area draws. */
export type LiveView =
  | { readonly kind: "streaming"; readonly id: number; readonly textKind: "assistant" | "reasoning"; readonly tail: string; readonly first: boolean }
  | ToolItem

interface TextEntry {
  readonly type: "text"
  readonly id: number
  readonly textKind: "assistant" | "reasoning"
  readonly key: string
  readonly splitter: MarkdownBlockSplitter
  /** Finished blocks not yet committed (the entry is not first in line yet). */
  readonly done: Array<string>
  /** No block of this message has been committed yet. */
  first: boolean
  finished: boolean
}

interface ToolEntry {
  readonly type: "tool"
  readonly id: number
  readonly toolCallId: string
  name: string
  readonly argParts: Array<string>
  args: Args | undefined
  status: ToolStatus
  preview: ReadonlyArray<string>
  finished: boolean
  /** The end of what it printed while running (live output). */
  tail: string
  /** What it printed while running, from the start (at most LIVE_KEPT_CHARS). */
  printed: string
  output: string | undefined
}

type LiveEntry = TextEntry | ToolEntry | { readonly type: "item"; readonly item: Item }

/** A running tool shows this many of its last output lines. */
export const LIVE_OUTPUT_LINES = 5
const LIVE_TAIL_CHARS = 4_000
const LIVE_KEPT_CHARS = 30_000

/**
 * The last `count` lines of output as a terminal would show them: colour and other escape
 * sequences dropped, a carriage return starting its line over (progress bars), blank ends cut.
 */
export const lastOutputLines = (text: string, count: number): ReadonlyArray<string> => {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*(?:\u0007|\u001b\\)/g, "").replace(/\r\n/g, "\n")
  const lines = clean.split("\n").map((line) => {
    const parts = line.split("\r")
    let shown = ""
    for (let i = parts.length - 1; i >= 0; i--) {
      if (parts[i]!.length > 0) {
        shown = parts[i]!
        break
      }
    }
    // eslint-disable-next-line no-control-regex
    return shown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/\t/g, "  ")
  })
  while (lines.length > 0 && lines[lines.length - 1]!.trim().length === 0) lines.pop()
  return lines.slice(-count)
}

/** Live text shows at most this many source lines of the block in progress. */
const LIVE_TAIL_LINES = 400

/** The tool return a server (and the local backend) records for a denied call. */
const DENIAL = /^Error: request to call tool denied\.(?: User reason: ([\s\S]*))?$/

const stripReminders = (text: string): string => text.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, "").trim()

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
        entry.tail = (entry.tail + event.text).slice(-LIVE_TAIL_CHARS)
        if (entry.printed.length < LIVE_KEPT_CHARS) entry.printed = (entry.printed + event.text).slice(0, LIVE_KEPT_CHARS)
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
        entry.args ??= parseArgs(entry.argParts.join(""))
        const output = typeof message.tool_return === "string" ? message.tool_return : contentText(message.tool_return)
        // A call the user denied comes back as an error return; it is shown as the denial it was.
        const denied = message.status === "error" ? DENIAL.exec(output) : null
        entry.status = denied !== null ? "denied" : message.status === "error" ? "error" : "success"
        entry.preview = resultPreview(entry.name, entry.status, denied !== null ? (denied[1] ?? "") : output, this.projectDir)
        if (denied === null) entry.output = output
        entry.finished = true
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
    const text = stripReminders(contentText(message.content))
    if (text.length === 0) return
    // Heartbeats and system alerts are JSON envelopes, not something the user typed.
    if (text.startsWith("{")) {
      const parsed = parseArgs(text)
      if (parsed !== undefined && typeof parsed["type"] === "string") return
    }
    this.addUser(text.length > maxChars ? `${text.slice(0, maxChars)}…` : text)
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
    const entry: ToolEntry = {
      type: "tool",
      id: this.id(),
      toolCallId,
      name,
      argParts: [],
      args: undefined,
      status,
      preview: [],
      finished: false,
      tail: "",
      printed: "",
      output: undefined
    }
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
      if (entry.type === "tool" && !entry.finished) {
        entry.args ??= parseArgs(entry.argParts.join(""))
        if (note !== undefined) {
          // What an interrupted command printed stays on screen, above the note.
          const printed = entry.status === "running" ? lastOutputLines(entry.tail, LIVE_OUTPUT_LINES) : []
          entry.preview = [...printed, typeof note === "string" ? note : note(entry.status)]
        }
        if (entry.printed.length > 0) entry.output = entry.printed
        entry.status = unfinished
        entry.finished = true
      }
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
        added.push(this.toolItem(head))
        this.tools.delete(head.toolCallId)
      }
      this.live.shift()
    }
    if (added.length > 0) this.commit(added)
  }

  private toolItem(entry: ToolEntry): ToolItem {
    const todos = entry.name === "TodoWrite" && entry.status !== "denied" && entry.status !== "error" ? todosOf(entry.args) : undefined
    return {
      kind: "tool",
      id: entry.id,
      toolCallId: entry.toolCallId,
      name: entry.name,
      summary: toolSummary(entry.name, entry.args, this.projectDir),
      status: entry.status,
      preview: entry.preview,
      todos,
      body: entry.name === "ExitPlanMode" && typeof entry.args?.["plan"] === "string" ? entry.args["plan"] : undefined,
      ...(entry.status === "running" && entry.tail.length > 0 ? { live: lastOutputLines(entry.tail, LIVE_OUTPUT_LINES) } : {}),
      ...(entry.output === undefined ? {} : { output: entry.output })
    }
  }

  /** The live entries, as the screen draws them. */
  liveViews(): ReadonlyArray<LiveView> {
    const views: Array<LiveView> = []
    for (const entry of this.live) {
      if (entry.type === "tool") {
        views.push(this.toolItem(entry))
      } else if (entry.type === "text") {
        const pending = [...entry.done, entry.splitter.tail(LIVE_TAIL_LINES)].filter((t) => t.trim().length > 0)
        if (pending.length > 0) views.push({ kind: "streaming", id: entry.id, textKind: entry.textKind, tail: pending.join("\n\n"), first: entry.first })
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
