import { PassThrough, Writable } from "node:stream"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { BrokenPipe } from "../../src/domain/errors.js"
import { makeOutput } from "../../src/layers/OutputNode.js"

/** A stdout whose reader takes nothing until `release` is called. */
const stalledStdout = () => {
  const pending: Array<() => void> = []
  const received: Array<string> = []
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString())
      pending.push(callback)
    }
  })
  const release = () => {
    for (const callback of pending.splice(0)) callback()
  }
  return { stream, received, release }
}

describe("OutputNode", () => {
  it.effect("a write the reader has not taken yet holds the writer back until it drains", () =>
    Effect.gen(function* () {
      const stdout = stalledStdout()
      const output = makeOutput(stdout.stream, new PassThrough())
      const first = yield* Effect.fork(output.stdout("a line longer than the buffer\n"))
      yield* Effect.yieldNow()
      // The reader took nothing: the write is not done, so the caller does not read more events.
      expect(first.unsafePoll()).toBeNull()
      stdout.release()
      yield* Fiber.join(first)
      yield* output.stdout("x")
      expect(stdout.received.join("")).toBe("a line longer than the buffer\nx")
    }))

  it.effect("a reader that goes away while the writer waits ends the wait with BrokenPipe", () =>
    Effect.gen(function* () {
      const stdout = stalledStdout()
      const output = makeOutput(stdout.stream, new PassThrough())
      const waiting = yield* Effect.fork(output.stdout("a line longer than the buffer\n"))
      yield* Effect.yieldNow()
      stdout.stream.destroy(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))
      const result = yield* Effect.either(Fiber.join(waiting))
      expect(result._tag === "Left" && result.left instanceof BrokenPipe).toBe(true)
      expect((yield* Effect.either(output.stdout("more")))._tag).toBe("Left")
    }))
})
