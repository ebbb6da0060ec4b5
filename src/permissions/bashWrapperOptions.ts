/**
 * Reading a wrapper's options: where its options end and its operands begin, and the value of
 * an option that holds a script (`flock -c '…'`). An option we do not know is reported, not guessed.
 */
import type { ShellWord } from "./bash.js"

/**
 * Skips options. `withValue` options take the next word (or `--opt=value`, `-oVALUE`);
 * `flags` take none. Returns the index of the first operand, or a reason it could not tell.
 */
export const skipOptions = (
  words: ReadonlyArray<ShellWord>,
  start: number,
  flags: ReadonlySet<string>,
  withValue: ReadonlySet<string>,
  optionalValue: ReadonlySet<string> = new Set()
): number | string => {
  let index = start
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return index
    const text = word.text
    if (text === "--") return index + 1
    if (!text.startsWith("-") || text === "-") return index
    if (flags.has(text) || optionalValue.has(text)) {
      index += 1
      continue
    }
    // `--nofile=1024`, `-n1024`: an optional value is always attached.
    const name = text.startsWith("--") ? text.split("=")[0]! : text.slice(0, 2)
    if (optionalValue.has(name)) {
      index += 1
      continue
    }
    if (withValue.has(text)) {
      index += 2
      continue
    }
    const eq = text.indexOf("=")
    if (text.startsWith("--") && eq !== -1 && withValue.has(text.slice(0, eq))) {
      index += 1
      continue
    }
    // `-n10`, `-sKILL`: a short option with its value attached.
    if (!text.startsWith("--") && text.length > 2 && withValue.has(text.slice(0, 2))) {
      index += 1
      continue
    }
    return `unknown option ${text}`
  }
  return index
}

/** The value of a script option (`flock -c '…'`), anywhere among the words. */
export const scriptOptionValue = (words: ReadonlyArray<ShellWord>, options: ReadonlySet<string>): ShellWord | undefined | null => {
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!
    if (!word.static) continue
    if (options.has(word.text)) return words[index + 1] ?? null
    const eq = word.text.indexOf("=")
    if (eq !== -1 && options.has(word.text.slice(0, eq))) return { text: word.text.slice(eq + 1), static: true }
  }
  return undefined
}
