/** The exit codes letta ends with, and a failure put into words for the user. */

export const EXIT_SUCCESS = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
export const EXIT_INTERRUPTED = 130

/** What the user reads (without the `letta: ` prefix; empty for nothing) and the exit code. */
export interface FailureReport {
  readonly message: string
  readonly exitCode: number
}
