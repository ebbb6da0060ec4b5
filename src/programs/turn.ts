/**
 * THE turn pipeline (PRODUCT.md §4), shared by headless and interactive modes: send the user
 * message, stream the answer, answer every paused tool call in one approval message, repeat
 * until the run ends. Events go to a sink as they happen; `turnEvents` offers the same as a
 * Stream.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { ApiError, MaxTurnsReached, UnexpectedStop } from "../domain/errors.js"
import type { TurnEvent } from "../domain/events.js"
import { type ApprovalAnswer, type LettaMessage, type MessageItem, newOtid, type PendingToolCall, type SendMessageBody } from "../domain/letta.js"
import { LettaApi } from "../services/LettaApi.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import type { Prompter } from "../services/Prompter.js"
import { Tools } from "../services/Tools.js"
import { ResponseAccumulator } from "./turn/accumulator.js"
import { answerPendingCalls, denyAll, interruptedAnswer, type LiveToolOutput } from "./turn/approvals.js"
import { isRetryable, MAX_ATTEMPTS, retryDelayMs, retryReason } from "./turn/retry.js"
import { stopFeedback, submitPrompt } from "./turn/hooks.js"
import { skillsForTurn } from "./turn/skillsReminder.js"

export interface TurnInput {
  readonly agentId: string
  /** The user's message; none when the turn only resolves recovered calls (the TUI at start). */
  readonly prompt: string | undefined
  /** Calls the agent was already paused on when this session started (a crashed session). */
  readonly recoveredCalls: ReadonlyArray<PendingToolCall>
  /**
   * How recovered calls (and any found pending when the first request meets a 409) are
   * answered: denied as "session was interrupted" (headless), or decided like any other call,
   * with the approval dialog where the policy asks (interactive).
   */
  readonly recovery: "deny" | "ask"
  /** `--max-turns`: model steps allowed for the whole turn. */
  readonly maxSteps: number | undefined
  /** A model for this turn only (a custom command's `model:`). */
  readonly overrideModel?: string | undefined
  readonly streamTokens: boolean
  /**
   * `--append-system-prompt`: sent after the user's message, as a system reminder (the same on
   * both backends, for new and existing agents; the agent's own system prompt is not changed).
   */
  readonly appendSystemPrompt?: string | undefined
  /**
   * Interactive mode: running tools report their output as they go (`ToolOutput` events), and
   * a call interrupted while it runs is answered with the output it printed so far.
   */
  readonly liveToolOutput?: boolean
  /**
   * Calls found pending when the first request meets a 409 may be another live session's: the
   * ones this turn may answer (after waiting for that session), or None to leave them alone.
   */
  readonly othersPending?: (calls: ReadonlyArray<PendingToolCall>) => Effect.Effect<Option.Option<ReadonlyArray<PendingToolCall>>>
  /** Tells the user something that is not the agent's output (a skipped skill file): stderr or a TUI notice. */
  readonly notice?: (line: string) => Effect.Effect<void>
}

export type TurnError = ApiError | UnexpectedStop | MaxTurnsReached
export type TurnServices = LettaApi | Tools | PermissionPolicy | Prompter

export const RECOVERED_REASON = "session was interrupted"
export const INTERRUPTED_REASON = "interrupted by the user"

const PLAN_MODE_REMINDER =
  "<system-reminder>Plan mode is active. Do not change anything: no file edits, no commands with side " +
  "effects. Research with read-only tools, then present your plan with the ExitPlanMode tool and wait " +
  "for the user's approval.</system-reminder>"

