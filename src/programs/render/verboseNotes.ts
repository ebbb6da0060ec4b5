/**
 * `--verbose`: one line per thing worth knowing that the normal output does not say (who allowed
 * a call, how long it took, why each step ended). Headless prints them on stderr (verbose.ts),
 * interactive mode as dim lines in the transcript.
 */
import type { TurnEvent } from "../../domain/events.js"
import { describeCall } from "./text.js"

/** A note-taker for one run: remembers each call's description to name it in its outcome. */
export const makeVerboseNotes = (): ((event: TurnEvent) => string | undefined) => {
  const calls = new Map<string, string>()
  return (event) => {
    switch (event._tag) {
      case "ServerMessage": {
        const message = event.chunk.message
        return message.message_type === "stop_reason" ? `step ended: ${message.stop_reason ?? "?"}` : undefined
      }
      case "AutoApproval":
        return `${event.toolName} (${event.toolCallId}) allowed by ${event.matchedRule}`
      case "ToolStarted": {
        const call = describeCall(event.toolName, event.args)
        calls.set(event.toolCallId, call)
        return `running ${call}`
      }
      case "ToolResult": {
        const call = calls.get(event.toolCallId) ?? (event.deniedInput === undefined ? event.toolName : describeCall(event.toolName, event.deniedInput))
        return event.status === "denied"
          ? `${call} denied: ${event.output}`
          : `${call}: ${event.status} in ${event.durationMs} ms, ${event.output.length} characters`
      }
      case "Retry":
      case "RequestFinished":
      case "TurnComplete":
      case "ToolOutput":
        return undefined
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The totals line: steps, tokens, wall time and time spent waiting on the API. */
export const verboseTotals = (stats: { readonly steps: number; readonly inputTokens: number; readonly outputTokens: number; readonly apiMs: number }, wallMs: number): string =>
  `${stats.steps} step${stats.steps === 1 ? "" : "s"}, ${stats.inputTokens} tokens in, ${stats.outputTokens} out; ` +
  `${seconds(wallMs)} (${seconds(stats.apiMs)} waiting on the API)`
