/**
 * `--verbose` (headless): what the run does, as it happens, on stderr — the agent, each tool
 * call and its outcome, each step's stop reason, and the totals at the end. stdout is untouched:
 * the wrapped renderer writes the requested format as usual.
 */
import * as Effect from "effect/Effect"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"
import { RunStats } from "./runStats.js"
import { makeVerboseNotes, verboseTotals } from "./verboseNotes.js"

export const verboseRenderer = (inner: Renderer, output: OutputShape, startedAt: number): Renderer => {
  const stats = new RunStats()
  const notes = makeVerboseNotes()
  const say = (text: string) => output.stderr(`letta: ${text}\n`)
  const totals = Effect.suspend(() => say(verboseTotals(stats, performance.now() - startedAt)))
  return {
    init: (info) =>
      Effect.zipRight(
        say(`agent ${info.agentId}${info.model === undefined ? "" : ` (${info.model})`} on the ${info.backend === "local" ? "local backend" : "Letta server"}; permission mode ${info.permissionMode}; tools: ${info.tools.join(", ") || "none"}`),
        inner.init(info)
      ),
    event: (event) =>
      Effect.zipRight(
        Effect.suspend(() => {
          stats.observe(event)
          const line = notes(event)
          return line === undefined ? Effect.void : say(line)
        }),
        inner.event(event)
      ),
    success: (text) => Effect.zipRight(totals, inner.success(text)),
    failure: (message, maxTurns) => Effect.zipRight(totals, inner.failure(message, maxTurns))
  }
}
