/**
 * Folds one response's chunks into what the loop needs afterwards: the stop reason, the run id,
 * the calls the run is paused on, the step count and the agent's latest text. Mutable and local
 * to one response: it sits on the per-token hot path, so appends are O(1) and strings are joined
 * once at the end.
 */
import { contentText, type LettaMessage, type PendingToolCall, toolCallParts } from "../../domain/letta.js"

interface CallParts {
  name: string | undefined
  readonly args: Array<string>
}

export class ResponseAccumulator {
  stopReason: string | undefined
  runId: string | undefined
  steps = 0
  sawUsage = false
  private readonly calls = new Map<string, CallParts>()
  private lastTextKey: string | undefined
  private lastTextParts: Array<string> = []

  /** Forgets a response that is about to be sent again (pending-approval recovery). */
  reset(): void {
    this.stopReason = undefined
    this.runId = undefined
    this.steps = 0
    this.sawUsage = false
    this.calls.clear()
    this.lastTextKey = undefined
    this.lastTextParts = []
  }

  add(message: LettaMessage): void {
    if (this.runId === undefined && typeof message.run_id === "string") this.runId = message.run_id
    switch (message.message_type) {
      case "assistant_message": {
        const key = message.otid ?? message.id ?? ""
        if (key !== this.lastTextKey) {
          this.lastTextKey = key
          this.lastTextParts = []
        }
        this.lastTextParts.push(contentText(message.content))
        return
      }
      case "approval_request_message": {
        for (const part of toolCallParts(message)) {
          const id = part.tool_call_id
          if (typeof id !== "string" || id.length === 0) continue
          let call = this.calls.get(id)
          if (call === undefined) {
            call = { name: undefined, args: [] }
            this.calls.set(id, call)
          }
          if (call.name === undefined && typeof part.name === "string" && part.name.length > 0) call.name = part.name
          if (typeof part.arguments === "string") call.args.push(part.arguments)
        }
        return
      }
      case "stop_reason":
        this.stopReason = message.stop_reason ?? undefined
        return
      case "usage_statistics":
        this.sawUsage = true
        this.steps += message.step_count ?? 1
        return
      default:
        return
    }
  }

  /** The agent's most recent message in this response, if it wrote one. */
  text(): string | undefined {
    if (this.lastTextKey === undefined) return undefined
    return this.lastTextParts.join("")
  }

  /** Every call the run is paused on, in the order they arrived. */
  pendingCalls(): ReadonlyArray<PendingToolCall> {
    const calls: Array<PendingToolCall> = []
    for (const [toolCallId, call] of this.calls) {
      calls.push({ toolCallId, name: call.name ?? "", arguments: call.args.join("") })
    }
    return calls
  }
}
