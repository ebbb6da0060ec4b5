/** `letta models`: the models a new agent can use (`--model`), one per line with where it comes from. */
import * as Effect from "effect/Effect"
import { modelHandle } from "../domain/letta.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"

export const listModels = Effect.gen(function* () {
  const api = yield* LettaApi
  const output = yield* Output
  const models = yield* api.listModels
  const rows = models.flatMap((model) => {
    const handle = modelHandle(model)
    if (handle === undefined) return []
    const window = model.context_window === null || model.context_window === undefined ? "" : `${Math.round(model.context_window / 1024)}k`
    const status = model.available === false ? (model.note ?? "not available") : (model.note ?? "")
    return [[handle, window, status]]
  })
  if (rows.length === 0) {
    yield* output.stderr(`No models available on ${api.displayName}.\n`)
    return
  }
  const header = ["MODEL", "CONTEXT", "NOTE"]
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: ReadonlyArray<string>) => `${cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()}\n`
  yield* output.stdout([header, ...rows].map(line).join(""))
})
