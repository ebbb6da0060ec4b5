/**
 * What the three wire formats have in common: a reader turns one call's SSE events into
 * ModelEvents, and every payload is checked against a Schema before it is used (the provider
 * is a trust boundary). The checks are compiled guards (same answers as `Schema.is`): they run
 * for every token.
 */
import type { SseMessage } from "../lettaApi/sseParser.js"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { compileGuard } from "../../domain/schemaGuard.js"
import type { ModelEvent, ModelRequest, ModelUsage } from "../../services/Models.js"
import type { Provider } from "./providers.js"

/** Why a stream cannot go on: the provider reported an error in it, or sent something unreadable. */
export interface WireFailure {
  readonly kind: "stream" | "protocol"
  readonly detail: string
  readonly code?: string | undefined
}

export interface WireReader {
  /** One SSE event: appends what it means to `out`, or says why the stream must end. */
  readonly event: (message: SseMessage, out: Array<ModelEvent>) => WireFailure | undefined
  /** The body ended: appends the Finish when the reply was complete, else says what is missing. */
  readonly end: (out: Array<ModelEvent>) => WireFailure | undefined
}

export interface WireProtocol {
  /** The URL of a streamed call. */
  readonly url: (provider: Provider) => string
  readonly headers: (provider: Provider) => Readonly<Record<string, string>>
  readonly body: (provider: Provider, model: string, request: ModelRequest) => unknown
  readonly reader: () => WireReader
}

export type Decoded<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly failure: WireFailure }

/** JSON text → a value of `schema`, or a protocol failure naming what was wrong. */
export const jsonDecoder = <A, I>(schema: Schema.Schema<A, I>, what: string) => {
  const guard = compileGuard(schema)
  const explain = Schema.decodeUnknownEither(schema)
  return (data: string): Decoded<A> => {
    let value: unknown
    try {
      value = JSON.parse(data)
    } catch {
      return { ok: false, failure: { kind: "protocol", detail: `${what} is not JSON: ${excerpt(data)}` } }
    }
    if (guard(value)) return { ok: true, value }
    const result = explain(value)
    const reason = result._tag === "Left" ? ParseResult.TreeFormatter.formatErrorSync(result.left) : "unexpected shape"
    return { ok: false, failure: { kind: "protocol", detail: `unexpected ${what}: ${reason}` } }
  }
}

export const excerpt = (text: string, limit = 300): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat
}

/** Token counts a provider reported; non-finite or negative figures are not figures. */
export const usageOf = (input: number | null | undefined, output: number | null | undefined): ModelUsage | undefined => {
  const valid = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0
  if (!valid(input) && !valid(output)) return undefined
  return { inputTokens: valid(input) ? input : 0, outputTokens: valid(output) ? output : 0 }
}

/** The arguments of a tool call as last replayed: the JSON object the model sent, or `{}` when it was not one. */
export const argumentsObject = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export const NullableNumber = Schema.optional(Schema.NullOr(Schema.Number))
export const NullableString = Schema.optional(Schema.NullOr(Schema.String))
