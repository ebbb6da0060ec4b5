/**
 * A separate process that appends rules to the user settings through the real Settings layer
 * (bundled on the fly by test/layers/settingsCrossProcess.test.ts): argv = home, project, tag, count.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Layer } from "effect"
import { SettingsFiles } from "../../src/layers/SettingsFiles.js"
import { Settings } from "../../src/services/Settings.js"
import { Workspace } from "../../src/services/Workspace.js"

const [home = "", project = "", tag = "", count = "0"] = process.argv.slice(2)

const program = Effect.gen(function* () {
  const settings = yield* Settings
  for (let i = 0; i < Number(count); i++) {
    yield* settings.updateUser((user) => ({
      ...user,
      permissions: { ...user.permissions, allow: [...(user.permissions?.allow ?? []), `Bash(${tag}-${i})`] }
    }))
  }
})

const layer = SettingsFiles.pipe(
  Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: project, homeDir: home })))
)
Effect.runPromise(Effect.provide(program, layer)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
