/**
 * The user's hooks (Claude Code's format): commands run at points of the session that may
 * block a tool call or a prompt, add context, or keep the agent going. Provided only when some
 * settings file defines hooks; the turn asks for it with `Effect.serviceOption`.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { HookEvent } from "../domain/hooks.js"

/** One hook command's run, for stream-json's `hook` lines and the user's notices. */
export interface HookRun {
  readonly event: HookEvent
  readonly command: string
  /** `null` when it was killed (timeout, interrupt) or could not start. */
  readonly exitCode: number | null
  readonly outcome: "success" | "blocked" | "error" | "timeout"
  readonly durationMs: number
  /** What the user should see: stderr of a failed hook, the block reason, ... */
  readonly message: string | undefined
}

/** What the hooks of one event said, together. */
export interface HookVerdict {
  /** exit 2, `decision: block|deny`, `permissionDecision: deny`, or `continue: false`. */
  readonly block: boolean
  /** PreToolUse only. */
  readonly permission: "allow" | "deny" | "ask" | undefined
  /** Why (stderr of exit 2, `reason`, `permissionDecisionReason`, `stopReason`). */
  readonly reason: string
  /** Text to add to the agent's context (exit-0 stdout, or `additionalContext`). */
  readonly context: string
}

export const NO_VERDICT: HookVerdict = { block: false, permission: undefined, reason: "", context: "" }

export interface HooksShape {
  /**
   * Runs every hook of `event` whose matcher accepts `target` (the tool name; the session's
   * source), all at once, with `input` (plus the common fields) as JSON on stdin.
   */
  readonly run: (event: HookEvent, target: string | undefined, input: Readonly<Record<string, unknown>>) => Effect.Effect<HookVerdict>
  /** The agent the session works with, for `session_id` in every hook's input. */
  readonly setSession: (agentId: string) => Effect.Effect<void>
  /** Runs the SessionStart hooks the first time (their context goes with the first prompt). */
  readonly startSession: Effect.Effect<HookVerdict>
  /** Interactive mode: Notification hooks run when the user is asked something. */
  readonly interactive: boolean
  /** False when no hook of that event is configured: callers skip building its input. */
  readonly has: (event: HookEvent) => boolean
}

export class Hooks extends Context.Tag("letta/Hooks")<Hooks, HooksShape>() {}
