/**
 * Loads the terminal UI's libraries (ink, react, the Markdown renderer). In the bundle they live
 * in dist/letta-tui.cjs and are read on first use (build/tuiBundle.mjs): headless runs never
 * load them, and interactive mode loads them here, once, before anything renders.
 *
 * Ink decides when it loads whether it runs in CI (CI or CONTINUOUS_INTEGRATION set), and then
 * never draws its live area — no prompt, no spinner. Interactive mode only runs with a person at
 * a terminal, so those variables are removed while ink loads and restored after (tools started
 * later still see them). Removed, not set to "false": chalk decides its colour level at the same
 * moment, and takes any CI variable, whatever its value, to mean "no colour" (issue 12).
 */
import * as Effect from "effect/Effect"
import { render } from "ink"

const CI_VARIABLES = ["CI", "CONTINUOUS_INTEGRATION"] as const

/** Runs `f` with the CI variables out of `process.env`, then puts them back as they were. */
const withoutCiVariables = <A>(f: () => A): A => {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const)
  for (const [name] of saved) delete process.env[name]
  try {
    return f()
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

export const loadInteractive: Effect.Effect<void> = Effect.sync(() =>
  withoutCiVariables(() => {
    // The first use of an ink export is what loads the bundle.
    const loaded: unknown = render
    if (typeof loaded !== "function") throw new Error("the terminal UI did not load")
  })
)
