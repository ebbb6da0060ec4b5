/**
 * What a message request brings, checked and recorded as the server
 * does: answers to every call the agent is paused on (exactly that id set), then the user's
 * message. A retried request (same otid) is not applied twice.
 */
import * as Effect from "effect/Effect"
import { ApiError, type StoreError } from "../../domain/errors.js"
import { type ApprovalAnswer, contentText, type MessageItem } from "../../domain/letta.js"
import type { AgentRecord, NewMessage, ToolCallRecord } from "../../domain/localState.js"
import { LocalStore } from "../../services/LocalStore.js"
import { newId } from "../localStore/ids.js"

const OPERATION = "send the message"

const badRequest = (status: number, detail: string, code?: string) =>
  new ApiError({ kind: "http", status, operation: OPERATION, detail, streamStarted: false, ...(code === undefined ? {} : { code }) })

export const PENDING_APPROVAL_DETAIL =
  "CONFLICT: Cannot send a new message: The agent is waiting for approval on a tool call. Please approve or deny the pending request before continuing."

const NOTHING_PENDING =
  "Cannot process approval response: No tool call is currently awaiting approval. Please send a regular message to interact with the agent."

const answerText = (answer: ApprovalAnswer): { status: "success" | "error"; output: string; stdout?: ReadonlyArray<string>; stderr?: ReadonlyArray<string> } => {
  if (answer.type === "tool") {
    return {
      status: answer.status,
      output: typeof answer.tool_return === "string" ? answer.tool_return : contentText(answer.tool_return),
      ...(answer.stdout === undefined ? {} : { stdout: answer.stdout }),
      ...(answer.stderr === undefined ? {} : { stderr: answer.stderr })
    }
  }
  if (answer.approve) return { status: "error", output: "Error: this tool is run by the client; its result was expected, not an approval." }
  return { status: "error", output: `Error: request to call tool denied. User reason: ${answer.reason}` }
}

/** The server calls of the answered response, still to run before the next model step. */
export interface AppliedInputs {
  readonly serverCalls: ReadonlyArray<ToolCallRecord>
}

export const applyInputs = (
  agent: AgentRecord,
  items: ReadonlyArray<MessageItem>,
  runId: string
): Effect.Effect<AppliedInputs, ApiError | StoreError, LocalStore> =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    if (items.length === 0) return yield* badRequest(422, "messages must not be empty")
    const rows: Array<NewMessage> = []
    let serverCalls: ReadonlyArray<ToolCallRecord> = []
    let answered = false
    for (const item of items) {
      if (item.type !== "approval") continue
      if (yield* store.hasOtid(agent.id, item.otid)) continue
      const pending = agent.pending
      if (pending === undefined || answered) return yield* badRequest(400, NOTHING_PENDING)
      const expected = pending.clientCalls.map((call) => call.id)
      const received = item.approvals.map((answer) => answer.tool_call_id)
      if (expected.length !== received.length || !expected.every((id) => received.includes(id))) {
        return yield* badRequest(400, `Invalid tool call IDs. Expected '${JSON.stringify(expected)}', but received '${JSON.stringify(received)}'.`)
      }
      for (const call of pending.clientCalls) {
        const answer = item.approvals.find((candidate) => candidate.tool_call_id === call.id)!
        rows.push({ id: newId("message"), runId, otid: item.otid, body: { _tag: "tool", toolCallId: call.id, toolName: call.name, ...answerText(answer) } })
      }
      serverCalls = pending.serverCalls
      answered = true
    }
    for (const item of items) {
      if (item.type !== "message") continue
      if (yield* store.hasOtid(agent.id, item.otid)) continue
      if (agent.pending !== undefined && !answered) return yield* badRequest(409, PENDING_APPROVAL_DETAIL, "PENDING_APPROVAL")
      const text = item.content.map((part) => part.text).join("\n")
      rows.push({ id: newId("message"), runId, otid: item.otid, body: { _tag: "user", text } })
    }
    yield* store.commit(agent.id, rows, answered ? { pending: null } : {})
    return { serverCalls }
  })
