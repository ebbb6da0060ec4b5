/**
 * The exit codes, and how the program's outcome becomes one (with the line the user reads).
 * A failure is put into words inside the program (`DescribedFailure`), where the server it
 * concerns is known; here only the command-line errors, interruption and defects are.
 */
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import { maskUrlCredentials, redactSecrets } from "../domain/redaction.js"
import { describeCliError } from "./describeCliError.js"

import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_SUCCESS, EXIT_USAGE, type FailureReport } from "../domain/exitCodes.js"

/** A failure the program has already described (see programs/failure.ts). */
export class DescribedFailure extends Data.TaggedError("DescribedFailure")<{ readonly report: FailureReport }> {}

export interface Conclusion {
  readonly code: number
  /** Written to stderr when not empty. */
  readonly message: string
}

/** Exit code and message for how the program ended; `args` is argv without node and the script. */
export const conclude = (exit: Exit.Exit<unknown, unknown>, args: ReadonlyArray<string>): Conclusion => {
  if (Exit.isSuccess(exit)) return { code: EXIT_SUCCESS, message: "" }
  if (Cause.isInterruptedOnly(exit.cause)) return { code: EXIT_INTERRUPTED, message: "letta: interrupted" }
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) {
    const error = failure.value
    if (ValidationError.isValidationError(error)) {
      return { code: EXIT_USAGE, message: `letta: ${describeCliError(error, args)}\nRun 'letta --help' for usage.` }
    }
    // `cli`'s type says these are the only failures; anything else is an internal error.
    if (error instanceof DescribedFailure) {
      const { exitCode, message } = error.report
      return { code: exitCode, message: message.length > 0 ? `letta: ${message}` : "" }
    }
  }
  const debug = process.env["LETTA_DEBUG"] === "1"
  const detail = debug ? Cause.pretty(exit.cause) : Cause.squash(exit.cause)
  return {
    code: EXIT_FAILURE,
    message: `letta: internal error: ${detail instanceof Error ? detail.message : String(detail)}${debug ? "" : "\nRe-run with LETTA_DEBUG=1 for details."}`
  }
}

/**
 * NodeRuntime.runMain's teardown: writes the message (secrets masked), then exits with the code
 * once stdout has drained (piped output must not be cut short; at most 2 s). It exits even on
 * success: a handle left open (stdin, a socket) must not keep the process alive.
 */
export const teardown =
  (args: ReadonlyArray<string>) =>
  (exit: Exit.Exit<unknown, unknown>): void => {
    const { code, message } = conclude(exit, args)
    if (message.length > 0) process.stderr.write(`${maskUrlCredentials(redactSecrets(message))}\n`)
    if (process.env["LETTA_DEBUG"] === "1") {
      const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`
      const usage = process.memoryUsage()
      process.stderr.write(
        `letta[debug]: exit ${code} after ${performance.now().toFixed(0)} ms; rss ${mib(usage.rss)}, heap ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)}, external ${mib(usage.external)}\n`
      )
    }
    process.exitCode = code
    const exitNow = () => process.exit(code)
    if (process.stdout.writableLength === 0) exitNow()
    else {
      process.stdout.once("drain", exitNow)
      setTimeout(exitNow, 2_000).unref()
    }
  }
