/** Which failures are worth another attempt (only those before the server answered), and how long to wait. */
import * as Effect from "effect/Effect"
import type { ApiError } from "../../domain/errors.js"

export const MAX_ATTEMPTS = 3
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 8_000
const MAX_RETRY_AFTER_MS = 60_000

/** Only failures before the server started answering: a retried send never duplicates a turn. */
export const isRetryable = (error: ApiError): boolean => {
  if (error.streamStarted) return false
  if (error.kind === "connection" || error.kind === "timeout") return true
  if (error.kind !== "http" || error.status === undefined) return false
  // 501 Not Implemented is an answer, not a hiccup: a web server that is not a Letta server.
  return error.status === 408 || error.status === 429 || (error.status >= 500 && error.status !== 501)
}

/** Exponential backoff with ±25 % jitter, or the server's Retry-After when it gave one. */
export const retryDelayMs = (error: ApiError, failedAttempt: number, random: () => number = Math.random): number => {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS)
  const base = Math.min(BASE_DELAY_MS * 2 ** (failedAttempt - 1), MAX_DELAY_MS)
  return Math.round(base * (0.75 + random() * 0.5))
}

export const retryReason = (error: ApiError): string => {
  const who = error.service ?? "the server"
  switch (error.kind) {
    case "connection":
      return `could not connect to ${who}`
    case "timeout":
      return `${who} did not answer in time`
    default:
      return error.status === 429 ? `rate limited by ${who} (HTTP 429)` : `${who} failed (HTTP ${error.status ?? "?"})`
  }
}

/** The stderr line announcing a retry. */
export const retryNotice = (reason: string, delayMs: number, attempt: number, maxAttempts: number): string =>
  `letta: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt} of ${maxAttempts})\n`

/**
 * One request outside a turn (the agent's set-up: its memory blocks, its creation or lookup),
 * retried like a message send (failures before the server answered, at most MAX_ATTEMPTS), each
 * retry announced: a first run against a struggling server says why it waits.
 */
export const withAnnouncedRetries = <A, R>(
  request: Effect.Effect<A, ApiError, R>,
  announce: (notice: string) => Effect.Effect<void>
): Effect.Effect<A, ApiError, R> => {
  const attempt = (n: number): Effect.Effect<A, ApiError, R> =>
    Effect.catchAll(request, (error) => {
      if (n >= MAX_ATTEMPTS || !isRetryable(error)) return Effect.fail(error)
      const delayMs = retryDelayMs(error, n)
      return announce(retryNotice(`${retryReason(error)} while trying to ${error.operation}`, delayMs, n + 1, MAX_ATTEMPTS)).pipe(
        Effect.zipRight(Effect.sleep(delayMs)),
        Effect.zipRight(attempt(n + 1))
      )
    })
  return attempt(1)
}
