/**
 * JSON text helpers for the settings files: parsing with a line/column for syntax errors,
 * and writing back with the key order the file already had.
 */
import * as Either from "effect/Either"

export interface JsonSyntaxProblem {
  /** 1-based. */
  readonly line: number
  /** 1-based, in UTF-16 code units. */
  readonly column: number
  readonly reason: string
}

/** 1-based line and column of `offset` in `text`. */
export const lineColumn = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lastNewline = before.lastIndexOf("\n")
  let line = 1
  for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line++
  return { line, column: before.length - lastNewline }
}

class SyntaxStop {
  constructor(readonly offset: number) {}
}

/**
 * Offset of the first syntax error under the strict JSON grammar, or `undefined` when `text`
 * is valid. Node 20's `JSON.parse` leaves the position out of some messages
 * ("Unexpected token '}', ... is not valid JSON"); this finds it.
 */
export const findJsonErrorOffset = (text: string): number | undefined => {
  let i = 0
  const stop = (at: number = i): never => {
    throw new SyntaxStop(at)
  }
  const skipWhitespace = () => {
    while (i < text.length) {
      const c = text[i]
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++
      else break
    }
  }
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9"
  const digits = () => {
    if (!isDigit(text[i])) stop()
    while (isDigit(text[i])) i++
  }
  const literal = (word: string) => {
    for (const expected of word) {
      if (text[i] !== expected) stop()
      i++
    }
  }
  const string = () => {
    i++ // opening quote
    for (;;) {
      if (i >= text.length) stop()
      const code = text.charCodeAt(i)
      if (code === 0x22) {
        i++
        return
      }
      if (code < 0x20) stop()
      if (code === 0x5c) {
        i++
        const escape = text[i]
        if (escape === "u") {
          i++
          for (let k = 0; k < 4; k++) {
            if (!/^[0-9a-fA-F]$/.test(text[i] ?? "")) stop()
            i++
          }
        } else if (escape !== undefined && "\"\\/bfnrt".includes(escape)) i++
        else stop()
      } else i++
    }
  }
  const number = () => {
    if (text[i] === "-") i++
    if (text[i] === "0") i++
    else digits()
    if (text[i] === ".") {
      i++
      digits()
    }
    if (text[i] === "e" || text[i] === "E") {
      i++
      if (text[i] === "+" || text[i] === "-") i++
      digits()
    }
  }
  const value = (): void => {
    skipWhitespace()
    const c = text[i]
    if (c === "{") {
      i++
      skipWhitespace()
      if (text[i] === "}") {
        i++
        return
      }
      for (;;) {
        skipWhitespace()
        if (text[i] !== "\"") stop()
        string()
        skipWhitespace()
        if (text[i] !== ":") stop()
        i++
        value()
        skipWhitespace()
        if (text[i] === ",") i++
        else if (text[i] === "}") {
          i++
          return
        } else stop()
      }
    } else if (c === "[") {
      i++
      skipWhitespace()
      if (text[i] === "]") {
        i++
        return
      }
      for (;;) {
        value()
        skipWhitespace()
        if (text[i] === ",") i++
        else if (text[i] === "]") {
          i++
          return
        } else stop()
      }
    } else if (c === "\"") string()
    else if (c === "t") literal("true")
    else if (c === "f") literal("false")
    else if (c === "n") literal("null")
    else if (c === "-" || isDigit(c)) number()
    else stop()
  }
  try {
    value()
    skipWhitespace()
    return i < text.length ? i : undefined
  } catch (e) {
    if (e instanceof SyntaxStop) return e.offset
    throw e
  }
}

/** The engine's message without the position and the quoted snippet of the input. */
const cleanReason = (message: string): string => {
  const unexpectedToken = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(message)
  const base = unexpectedToken?.[1] ?? message
  return base
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/\s+in JSON at position \d+/, "")
    .replace(/\s+at position \d+/, "")
    .trim()
}

const syntaxProblem = (text: string, error: unknown): JsonSyntaxProblem => {
  const message = error instanceof Error ? error.message : String(error)
  const reported = /at position (\d+)/.exec(message)?.[1]
  // Without a reported position ("Unexpected end of JSON input", "Unexpected token"), find it.
  // An input that just stops is pointed at just after its last non-blank character, not at
  // the trailing newlines.
  const end = text.trimEnd().length
  const offset = reported !== undefined
    ? Number(reported)
    : /end of JSON input/i.test(message)
    ? end
    : findJsonErrorOffset(text) ?? end
  return { ...lineColumn(text, Math.min(offset, end)), reason: cleanReason(message) || "invalid JSON" }
}

/**
 * Parses a settings file's text. Blank text (0 bytes or whitespace only) is `{}`; a leading
 * byte-order mark is ignored.
 */
export const parseJsonText = (raw: string): Either.Either<unknown, JsonSyntaxProblem> => {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === "") return Either.right({})
  try {
    const parsed: unknown = JSON.parse(text)
    return Either.right(parsed)
  } catch (error) {
    return Either.left(syntaxProblem(text, error))
  }
}

export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** "an array", "a string", ... for messages about a value of the wrong kind. */
export const describeJsonKind = (u: unknown): string =>
  u === null ? "null" : Array.isArray(u) ? "an array" : typeof u === "object" ? "an object" : `a ${typeof u}`

/**
 * `next` with the keys of every object that also exists in `previous` in `previous`'s order;
 * new keys follow in their own order. Decoding puts known keys first, so without this a write
 * would shuffle a file the user arranged by hand.
 */
export const orderKeysLike = (previous: unknown, next: unknown): unknown => {
  if (!isPlainObject(previous) || !isPlainObject(next)) return next
  const entries: Array<[string, unknown]> = []
  for (const key of Object.keys(previous)) {
    if (Object.prototype.hasOwnProperty.call(next, key)) entries.push([key, orderKeysLike(previous[key], next[key])])
  }
  for (const key of Object.keys(next)) {
    if (!Object.prototype.hasOwnProperty.call(previous, key)) entries.push([key, next[key]])
  }
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(entries)
}

/** 2-space JSON with a trailing newline. */
export const formatJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`
