/**
 * "Yes, and don't ask again": the permission engine proposes the rule and
 * its scope (src/permissions/suggest.ts); taking it applies the rule at once for this session
 * and, for the local scope, keeps it in ./.letta/settings.local.json.
 */
import * as Effect from "effect/Effect"
import type { RuleSuggestion } from "../../domain/dialogs.js"
import type { PermissionQuery } from "../../domain/permissions.js"
import { suggestFor } from "../../permissions/suggest.js"
import { saveLocalRule } from "./saveLocalRule.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"

export const suggestRule = (query: PermissionQuery, dirs: { readonly projectDir: string; readonly homeDir: string }): Effect.Effect<RuleSuggestion | undefined> =>
  Effect.map(suggestFor(query, dirs), (suggestion) =>
    suggestion === undefined ? undefined : { rule: suggestion.rule, scope: suggestion.scope, label: suggestion.label }
  )

export const rememberRule = (suggestion: RuleSuggestion) =>
  Effect.gen(function* () {
    const policy = yield* PermissionPolicy
    // The policy checks the rule first: a rule it cannot read is never written to a file.
    yield* policy.addSessionRule(suggestion.rule)
    if (suggestion.scope === "local") yield* saveLocalRule(suggestion.rule)
  })
