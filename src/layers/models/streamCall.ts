/**
 * One streamed model call over HttpClient, whatever the wire format: POST, wait for the status
 * (the effect succeeds only on a 2xx), then the body as SSE events through the format's reader.
 * The request belongs to the caller's scope: closing it aborts the request.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { createParser, type EventSourceMessage } from "eventsource-parser"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { ApiError } from "../../domain/errors.js"
import type { ModelEvent, ModelRequest } from "../../services/Models.js"
import { type CallContext, httpError, readError, requestError, wireError } from "./providerErrors.js"
import { excerpt, type WireProtocol, type WireReader } from "./wire.js"

/** Bytes → SSE events, for one body. */
const sseSplitter = () => {
  const decoder = new TextDecoder()
  let pending: Array<EventSourceMessage> = []
  const parser = createParser({ onEvent: (event) => pending.push(event) })
  const take = () => {
    const events = pending
    pending = []
    return events
  }
  return {
    feed: (bytes: Uint8Array): Array<EventSourceMessage> => {
      parser.feed(decoder.decode(bytes, { stream: true }))
      return take()
    },
    /** The body ended: an event not followed by its blank line still counts. */
    end: (): Array<EventSourceMessage> => {
      parser.feed(`${decoder.decode()}\n\n`)
      return take()
    }
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
    const sse = sseSplitter()
    const handle = (events: ReadonlyArray<EventSourceMessage>, atEnd: boolean): Effect.Effect<Chunk.Chunk<ModelEvent>, ApiError> => {
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
      Stream.mapEffect((bytes) => handle(sse.feed(bytes), false)),
      Stream.concat(Stream.fromEffect(Effect.suspend(() => handle(sse.end(), true)))),
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
