/**
 * The headless prompt: the positional words; with none, all of stdin; with
 * both, stdin is appended after a blank line as context.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { UsageError } from "../domain/errors.js"
import { Stdin } from "../services/Stdin.js"

/** With words on the command line, stdin is only context: don't hang on a pipe nobody writes to. */
const CONTEXT_FIRST_BYTE_TIMEOUT_MS = 1_000

export const assemblePrompt = (words: ReadonlyArray<string>, piped: Option.Option<string>): Option.Option<string> => {
  const fromArgs = words.join(" ").trim()
  const fromStdin = Option.getOrElse(piped, () => "").trim()
  if (fromArgs.length > 0 && fromStdin.length > 0) return Option.some(`${fromArgs}\n\n${fromStdin}`)
  if (fromArgs.length > 0) return Option.some(fromArgs)
  return fromStdin.length > 0 ? Option.some(fromStdin) : Option.none()
}

export const readPrompt = (words: ReadonlyArray<string>): Effect.Effect<string, UsageError, Stdin> =>
  Effect.gen(function* () {
    const stdin = yield* Stdin
    const hasWords = words.join("").trim().length > 0
    const piped = stdin.isTTY
      ? Option.none()
      : yield* stdin.readAll(hasWords ? { firstByteTimeoutMs: CONTEXT_FIRST_BYTE_TIMEOUT_MS } : {})
    const prompt = assemblePrompt(words, piped)
    if (Option.isNone(prompt)) {
      return yield* new UsageError({
        message: 'No prompt given. Pass it as text (letta -p "fix the tests") or pipe it in (git diff | letta -p).'
      })
    }
    return prompt.value
  })
