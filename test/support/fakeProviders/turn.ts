/**
 * A scripted reply made concrete for one request: the content every encoder streams, with tool
 * arguments serialised, usage decided and ids generated. Provider-independent.
 */
import type { RecordedRequest, ScriptedReply } from "./types.js"

export interface TurnToolCall {
  /** The scripted id, or undefined: the encoder generates one in its provider's style. */
  readonly id: string | undefined
  readonly name: string
  /** Exactly what is streamed (JSON text, or the scripted string verbatim). */
  readonly arguments: string
}

export interface Turn {
  readonly request: RecordedRequest
  /** The request's `model`, else the server's first model. */
  readonly model: string
  readonly reasoning: string
  readonly text: string
  readonly toolCalls: ReadonlyArray<TurnToolCall>
  readonly usage: { readonly input: number; readonly output: number } | null
  readonly finish: "stop" | "length"
  readonly chunkSize: number
  /** Unix seconds. */
  readonly created: number
  /** A new id with the given prefix, unique on this server (`chatcmpl-`, `msg_`, `call_`, ...). */
  readonly newId: (prefix: string) => string
}

export const DEFAULT_CHUNK_SIZE = 8

/** Fragments of at most `size` characters (code points, so no surrogate pair is cut); none for "". */
export const fragments = (text: string, size: number): ReadonlyArray<string> => {
  const chars = Array.from(text)
  const step = Math.max(1, Math.floor(size))
  const out: string[] = []
  for (let i = 0; i < chars.length; i += step) out.push(chars.slice(i, i + step).join(""))
  return out
}

const estimate = (chars: number): number => Math.max(1, Math.ceil(chars / 4))

export const makeTurn = (reply: ScriptedReply, request: RecordedRequest, defaultModel: string, newId: (prefix: string) => string): Turn => {
  const body: unknown = request.body
  const model = typeof body === "object" && body !== null && "model" in body && typeof body.model === "string" ? body.model : defaultModel
  const toolCalls = (reply.toolCalls ?? []).map(
    (call): TurnToolCall => ({
      id: call.id,
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : (JSON.stringify(call.arguments ?? {}) ?? "{}")
    })
  )
  const reasoning = reply.reasoning ?? ""
  const text = reply.text ?? ""
  const outputChars = reasoning.length + text.length + toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0)
  const usage =
    reply.usage === null
      ? null
      : (reply.usage ?? { input: estimate(typeof body === "string" ? body.length : (JSON.stringify(body) ?? "").length), output: estimate(outputChars) })
  return {
    request,
    model,
    reasoning,
    text,
    toolCalls,
    usage,
    finish: reply.finish ?? "stop",
    chunkSize: reply.chunkSize ?? DEFAULT_CHUNK_SIZE,
    created: Math.floor(Date.now() / 1000),
    newId
  }
}
