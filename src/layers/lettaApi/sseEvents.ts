/**
 * Reads a streaming turn's SSE body into decoded chunks. The SDK's own stream
 * reader costs ~20 µs and a lot of garbage per event, which dominates long token streams; here
 * the body is fed to a linear SSE parser and each network read yields all the events it
 * completed, as one batch. A stream silent for longer than the idle timeout (pings included)
 * fails: the server offers no resume for a foreground run, so the turn ends with a clear message.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { ApiError } from "../../domain/errors.js"
import { LettaMessage, type StreamChunk } from "../../domain/letta.js"
import { compileGuard } from "../../domain/schemaGuard.js"
import { createSseParser, DEFAULT_MAX_EVENT_CHARS, describeSize, type SseMessage, SseEventTooLarge } from "./sseParser.js"
import { describeSeconds, LETTA_STREAM_IDLE_MS } from "./streamLimits.js"
import { isRecord } from "../../domain/records.js"
import { protocolError } from "./sdkErrors.js"

// A check, not a decode: LettaMessage has no transformations, so a valid payload already IS a
// LettaMessage (extra fields included) and no second object is built for every token. Compiled
// (same answers as Schema.is), as it runs for every token.
const isLettaMessage = compileGuard(LettaMessage)

/** Reads, and time, allowed for the rest of a body after `[DONE]`. */
const DRAIN_READS = 8
const DRAIN_MS = 250

export interface SseFailures {
  /** An `event: error` payload → the ApiError the server meant. */
  readonly serverError: (payload: unknown) => ApiError
  /** The connection failed while reading. */
  readonly readError: (error: unknown) => ApiError
}

export interface SseLimits {
  /** The longest silence (no byte at all) before the stream is given up. */
  readonly idleTimeoutMs: number
  /** The largest one event may be. */
  readonly maxEventChars: number
}

export const sseChunks = (
  body: AsyncIterable<unknown>,
  operation: string,
  failures: SseFailures,
  limits: SseLimits = { idleTimeoutMs: LETTA_STREAM_IDLE_MS, maxEventChars: DEFAULT_MAX_EVENT_CHARS }
): Stream.Stream<StreamChunk, ApiError> =>
  Stream.suspend(() => {
    const iterator = body[Symbol.asyncIterator]()
    const decoder = new TextDecoder()
    let batch: Array<StreamChunk> = []
    let failure: ApiError | undefined
    let done = false
    let bodyEnded = false

    const onEvent = (event: SseMessage) => {
      if (done || failure !== undefined) return
      if (event.data === "[DONE]") {
        done = true
        return
      }
      let payload: unknown
      try {
        payload = JSON.parse(event.data)
      } catch {
        failure = protocolError(operation, "the server sent a malformed event", true)
        return
      }
      if (event.event === "error") {
        failure = failures.serverError(payload)
        return
      }
      // Other named events (e.g. `cancelled`) carry nothing the client needs.
      if (event.event !== undefined && event.event !== "message") return
      if (!isRecord(payload)) {
        failure = protocolError(operation, "the server sent an event that is not a JSON object", true)
        return
      }
      if (!isLettaMessage(payload)) {
        failure = protocolError(operation, "the server sent an event with an unexpected shape", true)
        return
      }
      batch.push({ message: payload, raw: payload })
    }
    const parser = createSseParser({ onEvent, maxEventChars: limits.maxEventChars })
    const feed = (text: string) => {
      try {
        parser.feed(text)
      } catch (error) {
        if (!(error instanceof SseEventTooLarge)) throw error
        failure ??= protocolError(operation, `the server sent one event larger than ${describeSize(error.limitChars)}; letta stopped reading the stream`, true)
      }
    }

    /** The next read, or a timeout failure when nothing at all arrives for `idleTimeoutMs`. */
    const nextRead = (): Promise<IteratorResult<unknown>> => {
      const read = iterator.next()
      let timer: ReturnType<typeof setTimeout> | undefined
      const silent = new Promise<never>((_, reject) => {
        // Unref'd: the socket, while it lives, is what keeps the process running.
        timer = setTimeout(() => reject(idleTimeout), limits.idleTimeoutMs).unref()
      })
      // The read left pending is settled (and ignored) when the request is aborted.
      read.catch(() => undefined)
      return Promise.race([read, silent]).finally(() => clearTimeout(timer))
    }
    const idleTimeout = new ApiError({
      kind: "timeout",
      operation,
      detail: `nothing arrived for ${describeSeconds(limits.idleTimeoutMs)}, not even a keep-alive ping`,
      streamStarted: true
    })

    /**
     * After `[DONE]`, what is left of the body (normally nothing but its end) is read, so the
     * connection goes back to the keep-alive pool: a body left unread is destroyed with its
     * socket, and every tool step would pay a new connection (a TLS handshake on Letta Cloud).
     * Bounded in reads and time; a server that keeps the body open just loses the connection.
     */
    const drain = Effect.promise(() => {
      const readRest = async () => {
        for (let reads = 0; reads < DRAIN_READS && !bodyEnded; reads++) {
          const result = await iterator.next()
          if (result.done === true) bodyEnded = true
        }
      }
      // A plain race: the read left pending is settled when the request is released.
      const giveUp = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref())
      return Promise.race([readRest().catch(() => undefined), giveUp])
    })

    /** One network read: the events it completed, a failure, or the end. */
    const pull: Effect.Effect<Chunk.Chunk<StreamChunk>, Option.Option<ApiError>> = Effect.suspend(() => {
      if (failure !== undefined) return Effect.fail(Option.some(failure))
      if (done) return bodyEnded ? Effect.fail(Option.none()) : Effect.zipRight(drain, Effect.fail(Option.none()))
      return Effect.tryPromise({
        try: nextRead,
        catch: (error) => Option.some(error === idleTimeout ? idleTimeout : failures.readError(error))
      }).pipe(
        Effect.flatMap((result) => {
          if (result.done === true) {
            feed(decoder.decode())
            done = true
            bodyEnded = true
          } else {
            const value: unknown = result.value
            feed(typeof value === "string" ? value : value instanceof Uint8Array ? decoder.decode(value, { stream: true }) : "")
          }
          const events = batch
          batch = []
          // Events before a failure or [DONE] are still delivered; the failure comes next pull.
          if (events.length > 0) return Effect.succeed(Chunk.unsafeFromArray(events))
          if (failure !== undefined) return Effect.fail(Option.some(failure))
          return done ? Effect.fail(Option.none()) : Effect.succeed(Chunk.empty<StreamChunk>())
        })
      )
    })
    return Stream.repeatEffectChunkOption(pull)
  })
