/**
 * Loads interactive mode on demand: main.ts imports only this small file, so headless runs
 * never evaluate ink, react or the Markdown renderer (esbuild turns the dynamic import into a
 * lazy initialiser inside the bundle).
 *
 * Ink decides once, when it loads, whether it runs in CI (CI or CONTINUOUS_INTEGRATION set),
 * and then never draws its live area — no prompt, no spinner. Interactive mode only runs with
 * a person at a terminal, so those variables are hidden while ink loads and restored after
 * (tools started later still see them).
 */
import { Effect } from "effect"

const CI_VARIABLES = ["CI", "CONTINUOUS_INTEGRATION"] as const

export const loadInteractive = Effect.promise(async () => {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const)
  for (const [name] of saved) process.env[name] = "false"
  try {
    return await import("./index.js")
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
})
