/**
 * What SIGINT, SIGTERM, SIGHUP (terminal closed) and SIGQUIT do: the first interrupts the
 * program, whose clean-up then runs (NodeRuntime.runMain does the same for SIGINT and SIGTERM;
 * interrupting twice is harmless). A second one means "now" for the tool processes (SIGKILL
 * instead of their grace period), but the server still gets its answers, for at most 5 s; a
 * third exits at once.
 */
import * as Effect from "effect/Effect"
import { killAllNow } from "../layers/shellNode/tracker.js"
import { EXIT_INTERRUPTED } from "../domain/exitCodes.js"

/** After a second signal, the clean-up (answering the server) gets this long before we exit anyway. */
const SECOND_SIGNAL_DEADLINE_MS = 5_000

/** `program`, interrupted by the signals above; to be run as the main fiber. */
export const interruptOnSignals = <A, E, R>(program: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) => {
    let signals = 0
    const onSignal = (signal: NodeJS.Signals) => {
      signals += 1
      // The terminal is gone: writing to it must not crash the clean-up.
      if (signal === "SIGHUP") for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {})
      if (signals === 1) {
        fiber.unsafeInterruptAsFork(fiber.id())
        return
      }
      killAllNow()
      if (signals === 2) setTimeout(() => process.exit(EXIT_INTERRUPTED), SECOND_SIGNAL_DEADLINE_MS)
      else process.exit(EXIT_INTERRUPTED)
    }
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const) process.on(signal, onSignal)
    return program
  })
