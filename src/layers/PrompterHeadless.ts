/** Headless runs cannot ask anyone: a call that needs approval is denied, with a way out. */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { PermissionDecision } from "../domain/permissions.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { Prompter } from "../services/Prompter.js"

export const HEADLESS_DENIAL = "Tool requires approval; re-run with --allowedTools or a permission mode"

/** The denial for an asked call: the usual one, or why this call in particular needs a person. */
export const headlessReason = (decision: PermissionDecision | undefined): string => {
  if (decision?._tag !== "Ask") return HEADLESS_DENIAL
  if (decision.possibleDeny !== undefined) {
    const { construct, rule } = decision.possibleDeny
    // No flag or mode lifts this: only a command the analysis can see through.
    return `Tool requires approval: the deny rule ${rule} might match this command and it cannot be checked (${construct}); write the command out plainly`
  }
  if (decision.protectedFile !== undefined) {
    const { path, why } = decision.protectedFile
    return `Tool requires approval: ${path} is ${why}, so editing it changes what later runs may do; re-run with an --allowedTools rule that names it (e.g. "Edit(${path})")`
  }
  return HEADLESS_DENIAL
}

/**
 * The prompter is handed the call, not the decision, so it asks the policy again (the same query
 * gets the same answer; the turn that asks runs with the policy in its context). Without a policy
 * in context the plain denial is used.
 */
export const PrompterHeadless: Layer.Layer<Prompter> = Layer.succeed(Prompter, {
  ask: (request) =>
    Effect.gen(function* () {
      const policy = yield* Effect.serviceOption(PermissionPolicy)
      const decision = Option.isSome(policy) ? yield* policy.value.decide({ toolName: request.toolName, args: request.args }) : undefined
      return { _tag: "Reject", reason: headlessReason(decision) } as const
    })
})
