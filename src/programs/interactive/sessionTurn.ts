/**
 * One turn of the interactive session: the user's message (or the calls left pending) run
 * through the turn pipeline in its own fiber, so Esc can interrupt it; each event reaches the
 * store, the stats and the status line. Also what the session loop shares while it runs.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { RunConfig } from "../../domain/config.js"
import { isLettaFailure } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { PendingToolCall } from "../../domain/letta.js"
import { maskUrlCredentials } from "../../domain/redaction.js"
import { LettaApi } from "../../services/LettaApi.js"
import type { Output } from "../../services/Output.js"
import { PermissionPolicy, type PermissionPolicyShape } from "../../services/PermissionPolicy.js"
import type { Settings } from "../../services/Settings.js"
import { describeFailure } from "../failure.js"
import { awaitOtherSessions } from "../agentLease.js"
import type { ReflectionSchedule } from "../learning/reflectionSchedule.js"
import { turn as turnEvents } from "../turn/turn.js"
import type { SessionState } from "./runSlashCommand.js"
import { runIdOf } from "./sessionStart.js"
import type { SessionStatus } from "./sessionStatus.js"
import type { UiStore } from "./store.js"
import { verboseTurn } from "./verboseTurn.js"

/** What the session loop, its turns and its exit share. */
export interface LiveSession {
  readonly ui: UiStore
  readonly config: RunConfig
  readonly state: SessionState
  readonly status: SessionStatus
  /** The turn (or `!command`) running now: Esc interrupts it. */
  turn: Fiber.RuntimeFiber<void, unknown> | undefined
  /** The run the agent is paused on (its calls await answers), when known: quitting cancels it. */
  pausedRunId: string | undefined
  /** When the session reflects (programs/learning): it sees every event of every turn. */
  reflection?: ReflectionSchedule
}

/** The message for a failed turn or command: the failure's own, else the defect's. */
export const describeCause = (cause: Cause.Cause<unknown>, server: string): string => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure) && isLettaFailure(failure.value)) return maskUrlCredentials(describeFailure(failure.value, server).message)
  const squashed = Cause.squash(cause)
  return maskUrlCredentials(`Internal error: ${squashed instanceof Error ? squashed.message : String(squashed)}`)
}

/** The footer shows the permission mode the policy has now. */
export const syncMode = (ui: UiStore, policy: PermissionPolicyShape) => Effect.flatMap(policy.mode, (current) => Effect.sync(() => ui.setMode(current)))

/** One turn: the user's message, or (prompt undefined) answering the calls left pending. */
export const runTurn = (session: LiveSession, prompt: string | undefined, recoveredCalls: ReadonlyArray<PendingToolCall> = [], overrideModel?: string) =>
  Effect.gen(function* () {
    const { config, state, status, ui } = session
    const api = yield* LettaApi
    const policy = yield* PermissionPolicy
    const leaseContext = yield* Effect.context<LettaApi | Output | Settings>()
    ui.setBusy(true)
    const verbose = config.verbose ? verboseTurn(ui) : undefined
    /** What the store, the stats and the status line take from each event. */
    const observe = (event: TurnEvent) =>
      Effect.zipRight(
        Effect.sync(() => {
          state.stats.observe(event)
          status.observe(event)
          if (event._tag === "ServerMessage") {
            const runId = runIdOf(event.chunk.message)
            if (runId !== undefined) session.pausedRunId = runId
          }
          ui.apply(event)
          verbose?.observe(event)
        }),
        Effect.zipRight(event._tag === "ToolResult" ? syncMode(ui, policy) : Effect.void, session.reflection?.observe(event) ?? Effect.void)
      )
    const events = turnEvents({
      agentId: state.agentId,
      prompt,
      recoveredCalls,
      recovery: "ask",
      maxSteps: undefined,
      overrideModel,
      streamTokens: state.streamTokens,
      liveToolOutput: observe,
      appendSystemPrompt: Option.getOrUndefined(config.appendSystemPrompt),
      notice: (line) => Effect.sync(() => ui.addNotice(line, "warning")),
      othersPending: (calls) =>
        awaitOtherSessions(state.agentId, calls, (line) => Effect.sync(() => ui.addNotice(line, "dim"))).pipe(Effect.provide(leaseContext))
    })
    const fiber = yield* Effect.fork(Stream.runForEach(events, observe))
    session.turn = fiber
    const exit = yield* Fiber.await(fiber)
    session.turn = undefined
    ui.setBusy(false)
    yield* syncMode(ui, policy)
    if (Exit.isSuccess(exit)) {
      verbose?.finish()
    } else if (Cause.isInterruptedOnly(exit.cause)) {
      ui.finishTurn("denied", "Interrupted")
      verbose?.finish()
      ui.addNotice("Interrupted · tell the agent what to do instead", "warning")
    } else {
      ui.finishTurn("error", "The turn failed before this call finished")
      verbose?.finish()
      ui.addNotice(describeCause(exit.cause, api.displayName), "error")
    }
  })
