/**
 * `/reflect` in the TUI: a reflection pass on the session's agent, in the background (the prompt
 * is never held up), bounded in time. Each change is one dim line ("learned: human: …"); a
 * failure is one line and changes nothing else.
 */
import * as Effect from "effect/Effect"
import type { AllSettings } from "../../domain/settings.js"
import { serverKey } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { Settings } from "../../services/Settings.js"
import type { LiveSession } from "../interactive/sessionTurn.js"
import { storedBlockIds } from "../memoryBlocks.js"
import { describeChange, REFLECTION_TIMEOUT, reflect, reflectionFailure } from "./reflection.js"

export const reflectInBackground = (session: LiveSession, startSettings: AllSettings) =>
  Effect.gen(function* () {
    const { ui, state } = session
    const api = yield* LettaApi
    // Read the files again: the blocks may have been created since the session started.
    const settings = yield* Effect.flatMap(Settings, (store) => store.load).pipe(Effect.orElseSucceed(() => startSettings))
    const blockIds: Record<string, string> = {}
    for (const [label, id] of Object.entries(storedBlockIds(settings, serverKey(api.baseUrl)))) if (id !== undefined) blockIds[label] = id
    const outcome = yield* reflect(state.agentId, blockIds).pipe(
      Effect.timeoutFail({ duration: REFLECTION_TIMEOUT, onTimeout: () => ({ message: "it took longer than 120 s" }) }),
      Effect.either
    )
    if (outcome._tag === "Left") return ui.addNotice(`Reflection failed: ${reflectionFailure(outcome.left, api.displayName)}`, "warning")
    if (outcome.right.changes.length === 0) return ui.addNotice("Reflection: nothing to learn", "dim")
    for (const change of outcome.right.changes) ui.addNotice(`learned: ${describeChange(change)} \u2014 /memory to review`, "dim")
  })
