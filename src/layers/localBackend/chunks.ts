/**
 * The Letta stream chunks the local agent loop emits, so the turn pipeline
 * sees exactly what a Letta server would send: the same envelope, otids per part, token-mode
 * deltas or whole step-mode messages.
 */
import type { LettaMessage, StreamChunk } from "../../domain/letta.js"
import type { ToolCallRecord } from "../../domain/localState.js"
import { newId, newUuid } from "../localStore/ids.js"

const chunk = (raw: Record<string, unknown>): StreamChunk => ({ message: raw as unknown as LettaMessage, raw })

/** ISO-8601 with seconds and offset, as the server writes dates. */
export const lettaDate = (date: Date = new Date()): string => `${date.toISOString().slice(0, 19)}+00:00`

/** The envelope every message starts with, in the server's key order. */
export const envelope = (type: string, fields: { id: string; otid: string | null; runId: string; stepId: string | null; date?: string }) => ({
  id: fields.id,
  date: fields.date ?? lettaDate(),
  name: null,
  message_type: type,
  otid: fields.otid,
  sender_id: null,
  step_id: fields.stepId,
  is_err: null,
  seq_id: null,
  run_id: fields.runId
})

export const pingChunk = (runId: string): StreamChunk => chunk(envelope("ping", { id: newId("ping"), otid: null, runId, stepId: null }))

export const stopChunk = (stopReason: string): StreamChunk => chunk({ message_type: "stop_reason", stop_reason: stopReason })

export const usageChunk = (usage: { prompt: number; completion: number; steps: number; context?: number }): StreamChunk =>
  chunk({
    message_type: "usage_statistics",
    completion_tokens: usage.completion,
    prompt_tokens: usage.prompt,
    total_tokens: usage.prompt + usage.completion,
    step_count: usage.steps,
    run_ids: null,
    cached_input_tokens: null,
    cache_write_tokens: null,
    reasoning_tokens: null,
    context_tokens: usage.context ?? usage.prompt + usage.completion
  })

/** Ids for the parts of one model response: one message id, one otid per part. */
export class StepIds {
  readonly messageId = newId("message")
  readonly stepId = newId("step")
  private readonly otids = new Map<string, string>()
  constructor(readonly runId: string) {}
  otid(part: string): string {
    let otid = this.otids.get(part)
    if (otid === undefined) {
      otid = newUuid()
      this.otids.set(part, otid)
    }
    return otid
  }
  private base(type: string, part: string, date?: string) {
    return envelope(type, { id: this.messageId, otid: this.otid(part), runId: this.runId, stepId: this.stepId, ...(date === undefined ? {} : { date }) })
  }
  reasoning(text: string): StreamChunk {
    return chunk({ ...this.base("reasoning_message", "reasoning"), source: "reasoner_model", reasoning: text, signature: null })
  }
  assistant(text: string): StreamChunk {
    return chunk({ ...this.base("assistant_message", "assistant"), content: text })
  }
  /** A call the client runs: the run pauses on it. In token mode `name` comes on the first delta only. */
  approvalRequest(call: { id: string; name: string | null; arguments: string | null }, whole: boolean): StreamChunk {
    const part = { name: call.name, arguments: call.arguments, tool_call_id: call.id }
    return chunk({ ...this.base("approval_request_message", `call:${call.id}`), tool_call: part, tool_calls: whole ? [part] : part })
  }
  /** A call we run ourselves (memory tools); token-mode deltas omit null keys. */
  toolCall(call: { id: string; name: string | null; arguments: string | null }, whole: boolean): StreamChunk {
    const part: Record<string, string> = { tool_call_id: call.id }
    if (call.name !== null) part["name"] = call.name
    if (call.arguments !== null) part["arguments"] = call.arguments
    return chunk({ ...this.base("tool_call_message", `call:${call.id}`), tool_call: part, tool_calls: whole ? [part] : part })
  }
}

/** The result of a tool we ran, always whole. */
export const toolReturnChunk = (runId: string, stepId: string | null, call: ToolCallRecord, status: "success" | "error", output: string): StreamChunk => {
  const result = { type: "tool", tool_return: output, status, tool_call_id: call.id, stdout: null, stderr: null }
  return chunk({
    ...envelope("tool_return_message", { id: newId("message"), otid: newUuid(), runId, stepId }),
    tool_return: output,
    status,
    tool_call_id: call.id,
    stdout: null,
    stderr: null,
    tool_returns: [result]
  })
}
