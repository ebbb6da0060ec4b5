/**
 * THE turn, shared by headless and interactive modes, as a stream of its events: send the user
 * message, stream the answer, answer every paused tool call in one approval message, and so on
 * until the run ends. Each step is a stream (a request's events come from the server's chunk
 * stream; an approval round's from the calls being answered); the next step is chosen from how
 * the previous response ended. However the stream stops, the agent is left usable (cleanup.ts).
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Stream from "effect/Stream"
import { ApiError, MaxTurnsReached, UnexpectedStop } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { ApprovalAnswer, MessageItem, PendingToolCall, SendMessageBody } from "../../domain/letta.js"
import { LettaApi } from "../../services/LettaApi.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Tools } from "../../services/Tools.js"
import { ResponseAccumulator } from "./accumulator.js"
import { answerPendingCalls, denyAll, type LiveToolOutput } from "./approvals.js"
import { FINISHED, leaveAgentUsable, NOTHING, type Outstanding, unanswered } from "./cleanup.js"
import { stopFeedback, submitPrompt } from "./hooks.js"
import { approvalMessage, pendingCallsOf, userMessage } from "./messages.js"
import { reportedThen } from "./reported.js"
import { requestEvents } from "./request.js"
import { skillsForTurn } from "./skillsReminder.js"
import { unwrapInPlace } from "./streams.js"
import { RECOVERED_REASON, type TurnError, type TurnInput, type TurnServices } from "./turnInput.js"

export { maxTurnsReason } from "./cleanup.js"
export { pendingCallsOf } from "./messages.js"
export { INTERRUPTED_REASON, RECOVERED_REASON, type TurnError, type TurnInput, type TurnServices } from "./turnInput.js"

/** The 409 (or in-stream CONFLICT) a new message gets while the agent waits for an approval. */
const isPendingApprovalConflict = (error: ApiError): boolean =>
  error.code === "PENDING_APPROVAL" || (error.detail ?? "").includes("CONFLICT: Cannot send a new message")

/** The server had nothing pending after all: the recovery denial is not needed. */
const isNothingPending = (error: ApiError): boolean => (error.detail ?? "").includes("No tool call is currently awaiting approval")

/** The server explained its stop in-stream: report the stop reason with its detail. */
const withStopReason = (response: ResponseAccumulator) => (error: TurnError): TurnError =>
  error instanceof ApiError && error.kind === "stream" && response.stopReason !== undefined
    ? new UnexpectedStop({ stopReason: response.stopReason, ...(error.detail === undefined ? {} : { detail: error.detail }) })
    : error

/** How far the turn got: what the next step needs from the ones before. */
interface Progress {
  readonly stepsUsed: number
  readonly stopContinues: number
  readonly lastText: string | undefined
}

type TurnStream = Stream.Stream<TurnEvent, TurnError, TurnServices>

export const turn = (input: TurnInput): TurnStream =>
  unwrapInPlace(
    Effect.gen(function* () {
      const tools = yield* Tools
      const outstanding = yield* Ref.make<Outstanding>(NOTHING)
      const live: LiveToolOutput | undefined = input.liveToolOutput === undefined ? undefined : { partial: new Map(), report: input.liveToolOutput }
      const cleanup = { agentId: input.agentId, clientTools: tools.specs, streamTokens: input.streamTokens, partialOutput: live?.partial }
      return steps(input, outstanding, live).pipe(
        Stream.ensuringWith((exit) => Effect.flatMap(Ref.get(outstanding), (left) => leaveAgentUsable(cleanup, left, exit)))
      )
    })
  )

