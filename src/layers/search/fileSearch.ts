/**
 * Searching one file, as ripgrep would (the rules are in builtinGrep.ts): read its bytes, skip it
 * when a required literal is missing or it is binary, then find the matching lines. Free of heavy
 * imports: the Grep worker (grepWorker.ts) runs the same code. Synchronous reads: on 50 000 small
 * files fs.readFile (four thread-pool round trips per file) took ~2.7 s, open/read/close in place
 * ~0.6 s; the callers yield to the event loop between chunks of files.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import type { GrepFileResult, GrepLine, GrepRequest } from "../../services/Search.js"

/** ripgrep reads files in buffers of this size and checks each for a NUL byte. */
const BINARY_SNIFF_BYTES = 64 * 1024

/**
 * Larger files are not searched: each is read whole (and decoded to one string), which a
 * 1.5 GB log would exhaust memory with. ripgrep streams, so it has no such limit.
 */
export const BUILTIN_MAX_FILE_BYTES = 100 * 1024 * 1024

/** Files up to this size are read into one reused buffer; larger ones get their own. */
const SHARED_BUFFER_BYTES = 1024 * 1024
let sharedBuffer: Buffer | undefined

/**
 * The bytes of `path` and its modification time (Grep lists files newest first), or undefined
 * when it cannot be read. The bytes may be a view of a buffer the next read reuses: use them
 * before reading another file.
 */
const readBytesNow = (
  path: string
): { readonly bytes: Buffer; readonly mtimeMs: number } | { readonly tooLarge: number; readonly mtimeMs: number } | undefined => {
  let fd: number | undefined
  try {
    fd = openSync(path, "r")
    const stats = fstatSync(fd)
    const size = stats.size
    if (size > BUILTIN_MAX_FILE_BYTES) return { tooLarge: size, mtimeMs: stats.mtimeMs }
    const buffer = size <= SHARED_BUFFER_BYTES ? (sharedBuffer ??= Buffer.allocUnsafe(SHARED_BUFFER_BYTES)) : Buffer.allocUnsafe(size)
    let total = 0
    while (total < size) {
      const read = readSync(fd, buffer, total, size - total, total)
      if (read === 0) break
      total += read
    }
    return { bytes: buffer.subarray(0, total), mtimeMs: stats.mtimeMs }
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const isWordChar = (char: string): boolean => /[A-Za-z0-9_]/.test(char)

/**
 * A piece of text every match must contain, so that a file without it (as bytes) can be skipped
 * before decoding: the longest run of plain characters outside groups and classes. Undefined
 * when there is none of at least 3 characters, or the pattern has alternatives.
 */
export const requiredLiteral = (pattern: string): string | undefined => {
  if (pattern.includes("|")) return undefined
  let best = ""
  let current = ""
  let depth = 0
  const finish = (optional: boolean) => {
    const run = optional ? current.slice(0, -1) : current
    if (run.length > best.length) best = run
    current = ""
  }
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index)
    const next = pattern.charAt(index + 1)
    if (char === "\\") {
      // An escaped punctuation character is itself; \w, \d, \b, \1, \u... are not plain text.
      if (next !== "" && !isWordChar(next) && depth === 0) {
        current += next
        index += 1
        const after = pattern.charAt(index + 1)
        if (after === "?" || after === "*" || after === "{") finish(true)
        continue
      }
      finish(false)
      // Skip the escape and its payload: \u0041, \u{1F600}, \x41, \cJ, \p{L}, \k<name>, \12.
      const rest = pattern.slice(index + 2)
      const payload =
        next === "u"
          ? /^(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\})/.exec(rest)
          : next === "x"
            ? /^[0-9A-Fa-f]{2}/.exec(rest)
            : next === "c"
              ? /^[A-Za-z]/.exec(rest)
              : next === "p" || next === "P"
                ? /^\{[^}]*\}/.exec(rest)
                : next === "k"
                  ? /^<[^>]*>/.exec(rest)
                  : /^\d*/.exec(rest)
      index += 1 + (payload?.[0].length ?? 0)
      continue
    }
    if (char === "[") {
      finish(false)
      // Skip the class: "]" right after "[" or "[^" is a member.
      let end = index + 1
      if (pattern.charAt(end) === "^") end += 1
      if (pattern.charAt(end) === "]") end += 1
      while (end < pattern.length && pattern.charAt(end) !== "]") end += pattern.charAt(end) === "\\" ? 2 : 1
      index = end
      continue
    }
    if (char === "(") {
      finish(false)
      depth += 1
      continue
    }
    if (char === ")") {
      depth = Math.max(0, depth - 1)
      continue
    }
    if (depth > 0) continue
    if (".^$+".includes(char)) {
      finish(false)
      continue
    }
    if (char === "?" || char === "*" || char === "{") {
      finish(true)
      // Skip a quantifier's body, e.g. {2,3}.
      const quantifier = char === "{" ? /^\{\d*(?:,\d*)?\}/.exec(pattern.slice(index)) : null
      if (quantifier !== null) index += quantifier[0].length - 1
      continue
    }
    current += char
    if (next === "?" || next === "*" || next === "{") finish(true)
  }
  finish(false)
  return best.length >= 3 ? best : undefined
}

