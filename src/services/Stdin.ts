/** The process's standard input: whether a person is typing, and what was piped in. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"

export interface StdinShape {
  readonly isTTY: boolean
  /**
   * All of stdin as UTF-8. With `firstByteTimeoutMs`, gives None when no data (and no EOF)
   * arrives in that time — a pipe a parent process left open but never writes to.
   */
  readonly readAll: (options?: { readonly firstByteTimeoutMs?: number }) => Effect.Effect<Option.Option<string>>
}

export class Stdin extends Context.Tag("letta/Stdin")<Stdin, StdinShape>() {}
