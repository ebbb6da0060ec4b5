/**
 * Self-only programs (`sudo`, `ssh`, `watch`, …; SELF_ONLY in bashWrapperTables.ts): only a rule
 * for the whole command allows them, but every command they could start is still collected so
 * that deny rules see it.
 */
import type { SimpleCommand } from "./bash.js"
import type { Nested, Unwrapped } from "./bashBuiltins.js"
import { child } from "./bashWrappers.js"

/** Every place a command could start (after each non-option word), and every string argument. */
export const unwrapSelfOnly = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const candidates: Array<SimpleCommand> = []
  for (let index = 1; index < words.length && candidates.length < 16; index++) {
    const word = words[index]!
    if (word.static && !word.text.startsWith("-")) candidates.push(child(command, words.slice(index), nested, depth))
    // `su -c "cmd"`, `watch "cmd"`, `ssh host "cmd"`: a string that a shell will run.
    if (word.static && /[\s;&|`$()<>]/.test(word.text)) {
      candidates.push(child(command, [{ text: "sh", static: true }, { text: "-c", static: true }, word], nested, depth))
    }
  }
  // `sudo -s`, `su`, `unshare`, `ssh host` with no command start a shell that reads stdin.
  if (command.stdin !== undefined) candidates.push(child(command, [{ text: "sh", static: true }], nested, depth))
  const unclear = words.slice(1).find((word) => !word.static)
  return { inner: { _tag: "SelfOnly", candidates }, ...(unclear === undefined ? {} : { opaque: `${words[0]?.text}: arguments only known at run time (${unclear.text})` }) }
}
