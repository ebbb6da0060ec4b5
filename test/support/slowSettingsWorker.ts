/**
 * A separate process that adds one rule to the user settings through the real Settings layer,
 * with a short lock stale age; its first update stalls its event loop for `busyMs` once inside
 * the lock (so it cannot renew it), after creating `readyFile`. argv = home, project, tag,
 * staleMs, busyMs, readyFile. Bundled on the fly by test/layers/settingsSlowHolder.test.ts.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Layer } from "effect"
import { writeFileSync } from "node:fs"
import { makeSettingsFiles } from "../../src/layers/SettingsFiles.js"
import { Settings } from "../../src/services/Settings.js"
import { Workspace } from "../../src/services/Workspace.js"

const [home = "", project = "", tag = "", staleMs = "300", busyMs = "0", readyFile = ""] = process.argv.slice(2)

let calls = 0
const program = Effect.gen(function* () {
  const settings = yield* Settings
  yield* settings.updateUser((user) => {
    calls++
    if (calls === 1 && readyFile !== "") writeFileSync(readyFile, "")
    if (calls === 1) {
      const until = Date.now() + Number(busyMs)
      while (Date.now() < until) {
        // A stalled holder: no timers run, so no renewal either.
      }
    }
    return { ...user, permissions: { ...user.permissions, allow: [...(user.permissions?.allow ?? []), `Bash(${tag})`] } }
  })
  process.stdout.write(`calls=${calls}\n`)
})

const layer = makeSettingsFiles({ update: { staleAfter: `${Number(staleMs)} millis`, timeout: "20 seconds" } }).pipe(
  Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: project, homeDir: home })))
)
Effect.runPromise(Effect.provide(program, layer)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
