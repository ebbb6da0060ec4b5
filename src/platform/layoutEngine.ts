/**
 * Ink lays out with yoga (WebAssembly). Inside the CommonJS bundle yoga loads asynchronously
 * (build/tuiBundle.mjs) and publishes a promise; nothing may render before it settles.
 * Run from source (tests), yoga is ready when imported and there is no promise.
 */
import * as Effect from "effect/Effect"

/** The global build/tuiBundle.mjs publishes yoga's loading promise under. */
const YOGA_READY = Symbol.for("letta.yoga.ready")

export const waitForLayoutEngine: Effect.Effect<void> = Effect.suspend(() => {
  const ready: unknown = Reflect.get(globalThis, YOGA_READY)
  return ready instanceof Promise ? Effect.promise(() => ready.then(() => undefined)) : Effect.void
})
