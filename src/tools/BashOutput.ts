/** BashOutput: what a background command wrote since the previous read, optionally filtered. */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { toolError, toolSuccess } from "../domain/tools.js"
import { BACKGROUND_BUFFER_CHARS, type BackgroundInfo, type BackgroundNotFound, Shell } from "../services/Shell.js"
import { defineTool, optionalParam, param } from "./defineTool.js"

export const BASH_OUTPUT_MAX_CHARS = 30_000

export const BashOutputParameters = Schema.Struct({
  bash_id: param(Schema.String, "ID of the background command, as returned by Bash with run_in_background (e.g. bash_1)."),
  filter: optionalParam(
    Schema.String,
    "A regular expression (JavaScript syntax). Only lines matching it are returned; the other new lines are discarded and will not be shown again."
  )
})
export type BashOutputParameters = typeof BashOutputParameters.Type

const DESCRIPTION = [
  "Returns the output a background command (started with Bash run_in_background) produced since the previous BashOutput call for it, followed by its status: running, exited with its exit code, or killed.",
  "",
  "- Each call returns only new output; nothing is repeated.",
  `- At most ${BASH_OUTPUT_MAX_CHARS} characters per call; the rest stays unread and a note says how much is waiting for the next call.`,
  `- Unread output beyond ${BACKGROUND_BUFFER_CHARS} characters is dropped oldest first; a note says how much was dropped.`,
  "- With `filter`, an unfinished last line of a running command is kept back until it is complete."
].join("\n")

/** `bash_1: running`, `bash_1: exited with code 0`, ... */
export const describeBackgroundStatus = (info: BackgroundInfo): string => {
  switch (info.status._tag) {
    case "Running":
      return `${info.id}: running`
    case "Killed":
      return `${info.id}: killed`
    case "Exited":
      return info.status.exitCode !== null
        ? `${info.id}: exited with code ${info.status.exitCode}`
        : `${info.id}: ended by signal ${info.status.signal ?? "(unknown)"}`
  }
}

export const unknownBackgroundId = (error: BackgroundNotFound): string =>
  error.known.length === 0
    ? `No background command with ID "${error.id}": none has been started in this session.`
    : `No background command with ID "${error.id}". Known IDs: ${error.known.join(", ")}.`

export const BashOutput = defineTool({
  name: "BashOutput",
  description: DESCRIPTION,
  parameters: BashOutputParameters,
  readOnly: true,
  run: (args) =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const read = yield* shell.readNew(args.bash_id, {
        maxChars: BASH_OUTPUT_MAX_CHARS,
        ...(args.filter === undefined ? {} : { filter: args.filter })
      })
      const parts: Array<string> = []
      if (read.droppedChars > 0) {
        parts.push(
          `[${read.droppedChars} characters of earlier output were dropped unread: at most ${BACKGROUND_BUFFER_CHARS} unread characters are kept]`
        )
      }
      if (read.output.length > 0) parts.push(read.output.endsWith("\n") ? read.output.slice(0, -1) : read.output)
      else parts.push(args.filter === undefined ? "(no new output)" : "(no new lines matching the filter)")
      if (read.filteredOutLines > 0) parts.push(`[${read.filteredOutLines} new lines did not match the filter]`)
      if (read.remainingChars > 0) {
        parts.push(
          `[output cut at ${BASH_OUTPUT_MAX_CHARS} characters: ${read.remainingChars} more characters are waiting; call BashOutput again to read them]`
        )
      }
      parts.push(`[${describeBackgroundStatus(read.info)}]`)
      return toolSuccess(parts.join("\n"))
    }).pipe(
      Effect.catchTags({
        BackgroundNotFound: (error) => Effect.succeed(toolError(unknownBackgroundId(error))),
        InvalidOutputFilter: (error) =>
          Effect.succeed(toolError(`Invalid filter: ${JSON.stringify(error.filter)} is not a valid regular expression (${error.reason}).`))
      })
    )
})
