/** `--output-format json`: one pretty-printed result object at the end. */
import * as Effect from "effect/Effect"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"
import { resultObject, RunStats } from "./runStats.js"

export const jsonRenderer = (output: OutputShape, startedAt: number): Renderer => {
  const stats = new RunStats()
  let agentId = ""
  const print = (value: unknown) => output.stdout(`${JSON.stringify(value, null, 2)}\n`)
  return {
    init: (info) =>
      Effect.sync(() => {
        agentId = info.agentId
      }),
    event: (event) =>
      Effect.sync(() => {
        stats.observe(event)
      }),
    success: (text) => print(resultObject(agentId, stats, { _tag: "Success", text }, startedAt)),
    failure: (message, maxTurns) => print(resultObject(agentId, stats, { _tag: "Failure", message, maxTurns }, startedAt))
  }
}
