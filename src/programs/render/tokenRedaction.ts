/**
 * stream-json prints streamed text one token chunk per line, so a key the server echoes can
 * arrive in pieces that no single line shows whole (and that line-by-line redaction would miss).
 * The text of the message being streamed goes through a StreamRedactor: the end of a chunk that
 * could begin a key waits for the next chunk of the same message, or is printed on its own
 * line once the message is over.
 */
import { StreamRedactor } from "../../domain/redaction.js"
import { isRecord } from "../../domain/records.js"

type Raw = Readonly<Record<string, unknown>>

/** Where a chunk carries streamed text: read it, and put redacted text back in a copy. */
interface TextSlot {
  readonly name: string
  /** A tool call's id, when the chunk names it (later deltas of the same call may not). */
  readonly callId?: string
  readonly text: string
  readonly with: (text: string) => Raw
}

const callId = (call: Record<string, unknown>): { callId?: string } => {
  const id = call["tool_call_id"] ?? call["id"]
  return typeof id === "string" && id.length > 0 ? { callId: id } : {}
}

/** A tool call's streamed `arguments`, in either spelling, when the chunk holds exactly one call. */
const argumentsSlot = (raw: Raw): TextSlot | undefined => {
  const single = raw["tool_call"]
  if (isRecord(single) && typeof single["arguments"] === "string") {
    return { name: "tool_call", ...callId(single), text: single["arguments"], with: (text) => ({ ...raw, tool_call: { ...single, arguments: text } }) }
  }
  const list = raw["tool_calls"]
  const only = Array.isArray(list) && list.length === 1 ? list[0] : isRecord(list) ? list : undefined
  if (isRecord(only) && typeof only["arguments"] === "string") {
    const wrap = (call: Record<string, unknown>) => (Array.isArray(list) ? [call] : call)
    return { name: "tool_calls", ...callId(only), text: only["arguments"], with: (text) => ({ ...raw, tool_calls: wrap({ ...only, arguments: text }) }) }
  }
  return undefined
}

const textSlot = (raw: Raw): TextSlot | undefined => {
  const content = raw["content"]
  if (raw["message_type"] === "assistant_message" && typeof content === "string") {
    return { name: "content", text: content, with: (text) => ({ ...raw, content: text }) }
  }
  const reasoning = raw["reasoning"]
  if (raw["message_type"] === "reasoning_message" && typeof reasoning === "string") {
    return { name: "reasoning", text: reasoning, with: (text) => ({ ...raw, reasoning: text }) }
  }
  if (raw["message_type"] === "approval_request_message" || raw["message_type"] === "tool_call_message") return argumentsSlot(raw)
  return undefined
}

export class TokenRedaction {
  private current: { readonly base: string; readonly key: string; slot: TextSlot; readonly redactor: StreamRedactor } | undefined

  /** The chunks to print for `raw`, in order (what was held back of the previous message first). */
  chunk(raw: Raw): ReadonlyArray<Raw> {
    const slot = textSlot(raw)
    const base = slot === undefined ? undefined : `${String(raw["message_type"])}:${String(raw["id"] ?? "")}:${slot.name}`
    // A delta without a call id continues the call being streamed; a new id starts another.
    const key = base === undefined ? undefined : `${base}:${slot?.callId ?? (this.current?.base === base ? this.current.key.slice(base.length + 1) : "")}`
    const out: Array<Raw> = []
    if (this.current !== undefined && this.current.key !== key) out.push(...this.end())
    if (slot === undefined || base === undefined || key === undefined) {
      out.push(raw)
      return out
    }
    this.current ??= { base, key, slot, redactor: new StreamRedactor() }
    this.current.slot = slot
    out.push(slot.with(this.current.redactor.write(slot.text)))
    return out
  }

  /** What is still held back, as one more chunk of its message (none when nothing is). */
  end(): ReadonlyArray<Raw> {
    const current = this.current
    this.current = undefined
    if (current === undefined) return []
    const rest = current.redactor.flush()
    return rest.length === 0 ? [] : [current.slot.with(rest)]
  }
}
