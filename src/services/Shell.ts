/**
 * Runs shell commands for the tools, each in its own process group so it can be killed whole:
 * in the foreground with a timeout, or in the background, tracked by id until the session ends.
 */
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"

export interface ShellRunOptions {
  readonly command: string
  readonly cwd: string
  readonly timeoutMs: number
  /** stdout and stderr together, in arrival order, are kept up to this many characters. */
  readonly maxOutputChars: number
  /** Called with each piece of output as it arrives (live display); not capped. */
  readonly onOutput?: (text: string) => void
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

/** Unread output of a background job kept in memory; older unread output is dropped first. */
export const BACKGROUND_BUFFER_CHARS = 1_000_000

export interface BackgroundSpawnOptions {
  readonly command: string
  readonly cwd: string
  /**
   * Left running when the session ends (the user asked for it): its output goes to a file
   * instead of a pipe, and letta names it on stderr at exit.
   */
  readonly keep?: boolean
}

export type BackgroundStatus =
  | { readonly _tag: "Running" }
  /** Ended on its own (or by a signal someone else sent): `exitCode` or `signal` is set. */
  | { readonly _tag: "Exited"; readonly exitCode: number | null; readonly signal: string | null }
  /** Killed through `kill` or when the session ended. */
  | { readonly _tag: "Killed" }

export interface BackgroundInfo {
  /** `bash_1`, `bash_2`, ... in start order. */
  readonly id: string
  readonly command: string
  readonly cwd: string
  readonly pid: number
  readonly startedAt: number
  readonly status: BackgroundStatus
}

export interface BackgroundReadOptions {
  /**
   * A regular expression (JavaScript syntax) tested against each line: lines that do not match
   * are consumed without being returned. While the process may still write, an unfinished
   * last line is kept back until it is complete.
   */
  readonly filter?: string
  /**
   * At most this many characters are returned (cut at a line end when possible); the rest
   * stays unread for the next call.
   */
  readonly maxChars?: number
}

export interface BackgroundOutput {
  /** The job, with its status at the time of the read. */
  readonly info: BackgroundInfo
  /** Output produced since the previous read (after the filter). */
  readonly output: string
  /** Characters produced since the previous read that were dropped because the buffer was full. */
  readonly droppedChars: number
  /** Lines the filter consumed without returning them. */
  readonly filteredOutLines: number
  /** Characters left unread because of `maxChars`. */
  readonly remainingChars: number
}

export interface BackgroundKillResult {
  /** The job's status after the kill. */
  readonly info: BackgroundInfo
  /** False when the job had already ended before the kill. */
  readonly wasRunning: boolean
}

export interface ShellShape {
  /**
   * Runs `bash -c command`. Interrupting the effect kills the whole process group (SIGTERM,
   * then SIGKILL) and waits for it to be gone.
   */
  readonly run: (options: ShellRunOptions) => Effect.Effect<ShellResult, ShellSpawnError>
  /**
   * Starts `bash -c command` in the background, without a timeout. Its output (stdout and
   * stderr in arrival order) is buffered until read. The job is killed with its process group
   * when the Shell's scope closes, unless `keep` is set.
   */
  readonly spawnBackground: (options: BackgroundSpawnOptions) => Effect.Effect<BackgroundInfo, ShellSpawnError>
  /** Output produced since the previous read of this job. */
  readonly readNew: (
    id: string,
    options?: BackgroundReadOptions
  ) => Effect.Effect<BackgroundOutput, BackgroundNotFound | InvalidOutputFilter>
  /** Kills the job's process group (SIGTERM, then SIGKILL) and waits for it to end. */
  readonly kill: (id: string) => Effect.Effect<BackgroundKillResult, BackgroundNotFound>
  /** Every background job of this session, in start order. */
  readonly background: Effect.Effect<ReadonlyArray<BackgroundInfo>>
}

/** bash itself could not be started (missing binary, bad cwd). */
export class ShellSpawnError extends Data.TaggedError("ShellSpawnError")<{ readonly message: string }> {}

/** No background job has this id. `known` lists the ids there are. */
export class BackgroundNotFound extends Data.TaggedError("BackgroundNotFound")<{
  readonly id: string
  readonly known: ReadonlyArray<string>
}> {}

/** The output filter is not a valid regular expression. */
export class InvalidOutputFilter extends Data.TaggedError("InvalidOutputFilter")<{
  readonly filter: string
  readonly reason: string
}> {}

export class Shell extends Context.Tag("letta/Shell")<Shell, ShellShape>() {}
