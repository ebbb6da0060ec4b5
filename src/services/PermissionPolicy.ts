/** Decides allow / deny / ask for each tool call (PRODUCT.md §5). */
import { Context, type Effect } from "effect"
import type { PermissionMode } from "../domain/config.js"
import type { PermissionDecision, PermissionQuery } from "../domain/permissions.js"

export interface PermissionPolicyShape {
  readonly mode: PermissionMode
  readonly decide: (query: PermissionQuery) => Effect.Effect<PermissionDecision>
}

export class PermissionPolicy extends Context.Tag("letta/PermissionPolicy")<PermissionPolicy, PermissionPolicyShape>() {}
