/**
 * A create that is never sent twice blindly. Each create carries a unique tag; when an attempt
 * fails in a way that leaves its fate unknown (no answer, a dropped connection, a gateway error),
 * the next attempt of the same create first lists by that tag and adopts what the first one made.
 * The retries themselves belong to the caller (withAnnouncedRetries re-runs this effect).
 */
import * as Effect from "effect/Effect"
import type { ApiError } from "../../domain/errors.js"

/** The tag prefix; the rest is random, one per create. */
export const CREATE_TAG_PREFIX = "letta-create:"

const mayHaveArrived = (error: ApiError): boolean =>
  error.kind === "timeout" || error.kind === "connection" || (error.kind === "http" && (error.status ?? 0) >= 500 && error.status !== 501)

export const onceCreated = <A>(operations: {
  readonly send: (tag: string) => Effect.Effect<A, ApiError>
  readonly find: (tag: string) => Effect.Effect<ReadonlyArray<A>, ApiError>
}): Effect.Effect<A, ApiError> => {
  const tag = `${CREATE_TAG_PREFIX}${globalThis.crypto.randomUUID()}`
  let unanswered = false
  const send = Effect.suspend(() => operations.send(tag)).pipe(
    Effect.tapError((error) =>
      Effect.sync(() => {
        if (mayHaveArrived(error)) unanswered = true
      })
    )
  )
  return Effect.suspend(() =>
    unanswered
      ? Effect.flatMap(operations.find(tag), (found) => (found[0] === undefined ? send : Effect.succeed(found[0])))
      : send
  )
}
