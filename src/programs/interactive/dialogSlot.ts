/**
 * The one dialog the screen shows at a time (an approval or a pick list): opening it, and
 * closing it once answered or when whoever asked is interrupted. The store holds one and
 * redraws on every change.
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { type RuleSuggestion, scopeLabel } from "../../domain/dialogs.js"
import type { DialogView } from "./uiSnapshot.js"

export class DialogSlot {
  current: DialogView | undefined

  constructor(private readonly changed: () => void) {}

  /** Shows the dialog `view` makes and waits for its answer; interrupting closes it. */
  ask<A>(view: (answer: (value: A) => void) => DialogView): Effect.Effect<A> {
    return Effect.gen(this, function* () {
      const answered = yield* Deferred.make<A>()
      const shown = view((value) => {
        Deferred.unsafeDone(answered, Exit.succeed(value))
      })
      this.current = shown
      this.changed()
      return yield* Deferred.await(answered).pipe(
        Effect.ensuring(
          Effect.sync(() => {
            if (this.current === shown) this.current = undefined
            this.changed()
          })
        )
      )
    })
  }
}

/** The notice for an "always allow" rule the user added from the approval dialog. */
export const ruleAddedNotice = (suggestion: RuleSuggestion): string =>
  suggestion.scope === "local"
    ? `${suggestion.rule} allowed ${scopeLabel(suggestion.scope)} (saved in .letta/settings.local.json)`
    : `${suggestion.rule} allowed ${scopeLabel(suggestion.scope)}`
