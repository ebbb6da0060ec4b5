/** The process's stdout and stderr. stdout carries only the requested output format. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { BrokenPipe } from "../domain/errors.js"

export interface OutputShape {
  /** Writes to stdout; fails with BrokenPipe once the reader has gone away. */
  readonly stdout: (text: string) => Effect.Effect<void, BrokenPipe>
  /** Diagnostics, retries, warnings. Never fails. */
  readonly stderr: (text: string) => Effect.Effect<void>
}

export class Output extends Context.Tag("letta/Output")<Output, OutputShape>() {}
