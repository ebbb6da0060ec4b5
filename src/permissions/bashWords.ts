/**
 * The words of a parsed command: a word's value when it is static text (no expansion,
 * substitution, glob or brace expansion), else its source text, and the key words compare by.
 */
import type { Word, WordPart } from "unbash"
import type { ShellWord } from "./bash.js"

const partValue = (part: WordPart): string | undefined => {
  switch (part.type) {
    case "Literal":
    case "SingleQuoted":
    case "AnsiCQuoted":
      return part.value
    case "DoubleQuoted":
    case "LocaleString": {
      let text = ""
      for (const child of part.parts) {
        if (child.type !== "Literal") return undefined
        text += child.value
      }
      return text
    }
    default:
      return undefined
  }
}

/** The word's value when it contains no expansion, substitution, glob or brace expansion. */
export const staticValue = (word: Word): string | undefined => {
  if (word.parts === undefined) return word.value
  let text = ""
  for (const part of word.parts) {
    const value = partValue(part)
    if (value === undefined) return undefined
    text += value
  }
  return text
}

export const shellWord = (word: Word): ShellWord => {
  const value = staticValue(word)
  return value === undefined ? { text: word.text, static: false } : { text: value, static: true }
}

/** The key two words compare by: equal keys mean the shell sees the same word. */
export const wordKey = (word: ShellWord): string => `${word.static ? "=" : "~"}${word.text}`
