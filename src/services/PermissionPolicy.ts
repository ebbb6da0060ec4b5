/** Decides allow / deny / ask for each tool call. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { PermissionMode } from "../domain/config.js"
import type { RuleError } from "../domain/errors.js"
import type { PermissionDecision, PermissionQuery, SearchFilter } from "../domain/permissions.js"

export interface PermissionPolicyShape {
  /** The current mode: it changes during a session (ExitPlanMode, Shift+Tab). */
  readonly mode: Effect.Effect<PermissionMode>
  readonly setMode: (mode: PermissionMode) => Effect.Effect<void>
  readonly decide: (query: PermissionQuery) => Effect.Effect<PermissionDecision>
  /** Adds an allow rule for the rest of the session ("yes, and don't ask again"). */
  readonly addSessionRule: (rule: string) => Effect.Effect<void, RuleError>
  /**
   * Runs `effect` with extra allow rules (a custom command's `allowed-tools`) that end with it;
   * a rule error names `location` (the command's file). Optional: test doubles leave it out.
   */
  readonly withScopedRules?: <A, E, R>(
    rules: ReadonlyArray<string>,
    location: string,
    effect: Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E | RuleError, R>
  /**
   * What a directory-wide search by `toolName` under `root` (absolute) must leave out: the files
   * a call naming them would be denied or asked about, by path rules. Undefined when no rule can
   * hide anything (the search then pays nothing).
   */
  readonly searchFilter: (toolName: string, root: string) => Effect.Effect<SearchFilter | undefined>
}

export class PermissionPolicy extends Context.Tag("letta/PermissionPolicy")<PermissionPolicy, PermissionPolicyShape>() {}
