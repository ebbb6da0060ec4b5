/** Runs shell commands for the tools, each in its own process group so it can be killed whole. */
import { Context, Data, type Effect } from "effect"

export interface ShellRunOptions {
  readonly command: string
  readonly cwd: string
  readonly timeoutMs: number
  /** stdout and stderr together, in arrival order, are kept up to this many characters. */
  readonly maxOutputChars: number
}

export interface ShellResult {
  /** stdout and stderr interleaved as they arrived, cut at `maxOutputChars`. */
  readonly output: string
  /** How many characters were cut from the end of the output. */
  readonly truncatedChars: number
  readonly exitCode: number | null
  readonly signal: string | null
  readonly timedOut: boolean
  readonly durationMs: number
}

export interface ShellShape {
  /**
   * Runs `bash -c command`. Interrupting the effect kills the whole process group (SIGTERM,
   * then SIGKILL) and waits for it to be gone.
   */
  readonly run: (options: ShellRunOptions) => Effect.Effect<ShellResult, ShellSpawnError>
}

/** bash itself could not be started (missing binary, bad cwd). */
export class ShellSpawnError extends Data.TaggedError("ShellSpawnError")<{ readonly message: string }> {}

export class Shell extends Context.Tag("letta/Shell")<Shell, ShellShape>() {}