const steps = (input: TurnInput, outstanding: Ref.Ref<Outstanding>, live: LiveToolOutput | undefined): TurnStream =>
  unwrapInPlace(
    Effect.gen(function* () {
      const api = yield* LettaApi
      const tools = yield* Tools
      // The mode when the user's message is sent decides the plan-mode reminder.
      const planMode = (yield* Effect.flatMap(PermissionPolicy, (policy) => policy.mode)) === "plan"
      // SessionStart and UserPromptSubmit hooks: their context goes with the prompt, or they block it.
      const prompt = yield* submitPrompt(input.agentId, input.prompt)
      // Tools still being set up (MCP servers connecting in the TUI's background) are in first.
      if (tools.ready !== undefined) yield* tools.ready
      // The skills list goes with the user's message when it is new to the agent.
      const skills = input.prompt === undefined ? undefined : yield* skillsForTurn(input.agentId, tools.specs)
      if (skills !== undefined && input.notice !== undefined) yield* Effect.forEach(skills.problemLines, input.notice)

      const body = (messages: ReadonlyArray<MessageItem>, stepsUsed: number): SendMessageBody => ({
        messages,
        client_tools: tools.specs,
        stream_tokens: input.streamTokens,
        ...(input.maxSteps === undefined ? {} : { max_steps: Math.max(1, input.maxSteps - stepsUsed) }),
        ...(input.overrideModel === undefined ? {} : { override_model: input.overrideModel })
      })

      /** Answers paused calls (their events stream as they come), then goes on with the answers. */
      const answered = (
        calls: ReadonlyArray<PendingToolCall>,
        then: (answers: ReadonlyArray<ApprovalAnswer>) => TurnStream
      ): TurnStream => reportedThen((report) => answerPendingCalls(calls, report, live), then)

      /**
       * The first request, with the pending-approval recovery: the answers to the calls the agent
       * already waits on go first, in the same request as the user's message. Nothing is sent
       * when there is nothing to send (no message, and nothing pending after all).
       */
      const firstRequest = (response: ResponseAccumulator): TurnStream => {
        const user = prompt === undefined ? [] : [userMessage(prompt, planMode, input.appendSystemPrompt, skills?.reminder)]
        const send = (calls: ReadonlyArray<PendingToolCall>, answers: ReadonlyArray<ApprovalAnswer>): TurnStream => {
          const messages = calls.length === 0 ? user : [approvalMessage(answers), ...user]
          if (messages.length === 0) return Stream.execute(Ref.set(outstanding, FINISHED))
          const sent = requestEvents(input.agentId, body(messages, 0), response, calls, outstanding)
          return user.length > 0 && skills !== undefined ? Stream.concat(sent, Stream.execute(skills.markSent)) : sent
        }
        const attempt = (calls: ReadonlyArray<PendingToolCall>, recoveryLeft: boolean): TurnStream =>
          unwrapInPlace(
            Effect.as(
              Ref.set(outstanding, unanswered(calls)),
              calls.length === 0
                ? send(calls, [])
                : input.recovery === "ask"
                  ? answered(calls, (answers) => send(calls, answers))
                  : send(calls, denyAll(calls, RECOVERED_REASON))
            )
          ).pipe(
            Stream.catchAll((error): TurnStream => {
              if (!(error instanceof ApiError)) return Stream.fail(error)
              if (calls.length > 0 && isNothingPending(error)) return attempt([], false)
              if (recoveryLeft && isPendingApprovalConflict(error)) {
                // Another session left the agent waiting after our check: answer it, then speak;
                // unless a live session is handling those calls (then wait for it, or leave them).
                return unwrapInPlace(
                  api.retrieveAgent(input.agentId, { includePendingApproval: true }).pipe(
                    Effect.flatMap((agent) => {
                      const pending = agent.pending_approval ? pendingCallsOf(agent.pending_approval) : []
                      response.reset()
                      const ours = input.othersPending === undefined ? Effect.succeedSome(pending) : input.othersPending(pending)
                      return Effect.map(ours, (left) => (Option.isSome(left) ? attempt(left.value, false) : Stream.fail(error)))
                    })
                  )
                )
              }
              return Stream.fail(error)
            })
          )
        return attempt(input.recoveredCalls, true)
      }

      /** One step: a request and its whole response, then the step its end calls for. */
      const step = (next: ReadonlyArray<MessageItem> | undefined, answering: ReadonlyArray<PendingToolCall>, progress: Progress): TurnStream =>
        Stream.suspend(() => {
          const response = new ResponseAccumulator()
          const sent = next === undefined ? firstRequest(response) : requestEvents(input.agentId, body(next, progress.stepsUsed), response, answering, outstanding)
          return Stream.concat(Stream.mapError(sent, withStopReason(response)), unwrapInPlace(afterResponse(response, progress)))
        })

      /** What follows a response: the turn's end, the agent sent back to work, or its calls answered. */
      const afterResponse = (response: ResponseAccumulator, before: Progress): Effect.Effect<TurnStream, TurnError> =>
        Effect.gen(function* () {
          if ((yield* Ref.get(outstanding))._tag === "Finished") return Stream.empty
          const progress: Progress = {
            stopContinues: before.stopContinues,
            lastText: response.text() ?? before.lastText,
            stepsUsed: before.stepsUsed + (response.sawUsage ? response.steps : 1)
          }
          const stopReason = response.stopReason
          if (stopReason === undefined) {
            return yield* new ApiError({
              kind: "protocol",
              operation: "read the agent's answer",
              detail: "the stream ended before the run finished (no stop reason)",
              streamStarted: true
            })
          }
          if (stopReason === "end_turn" || stopReason === "tool_rule") {
            // A Stop hook may send the agent back to work (a bounded number of times).
            const more = yield* stopFeedback(progress.stopContinues)
            if (more !== undefined) {
              return step([userMessage(more, false, undefined)], [], { ...progress, stopContinues: progress.stopContinues + 1 })
            }
            yield* Ref.set(outstanding, FINISHED)
            return Stream.succeed<TurnEvent>({ _tag: "TurnComplete", stopReason, finalText: progress.lastText })
          }
          if (stopReason === "requires_approval") {
            const calls = response.pendingCalls()
            yield* Ref.set(outstanding, unanswered(calls))
            if (input.maxSteps !== undefined && progress.stepsUsed >= input.maxSteps) {
              return yield* new MaxTurnsReached({ limit: input.maxSteps })
            }
            return answered(calls, (answers) => step([approvalMessage(answers)], calls, progress))
          }
          if (stopReason === "max_steps" && input.maxSteps !== undefined) {
            return yield* new MaxTurnsReached({ limit: input.maxSteps })
          }
          return yield* new UnexpectedStop({ stopReason })
        })

      return step(undefined, [], { stepsUsed: 0, stopContinues: 0, lastText: undefined })
    })
  )