const userMessage = (prompt: string, planMode: boolean, appendSystemPrompt: string | undefined, skills?: string): MessageItem => ({
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

const approvalMessage = (approvals: ReadonlyArray<ApprovalAnswer>): MessageItem => ({
  type: "approval",
  otid: newOtid(),
  approvals
})

/** The 409 (or in-stream CONFLICT) a new message gets while the agent waits for an approval. */
const isPendingApprovalConflict = (error: ApiError): boolean =>
  error.code === "PENDING_APPROVAL" || (error.detail ?? "").includes("CONFLICT: Cannot send a new message")

/** The server had nothing pending after all: the recovery denial is not needed. */
const isNothingPending = (error: ApiError): boolean =>
  (error.detail ?? "").includes("No tool call is currently awaiting approval")

/** What the cleanup needs to know when a turn stops early. */
interface TurnState {
  /** Calls the run is paused on that the server has not received answers for. */
  unanswered: ReadonlyArray<PendingToolCall>
  /** A response is streaming; its run id once known. */
  inFlight: boolean
  runId: string | undefined
  finished: boolean
}

const CLEANUP_TIMEOUT = "3 seconds"

export const runTurn = <E>(
  input: TurnInput,
  emit: (event: TurnEvent) => Effect.Effect<void, E>
): Effect.Effect<void, TurnError | E, TurnServices> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const tools = yield* Tools
    // The mode when the user's message is sent decides the plan-mode reminder.
    const planMode = (yield* Effect.flatMap(PermissionPolicy, (policy) => policy.mode)) === "plan"
    const state: TurnState = { unanswered: [], inFlight: false, runId: undefined, finished: false }
    const live: LiveToolOutput | undefined = input.liveToolOutput === true ? { partial: new Map() } : undefined
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

    /** Opens the stream, retrying failures that happened before the server started answering. */
    const open = (request: SendMessageBody, attempt: number): ReturnType<typeof api.sendMessage> =>
      api.sendMessage(input.agentId, request).pipe(
        Effect.catchAll((error) => {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) return Effect.fail(error)
          const delayMs = retryDelayMs(error, attempt)
          return emit({ _tag: "Retry", attempt: attempt + 1, maxAttempts: MAX_ATTEMPTS, delayMs, reason: retryReason(error) }).pipe(
            Effect.catchAll(() => Effect.void),
            Effect.zipRight(Effect.sleep(delayMs)),
            Effect.zipRight(open(request, attempt + 1))
          )
        })
      )

    /** One request and its whole response. */
    const exchange = (request: SendMessageBody, acc: ResponseAccumulator): Effect.Effect<void, ApiError | E> =>
      Effect.scoped(
        Effect.gen(function* () {
          const started = Date.now()
          // From the first byte sent, the server may have the answers: they are never sent again
          // (an interrupt cancels the run instead), unless the server refused the request.
          const answering = state.unanswered
          state.unanswered = []
          state.inFlight = true
          state.runId = undefined
          const chunks = yield* open(request, 1).pipe(
            Effect.tapError((error) =>
              Effect.sync(() => {
                if (error.kind !== "http") return
                state.unanswered = answering
                state.inFlight = false
              })
            )
          )
          yield* Stream.runForEach(chunks, (chunk) => {
            acc.add(chunk.message)
            if (state.runId === undefined) state.runId = acc.runId
            return chunk.message.message_type === "ping" ? Effect.void : emit({ _tag: "ServerMessage", chunk })
          })
          state.inFlight = false
          yield* emit({ _tag: "RequestFinished", durationMs: Date.now() - started })
        })
      )

    /**
     * The first request, with the pending-approval recovery of PRODUCT.md §4: the answers to the
     * calls the agent already waits on go first, in the same request as the user's message.
     * False when there was nothing to send (no message, and nothing pending after all).
     */
    const firstExchange = (acc: ResponseAccumulator): Effect.Effect<boolean, TurnError | E, TurnServices> => {
      const user = prompt === undefined ? [] : [userMessage(prompt, planMode, input.appendSystemPrompt, skills?.reminder)]
      const answers = (calls: ReadonlyArray<PendingToolCall>) =>
        input.recovery === "ask" ? answerPendingCalls(calls, emit, live) : Effect.succeed(denyAll(calls, RECOVERED_REASON))
      const attempt = (calls: ReadonlyArray<PendingToolCall>, recoveryLeft: boolean): Effect.Effect<boolean, TurnError | E, TurnServices> =>
        Effect.gen(function* () {
          state.unanswered = calls
          const messages = calls.length === 0 ? user : [approvalMessage(yield* answers(calls)), ...user]
          if (messages.length === 0) return false
          yield* exchange(body(messages, 0), acc)
          if (user.length > 0 && skills !== undefined) yield* skills.markSent
          return true
        }).pipe(
          Effect.catchAll((error): Effect.Effect<boolean, TurnError | E, TurnServices> => {
            if (!(error instanceof ApiError)) return Effect.fail(error)
            if (calls.length > 0 && isNothingPending(error)) return attempt([], false)
            if (recoveryLeft && isPendingApprovalConflict(error)) {
              // Another session left the agent waiting after our check: answer it, then speak;
              // unless a live session is handling those calls (then wait for it, or leave them).
              return api.retrieveAgent(input.agentId, { includePendingApproval: true }).pipe(
                Effect.flatMap((agent) => {
                  const pending = agent.pending_approval ? pendingCallsOf(agent.pending_approval) : []
                  acc.reset()
                  const ours = input.othersPending === undefined ? Effect.succeedSome(pending) : input.othersPending(pending)
                  return Effect.flatMap(ours, (left) => (Option.isSome(left) ? attempt(left.value, false) : Effect.fail(error)))
                })
              )
            }
            return Effect.fail(error)
          })
        )
      return attempt(input.recoveredCalls, true)
    }

    const loop: Effect.Effect<void, TurnError | E, TurnServices> = Effect.gen(function* () {
      let stepsUsed = 0
      let stopContinues = 0
      let lastText: string | undefined
      let next: ReadonlyArray<MessageItem> | undefined
      while (true) {
        const acc = new ResponseAccumulator()
        const sent = next === undefined ? firstExchange(acc) : Effect.as(exchange(body(next, stepsUsed), acc), true)
        const anything = yield* sent.pipe(
          Effect.catchAll((error): Effect.Effect<never, TurnError | E> =>
            // The server explained its stop in-stream: report the stop reason with its detail.
            error instanceof ApiError && error.kind === "stream" && acc.stopReason !== undefined
              ? Effect.fail(new UnexpectedStop({ stopReason: acc.stopReason, ...(error.detail === undefined ? {} : { detail: error.detail }) }))
              : Effect.fail(error)
          )
        )
        if (!anything) {
          state.finished = true
          return
        }
        lastText = acc.text() ?? lastText
        stepsUsed += acc.sawUsage ? acc.steps : 1
        const stopReason = acc.stopReason
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
          const more = yield* stopFeedback(stopContinues)
          if (more !== undefined) {
            stopContinues += 1
            next = [userMessage(more, false, undefined)]
            continue
          }
          state.finished = true
          yield* emit({ _tag: "TurnComplete", stopReason, finalText: lastText })
          return
        }
        if (stopReason === "requires_approval") {
          const calls = acc.pendingCalls()
          state.unanswered = calls
          if (input.maxSteps !== undefined && stepsUsed >= input.maxSteps) {
            return yield* new MaxTurnsReached({ limit: input.maxSteps })
          }
          next = [approvalMessage(yield* answerPendingCalls(calls, emit, live))]
          continue
        }
        if (stopReason === "max_steps" && input.maxSteps !== undefined) {
          return yield* new MaxTurnsReached({ limit: input.maxSteps })
        }
        return yield* new UnexpectedStop({ stopReason })
      }
    })

    /** Leaves the agent usable when the turn stops early: deny what it waits on, cancel what runs. */
    const cleanup = (exit: Exit.Exit<void, TurnError | E>) => {
      if (state.finished || Exit.isSuccess(exit)) return Effect.void
      const interrupted = Cause.isInterruptedOnly(exit.cause)
      const failure = Cause.failureOption(exit.cause)
      const maxTurns = failure._tag === "Some" && failure.value instanceof MaxTurnsReached ? failure.value.limit : undefined
      const reason = interrupted
        ? INTERRUPTED_REASON
        : maxTurns !== undefined
          ? maxTurnsReason(maxTurns)
          : "the client stopped before it could run this tool"
      if (state.unanswered.length > 0 && maxTurns !== undefined) {
        // Nobody is waiting to leave: answer the calls and let the agent's reply finish, so it
        // is idle (not waiting on new calls) when the next run comes.
        return settleCalls(input.agentId, state.unanswered, reason, tools.specs, input.streamTokens).pipe(
          Effect.timeout(SETTLE_TIMEOUT),
          Effect.ignore
        )
      }
      const work =
        state.unanswered.length > 0
          ? abandonCalls(input.agentId, state.unanswered, reason, tools.specs, input.streamTokens, live?.partial)
          : state.inFlight
            ? api.cancelRuns(input.agentId, state.runId === undefined ? [] : [state.runId])
            : Effect.void
      return work.pipe(Effect.timeout(CLEANUP_TIMEOUT), Effect.ignore)
    }

    yield* loop.pipe(Effect.onExit(cleanup))
  })

