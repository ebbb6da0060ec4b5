/**
 * The transcript's live entries (a message still streaming, a tool call not yet finished) and
 * how each is formatted into what the screen draws: tool items with their previews and live
 * output, the streaming tail of a message. The ordering and committing is transcript.ts's job.
 */
import { contentText, type LettaMessage } from "../../domain/letta.js"
import type { MarkdownBlockSplitter } from "./markdownStream.js"
import { type Args, parseArgs, resultPreview, todosOf, toolSummary } from "./toolFormat.js"
import type { Item, LiveView, ToolItem, ToolStatus } from "./transcriptItems.js"

export interface TextEntry {
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

export interface ToolEntry {
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

export type LiveEntry = TextEntry | ToolEntry | { readonly type: "item"; readonly item: Item }

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

/**
 * A user message from the history as the transcript shows it (cut to `maxChars`); undefined for
 * what the user did not type (empty after reminders are stripped, heartbeats, system alerts).
 */
export const historyUserText = (message: LettaMessage, maxChars: number): string | undefined => {
  const text = stripReminders(contentText(message.content))
  if (text.length === 0) return undefined
  // Heartbeats and system alerts are JSON envelopes, not something the user typed.
  if (text.startsWith("{")) {
    const parsed = parseArgs(text)
    if (parsed !== undefined && typeof parsed["type"] === "string") return undefined
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text
}

export const newToolEntry = (id: number, toolCallId: string, name: string, status: ToolStatus): ToolEntry => ({
  type: "tool",
  id,
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
})

/** What a running tool printed: its tail for the live lines, its start for Ctrl+O. */
export const recordOutput = (entry: ToolEntry, text: string): void => {
  entry.tail = (entry.tail + text).slice(-LIVE_TAIL_CHARS)
  if (entry.printed.length < LIVE_KEPT_CHARS) entry.printed = (entry.printed + text).slice(0, LIVE_KEPT_CHARS)
}

/** A server's tool return finishes the call (a denial shows as the denial it was). */
export const recordReturn = (entry: ToolEntry, message: LettaMessage, projectDir: string): void => {
  entry.args ??= parseArgs(entry.argParts.join(""))
  const output = typeof message.tool_return === "string" ? message.tool_return : contentText(message.tool_return)
  // A call the user denied comes back as an error return; it is shown as the denial it was.
  const denied = message.status === "error" ? DENIAL.exec(output) : null
  entry.status = denied !== null ? "denied" : message.status === "error" ? "error" : "success"
  entry.preview = resultPreview(entry.name, entry.status, denied !== null ? (denied[1] ?? "") : output, projectDir)
  if (denied === null) entry.output = output
  entry.finished = true
}

/** Ends a call that never got a result: it takes `unfinished`, with `note` under what it printed. */
export const abandonTool = (entry: ToolEntry, unfinished: ToolStatus, note: string | ((was: ToolStatus) => string) | undefined): void => {
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

export const toolItem = (entry: ToolEntry, projectDir: string): ToolItem => {
  const todos = entry.name === "TodoWrite" && entry.status !== "denied" && entry.status !== "error" ? todosOf(entry.args) : undefined
  return {
    kind: "tool",
    id: entry.id,
    toolCallId: entry.toolCallId,
    name: entry.name,
    summary: toolSummary(entry.name, entry.args, projectDir),
    status: entry.status,
    preview: entry.preview,
    todos,
    body: entry.name === "ExitPlanMode" && typeof entry.args?.["plan"] === "string" ? entry.args["plan"] : undefined,
    ...(entry.status === "running" && entry.tail.length > 0 ? { live: lastOutputLines(entry.tail, LIVE_OUTPUT_LINES) } : {}),
    ...(entry.output === undefined ? {} : { output: entry.output })
  }
}

/** A streaming message's blocks not yet committed, as one live view; undefined while blank. */
export const streamingView = (entry: TextEntry): LiveView | undefined => {
  const pending = [...entry.done, entry.splitter.tail(LIVE_TAIL_LINES)].filter((t) => t.trim().length > 0)
  return pending.length > 0 ? { kind: "streaming", id: entry.id, textKind: entry.textKind, tail: pending.join("\n\n"), first: entry.first } : undefined
}
