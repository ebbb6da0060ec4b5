/** `--output-format stream-json`: one JSON object per line, written as it happens. */
import * as Effect from "effect/Effect"
import type { BrokenPipe } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"
import { resultObject, RunStats } from "./runStats.js"
import { TokenRedaction } from "./tokenRedaction.js"

/** `tool_result.output` is a preview for CI logs, not the whole result. */
export const TOOL_OUTPUT_PREVIEW_CHARS = 2_000

export const previewOutput = (text: string): string =>
  text.length <= TOOL_OUTPUT_PREVIEW_CHARS
    ? text
    : `${text.slice(0, TOOL_OUTPUT_PREVIEW_CHARS)}… [${text.length - TOOL_OUTPUT_PREVIEW_CHARS} more characters not shown]`

/** One hook run (stream-json's `hook` line), written as it ends. */
export const hookLine = (run: {
  readonly event: string
  readonly command: string
  readonly exitCode: number | null
  readonly outcome: string
  readonly durationMs: number
  readonly message: string | undefined
}): string =>
  `${JSON.stringify({
    type: "hook",
    hook_event_name: run.event,
    command: run.command,
    outcome: run.outcome,
    exit_code: run.exitCode,
    duration_ms: run.durationMs,
    message: run.message === undefined ? null : previewOutput(run.message),
    timestamp: new Date().toISOString()
  })}\n`

export const streamJsonRenderer = (output: OutputShape, startedAt: number): Renderer => {
  const stats = new RunStats()
  let agentId = ""
  const line = (value: Record<string, unknown>) =>
    output.stdout(`${JSON.stringify({ ...value, timestamp: new Date().toISOString() })}\n`)

  const tokens = new TokenRedaction()
  // The server's own fields, unchanged (but for redacted text); `type` first, `timestamp` last.
  const message = (raw: Readonly<Record<string, unknown>>) =>
    output.stdout(`${JSON.stringify(Object.assign({ type: "message" }, raw, { type: "message", timestamp: new Date().toISOString() }))}\n`)
  /** Held-back text of the last streamed message, before any line that is not a server message. */
  const settled = <E>(next: Effect.Effect<void, E>) =>
    Effect.zipRight(Effect.forEach(tokens.end(), message, { discard: true }), next)

  const event = (e: TurnEvent): Effect.Effect<void, BrokenPipe> => {
    stats.observe(e)
    return e._tag === "ServerMessage" ? eventLine(e) : settled(eventLine(e))
  }

  const eventLine = (e: TurnEvent): Effect.Effect<void, BrokenPipe> => {
    switch (e._tag) {
      case "ServerMessage":
        return Effect.forEach(tokens.chunk(e.chunk.raw), message, { discard: true })
      case "AutoApproval":
        return line({ type: "auto_approval", tool_name: e.toolName, tool_call_id: e.toolCallId, matched_rule: e.matchedRule })
      case "ToolResult":
        return line({
          type: "tool_result",
          tool_call_id: e.toolCallId,
          tool_name: e.toolName,
          status: e.status,
          duration_ms: e.durationMs,
          output: previewOutput(e.output)
        })
      case "Retry":
        return line({ type: "retry", attempt: e.attempt, max_attempts: e.maxAttempts, delay_ms: e.delayMs, reason: e.reason })
      case "ToolStarted":
      case "RequestFinished":
      case "TurnComplete":
      case "ToolOutput":
        return Effect.void
    }
  }

  return {
    init: (info) =>
      Effect.suspend(() => {
        agentId = info.agentId
        return line({
          type: "system",
          subtype: "init",
          session_id: info.agentId,
          agent_id: info.agentId,
          model: info.model ?? null,
          backend: info.backend,
          tools: info.tools,
          cwd: info.cwd,
          permission_mode: info.permissionMode
        })
      }),
    event,
    success: (text) => settled(line({ ...resultObject(agentId, stats, { _tag: "Success", text }, startedAt) })),
    failure: (message, maxTurns) =>
      settled(
        line({ type: "error", message }).pipe(
          Effect.zipRight(line({ ...resultObject(agentId, stats, { _tag: "Failure", message, maxTurns }, startedAt) }))
        )
      )
  }
}
