/** Headless runs cannot ask anyone: a call that needs approval is denied, with a way out. */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Prompter } from "../services/Prompter.js"

export const HEADLESS_DENIAL = "Tool requires approval; re-run with --allowedTools or a permission mode"

export const PrompterHeadless: Layer.Layer<Prompter> = Layer.succeed(Prompter, {
  ask: () => Effect.succeed({ _tag: "Reject", reason: HEADLESS_DENIAL })
})
