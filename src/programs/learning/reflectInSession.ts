/**
 * `/reflect` in the TUI: a reflection pass on the session's agent, in the background (the prompt
 * is never held up), bounded in time. Each change is one dim line ("learned: human: …"); a
 * failure is one line and changes nothing else.
 */
import * as Effect from "effect/Effect"
import type { AllSettings } from "../../domain/settings.js"
import { Settings } from "../../services/Settings.js"
import type { LiveSession } from "../interactive/sessionTurn.js"
import { describeChange, reflectOnAgent } from "./reflection.js"

export const reflectInBackground = (session: LiveSession, startSettings: AllSettings) =>
  Effect.gen(function* () {
    const { ui, state } = session
    const settings = yield* Effect.flatMap(Settings, (store) => store.load).pipe(Effect.orElseSucceed(() => startSettings))
    const outcome = yield* reflectOnAgent(state.agentId, settings)
    if (outcome._tag === "Left") return ui.addNotice(`Reflection failed: ${outcome.left}`, "warning")
    if (outcome.right.changes.length === 0) return ui.addNotice("Reflection: nothing to learn", "dim")
    for (const change of outcome.right.changes) ui.addNotice(`learned: ${describeChange(change)} \u2014 /memory to review`, "dim")
  })
