/**
 * Every provider failure as an ApiError: the provider is named as the
 * service, HTTP errors keep their status, Retry-After and the provider's own message; auth
 * failures name the variable to set; an unreachable server says how to start it.
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { ApiError } from "../../domain/errors.js"
import { connectionHint, keyHint, type Provider, serviceName } from "./providers.js"
import { excerpt, type WireFailure } from "./wire.js"

export interface CallContext {
  readonly provider: Provider
  /** What was being done, for "while trying to …": `call the model claude-sonnet-4-5`. */
  readonly operation: string
  /** The provider's name of the model, when the call is about one. */
  readonly model?: string | undefined
}

const Message = Schema.optional(Schema.NullOr(Schema.String))
const Code = Schema.optional(Schema.NullOr(Schema.Union(Schema.String, Schema.Number)))

// Anthropic `{type:"error", error:{type, message}}`, OpenAI `{error:{message, type, code}}`,
// Ollama and LM Studio `{error:"…"}`, vLLM `{message, type, code}`, FastAPI `{detail}`.
const ErrorBody = Schema.Struct({
  error: Schema.optional(
    Schema.Union(Schema.String, Schema.Struct({ message: Message, type: Message, code: Code }))
  ),
  message: Message,
  type: Message,
  code: Code,
  detail: Schema.optional(Schema.Unknown)
})
const decodeErrorBody = Schema.decodeUnknownOption(ErrorBody)

/** The provider's own message and code from an error body (JSON of any common shape, or text). */
export const providerMessage = (body: string): { readonly detail: string | undefined; readonly code: string | undefined } => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    const text = excerpt(body)
    return { detail: text.length > 0 ? text : undefined, code: undefined }
  }
  const decoded = decodeErrorBody(json)
  if (Option.isNone(decoded)) return { detail: excerpt(body), code: undefined }
  const { error, message, type, code, detail } = decoded.value
  const codeText = (value: string | number | null | undefined) => (value === null || value === undefined ? undefined : String(value))
  if (typeof error === "string") return { detail: error, code: codeText(code) ?? type ?? undefined }
  if (error !== undefined && typeof error.message === "string") {
    return { detail: error.message, code: codeText(error.code) ?? error.type ?? undefined }
  }
  if (typeof message === "string") return { detail: message, code: codeText(code) ?? type ?? undefined }
  if (typeof detail === "string") return { detail, code: undefined }
  return { detail: excerpt(body), code: undefined }
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date). */
export const retryAfterMs = (headers: Readonly<Record<string, string | undefined>>, now: number = Date.now()): number | undefined => {
  const ms = headers["retry-after-ms"]
  if (ms !== undefined && ms.trim().length > 0) {
    const value = Number(ms)
    if (Number.isFinite(value) && value >= 0) return Math.round(value)
  }
  const after = headers["retry-after"]?.trim()
  if (after === undefined || after.length === 0) return undefined
  const seconds = Number(after)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined
  const date = Date.parse(after)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const hintForStatus = (context: CallContext, status: number, detail: string | undefined): string | undefined => {
  if (status === 401 || status === 403) return keyHint(context.provider)
  if (status === 404 && context.provider.local === "ollama" && context.model !== undefined && /not found|pull/i.test(detail ?? "")) {
    return `Pull it with \`ollama pull ${context.model}\`, or pick a model from \`ollama list\`.`
  }
  return undefined
}

/** A non-2xx answer (before the stream started). */
export const httpError = (
  context: CallContext,
  status: number,
  headers: Readonly<Record<string, string | undefined>>,
  body: string
): ApiError => {
  const { detail, code } = providerMessage(body)
  const retryAfter = retryAfterMs(headers)
  const hint = hintForStatus(context, status, detail)
  return new ApiError({
    kind: "http",
    operation: context.operation,
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(code === undefined ? {} : { code }),
    ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
    streamStarted: false,
    service: serviceName(context.provider),
    ...(hint === undefined ? {} : { hint })
  })
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED"])

const causeCode = (cause: unknown): string | undefined => {
  let current: unknown = cause
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code: unknown = Reflect.get(current, "code")
    if (typeof code === "string") return code
    current = Reflect.get(current, "cause")
  }
  return undefined
}

const causeText = (cause: unknown): string => {
  const code = causeCode(cause)
  const message = cause instanceof Error ? cause.message : String(cause)
  return code === undefined || message.includes(code) ? message : `${message} (${code})`
}

/** The request could not be sent, or its answer not read before the stream started. */
export const requestError = (context: CallContext, error: HttpClientError.HttpClientError): ApiError => {
  const code = causeCode(error.cause)
  const timedOut = code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT"
  return new ApiError({
    kind: timedOut ? "timeout" : error._tag === "RequestError" || (code !== undefined && CONNECTION_CODES.has(code)) ? "connection" : "protocol",
    operation: context.operation,
    detail: causeText(error.cause ?? error),
    ...(code === undefined ? {} : { code }),
    streamStarted: false,
    service: serviceName(context.provider),
    hint: connectionHint(context.provider)
  })
}

/** The server did not answer within the probe's time. */
export const timeoutError = (context: CallContext, ms: number): ApiError =>
  new ApiError({
    kind: "timeout",
    operation: context.operation,
    detail: `no answer within ${ms} ms`,
    streamStarted: false,
    service: serviceName(context.provider),
    hint: connectionHint(context.provider)
  })

/** The body broke while streaming. */
export const readError = (context: CallContext, cause: unknown): ApiError =>
  new ApiError({
    kind: "stream",
    operation: context.operation,
    detail: `the connection broke before the reply was complete: ${causeText(cause)}`,
    streamStarted: true,
    service: serviceName(context.provider)
  })

/** An error the provider reported inside the stream, or a stream that could not be read. */
export const wireError = (context: CallContext, failure: WireFailure, streamStarted: boolean): ApiError =>
  new ApiError({
    kind: failure.kind,
    operation: context.operation,
    detail: failure.detail,
    ...(failure.code === undefined ? {} : { code: failure.code }),
    streamStarted,
    service: serviceName(context.provider)
  })

/** A provider that needs a key has none: nothing was sent. */
export const missingKeyError = (context: CallContext): ApiError => {
  const hint = keyHint(context.provider)
  return new ApiError({
    kind: "protocol",
    operation: context.operation,
    detail: `no API key: ${context.provider.apiKeyEnv ?? "its key variable"} is not set`,
    streamStarted: false,
    service: serviceName(context.provider),
    ...(hint === undefined ? {} : { hint })
  })
}
