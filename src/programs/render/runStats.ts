/** Totals a headless run reports: usage, steps and time spent waiting on the API. */
import type { TurnEvent } from "../../domain/events.js"
import type { JsonResult, PermissionDenial } from "../../domain/outputLines.js"

export class RunStats {
  inputTokens = 0
  outputTokens = 0
  totalTokens = 0
  steps = 0
  apiMs = 0
  readonly denials: Array<PermissionDenial> = []

  observe(event: TurnEvent): void {
    if (event._tag === "ToolResult") {
      if (event.deniedInput !== undefined) {
        this.denials.push({ tool_name: event.toolName, tool_call_id: event.toolCallId, tool_input: event.deniedInput })
      }
    } else if (event._tag === "RequestFinished") {
      this.apiMs += event.durationMs
    } else if (event._tag === "ServerMessage" && event.chunk.message.message_type === "usage_statistics") {
      const usage = event.chunk.message
      this.inputTokens += usage.prompt_tokens ?? 0
      this.outputTokens += usage.completion_tokens ?? 0
      this.totalTokens += usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0)
      this.steps += usage.step_count ?? 1
    }
  }
}

export type Outcome =
  | { readonly _tag: "Success"; readonly text: string }
  | { readonly _tag: "Failure"; readonly message: string; readonly maxTurns: boolean }

export const resultObject = (agentId: string, stats: RunStats, outcome: Outcome, startedAt: number): JsonResult => ({
  type: "result",
  subtype: outcome._tag === "Success" ? "success" : outcome.maxTurns ? "error_max_turns" : "error_during_execution",
  is_error: outcome._tag === "Failure",
  duration_ms: Math.round(performance.now() - startedAt),
  duration_api_ms: Math.round(stats.apiMs),
  num_turns: stats.steps,
  result: outcome._tag === "Success" ? outcome.text : outcome.message,
  session_id: agentId,
  agent_id: agentId,
  usage: {
    input_tokens: stats.inputTokens,
    output_tokens: stats.outputTokens,
    total_tokens: stats.totalTokens,
    step_count: stats.steps
  },
  permission_denials: stats.denials
})
