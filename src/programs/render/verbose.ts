/**
 * `--verbose` (headless): what the run does, as it happens, on stderr — the agent, each tool
 * call and its outcome, each step's stop reason, and the totals at the end. stdout is untouched:
 * the wrapped renderer writes the requested format as usual.
 */
import * as Effect from "effect/Effect"
import type { TurnEvent } from "../../domain/events.js"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"
import { RunStats } from "./runStats.js"
import { describeCall } from "./text.js"

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export const verboseRenderer = (inner: Renderer, output: OutputShape, startedAt: number): Renderer => {
  const stats = new RunStats()
  const calls = new Map<string, string>()
  const say = (text: string) => output.stderr(`letta: ${text}\n`)
  const note = (event: TurnEvent): Effect.Effect<void> => {
    stats.observe(event)
    switch (event._tag) {
      case "ServerMessage": {
        const message = event.chunk.message
        return message.message_type === "stop_reason" ? say(`step ended: ${message.stop_reason ?? "?"}`) : Effect.void
      }
      case "AutoApproval":
        return say(`${event.toolName} (${event.toolCallId}) allowed by ${event.matchedRule}`)
      case "ToolStarted": {
        const call = describeCall(event.toolName, event.args)
        calls.set(event.toolCallId, call)
        return say(`running ${call}`)
      }
      case "ToolResult": {
        const call = calls.get(event.toolCallId) ?? (event.deniedInput === undefined ? event.toolName : describeCall(event.toolName, event.deniedInput))
        return event.status === "denied"
          ? say(`${call} denied: ${event.output}`)
          : say(`${call}: ${event.status} in ${event.durationMs} ms, ${event.output.length} characters`)
      }
      case "Retry":
      case "RequestFinished":
      case "TurnComplete":
      case "ToolOutput":
        return Effect.void
    }
  }
  const totals = Effect.suspend(() =>
    say(
      `${stats.steps} step${stats.steps === 1 ? "" : "s"}, ${stats.inputTokens} tokens in, ${stats.outputTokens} out; ` +
        `${seconds(performance.now() - startedAt)} (${seconds(stats.apiMs)} waiting on the API)`
    )
  )
  return {
    init: (info) =>
      Effect.zipRight(
        say(`agent ${info.agentId}${info.model === undefined ? "" : ` (${info.model})`} on the ${info.backend === "local" ? "local backend" : "Letta server"}; permission mode ${info.permissionMode}; tools: ${info.tools.join(", ") || "none"}`),
        inner.init(info)
      ),
    event: (event) => Effect.zipRight(note(event), inner.event(event)),
    success: (text) => Effect.zipRight(totals, inner.success(text)),
    failure: (message, maxTurns) => Effect.zipRight(totals, inner.failure(message, maxTurns))
  }
}
