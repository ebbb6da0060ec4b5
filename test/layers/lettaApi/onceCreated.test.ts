import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { ApiError } from "../../../src/domain/errors.js"
import { CREATE_TAG_PREFIX, onceCreated } from "../../../src/layers/lettaApi/onceCreated.js"

const timeout = new ApiError({ kind: "timeout", operation: "create", streamStarted: false })
const refused = new ApiError({ kind: "http", operation: "create", status: 400, streamStarted: false })

/** A server of named things: `answers` says what each send returns (after doing the work or not). */
const fakeServer = (answers: ReadonlyArray<"ok" | "lost-after-work" | "lost-before-work" | "refused">) => {
  const made: Array<{ id: number; tag: string }> = []
  const sends: Array<string> = []
  const finds: Array<string> = []
  let attempt = 0
  const create = onceCreated({
    send: (tag) =>
      Effect.suspend(() => {
        sends.push(tag)
        const answer = answers[attempt++] ?? "ok"
        if (answer === "refused") return Effect.fail(refused)
        if (answer === "lost-before-work") return Effect.fail(timeout)
        made.push({ id: made.length + 1, tag })
        return answer === "ok" ? Effect.succeed(made.length) : Effect.fail(timeout)
      }),
    find: (tag) =>
      Effect.sync(() => {
        finds.push(tag)
        return made.filter((thing) => thing.tag === tag).map((thing) => thing.id)
      })
  })
  // The caller's retries re-run the same effect, as withAnnouncedRetries does.
  const withRetries = Effect.retry(create, { times: 2 })
  return { made, sends, finds, withRetries }
}

describe("onceCreated", () => {
  it.effect("a create answered at once is sent once, with a unique tag, and nothing is looked up", () =>
    Effect.gen(function* () {
      const server = fakeServer(["ok"])
      expect(yield* server.withRetries).toBe(1)
      expect(server.sends).toHaveLength(1)
      expect(server.sends[0]).toMatch(new RegExp(`^${CREATE_TAG_PREFIX}[0-9a-f-]{36}$`))
      expect(server.finds).toEqual([])
    })
  )

  it.effect("a create done but never answered is found by its tag on the retry, not sent again", () =>
    Effect.gen(function* () {
      const server = fakeServer(["lost-after-work"])
      expect(yield* server.withRetries).toBe(1)
      expect(server.made).toHaveLength(1)
      expect(server.sends).toHaveLength(1)
      expect(server.finds).toEqual([server.sends[0]])
    })
  )

  it.effect("a create lost before the server saw it is looked for, then sent again with the same tag", () =>
    Effect.gen(function* () {
      const server = fakeServer(["lost-before-work", "ok"])
      expect(yield* server.withRetries).toBe(1)
      expect(server.made).toHaveLength(1)
      expect(server.sends).toEqual([server.sends[0], server.sends[0]])
      expect(server.finds).toHaveLength(1)
    })
  )

  it.effect("a refusal (an answer) is not looked up: the server said what happened", () =>
    Effect.gen(function* () {
      const server = fakeServer(["refused", "ok"])
      expect(yield* server.withRetries).toBe(1)
      expect(server.finds).toEqual([])
    })
  )

  it.effect("two creates of the same body are two things (each call has its own tag)", () =>
    Effect.gen(function* () {
      const first = fakeServer(["ok"])
      const second = fakeServer(["ok"])
      yield* first.withRetries
      yield* second.withRetries
      expect(first.sends[0]).not.toBe(second.sends[0])
    })
  )
})
