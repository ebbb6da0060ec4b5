/**
 * Test layers for the local backend: a scripted Models service (each model call takes the next
 * reply and records the request) and a real LocalStoreSqlite in a temp directory.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { ApiError, UnknownModel } from "../../src/domain/errors.js"
import { LettaApiLocal } from "../../src/layers/LettaApiLocal.js"
import { LocalStoreSqlite } from "../../src/layers/LocalStoreSqlite.js"
import { LocalStore } from "../../src/services/LocalStore.js"
import type { LettaApi } from "../../src/services/LettaApi.js"
import { type ModelEvent, type ModelRequest, Models, type ResolvedModel } from "../../src/services/Models.js"

export type ScriptedModelReply = ReadonlyArray<ModelEvent> | ApiError | ((request: ModelRequest) => ReadonlyArray<ModelEvent>)

/** A reply that says `text` and stops. */
export const say = (text: string): ReadonlyArray<ModelEvent> => [
  { _tag: "TextDelta", text },
  { _tag: "Finish", reason: "stop", usage: { inputTokens: 10, outputTokens: 5 } }
]

/** A reply that calls one tool. */
export const call = (name: string, args: unknown, id = `call_${name}_${Math.random().toString(16).slice(2, 8)}`): ReadonlyArray<ModelEvent> => [
  { _tag: "ToolCallStart", id, name },
  { _tag: "ToolCallDelta", id, argumentsDelta: JSON.stringify(args) },
  { _tag: "Finish", reason: "tool-calls", usage: undefined }
]

export const scriptedModels = (replies: Array<ScriptedModelReply>, window = 32_768) => {
  const requests: Array<ModelRequest> = []
  const model: ResolvedModel = { handle: "test/model", provider: "test", model: "model", contextWindow: window, maxOutputTokens: Math.floor(window / 8) }
  const layer = Layer.succeed(Models, {
    resolve: (handle) =>
      handle.startsWith("test/") ? Effect.succeed({ ...model, handle }) : Effect.fail(new UnknownModel({ model: handle, available: ["test/model"], reason: "no such provider" })),
    defaultModel: Effect.succeed("test/model"),
    list: Effect.succeed([{ handle: "test/model", provider: "test", contextWindow: window, source: "catalogue" as const, available: true }]),
    stream: (_model, request) =>
      Effect.suspend(() => {
        requests.push(request)
        const reply = replies.shift()
        if (reply === undefined) return Effect.fail(new ApiError({ kind: "http", status: 500, operation: "call the model", detail: "no scripted reply left", streamStarted: false }))
        if (reply instanceof ApiError) return Effect.fail(reply)
        const events = typeof reply === "function" ? reply(request) : reply
        return Effect.succeed(Stream.fromIterable(events))
      })
  })
  return { layer, requests, model }
}

export const tempDatabase = () => {
  const dir = mkdtempSync(join(tmpdir(), "letta-local-"))
  return { path: join(dir, "letta.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** LettaApiLocal (and the store beneath it) over a temp database and scripted models. */
export const localApi = (path: string, models: Layer.Layer<Models>): Layer.Layer<LettaApi | LocalStore, unknown> => {
  const store = LocalStoreSqlite(path)
  return Layer.merge(LettaApiLocal.pipe(Layer.provide(Layer.merge(store, models))), store)
}
