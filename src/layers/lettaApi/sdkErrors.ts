/** Turns whatever the SDK threw into an ApiError with the server's own detail, never raw text. */
import { ApiError } from "../../domain/errors.js"
import { tlsProblem } from "./tlsFailure.js"
import { isRecord } from "../../domain/records.js"

export interface SdkModule {
  readonly Letta: typeof import("@letta-ai/letta-client/client").Letta
  readonly errors: typeof import("@letta-ai/letta-client/core/error")
}

/** An in-stream `error_message`: its message and detail, and its error type. */
const readErrorMessage = (body: Readonly<Record<string, unknown>>): { detail?: string; code?: string } => {
  const message = typeof body["message"] === "string" ? body["message"] : undefined
  const extra = typeof body["detail"] === "string" ? body["detail"] : undefined
  const errorType = typeof body["error_type"] === "string" ? body["error_type"] : undefined
  const text = [message, extra].filter((part) => part !== undefined && part.length > 0).join(": ")
  if (text.length === 0) return {}
  return errorType === undefined ? { detail: text } : { detail: text, code: errorType }
}

/**
 * An HTTP error body's `detail` (a string, an object with `message`/`code`, or a pydantic error
 * list), or an in-stream `error_message`, whose `message` says what happened (e.g. "CONFLICT:
 * Cannot send a new message…") and whose `detail` only adds to it.
 */
const readDetail = (body: unknown): { detail?: string; code?: string } => {
  if (!isRecord(body)) return typeof body === "string" && body.length > 0 ? { detail: body } : {}
  if (body["message_type"] === "error_message") return readErrorMessage(body)
  const detail = body["detail"]
  if (typeof detail === "string") return { detail }
  if (isRecord(detail)) {
    const message = typeof detail["message"] === "string" ? detail["message"] : JSON.stringify(detail)
    return typeof detail["code"] === "string" ? { detail: message, code: detail["code"] } : { detail: message }
  }
  if (detail !== undefined) return { detail: JSON.stringify(detail) }
  return readErrorMessage(body)
}

/** `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
const readRetryAfter = (headers: Headers | undefined): number | undefined => {
  if (headers === undefined) return undefined
  const ms = Number(headers.get("retry-after-ms") ?? Number.NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms
  const value = headers.get("retry-after")
  if (value === null) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** ApiError codes the failure messages single out. */
/** The server answered something that is not what the API promises (a malformed body or event). */
export const protocolError = (operation: string, detail: string, streamStarted: boolean): ApiError =>
  new ApiError({ kind: "protocol", operation, detail, streamStarted })

export const TLS_FAILURE = "tls_failure"
export const REDIRECT = "redirect"

/** A Location may carry a user and password; they are not for the terminal. */
const withoutCredentials = (location: string): string => {
  try {
    const url = new URL(location)
    if (url.username === "" && url.password === "") return location
    url.username = ""
    url.password = ""
    return url.toString()
  } catch {
    return location.replace(/\/\/[^/@\s]*@/, "//")
  }
}

export const describeApiFailure = (sdk: SdkModule, operation: string, error: unknown, streamStarted: boolean): ApiError => {
  const { errors } = sdk
  if (error instanceof errors.APIConnectionTimeoutError) {
    return new ApiError({ kind: "timeout", operation, streamStarted })
  }
  // Not retried (the certificate will not change in a second): a protocol error naming the cause.
  const tls = error instanceof errors.APIUserAbortError ? undefined : tlsProblem(error)
  if (tls !== undefined) {
    return new ApiError({ kind: "protocol", operation, code: TLS_FAILURE, detail: tls.detail, hint: tls.hint, streamStarted })
  }
  if (error instanceof errors.APIConnectionError || error instanceof errors.APIUserAbortError) {
    return new ApiError({ kind: "connection", operation, streamStarted })
  }
  if (error instanceof errors.APIError) {
    const { code, detail } = readDetail(error.error)
    const retryAfterMs = readRetryAfter(error.headers)
    const location = error.status >= 300 && error.status < 400 ? error.headers?.get("location") : undefined
    if (location !== undefined && location !== null) {
      return new ApiError({ kind: "http", operation, status: error.status, code: REDIRECT, detail: withoutCredentials(location), streamStarted })
    }
    if (error.status === undefined) {
      // An `event: error` inside an HTTP 200 stream.
      return new ApiError({
        kind: "stream",
        operation,
        streamStarted: true,
        ...(detail === undefined ? {} : { detail }),
        ...(code === undefined ? {} : { code })
      })
    }
    return new ApiError({
      kind: "http",
      operation,
      status: error.status,
      streamStarted,
      ...(detail === undefined ? {} : { detail }),
      ...(code === undefined ? {} : { code }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs })
    })
  }
  if (error instanceof SyntaxError) {
    return new ApiError({ kind: "protocol", operation, detail: "the server sent a malformed event", streamStarted })
  }
  // fetch failures that escaped the SDK's own wrapping (e.g. a reset mid-stream).
  if (error instanceof Error && (error.name === "TypeError" || "code" in error)) {
    return new ApiError({ kind: "connection", operation, streamStarted })
  }
  return new ApiError({
    kind: "protocol",
    operation,
    detail: error instanceof Error ? error.message : String(error),
    streamStarted
  })
}
