/**
 * What a reflection pass reads: the agent's history since the previous pass (its newest entries,
 * capped), as plain lines. Reasoning, pings and reminders are left out.
 */
import { contentText, type LettaMessage, toolCallParts } from "../../domain/letta.js"

/** How much of the history a pass reads (a Letta server's default page of messages). */
export const HISTORY_ENTRIES = 100
const TRANSCRIPT_CHARS = 24_000
/** What the user said is kept first (corrections and preferences are what a pass learns from), within this share. */
const USER_SHARE = 0.5
const ENTRY_CHARS = 1_500
const GAP = "[\u2026]"

export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)} [... ${text.length - max} characters cut]`)

/** One transcript line per history entry that says something. */
const transcriptLine = (message: LettaMessage): string | undefined => {
  switch (message.message_type) {
    case "user_message": {
      const text = contentText(message.content).replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, "").trim()
      return text.length === 0 ? undefined : `User: ${clip(text, ENTRY_CHARS)}`
    }
    case "assistant_message":
      return `Agent: ${clip(contentText(message.content).trim(), ENTRY_CHARS)}`
    case "tool_call_message":
    case "approval_request_message":
      return toolCallParts(message)
        .map((call) => `Agent called ${call.name ?? "a tool"}(${clip(String(call.arguments ?? ""), 300)})`)
        .join("\n")
    case "tool_return_message":
      return `Tool result (${message.status ?? "done"}): ${clip(typeof message.tool_return === "string" ? message.tool_return : JSON.stringify(message.tool_return ?? ""), 500)}`
    default:
      return undefined
  }
}

/**
 * What fits in TRANSCRIPT_CHARS, oldest first: the user's words first (newest first, within
 * USER_SHARE of it), then the agent's messages and tool calls, newest first. Where entries were
 * left out, a `[…]` line says so.
 */
export const transcriptOf = (history: ReadonlyArray<LettaMessage>): string => {
  const lines = history.flatMap((message) => {
    const line = transcriptLine(message)
    return line === undefined || line.length === 0 ? [] : [{ line, user: message.message_type === "user_message" }]
  })
  const kept = new Set<number>()
  let size = 0
  const take = (user: boolean, budget: number) => {
    for (let index = lines.length - 1; index >= 0; index--) {
      const entry = lines[index]!
      if (entry.user !== user || kept.has(index)) continue
      if (size + entry.line.length + 1 > budget) break
      size += entry.line.length + 1
      kept.add(index)
    }
  }
  take(true, TRANSCRIPT_CHARS * USER_SHARE)
  take(false, TRANSCRIPT_CHARS)
  const shown: Array<string> = []
  for (let index = 0; index < lines.length; index++) {
    if (kept.has(index)) shown.push(lines[index]!.line)
    else if (shown.length > 0 && shown[shown.length - 1] !== GAP) shown.push(GAP)
    else if (shown.length === 0 && index === 0) shown.push(GAP)
  }
  while (shown[shown.length - 1] === GAP) shown.pop()
  return shown.length === 1 && shown[0] === GAP ? "" : shown.join("\n")
}

export interface NewHistory {
  /** What happened since the previous pass, as lines; empty when nothing did. */
  readonly transcript: string
  /** The newest entry read: the next pass starts after it. */
  readonly newestId: string | undefined
}

/**
 * The entries after `lastSeenId` (the newest one the previous pass read). When it is not among
 * them, it is older than they are, and all of them are new.
 */
export const historySince = (history: ReadonlyArray<LettaMessage>, lastSeenId: string | undefined): NewHistory => {
  let start = 0
  if (lastSeenId !== undefined) {
    for (let index = history.length - 1; index >= 0; index--) {
      if (history[index]!.id === lastSeenId) {
        start = index + 1
        break
      }
    }
  }
  const newest = [...history].reverse().find((message) => typeof message.id === "string" && message.id.length > 0)
  return { transcript: transcriptOf(history.slice(start)), newestId: newest?.id ?? lastSeenId ?? undefined }
}
