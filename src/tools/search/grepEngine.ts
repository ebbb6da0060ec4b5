/**
 * What a Grep search asks and finds, and the in-process engine used when ripgrep is not
 * installed. It follows ripgrep's rules (see walk.ts for which files are searched) so that both
 * engines give the same results:
 *
 * - a file with a NUL byte is binary: ripgrep stops at the 64 KB buffer holding the NUL, so a
 *   NUL in the first 64 KB means the file is skipped, a later one that only what came before
 *   that buffer is searched;
 * - a UTF-8 byte-order mark is not part of the first line;
 * - line by line, or with `multiline` over the whole text with `.` matching newlines, where a
 *   match covers every line it touches and touching or adjacent matches form one block;
 * - a search in a single file ignores `glob` and `type`, as ripgrep does for a path it is given.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import picomatch from "picomatch"
import { type Verdict, walkFiles } from "./walk.js"
import { nextTurn } from "./nextTurn.js"

export type GrepMode = "content" | "files_with_matches" | "count"

export interface GrepRequest {
  readonly pattern: string
  /** Absolute path of the directory or file to search. */
  readonly root: string
  readonly rootIsFile: boolean
  /** ripgrep `--glob` semantics: gitignore-style, a leading "!" excludes. */
  readonly glob?: string
  /** Globs on file names from the `type` table. */
  readonly typeGlobs?: ReadonlyArray<string>
  readonly ignoreCase: boolean
  readonly multiline: boolean
  readonly mode: GrepMode
  /** Context lines, used in content mode. */
  readonly before: number
  readonly after: number
}

export interface GrepLine {
  /** 1-based. */
  readonly number: number
  /** The line without its line break. */
  readonly text: string
  /** A line of a match, as opposed to a context line. */
  readonly match: boolean
}

export interface GrepFileResult {
  readonly path: string
  /** Lines touched by a match (unknown, reported as 1, in files_with_matches mode). */
  readonly matchedLines: number
  /** Matching and context lines in order, in content mode. */
  readonly lines: ReadonlyArray<GrepLine>
}

export type GrepOutcome =
  | { readonly _tag: "Found"; readonly files: ReadonlyArray<GrepFileResult> }
  | { readonly _tag: "InvalidPattern"; readonly message: string }
  | { readonly _tag: "Failed"; readonly message: string }

/** ripgrep reads files in buffers of this size and checks each for a NUL byte. */
const BINARY_SNIFF_BYTES = 64 * 1024

/** picomatch reads a leading `[!` as a negated pattern; glob syntax means a negated class. */
const posixClasses = (glob: string): string => glob.replace(/\[!/g, "[^")

/**
 * A ripgrep `--glob` as an override: a match includes (or, with "!", excludes) the entry
 * whatever else says; with an including glob, files that do not match are excluded.
 * A glob without "/" is matched against names, one with "/" against the path from the root.
 */
export const globOverride = (glob: string) => {
  const negated = glob.startsWith("!")
  let text = negated ? glob.slice(1) : glob
  const directoryOnly = text.endsWith("/")
  if (directoryOnly) text = text.slice(0, -1)
  const anchored = text.includes("/")
  if (text.startsWith("/")) text = text.slice(1)
  const matches = picomatch(posixClasses(text), { dot: true })
  return (relative: string, name: string, isDirectory: boolean): Verdict => {
    const hit = (!directoryOnly || isDirectory) && matches(anchored ? relative : name)
    if (hit) return negated ? "exclude" : "include"
    return !negated && !isDirectory ? "exclude" : "none"
  }
}

export const fileTypeMatcher = (globs: ReadonlyArray<string>): ((name: string) => boolean) =>
  picomatch(globs.map(posixClasses), { dot: true })

/**
 * Files read per turn of the event loop. Synchronous reads: on 50 000 small files fs.readFile
 * (four thread-pool round trips per file) took ~2.7 s, open/read/close in place ~0.6 s; between
 * batches the loop yields, so an interrupt or a redraw is never held up for long.
 */
const READ_BATCH = 200
/** Files up to this size are read into one reused buffer; larger ones get their own. */
const SHARED_BUFFER_BYTES = 1024 * 1024
let sharedBuffer: Buffer | undefined

/**
 * The bytes of `path`, or undefined when it cannot be read. The result may be a view of a
 * buffer the next read reuses: use it before reading another file.
 */
const readBytesNow = (path: string): Buffer | undefined => {
  let fd: number | undefined
  try {
    fd = openSync(path, "r")
    const size = fstatSync(fd).size
    const buffer = size <= SHARED_BUFFER_BYTES ? (sharedBuffer ??= Buffer.allocUnsafe(SHARED_BUFFER_BYTES)) : Buffer.allocUnsafe(size)
    let total = 0
    while (total < size) {
      const read = readSync(fd, buffer, total, size - total, total)
      if (read === 0) break
      total += read
    }
    return buffer.subarray(0, total)
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

interface Compiled {
  /** UTF-8 bytes every matching file contains. */
  readonly literal: Buffer | undefined
  readonly line: RegExp
  /** The whole text: a file without a match here has no matching line (multiline mode: the search itself). */
  readonly whole: RegExp
  readonly precheck: boolean
}

/** Indices (0-based) of the lines touched by matches, in order. */
const matchedLineIndices = (text: string, lines: ReadonlyArray<string>, compiled: Compiled, multiline: boolean): Array<number> => {
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

const searchText = (path: string, text: string, compiled: Compiled, request: GrepRequest): GrepFileResult | undefined => {
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

/** The in-process search. Patterns use JavaScript RegExp syntax. */
export const builtinGrep = async (request: GrepRequest, signal?: AbortSignal): Promise<GrepOutcome> => {
  const flags = request.ignoreCase ? "i" : ""
  let compiled: Compiled
  try {
    const required = request.ignoreCase ? undefined : requiredLiteral(request.pattern)
    const literal = required === undefined ? undefined : Buffer.from(required, "utf8")
    compiled = request.multiline
      ? { literal, line: new RegExp(request.pattern, flags), whole: new RegExp(request.pattern, `gms${flags}`), precheck: false }
      : {
          literal,
          line: new RegExp(request.pattern, flags),
          whole: new RegExp(request.pattern, `m${flags}`),
          precheck: !hasLookaround(request.pattern)
        }
  } catch (error) {
    return { _tag: "InvalidPattern", message: error instanceof Error ? error.message : String(error) }
  }

  const files = request.rootIsFile
    ? [request.root]
    : await walkFiles({
        root: request.root,
        includeHidden: false,
        signal,
        ...(request.glob === undefined ? {} : { override: globOverride(request.glob) }),
        ...(request.typeGlobs === undefined ? {} : { fileType: fileTypeMatcher(request.typeGlobs) })
      })

  const results: Array<GrepFileResult> = []
  for (let index = 0; index < files.length && signal?.aborted !== true; index++) {
    if (index > 0 && index % READ_BATCH === 0) await nextTurn()
    const path = files[index]!
    const bytes = readBytesNow(path)
    if (bytes === undefined) continue
    if (compiled.literal !== undefined && bytes.indexOf(compiled.literal) === -1) continue
    const text = searchableText(bytes)
    if (text === undefined) continue
    const found = searchText(path, text, compiled, request)
    if (found !== undefined) results.push(found)
  }
  return { _tag: "Found", files: results }
}
