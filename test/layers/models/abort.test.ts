/** Closing the call's scope aborts the request, before and after the 200; a hung stream does not hold it. */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { FakeProvider } from "../../support/fakeProviders/index.js"
import { modelsFor, resolveOrThrow, simpleRequest } from "./support.js"

const servers: Array<Server> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A Chat Completions server that answers one event and then never finishes; it records when the client goes away. */
const hangingServer = async (answerHeaders: boolean) => {
  const closed: Array<number> = []
  const server = createServer((_request, response) => {
    response.on("close", () => closed.push(Date.now()))
    if (!answerHeaders) return
    response.writeHead(200, { "content-type": "text/event-stream" })
    response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "Hel" }, finish_reason: null }] })}\n\n`)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, closed }
}

const waitFor = async (check: () => boolean, ms = 2_000) => {
  const until = Date.now() + ms
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10))
  return check()
}

describe("aborting a call", () => {
  it("closing the scope mid-stream aborts the request", async () => {
    const server = await hangingServer(true)
    const models = await modelsFor({}, { box: { api: "openai-chat", baseUrl: server.baseUrl, contextWindow: 8_000 } })
    const model = await resolveOrThrow(models, "box/m")
    const first = await Effect.runPromise(
      Effect.scoped(Effect.flatMap(models.stream(model, simpleRequest()), (stream) => Stream.runHead(stream)))
    )
    expect(first._tag === "Some" && first.value).toEqual({ _tag: "TextDelta", text: "Hel" })
    expect(await waitFor(() => server.closed.length > 0)).toBe(true)
  })

  it("interrupting before the 200 aborts the request", async () => {
    const server = await hangingServer(false)
    const models = await modelsFor({}, { box: { api: "openai-chat", baseUrl: server.baseUrl, contextWindow: 8_000 } })
    const model = await resolveOrThrow(models, "box/m")
    await Effect.runPromise(
      Effect.gen(function* () {
        const fiber = yield* Effect.fork(Effect.scoped(models.stream(model, simpleRequest())))
        yield* Effect.sleep("100 millis")
        yield* Fiber.interrupt(fiber)
      })
    )
    expect(await waitFor(() => server.closed.length > 0)).toBe(true)
  })

  it("a hung provider stream is interrupted promptly (fake provider `hang`)", async () => {
    const fake = await FakeProvider.start("anthropic")
    try {
      fake.enqueue({ text: "never finishes", hang: true })
      const models = await modelsFor({ ANTHROPIC_BASE_URL: fake.origin, ANTHROPIC_API_KEY: "k" })
      const model = await resolveOrThrow(models, "anthropic/claude-haiku-4-5")
      const started = Date.now()
      const result = await Effect.runPromise(
        Effect.scoped(Effect.flatMap(models.stream(model, simpleRequest()), (stream) => Stream.runCollect(stream))).pipe(Effect.timeout("300 millis"), Effect.either)
      )
      expect(result._tag).toBe("Left")
      expect(Date.now() - started).toBeLessThan(1_500)
    } finally {
      await fake.close()
    }
  })
})
