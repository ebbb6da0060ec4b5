/** Stored messages as the Letta messages a history listing returns. */
import type { LettaMessage } from "../../domain/letta.js"
import type { MessageRecord, PendingApproval, ToolCallRecord } from "../../domain/localState.js"
import { envelope, lettaDate } from "./chunks.js"

const dateOf = (iso: string) => lettaDate(new Date(iso))

const callPart = (call: ToolCallRecord) => ({ name: call.name, arguments: call.arguments, tool_call_id: call.id })

const asMessage = (raw: Record<string, unknown>): LettaMessage => raw as unknown as LettaMessage

/** One stored message becomes one or more entries sharing its id, each with its own otid. */
export const historyEntries = (record: MessageRecord): ReadonlyArray<LettaMessage> => {
  const base = (type: string, part: string) =>
    envelope(type, { id: record.id, otid: `${record.id}-${part}`, runId: record.runId ?? "", stepId: null, date: dateOf(record.createdAt) })
  const body = record.body
  switch (body._tag) {
    case "user":
      return [asMessage({ ...base("user_message", "user"), otid: record.otid ?? `${record.id}-user`, content: body.text })]
    case "assistant": {
      const entries: Array<LettaMessage> = []
      body.reasoning.forEach((part, index) =>
        entries.push(asMessage({ ...base("reasoning_message", `reasoning-${index}`), source: "reasoner_model", reasoning: part.text, signature: part.signature ?? null }))
      )
      if (body.text.length > 0) entries.push(asMessage({ ...base("assistant_message", "assistant"), content: body.text }))
      for (const call of body.toolCalls) {
        const type = call.runBy === "client" ? "approval_request_message" : "tool_call_message"
        entries.push(asMessage({ ...base(type, `call-${call.id}`), tool_call: callPart(call), tool_calls: [callPart(call)] }))
      }
      return entries
    }
    case "tool":
      return [
        asMessage({
          ...base("tool_return_message", "tool"),
          tool_return: body.output,
          status: body.status,
          tool_call_id: body.toolCallId,
          stdout: body.stdout ?? null,
          stderr: body.stderr ?? null
        })
      ]
    case "summary":
      return []
  }
}

/** What `retrieveAgent` reports an agent paused on (the calls of its last approval request). */
export const pendingApprovalMessage = (pending: PendingApproval): LettaMessage =>
  asMessage({
    ...envelope("approval_request_message", { id: pending.messageId, otid: pending.messageId, runId: pending.runId, stepId: null, date: dateOf(pending.date) }),
    tool_call: pending.clientCalls[0] === undefined ? null : callPart(pending.clientCalls[0]),
    tool_calls: pending.clientCalls.map(callPart)
  })
