/** KillBash: stops a background command and everything it started (its process group). */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { toolError, toolSuccess } from "../domain/tools.js"
import { Shell } from "../services/Shell.js"
import { describeBackgroundStatus, unknownBackgroundId } from "./BashOutput.js"
import { defineTool, param } from "./defineTool.js"

export const KillBashParameters = Schema.Struct({
  shell_id: param(Schema.String, "ID of the background command to stop (e.g. bash_1).")
})
export type KillBashParameters = typeof KillBashParameters.Type

const DESCRIPTION = [
  "Stops a background command started with Bash run_in_background, together with every process it started (its process group): SIGTERM first, SIGKILL if they are still there 2 s later.",
  "Waits until they are gone. Output the command produced before it was stopped can still be read with BashOutput."
].join("\n")

export const KillBash = defineTool({
  name: "KillBash",
  description: DESCRIPTION,
  parameters: KillBashParameters,
  readOnly: false,
  run: (args) =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const result = yield* shell.kill(args.shell_id)
      if (result.wasRunning) return toolSuccess(`Killed ${result.info.id}. [${describeBackgroundStatus(result.info)}]`)
      return toolSuccess(`${result.info.id} had already ended; nothing to kill. [${describeBackgroundStatus(result.info)}]`)
    }).pipe(Effect.catchTag("BackgroundNotFound", (error) => Effect.succeed(toolError(unknownBackgroundId(error)))))
})
