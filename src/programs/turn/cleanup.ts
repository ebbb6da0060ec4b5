/**
 * Leaves the agent usable when a turn stops early (interrupted, failed, `--max-turns`): deny
 * what it waits on, cancel what runs. What there is to clean up is tracked as the turn goes.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Stream from "effect/Stream"
import { MaxTurnsReached } from "../../domain/errors.js"
import type { PendingToolCall, SendMessageBody } from "../../domain/letta.js"
import { LettaApi } from "../../services/LettaApi.js"
import { ResponseAccumulator } from "./accumulator.js"
import { denyAll, interruptedAnswer } from "./approvals.js"
import { approvalMessage } from "./messages.js"
import { INTERRUPTED_REASON } from "./turnInput.js"

/** What the agent is left with at this point of the turn, should it stop here. */
export type Outstanding =
  /** Nothing: no request out, no call waiting. */
  | { readonly _tag: "Nothing" }
  /** Calls the run is paused on that the server has not received answers for. */
  | { readonly _tag: "Unanswered"; readonly calls: ReadonlyArray<PendingToolCall> }
  /** A response is streaming; its run id, once known, is the accumulator's. */
  | { readonly _tag: "Streaming"; readonly response: ResponseAccumulator }
  /** The turn ended as it should: nothing to clean up, whatever happens next. */
  | { readonly _tag: "Finished" }

export const NOTHING: Outstanding = { _tag: "Nothing" }
export const FINISHED: Outstanding = { _tag: "Finished" }
export const unanswered = (calls: ReadonlyArray<PendingToolCall>): Outstanding => (calls.length === 0 ? NOTHING : { _tag: "Unanswered", calls })
export const streaming = (response: ResponseAccumulator): Outstanding => ({ _tag: "Streaming", response })

const CLEANUP_TIMEOUT = "3 seconds"

export interface CleanupContext {
  readonly agentId: string
  readonly clientTools: SendMessageBody["client_tools"]
  readonly streamTokens: boolean
  /** What calls interrupted while running had printed (live output), by tool call id. */
  readonly partialOutput: ReadonlyMap<string, string> | undefined
}

/** The clean-up for a turn that ended with `exit` while `outstanding` was left. */
export const leaveAgentUsable = (context: CleanupContext, outstanding: Outstanding, exit: Exit.Exit<unknown, unknown>) =>
  Effect.gen(function* () {
    if (outstanding._tag === "Finished" || exit._tag === "Success") return
    const api = yield* LettaApi
    const interrupted = Cause.isInterruptedOnly(exit.cause)
    const failure = Cause.failureOption(exit.cause)
    const maxTurns = failure._tag === "Some" && failure.value instanceof MaxTurnsReached ? failure.value.limit : undefined
    const reason = interrupted
      ? INTERRUPTED_REASON
      : maxTurns !== undefined
        ? maxTurnsReason(maxTurns)
        : "the client stopped before it could run this tool"
    if (outstanding._tag === "Unanswered" && maxTurns !== undefined) {
      // Nobody is waiting to leave: answer the calls and let the agent's reply finish, so it
      // is idle (not waiting on new calls) when the next run comes.
      return yield* settleCalls(context, outstanding.calls, reason).pipe(Effect.timeout(SETTLE_TIMEOUT), Effect.ignore)
    }
    const work =
      outstanding._tag === "Unanswered"
        ? abandonCalls(context, outstanding.calls, reason)
        : outstanding._tag === "Streaming"
          ? api.cancelRuns(context.agentId, outstanding.response.runId === undefined ? [] : [outstanding.response.runId])
          : Effect.void
    yield* work.pipe(Effect.timeout(CLEANUP_TIMEOUT), Effect.ignore)
  })

/** The answer to calls left open by `--max-turns`. */
export const maxTurnsReason = (limit: number) =>
  `stopped: the --max-turns limit (${limit}) was reached. Do not call more tools now; the user can continue later.`

/** Answering calls left open by --max-turns: a model step each; a stubborn agent gets a few. */
const SETTLE_ROUNDS = 3
const SETTLE_TIMEOUT = "60 seconds"

/**
 * `--max-turns` stopped the turn while the agent waits on calls: deny them and read the agent's
 * reply to its end (one model step, `max_steps: 1`). Should it ask for more tools, they are
 * denied the same way, a few times; then the run it is paused in is cancelled (a Letta server
 * denies its calls). Cancelling at once instead, as an interrupt does, races on a Letta server:
 * the step the denial started can finish after the cancel and leave new calls pending, which
 * the next `--continue` would then deny without a word.
 */
const settleCalls = (context: CleanupContext, calls: ReadonlyArray<PendingToolCall>, reason: string) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    let open = calls
    let runId: string | undefined
    for (let round = 0; round < SETTLE_ROUNDS && open.length > 0; round++) {
      const acc = new ResponseAccumulator()
      yield* Effect.scoped(
        Effect.gen(function* () {
          const chunks = yield* api.sendMessage(context.agentId, {
            messages: [approvalMessage(denyAll(open, reason))],
            client_tools: context.clientTools,
            stream_tokens: context.streamTokens,
            max_steps: 1
          })
          yield* Stream.runForEach(chunks, (chunk) => Effect.sync(() => acc.add(chunk.message)))
        })
      )
      runId = acc.runId
      open = acc.stopReason === "requires_approval" ? acc.pendingCalls() : []
    }
    if (open.length > 0) yield* api.cancelRuns(context.agentId, runId === undefined ? [] : [runId])
  })

/**
 * Denies calls the agent waits on and stops the run that answer starts, so the agent is idle
 * again: the next message, from us or anyone, is not met with a 409. Calls interrupted while
 * running are answered with what they printed (live output), not lost.
 */
const abandonCalls = (context: CleanupContext, calls: ReadonlyArray<PendingToolCall>, reason: string) =>
  Effect.scoped(
    Effect.gen(function* () {
      const api = yield* LettaApi
      const answers = calls.map((call, index) => {
        const printed = context.partialOutput?.get(call.toolCallId)
        // A call that printed nothing (or is not a command) is denied, as before.
        return printed === undefined || printed.length === 0 ? denyAll(calls, reason)[index]! : interruptedAnswer(call, printed, reason)
      })
      const chunks = yield* api.sendMessage(context.agentId, {
        messages: [approvalMessage(answers)],
        client_tools: context.clientTools,
        stream_tokens: context.streamTokens,
        max_steps: 1
      })
      const first = yield* Stream.runHead(Stream.filter(chunks, (chunk) => typeof chunk.message.run_id === "string"))
      const runId = first._tag === "Some" ? first.value.message.run_id : undefined
      yield* api.cancelRuns(context.agentId, typeof runId === "string" ? [runId] : [])
    })
  )
