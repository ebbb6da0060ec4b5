/** The messages a turn sends: the user's (with its reminders) and the answers to paused calls. */
import { type ApprovalAnswer, type LettaMessage, type MessageItem, newOtid, type PendingToolCall } from "../../domain/letta.js"
import { ResponseAccumulator } from "./accumulator.js"

const PLAN_MODE_REMINDER =
  "<system-reminder>Plan mode is active. Do not change anything: no file edits, no commands with side " +
  "effects. Research with read-only tools, then present your plan with the ExitPlanMode tool and wait " +
  "for the user's approval.</system-reminder>"

export const userMessage = (prompt: string, planMode: boolean, appendSystemPrompt: string | undefined, skills?: string): MessageItem => ({
  type: "message",
  role: "user",
  content: [
    ...(planMode ? [{ type: "text" as const, text: PLAN_MODE_REMINDER }] : []),
    ...(skills === undefined ? [] : [{ type: "text" as const, text: skills }]),
    { type: "text" as const, text: prompt },
    ...(appendSystemPrompt === undefined ? [] : [{ type: "text" as const, text: `<system-reminder>${appendSystemPrompt}</system-reminder>` }])
  ],
  otid: newOtid()
})

export const approvalMessage = (approvals: ReadonlyArray<ApprovalAnswer>): MessageItem => ({
  type: "approval",
  otid: newOtid(),
  approvals
})

/** The calls of a stored `approval_request_message` (pending-approval recovery). */
export const pendingCallsOf = (message: LettaMessage): ReadonlyArray<PendingToolCall> => {
  const acc = new ResponseAccumulator()
  acc.add({ ...message, message_type: "approval_request_message" })
  return acc.pendingCalls()
}
