/**
 * One streamed model call over HttpClient, whatever the wire format: POST, wait for the status
 * (the effect succeeds only on a 2xx), then the body as SSE events through the format's reader.
 * The request belongs to the caller's scope: closing it aborts the request. A body silent for
 * longer than the idle timeout fails (a provider that stalls mid-reply would otherwise hang the turn).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { ApiError } from "../../domain/errors.js"
import type { ModelEvent, ModelRequest } from "../../services/Models.js"
import { createSseParser, describeSize, type SseMessage, SseEventTooLarge } from "../lettaApi/sseParser.js"
import { describeSeconds, maxEventChars, PROVIDER_STREAM_IDLE_MS, streamIdleTimeoutMs } from "../lettaApi/streamLimits.js"
import { type CallContext, httpError, readError, requestError, wireError } from "./providerErrors.js"
import { serviceName } from "./providers.js"
import { excerpt, type WireProtocol, type WireReader } from "./wire.js"

/** Bytes → SSE events, for one body; an event over the size cap fails the stream. */
const sseSplitter = (context: CallContext) => {
  const decoder = new TextDecoder()
  let pending: Array<SseMessage> = []
  const parser = createSseParser({ onEvent: (event) => pending.push(event), maxEventChars: maxEventChars() })
  const take = (run: () => void): Effect.Effect<Array<SseMessage>, ApiError> => {
    try {
      run()
    } catch (error) {
      if (!(error instanceof SseEventTooLarge)) throw error
      const detail = `the provider sent one event larger than ${describeSize(error.limitChars)}; letta stopped reading the reply`
      return Effect.fail(wireError(context, { kind: "protocol", detail, code: undefined }, true))
    }
    const events = pending
    pending = []
    return Effect.succeed(events)
  }
  return {
    feed: (bytes: Uint8Array) => take(() => parser.feed(decoder.decode(bytes, { stream: true }))),
    /** The body ended: an event not followed by its blank line still counts. */
    end: () =>
      take(() => {
        parser.feed(decoder.decode())
        parser.end()
      })
  }
}

const isFinish = (event: ModelEvent): boolean => event._tag === "Finish"

/** The reader over a body: stops reading at the Finish; a failure ends the stream as an ApiError. */
const eventsOf = (
  context: CallContext,
  body: Stream.Stream<Uint8Array, unknown>,
  reader: WireReader
): Stream.Stream<ModelEvent, ApiError> =>
  Stream.suspend(() => {
    const sse = sseSplitter(context)
    const idleMs = streamIdleTimeoutMs(PROVIDER_STREAM_IDLE_MS)
    const silent = () =>
      new ApiError({
        kind: "timeout",
        operation: context.operation,
        detail: `nothing arrived for ${describeSeconds(idleMs)} in the middle of the reply`,
        streamStarted: true,
        service: serviceName(context.provider)
      })
    const handle = (events: ReadonlyArray<SseMessage>, atEnd: boolean): Effect.Effect<Chunk.Chunk<ModelEvent>, ApiError> => {
      const out: Array<ModelEvent> = []
      for (const event of events) {
        const failure = reader.event(event, out)
        if (failure !== undefined) return Effect.fail(wireError(context, failure, true))
        if (out.length > 0 && isFinish(out[out.length - 1]!)) return Effect.succeed(Chunk.unsafeFromArray(out))
      }
      if (atEnd) {
        const failure = reader.end(out)
        if (failure !== undefined) return Effect.fail(wireError(context, failure, true))
      }
      return Effect.succeed(Chunk.unsafeFromArray(out))
    }
    return body.pipe(
      Stream.mapError((cause) => readError(context, cause)),
      // Per read: a provider that goes quiet mid-reply ends the call instead of hanging it.
      Stream.timeoutFail(silent, Duration.millis(idleMs)),
      Stream.mapEffect((bytes) => Effect.flatMap(sse.feed(bytes), (events) => handle(events, false))),
      Stream.concat(Stream.fromEffect(Effect.suspend(() => Effect.flatMap(sse.end(), (events) => handle(events, true))))),
      Stream.flattenChunks,
      Stream.takeUntil(isFinish)
    )
  })

const headerRecord = (response: HttpClientResponse.HttpClientResponse): Readonly<Record<string, string | undefined>> => response.headers

/**
 * Sends the call; succeeds with the stream of its events once the provider accepted it.
 * A 200 that is not a stream (a JSON error some servers send with 200) fails as it says.
 */
export const streamCall = (
  client: HttpClient.HttpClient,
  protocol: WireProtocol,
  context: CallContext,
  request: ModelRequest
): Effect.Effect<Stream.Stream<ModelEvent, ApiError>, ApiError, Scope.Scope> =>
  Effect.gen(function* () {
    const provider = context.provider
    const httpRequest = HttpClientRequest.post(protocol.url(provider)).pipe(
      HttpClientRequest.setHeaders(protocol.headers(provider)),
      HttpClientRequest.setHeader("accept", "text/event-stream"),
      HttpClientRequest.bodyUnsafeJson(protocol.body(provider, context.model ?? "", request))
    )
    const response = yield* HttpClient.withScope(client)
      .execute(httpRequest)
      .pipe(Effect.mapError((error) => requestError(context, error)))
    if (response.status < 200 || response.status >= 300) {
      const body = yield* response.text.pipe(Effect.orElseSucceed(() => ""))
      return yield* Effect.fail(httpError(context, response.status, headerRecord(response), body))
    }
    const contentType = response.headers["content-type"] ?? ""
    if (contentType.includes("application/json")) {
      const body = yield* response.text.pipe(Effect.orElseSucceed(() => ""))
      const error = httpError(context, response.status, headerRecord(response), body)
      return yield* Effect.fail(
        wireError(context, { kind: "protocol", detail: `the provider answered with JSON instead of a stream: ${error.detail ?? excerpt(body)}`, code: error.code }, false)
      )
    }
    return eventsOf(context, response.stream, protocol.reader())
  })
