/**
 * Where a hook's run is told: stream-json gets a `hook` line for every run; otherwise the user
 * hears about failures, timeouts, blocks and `systemMessage`s (stderr, or a TUI notice).
 */
import * as Effect from "effect/Effect"
import type { HookRun } from "../services/Hooks.js"
import type { OutputShape } from "../services/Output.js"
import { hookLine } from "./render/streamJson.js"

const describeRun = (run: HookRun): string | undefined => {
  const hook = `${run.event} hook \`${run.command}\``
  switch (run.outcome) {
    case "error":
    case "timeout":
      return `${hook} ${run.message ?? "failed"}`
    case "blocked":
      return `${hook} blocked: ${run.message ?? "no reason given"}`
    case "success":
      return run.message === undefined ? undefined : `${hook}: ${run.message}`
  }
}

export const hookReporter =
  (format: "text" | "json" | "stream-json", output: OutputShape) =>
  (run: HookRun): Effect.Effect<void> => {
    if (format === "stream-json") return Effect.ignore(output.stdout(hookLine(run)))
    const text = describeRun(run)
    return text === undefined ? Effect.void : output.stderr(`letta: ${text}\n`)
  }

export const hookNotices =
  (addNotice: (text: string, tone: "warning" | "error" | "dim") => void) =>
  (run: HookRun): Effect.Effect<void> =>
    Effect.sync(() => {
      const text = describeRun(run)
      if (text !== undefined) addNotice(text, run.outcome === "success" ? "dim" : run.outcome === "blocked" ? "warning" : "error")
    })
