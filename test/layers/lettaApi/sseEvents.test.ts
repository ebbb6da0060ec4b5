import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import { ApiError } from "../../../src/domain/errors.js"
import { sseChunks } from "../../../src/layers/lettaApi/sseEvents.js"

/** A body that yields the given network reads, then optionally fails. */
async function* body(reads: ReadonlyArray<string>, failWith?: Error): AsyncGenerator<Uint8Array> {
  for (const read of reads) yield new TextEncoder().encode(read)
  if (failWith !== undefined) throw failWith
}

const failures = {
  serverError: (payload: unknown) =>
    new ApiError({ kind: "stream", operation: "op", detail: JSON.stringify(payload), streamStarted: true }),
  readError: () => new ApiError({ kind: "connection", operation: "op", streamStarted: true })
}

const collect = (reads: ReadonlyArray<string>, failWith?: Error) =>
  sseChunks(body(reads, failWith), "op", failures).pipe(
    Stream.runCollect,
    Effect.map((chunks) => Chunk.toArray(chunks).map((c) => c.message.message_type))
  )

const ping = 'data: {"message_type":"ping","run_id":"run-1"}\n\n'
const text = 'data: {"message_type":"assistant_message","content":"hi"}\n\n'
const stop = 'data: {"message_type":"stop_reason","stop_reason":"end_turn"}\n\n'

describe("sseChunks", () => {
  it.effect("reads events split anywhere across network reads, until [DONE]", () =>
    Effect.gen(function* () {
      const all = `${ping}${text}${stop}data: [DONE]\n\n${text}`
      const reads = [all.slice(0, 7), all.slice(7, 60), all.slice(60, 61), all.slice(61)]
      expect(yield* collect(reads)).toEqual(["ping", "assistant_message", "stop_reason"])
    })
  )

  it.effect("reads the body to its end after [DONE], so its connection can be reused", () =>
    Effect.gen(function* () {
      let ended = false
      async function* tracked(): AsyncGenerator<Uint8Array> {
        yield new TextEncoder().encode(`${text}${stop}data: [DONE]\n\n`)
        yield new TextEncoder().encode(": trailing comment\n\n")
        ended = true
      }
      const types = Chunk.toArray(yield* Stream.runCollect(sseChunks(tracked(), "op", failures))).map((c) => c.message.message_type)
      expect(types).toEqual(["assistant_message", "stop_reason"])
      expect(ended).toBe(true)
    })
  )

  it.effect("does not wait long for a body that stays open after [DONE]", () =>
    Effect.gen(function* () {
      async function* endless(): AsyncGenerator<Uint8Array> {
        yield new TextEncoder().encode(`${stop}data: [DONE]\n\n`)
        await new Promise(() => undefined)
      }
      const types = Chunk.toArray(yield* Stream.runCollect(sseChunks(endless(), "op", failures))).map((c) => c.message.message_type)
      expect(types).toEqual(["stop_reason"])
    })
  )

  it.effect("keeps the server's fields, including ones the schema does not name", () =>
    Effect.gen(function* () {
      const [first] = Chunk.toArray(
        yield* Stream.runCollect(sseChunks(body(['data: {"message_type":"x","custom":1}\n\n']), "op", failures))
      )
      expect(first?.raw).toEqual({ message_type: "x", custom: 1 })
    })
  )

  it.effect("an `event: error` fails with the server's payload, after the events before it", () =>
    Effect.gen(function* () {
      const error = 'event: error\ndata: {"message_type":"error_message","message":"boom"}\n\n'
      const result = yield* Effect.either(collect([stop, error]))
      expect(result._tag).toBe("Left")
      expect(result._tag === "Left" && result.left.detail).toContain("boom")
    })
  )

  it.effect("other named events are ignored; a malformed event is a protocol error", () =>
    Effect.gen(function* () {
      expect(yield* collect(["event: cancelled\ndata: {}\n\n", stop])).toEqual(["stop_reason"])
      const malformed = yield* Effect.flip(collect(["data: {not json\n\n"]))
      expect(malformed).toMatchObject({ kind: "protocol", detail: "the server sent a malformed event" })
      const shape = yield* Effect.flip(collect(['data: {"no_type":1}\n\n']))
      expect(shape).toMatchObject({ kind: "protocol" })
    })
  )

  it.effect("a connection that drops is a read error; one that just ends is the end", () =>
    Effect.gen(function* () {
      const dropped = yield* Effect.flip(collect([ping], new Error("socket hang up")))
      expect(dropped.kind).toBe("connection")
      expect(yield* collect([ping, text])).toEqual(["ping", "assistant_message"])
    })
  )

  it.effect("a body that goes silent after its first event fails with a timeout, after the events it sent", () =>
    Effect.gen(function* () {
      async function* stalled(): AsyncGenerator<Uint8Array> {
        yield new TextEncoder().encode(ping)
        await new Promise(() => undefined)
      }
      const seen: Array<string> = []
      const failure = yield* Effect.flip(
        sseChunks(stalled(), "op", failures, { idleTimeoutMs: 200, maxEventChars: 1024 }).pipe(
          Stream.runForEach((chunk) => Effect.sync(() => seen.push(chunk.message.message_type)))
        )
      )
      expect(seen).toEqual(["ping"])
      expect(failure).toMatchObject({ kind: "timeout", streamStarted: true })
      expect(failure.detail).toContain("nothing arrived for 200 ms")
    })
  )

  it.effect("an event over the size cap is a protocol error naming the cap", () =>
    Effect.gen(function* () {
      const big = `data: {"message_type":"assistant_message","content":"${"x".repeat(5000)}"}\n\n`
      const failure = yield* Effect.flip(
        Stream.runCollect(sseChunks(body([ping, big.slice(0, 3000), big.slice(3000)]), "op", failures, { idleTimeoutMs: 10_000, maxEventChars: 4096 }))
      )
      expect(failure).toMatchObject({ kind: "protocol", streamStarted: true })
      expect(failure.detail).toContain("larger than 4 KiB")
    })
  )
})
