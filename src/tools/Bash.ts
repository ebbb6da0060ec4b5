/**
 * Bash: one `bash -c` command in the project directory, output capped, process group killed on
 * timeout; or started in the background, to be read with BashOutput and stopped with KillBash.
 */
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Schema from "effect/Schema"
import { type ToolOutput, toolError, toolSuccess } from "../domain/tools.js"
import { Shell, type ShellResult } from "../services/Shell.js"
import { ToolOutputSink } from "../services/Tools.js"
import { Workspace } from "../services/Workspace.js"
import { defineTool, optionalParam, param } from "./defineTool.js"

export const BASH_DEFAULT_TIMEOUT_MS = 120_000
export const BASH_MAX_TIMEOUT_MS = 600_000
export const BASH_MAX_OUTPUT_CHARS = 30_000

export const BashParameters = Schema.Struct({
  command: param(Schema.String, "The command to run with `bash -c`."),
  timeout: optionalParam(
    Schema.Number,
    `Timeout in milliseconds (default ${BASH_DEFAULT_TIMEOUT_MS}, at most ${BASH_MAX_TIMEOUT_MS}; larger values are reduced to ${BASH_MAX_TIMEOUT_MS}). Not used with run_in_background.`
  ),
  description: optionalParam(
    Schema.String,
    "A short summary (5-10 words) of what the command does, shown to the user."
  ),
  run_in_background: optionalParam(
    Schema.Boolean,
    "Start the command in the background and return its ID at once (default false). Read its output with BashOutput, stop it with KillBash."
  ),
  keep_running: optionalParam(
    Schema.Boolean,
    "With run_in_background: leave the command running after this session ends (default false: it is stopped then). Only when the user asked for that, e.g. a server they want to keep using."
  )
})
export type BashParameters = typeof BashParameters.Type

const DESCRIPTION = [
  "Runs a command with `bash -c` in the project directory and returns its output.",
  "",
  "- Whatever a command leaves running (`cmd &`, nohup, setsid) is stopped when the session ends; the call itself returns when bash exits.",
  "- Each call starts a fresh shell: `cd`, variables and other shell state do not carry over to the next call.",
  "  Chain dependent steps with `&&` or `;` in one command.",
  "- The command gets no input (stdin is closed), so interactive programs cannot be answered.",
  "- stdout and stderr are returned together, in the order they arrived.",
  `- Output beyond ${BASH_MAX_OUTPUT_CHARS} characters is cut, with a note saying how many characters were cut.`,
  `- Timeout: ${BASH_DEFAULT_TIMEOUT_MS / 1000} s by default, at most ${BASH_MAX_TIMEOUT_MS / 1000} s. On timeout the command is killed with its whole process group (the processes it started).`,
  "- A non-zero exit code is reported as an error, with the exit code.",
  "- `run_in_background: true` starts the command and returns an ID (bash_1, bash_2, ...) at once. A background command has no timeout and runs until it ends, is stopped with KillBash, or the session ends (then it is killed, unless started with `keep_running: true` because the user asked to keep it). BashOutput returns the output it produced since the previous BashOutput call.",
  "- Prefer the Read tool for reading files."
].join("\n")

export const clampTimeout = (timeout: number | undefined): number => {
  if (timeout === undefined || Number.isNaN(timeout)) return BASH_DEFAULT_TIMEOUT_MS
  return Math.min(BASH_MAX_TIMEOUT_MS, Math.max(1, Math.round(timeout)))
}

/** The tool result for a finished (or killed) command. */
export const formatBashResult = (result: ShellResult, timeoutMs: number): ToolOutput => {
  let text = result.output
  if (result.truncatedChars > 0) {
    text += `${text.endsWith("\n") ? "\n" : "\n\n"}[output truncated: ${result.truncatedChars} more characters were cut]`
  }
  if (text.length === 0) text = "(no output)"
  if (result.exitCode === 0 && !result.timedOut) return toolSuccess(text)
  // The status line goes on a line of its own, without a blank line after output's final newline.
  if (!text.endsWith("\n")) text += "\n"
  if (result.timedOut) {
    return toolError(`${text}Command timed out after ${timeoutMs} ms and was killed.`)
  }
  if (result.exitCode !== null) return toolError(`${text}Exit code: ${result.exitCode}`)
  return toolError(`${text}Killed by signal ${result.signal ?? "(unknown)"}`)
}

export const Bash = defineTool({
  name: "Bash",
  description: DESCRIPTION,
  parameters: BashParameters,
  readOnly: false,
  run: (args) =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const workspace = yield* Workspace
      if (args.run_in_background === true) {
        const keep = args.keep_running === true
        return yield* shell.spawnBackground({ command: args.command, cwd: workspace.projectDir, keep }).pipe(
          Effect.map((info) =>
            toolSuccess(
              `Started in the background with ID ${info.id}${keep ? " (it keeps running after the session ends)" : ""}. Read its output with BashOutput (bash_id "${info.id}"); stop it with KillBash (shell_id "${info.id}").`
            )
          ),
          Effect.catchTag("ShellSpawnError", (error) => Effect.succeed(toolError(error.message)))
        )
      }
      const timeoutMs = clampTimeout(args.timeout)
      const onOutput = yield* FiberRef.get(ToolOutputSink)
      return yield* shell
        .run({
          command: args.command,
          cwd: workspace.projectDir,
          timeoutMs,
          maxOutputChars: BASH_MAX_OUTPUT_CHARS,
          ...(onOutput === undefined ? {} : { onOutput })
        })
        .pipe(
          Effect.map((result) => formatBashResult(result, timeoutMs)),
          Effect.catchTag("ShellSpawnError", (error) => Effect.succeed(toolError(error.message)))
        )
    })
})
