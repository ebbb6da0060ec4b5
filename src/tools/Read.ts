/** Read: a text file's lines, numbered like `cat -n`, a window of at most `limit` lines. */
import * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { nodeCrypto } from "../platform/builtins.js"
import { type ToolOutput, toolError, toolSuccess } from "../domain/tools.js"
import { Workspace } from "../services/Workspace.js"
import { defineTool, integerAtLeast, optionalParam, param } from "./defineTool.js"
import { judgedLocation, recordSeen } from "./files.js"

export const READ_DEFAULT_LIMIT = 2_000
export const READ_MAX_LINE_CHARS = 2_000
/** Above this size a file is only read in parts (offset/limit), and not scanned to its end. */
export const READ_MAX_WHOLE_BYTES = 10 * 1024 * 1024
const BINARY_SNIFF_BYTES = 8 * 1024

export const ReadParameters = Schema.Struct({
  file_path: param(Schema.String, "Path of the file to read: absolute, or relative to the project directory."),
  offset: optionalParam(
    integerAtLeast(0),
    "Line number to start reading at (1 is the first line; 0 is treated as 1). Use it for files too long to read at once."
  ),
  limit: optionalParam(
    integerAtLeast(1),
    `Number of lines to read (default ${READ_DEFAULT_LIMIT}).`
  )
})
export type ReadParameters = typeof ReadParameters.Type

const DESCRIPTION = [
  "Reads a text file and returns its lines numbered like `cat -n` (line number, a tab, the line).",
  "",
  "- `file_path` may be absolute or relative to the project directory.",
  `- Returns at most ${READ_DEFAULT_LIMIT} lines unless \`limit\` says otherwise; \`offset\` sets the first line. A note at the end says which lines were shown when there are more.`,
  `- Lines longer than ${READ_MAX_LINE_CHARS} characters are cut, with a note of how much was cut.`,
  "- Binary files are refused. Files over 10 MB can only be read in parts: give `offset` and/or `limit`.",
  "- Directories cannot be read: list them with LS or `ls` in Bash."
].join("\n")

/** A NUL byte, or more than 30 % control or undecodable characters, in the first bytes. */
export const looksBinary = (head: Uint8Array): boolean => {
  if (head.includes(0)) return true
  const text = new TextDecoder("utf-8").decode(head, { stream: true })
  if (text.length === 0) return false
  let suspicious = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const control = (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13 && code !== 27) || code === 127
    if (control || code === 0xfffd) suspicious++
  }
  return suspicious / text.length > 0.3
}

interface Line {
  readonly text: string
  readonly cutChars: number
}

/** Line splitting over decoded chunks; only lines inside the window are kept. */
interface ScanState {
  /** 0-based index of the line being read. */
  lineIndex: number
  current: string
  currentCut: number
  currentEndsWithCR: boolean
  currentHasChars: boolean
  readonly lines: Array<Line>
  /** Some of the file lies beyond the window. */
  moreAfterWindow: boolean
}

const scanChunk = (state: ScanState, chunk: string, start: number, end: number): ScanState => {
  let position = 0
  while (position <= chunk.length) {
    const newline = chunk.indexOf("\n", position)
    const segmentEnd = newline === -1 ? chunk.length : newline
    if (segmentEnd > position) {
      if (state.lineIndex >= end) state.moreAfterWindow = true
      state.currentHasChars = true
      if (state.lineIndex >= start && state.lineIndex < end) {
        const segment = chunk.slice(position, segmentEnd)
        const room = READ_MAX_LINE_CHARS - state.current.length
        if (room >= segment.length) state.current += segment
        else {
          if (room > 0) state.current += segment.slice(0, room)
          state.currentCut += segment.length - Math.max(0, room)
        }
        state.currentEndsWithCR = segment.endsWith("\r")
      }
    }
    if (newline === -1) break
    if (state.lineIndex >= end) state.moreAfterWindow = true
    finishLine(state, start, end)
    position = newline + 1
  }
  return state
}

const finishLine = (state: ScanState, start: number, end: number): void => {
  if (state.lineIndex >= start && state.lineIndex < end) {
    // Show CRLF files without the CR.
    let text = state.current
    let cut = state.currentCut
    if (state.currentEndsWithCR) {
      if (cut > 0) cut -= 1
      else text = text.slice(0, -1)
    }
    state.lines.push({ text, cutChars: cut })
  }
  state.lineIndex += 1
  state.current = ""
  state.currentCut = 0
  state.currentEndsWithCR = false
  state.currentHasChars = false
}

const numberedLine = (lineNumber: number, line: Line): string => {
  const text = line.cutChars > 0 ? `${line.text} [line cut: ${line.cutChars} more characters]` : line.text
  return `${String(lineNumber).padStart(6)}\t${text}`
}

const formatMegabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

const readFile = (args: ReadParameters) =>
  Effect.gen(function* () {
    const path = yield* Path.Path
    const workspace = yield* Workspace
    const filePath = path.resolve(workspace.projectDir, args.file_path)
    // Read where the path really leads, unless that changed since the call was judged.
    const located = yield* judgedLocation(filePath)
    if (Either.isLeft(located)) return located.left
    return yield* readResolved(filePath, located.right, args).pipe(
      Effect.catchAll((error) => Effect.succeed(toolError(describeError(filePath, error))))
    )
  })

const describeError = (filePath: string, error: PlatformError): string => {
  if (error._tag === "SystemError" && error.reason === "NotFound") return `File does not exist: ${filePath}`
  if (error._tag === "SystemError" && error.reason === "PermissionDenied") return `Permission denied: ${filePath}`
  return `Cannot read ${filePath}: ${error.message}`
}

/** Reads `source` (the real path), naming it `filePath` (the path as the call gave it). */
const readResolved = (filePath: string, source: string, args: ReadParameters) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(source)
    if (info.type === "Directory") return toolError(`${filePath} is a directory; use LS or Bash ls to list it`)
    if (info.type !== "File") return toolError(`${filePath} is not a regular file (it is a ${info.type}); cannot read it`)

    const size = Number(info.size)
    const partial = args.offset !== undefined || args.limit !== undefined
    const large = size > READ_MAX_WHOLE_BYTES
    if (large && !partial) {
      return toolError(
        `${filePath} is ${formatMegabytes(size)}, over the 10 MB limit for reading a file whole; ` +
          "give offset and/or limit to read part of it"
      )
    }

    const start = Math.max(1, args.offset ?? 1) - 1
    const end = start + (args.limit ?? READ_DEFAULT_LIMIT)
    const initial: ScanState = {
      lineIndex: 0,
      current: "",
      currentCut: 0,
      currentEndsWithCR: false,
      currentHasChars: false,
      lines: [],
      moreAfterWindow: false
    }
    let state: ScanState
    // The hash lets Write and Edit tell later whether the file changed since this read; a large
    // file read in part leaves only its modification time and size to compare.
    let hash: string | undefined
    if (!large) {
      // Whole, in one read: a stream costs a dozen thread-pool round trips even for a small file.
      const bytes = yield* fs.readFile(source)
      if (looksBinary(bytes.subarray(0, BINARY_SNIFF_BYTES))) return toolError(`Cannot read binary file: ${filePath}`)
      hash = nodeCrypto().createHash("sha256").update(bytes).digest("hex")
      state = scanChunk(initial, new TextDecoder("utf-8").decode(bytes), start, end)
    } else {
      const head = yield* Effect.scoped(
        Effect.flatMap(fs.open(source), (file) => file.readAlloc(FileSystem.Size(BINARY_SNIFF_BYTES)))
      )
      if (Option.isSome(head) && looksBinary(head.value)) return toolError(`Cannot read binary file: ${filePath}`)
      // Not scanned past the window, so the total line count stays unknown.
      state = yield* fs.stream(source).pipe(
        Stream.decodeText("utf-8"),
        Stream.runFoldWhile(
          initial,
          (s) => !s.moreAfterWindow,
          (s, chunk) => scanChunk(s, chunk, start, end)
        )
      )
    }
    if (state.currentHasChars) finishLine(state, start, end)
    // `source` is the real path already: the FileTracker's key.
    yield* recordSeen(source, info, hash)
    return formatLines(filePath, state, start, large)
  })

const formatLines = (filePath: string, state: ScanState, start: number, large: boolean): ToolOutput => {
  const total = state.lineIndex
  if (state.lines.length === 0) {
    if (total === 0) return toolSuccess(`${filePath} is empty (0 lines).`)
    return toolError(`offset ${start + 1} is past the end of ${filePath}, which has ${total} lines`)
  }
  const body = state.lines.map((line, index) => numberedLine(start + index + 1, line)).join("\n")
  const first = start + 1
  const last = start + state.lines.length
  if (large && state.moreAfterWindow) {
    return toolSuccess(
      `${body}\n\n[Showed lines ${first}-${last}; the file continues. To read more, call Read with offset=${last + 1}.]`
    )
  }
  if (last < total) {
    return toolSuccess(
      `${body}\n\n[Showed lines ${first}-${last} of ${total}. To read more, call Read with offset=${last + 1}.]`
    )
  }
  if (first > 1) return toolSuccess(`${body}\n\n[Showed lines ${first}-${last} of ${total}.]`)
  return toolSuccess(body)
}

export const Read = defineTool({
  name: "Read",
  description: DESCRIPTION,
  parameters: ReadParameters,
  readOnly: true,
  run: readFile
})