/** The calls of a stored `approval_request_message` (pending-approval recovery). */
export const pendingCallsOf = (message: LettaMessage): ReadonlyArray<PendingToolCall> => {
  const acc = new ResponseAccumulator()
  acc.add({ ...message, message_type: "approval_request_message" })
  return acc.pendingCalls()
}

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
const settleCalls = (
  agentId: string,
  calls: ReadonlyArray<PendingToolCall>,
  reason: string,
  clientTools: SendMessageBody["client_tools"],
  streamTokens: boolean
) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    let open = calls
    let runId: string | undefined
    for (let round = 0; round < SETTLE_ROUNDS && open.length > 0; round++) {
      const acc = new ResponseAccumulator()
      yield* Effect.scoped(
        Effect.gen(function* () {
          const chunks = yield* api.sendMessage(agentId, {
            messages: [approvalMessage(denyAll(open, reason))],
            client_tools: clientTools,
            stream_tokens: streamTokens,
            max_steps: 1
          })
          yield* Stream.runForEach(chunks, (chunk) => Effect.sync(() => acc.add(chunk.message)))
        })
      )
      runId = acc.runId
      open = acc.stopReason === "requires_approval" ? acc.pendingCalls() : []
    }
    if (open.length > 0) yield* api.cancelRuns(agentId, runId === undefined ? [] : [runId])
  })

