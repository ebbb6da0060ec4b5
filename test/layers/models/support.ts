/** Helpers for the Models tests: a Models service over given env/settings, and stream collection. */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { createServer } from "node:net"
import type { ApiError } from "../../../src/domain/errors.js"
import type { ProviderSettings } from "../../../src/domain/settings.js"
import { ModelsHttp } from "../../../src/layers/ModelsHttp.js"
import { Models, type ModelEvent, type ModelRequest, type ModelsShape, type ResolvedModel } from "../../../src/services/Models.js"

export const modelsFor = (
  env: Readonly<Record<string, string | undefined>>,
  customProviders?: Readonly<Record<string, ProviderSettings>>
): Promise<ModelsShape> => Effect.runPromise(Effect.provide(Models, ModelsHttp({ env, customProviders })))

export type CallOutcome =
  | { readonly phase: "request"; readonly error: ApiError }
  | { readonly phase: "stream"; readonly error: ApiError; readonly events: ReadonlyArray<ModelEvent> }
  | { readonly phase: "done"; readonly events: ReadonlyArray<ModelEvent> }

/** Runs one call to the end: where it failed (before or after the 200) and the events seen. */
export const call = (models: ModelsShape, model: ResolvedModel, request: ModelRequest): Promise<CallOutcome> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const started = yield* Effect.either(models.stream(model, request))
        if (Either.isLeft(started)) return { phase: "request", error: started.left } as const
        const events: Array<ModelEvent> = []
        const result = yield* Effect.either(Stream.runForEach(started.right, (event) => Effect.sync(() => events.push(event))))
        return Either.isLeft(result) ? ({ phase: "stream", error: result.left, events } as const) : ({ phase: "done", events } as const)
      })
    )
  )

export const resolveOrThrow = (models: ModelsShape, handle: string): Promise<ResolvedModel> => Effect.runPromise(models.resolve(handle))

export const resolveEither = (models: ModelsShape, handle: string) => Effect.runPromise(Effect.either(models.resolve(handle)))

export const collect = (stream: Stream.Stream<ModelEvent, ApiError>) => Effect.map(Stream.runCollect(stream), Chunk.toArray)

export const text = (events: ReadonlyArray<ModelEvent>): string =>
  events.flatMap((event) => (event._tag === "TextDelta" ? [event.text] : [])).join("")

export const reasoning = (events: ReadonlyArray<ModelEvent>): string =>
  events.flatMap((event) => (event._tag === "ReasoningDelta" ? [event.text] : [])).join("")

export const toolArguments = (events: ReadonlyArray<ModelEvent>, id: string): string =>
  events.flatMap((event) => (event._tag === "ToolCallDelta" && event.id === id ? [event.argumentsDelta] : [])).join("")

export const finish = (events: ReadonlyArray<ModelEvent>) => {
  const last = events[events.length - 1]
  if (last?._tag !== "Finish") throw new Error(`the last event is ${last?._tag ?? "missing"}, not Finish`)
  return last
}

/** A port nothing listens on (a server was bound there and closed). */
export const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

export const simpleRequest = (overrides: Partial<ModelRequest> = {}): ModelRequest => ({
  system: "You are a test.",
  messages: [{ role: "user", text: "Hello?" }],
  tools: [],
  maxOutputTokens: 1024,
  ...overrides
})
