/**
 * One request of a turn as a stream of events: Retry events while failures before the server
 * started answering are retried, then the server's messages (pings excluded) as they stream,
 * then RequestFinished. The response is folded into `response` on the way, a batch at a time:
 * this is the per-token path.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Stream from "effect/Stream"
import type { ApiError } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { PendingToolCall, SendMessageBody, StreamChunk } from "../../domain/letta.js"
import { LettaApi } from "../../services/LettaApi.js"
import type { ResponseAccumulator } from "./accumulator.js"
import { NOTHING, type Outstanding, streaming, unanswered } from "./cleanup.js"
import { isRetryable, MAX_ATTEMPTS, retryDelayMs, retryReason } from "./retry.js"
import { unwrapInPlace } from "./streams.js"

const serverEvents = (chunks: Stream.Stream<StreamChunk, ApiError>, response: ResponseAccumulator): Stream.Stream<TurnEvent, ApiError> =>
  Stream.mapChunks(chunks, (batch) => {
    const events: Array<TurnEvent> = []
    for (const chunk of batch) {
      response.add(chunk.message)
      if (chunk.message.message_type !== "ping") events.push({ _tag: "ServerMessage", chunk })
    }
    return Chunk.unsafeFromArray(events)
  })

export const requestEvents = (
  agentId: string,
  body: SendMessageBody,
  response: ResponseAccumulator,
  /** The calls this request answers: still unanswered should the server refuse it. */
  answering: ReadonlyArray<PendingToolCall>,
  outstanding: Ref.Ref<Outstanding>
): Stream.Stream<TurnEvent, ApiError, LettaApi> => {
  /** Opens the stream, retrying failures that happened before the server started answering. */
  const attempt = (n: number): Stream.Stream<TurnEvent, ApiError, LettaApi> =>
    Stream.unwrapScoped(
      Effect.flatMap(LettaApi, (api) => api.sendMessage(agentId, body)).pipe(
        Effect.map((chunks) => serverEvents(chunks, response)),
        Effect.catchAll((error) => {
          if (n >= MAX_ATTEMPTS || !isRetryable(error)) {
            // Refused: the server did not get the answers; they are still owed.
            return Effect.zipRight(error.kind === "http" ? Ref.set(outstanding, unanswered(answering)) : Effect.void, Effect.fail(error))
          }
          const delayMs = retryDelayMs(error, n)
          const retry: TurnEvent = { _tag: "Retry", attempt: n + 1, maxAttempts: MAX_ATTEMPTS, delayMs, reason: retryReason(error) }
          return Effect.succeed(Stream.concat(Stream.succeed(retry), Stream.concat(Stream.execute(Effect.sleep(delayMs)), attempt(n + 1))))
        })
      )
    )
  return Stream.suspend(() => {
    const started = Date.now()
    // From the first byte sent, the server may have the answers: they are never sent again
    // (an interrupt cancels the run instead), unless the server refused the request.
    return Stream.concat(
      unwrapInPlace(Effect.as(Ref.set(outstanding, streaming(response)), attempt(1))),
      Stream.fromEffect(
        Effect.zipRight(
          Ref.set(outstanding, NOTHING),
          Effect.sync((): TurnEvent => ({ _tag: "RequestFinished", durationMs: Date.now() - started }))
        )
      )
    )
  })
}