/**
 * Denies calls the agent waits on and stops the run that answer starts, so the agent is idle
 * again: the next message, from us or anyone, is not met with a 409.
 */
const abandonCalls = (
  agentId: string,
  calls: ReadonlyArray<PendingToolCall>,
  reason: string,
  clientTools: SendMessageBody["client_tools"],
  streamTokens: boolean,
  /** What calls interrupted while running had printed (live output): sent back, not lost. */
  partial?: ReadonlyMap<string, string>
) =>
  Effect.scoped(
    Effect.gen(function* () {
      const api = yield* LettaApi
      const answers = calls.map((call, index) => {
        const printed = partial?.get(call.toolCallId)
        // A call that printed nothing (or is not a command) is denied, as before.
        return printed === undefined || printed.length === 0 ? denyAll(calls, reason)[index]! : interruptedAnswer(call, printed, reason)
      })
      const chunks = yield* api.sendMessage(agentId, {
        messages: [approvalMessage(answers)],
        client_tools: clientTools,
        stream_tokens: streamTokens,
        max_steps: 1
      })
      const first = yield* Stream.runHead(Stream.filter(chunks, (chunk) => typeof chunk.message.run_id === "string"))
      const runId = first._tag === "Some" ? first.value.message.run_id : undefined
      yield* api.cancelRuns(agentId, typeof runId === "string" ? [runId] : [])
    })
  )

/** The same turn as a Stream of events (for tests and the TUI). */
export const turnEvents = (input: TurnInput): Stream.Stream<TurnEvent, TurnError, TurnServices> =>
  Stream.asyncScoped<TurnEvent, TurnError, TurnServices>(
    (emit) =>
      runTurn(input, (event) => Effect.promise(() => emit.single(event))).pipe(
        Effect.matchCauseEffect({
          onSuccess: () => Effect.promise(() => emit.end()),
          onFailure: (cause) => Effect.promise(() => emit.halt(cause))
        }),
        Effect.forkScoped
      ),
    "unbounded"
  )