/** Lookarounds can see past a line end, so a whole-text pre-check could wrongly rule a file out. */
const hasLookaround = (pattern: string): boolean => /\(\?<?[=!]/.test(pattern)

/**
 * How many leading bytes ripgrep searches in a file with a NUL byte at `nul`: it reads in
 * buffers of 64 KB (each starting after the previous one's last complete line) and stops, without
 * searching it, at the buffer that holds the NUL.
 */
const bytesBeforeBinary = (data: Buffer, nul: number): number => {
  let start = 0
  while (start + BINARY_SNIFF_BYTES <= nul) {
    let newline = data.lastIndexOf(10, start + BINARY_SNIFF_BYTES - 1)
    // A line longer than the buffer: ripgrep grows the buffer until the line fits.
    if (newline < start) newline = data.indexOf(10, start + BINARY_SNIFF_BYTES)
    if (newline === -1 || newline >= nul) break
    start = newline + 1
  }
  return start
}

/** The text ripgrep would search in `bytes`, or undefined when it would search none of it. */
const searchableText = (bytes: Buffer): string | undefined => {
  let data = bytes
  const nul = data.indexOf(0)
  if (nul !== -1) {
    const length = bytesBeforeBinary(data, nul)
    if (length === 0) return undefined
    data = data.subarray(0, length)
  }
  const text = data.toString("utf8")
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const splitLines = (text: string): Array<string> => {
  if (text === "") return []
  const lines = text.split("\n")
  if (text.endsWith("\n")) lines.pop()
  return lines
}

export interface CompiledSearch {
  /** UTF-8 bytes every matching file contains. */
  readonly literal: Buffer | undefined
  readonly line: RegExp
  /** The whole text: a file without a match here has no matching line (multiline mode: the search itself). */
  readonly whole: RegExp
  readonly precheck: boolean
}

/** Indices (0-based) of the lines touched by matches, in order. */
const matchedLineIndices = (text: string, lines: ReadonlyArray<string>, compiled: CompiledSearch, multiline: boolean): Array<number> => {
  if (!multiline) {
    const found: Array<number> = []
    lines.forEach((line, index) => {
      if (compiled.line.test(line)) found.push(index)
    })
    return found
  }
  const starts: Array<number> = [0]
  for (let at = text.indexOf("\n"); at !== -1 && at + 1 < text.length; at = text.indexOf("\n", at + 1)) starts.push(at + 1)
  const lineAt = (offset: number): number => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
  const found: Array<number> = []
  let lastLine = -1
  const regex = compiled.whole
  regex.lastIndex = 0
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    if (end === start) regex.lastIndex = start + 1
    // An empty match after the final line break is on no line.
    if (start >= text.length && (text.endsWith("\n") || text.length === 0)) break
    const first = lineAt(start)
    const last = end > start ? lineAt(end - 1) : first
    for (let line = Math.max(first, lastLine + 1); line <= last; line++) found.push(line)
    lastLine = Math.max(lastLine, last)
  }
  return found
}

const searchText = (path: string, text: string, compiled: CompiledSearch, request: GrepRequest): GrepFileResult | undefined => {
  if (compiled.precheck) {
    compiled.whole.lastIndex = 0
    if (!compiled.whole.test(text)) return undefined
  }
  const lines = splitLines(text)
  const matched = matchedLineIndices(text, lines, compiled, request.multiline)
  if (matched.length === 0) return undefined
  if (request.mode !== "content") return { path, matchedLines: matched.length, lines: [] }
  const isMatch = new Set(matched)
  const shown = new Set<number>()
  for (const index of matched) {
    for (let line = Math.max(0, index - request.before); line <= Math.min(lines.length - 1, index + request.after); line++) {
      shown.add(line)
    }
  }
  const result: Array<GrepLine> = [...shown]
    .sort((a, b) => a - b)
    .map((index) => ({ number: index + 1, text: lines[index] ?? "", match: isMatch.has(index) }))
  return { path, matchedLines: matched.length, lines: result }
}

/** The pattern compiled for searching files, or why it is not a valid pattern. */
export const compileSearch = (request: GrepRequest): CompiledSearch | { readonly invalid: string } => {
  const flags = request.ignoreCase ? "i" : ""
  try {
    const required = request.ignoreCase ? undefined : requiredLiteral(request.pattern)
    const literal = required === undefined ? undefined : Buffer.from(required, "utf8")
    return request.multiline
      ? { literal, line: new RegExp(request.pattern, flags), whole: new RegExp(request.pattern, `gms${flags}`), precheck: false }
      : {
          literal,
          line: new RegExp(request.pattern, flags),
          whole: new RegExp(request.pattern, `m${flags}`),
          precheck: !hasLookaround(request.pattern)
        }
  } catch (error) {
    return { invalid: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * What `path` holds that the search asks for; undefined for no match, or a file that cannot be
 * read. A file too large to search is returned marked, so that the answer can say so.
 */
export const searchFile = (path: string, compiled: CompiledSearch, request: GrepRequest): GrepFileResult | undefined => {
  const read = readBytesNow(path)
  if (read === undefined) return undefined
  if ("tooLarge" in read) return { path, matchedLines: 0, lines: [], mtimeMs: read.mtimeMs, tooLargeBytes: read.tooLarge }
  const { bytes, mtimeMs } = read
  if (compiled.literal !== undefined && bytes.indexOf(compiled.literal) === -1) return undefined
  const text = searchableText(bytes)
  if (text === undefined) return undefined
  const found = searchText(path, text, compiled, request)
  return found === undefined ? undefined : { ...found, mtimeMs }
}

/** What each of `paths` holds, in order, leaving out files without a match. */
export const searchPaths = (paths: ReadonlyArray<string>, compiled: CompiledSearch, request: GrepRequest): Array<GrepFileResult> => {
  const results: Array<GrepFileResult> = []
  for (const path of paths) {
    const found = searchFile(path, compiled, request)
    if (found !== undefined) results.push(found)
  }
  return results
}
