/** What a turn is given, what it may fail with and what it needs: the contract both programs use. */
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type { ApiError, MaxTurnsReached, UnexpectedStop } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { PendingToolCall } from "../../domain/letta.js"
import type { LettaApi } from "../../services/LettaApi.js"
import type { PermissionPolicy } from "../../services/PermissionPolicy.js"
import type { Prompter } from "../../services/Prompter.js"
import type { Tools } from "../../services/Tools.js"

export type ToolOutputEvent = Extract<TurnEvent, { readonly _tag: "ToolOutput" }>

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
   * Interactive mode: where running tools report their output as they go, and a call
   * interrupted while it runs is answered with the output it printed so far. Not part of the
   * turn's stream: what a tool printed since the last report still reaches the screen while an
   * interrupt stops the stream.
   */
  readonly liveToolOutput?: (event: ToolOutputEvent) => Effect.Effect<void>
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
