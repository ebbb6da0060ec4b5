/**
 * The string replacements of Edit and MultiEdit, done in memory and written once: the file is
 * changed only when every replacement succeeded.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { type ToolOutput, toolError, toolSuccess } from "../domain/tools.js"
import {
  canonicalPath,
  describeFsError,
  judgedLocation,
  readOnlyReason,
  recordSeen,
  resolveProjectPath,
  sha256,
  staleReason,
  tooLargeReason,
  writeTarget
} from "./files.js"
import { looksBinary } from "./Read.js"
import { plural } from "../domain/records.js"

export interface EditSpec {
  readonly old_string: string
  readonly new_string: string
  readonly replace_all?: boolean
}

export interface AppliedEdit {
  readonly content: string
  readonly replacements: number
  /** Where the first replacement text starts in the new content. */
  readonly firstIndex: number
  /** The replacement text as inserted (line endings may have been adapted to the file). */
  readonly inserted: string
}

const occurrences = (content: string, search: string): Array<number> => {
  const found: Array<number> = []
  for (let index = content.indexOf(search); index !== -1; index = content.indexOf(search, index + search.length)) {
    found.push(index)
  }
  return found
}

/** Replaces `edit.old_string` in `content`; Left says why it cannot. */
export const applyEdit = (content: string, edit: EditSpec): Either.Either<AppliedEdit, string> => {
  if (edit.old_string === edit.new_string) {
    return Either.left("old_string and new_string are identical, so there is nothing to change.")
  }
  if (edit.old_string === "") {
    return Either.left(
      "old_string is empty. An empty old_string only creates a file that does not exist yet; to insert text, include the neighbouring text in old_string."
    )
  }
  let search = edit.old_string
  let replacement = edit.new_string
  let found = occurrences(content, search)
  // Models send "\n" line breaks; a file with CRLF line breaks gets them back as CRLF.
  if (found.length === 0 && content.includes("\r\n") && search.includes("\n") && !search.includes("\r\n")) {
    const crlfSearch = search.replace(/\n/g, "\r\n")
    const crlfFound = occurrences(content, crlfSearch)
    if (crlfFound.length > 0) {
      search = crlfSearch
      replacement = replacement.replace(/\r?\n/g, "\r\n")
      found = crlfFound
    }
  }
  if (found.length === 0) {
    return Either.left(
      "old_string was not found in the file. It must match the file exactly, including whitespace, indentation and line breaks, and must not include the line-number prefixes that Read shows."
    )
  }
  if (found.length > 1 && edit.replace_all !== true) {
    return Either.left(
      `old_string occurs ${found.length} times in the file. Include more of the surrounding text to make it unique, or set replace_all to true to replace every occurrence.`
    )
  }
  const targets = edit.replace_all === true ? found : found.slice(0, 1)
  const parts: Array<string> = []
  let position = 0
  for (const index of targets) {
    parts.push(content.slice(position, index), replacement)
    position = index + search.length
  }
  parts.push(content.slice(position))
  const first = targets[0] ?? 0
  return Either.right({ content: parts.join(""), replacements: targets.length, firstIndex: first, inserted: replacement })
}

const SNIPPET_CONTEXT = 3
const SNIPPET_MAX_LINES = 30
const SNIPPET_MAX_LINE_CHARS = 300

/** Lines around `[index, index + length)` of `content`, numbered like Read shows them. */
export const snippetAround = (content: string, index: number, length: number): string => {
  const lines = content.split("\n")
  const lineOf = (offset: number): number => {
    let line = 0
    for (let at = content.indexOf("\n"); at !== -1 && at < offset; at = content.indexOf("\n", at + 1)) line++
    return line
  }
  const firstChanged = lineOf(index)
  const lastChanged = length === 0 ? firstChanged : lineOf(index + length - 1)
  const start = Math.max(0, firstChanged - SNIPPET_CONTEXT)
  const end = Math.min(lines.length - 1, lastChanged + SNIPPET_CONTEXT, start + SNIPPET_MAX_LINES - 1)
  const shown: Array<string> = []
  for (let line = start; line <= end; line++) {
    let text = (lines[line] ?? "").replace(/\r$/, "")
    if (text.length > SNIPPET_MAX_LINE_CHARS) text = `${text.slice(0, SNIPPET_MAX_LINE_CHARS)}…`
    shown.push(`${String(line + 1).padStart(6)}\t${text}`)
  }
  if (end < Math.min(lines.length - 1, lastChanged + SNIPPET_CONTEXT)) shown.push("     …")
  return shown.join("\n")
}

/** TextDecoder that refuses invalid UTF-8 and keeps a byte-order mark. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
const encoder = new TextEncoder()

/**
 * Applies `edits` in order to the file and writes it once. With `allowCreate`, a file that does
 * not exist is created when the first edit's old_string is empty. `describeResult` turns the
 * applied edits into the tool's answer; `failure` turns the index and reason of a failed edit
 * into its error text.
 */
export const editFile = (options: {
  readonly filePath: string
  readonly edits: ReadonlyArray<EditSpec>
  readonly failure: (index: number, reason: string) => string
  readonly describeResult: (result: {
    readonly filePath: string
    readonly created: boolean
    readonly content: string
    readonly applied: ReadonlyArray<AppliedEdit>
  }) => string
}) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const filePath = yield* resolveProjectPath(options.filePath)
    const firstEdit = options.edits[0]
    // Read and written where the path really leads (checked against the decision), not through links.
    const located = yield* judgedLocation(filePath)
    if (Either.isLeft(located)) return located.left
    const target = located.right
    const existing = yield* fs.stat(target).pipe(
      Effect.map(Option.some),
      Effect.catchIf(
        (error) => error._tag === "SystemError" && error.reason === "NotFound",
        () => Effect.succeed(Option.none<FileSystem.File.Info>())
      )
    )

    let original: string
    let replaced: FileSystem.File.Info | undefined
    let rest = options.edits
    let created = false
    const applied: Array<AppliedEdit> = []
    if (Option.isNone(existing)) {
      if (firstEdit === undefined || firstEdit.old_string !== "") {
        return toolError(`File does not exist: ${filePath}. To create a file, use Write (or an edit with an empty old_string).`)
      }
      if (firstEdit.new_string === "") {
        return toolError(options.failure(0, "old_string and new_string are both empty, so there is nothing to write."))
      }
      original = ""
      created = true
      applied.push({ content: firstEdit.new_string, replacements: 1, firstIndex: 0, inserted: firstEdit.new_string })
      rest = options.edits.slice(1)
    } else {
      const info = existing.value
      if (info.type === "Directory") return toolError(`${filePath} is a directory; only files can be edited.`)
      if (info.type !== "File") return toolError(`${filePath} is not a regular file (it is a ${info.type}); cannot edit it.`)
      const tooLarge = tooLargeReason(filePath, info, "edited")
      if (Option.isSome(tooLarge)) return toolError(tooLarge.value)
      const readOnly = yield* readOnlyReason(target, filePath, info)
      if (Option.isSome(readOnly)) return toolError(readOnly.value)
      const bytes = yield* fs.readFile(target)
      if (looksBinary(bytes.subarray(0, 8192))) return toolError(`Cannot edit binary file: ${filePath}`)
      const stale = yield* staleReason(target, filePath, info, bytes)
      if (Option.isSome(stale)) return toolError(stale.value)
      try {
        original = strictUtf8.decode(bytes)
      } catch {
        return toolError(`${filePath} is not valid UTF-8 text; it cannot be edited safely. Use Write to replace it whole.`)
      }
      replaced = info
      // An existing empty file may be filled by an edit with an empty old_string.
      if (original === "" && firstEdit !== undefined && firstEdit.old_string === "" && firstEdit.new_string !== "") {
        applied.push({ content: firstEdit.new_string, replacements: 1, firstIndex: 0, inserted: firstEdit.new_string })
        rest = options.edits.slice(1)
      }
    }

    let content = applied[0]?.content ?? original
    const offset = options.edits.length - rest.length
    for (const [index, edit] of rest.entries()) {
      const result = applyEdit(content, edit)
      if (Either.isLeft(result)) return toolError(options.failure(offset + index, result.left))
      applied.push(result.right)
      content = result.right.content
    }
    const bytes = encoder.encode(content)
    const written = yield* writeTarget(target, bytes, replaced)
    yield* recordSeen(yield* canonicalPath(target), written, sha256(bytes))
    return toolSuccess(options.describeResult({ filePath, created, content, applied }))
  }).pipe(
    Effect.catchAll((error) =>
      Effect.map(resolveProjectPath(options.filePath), (filePath): ToolOutput => toolError(describeFsError(filePath, error, "edit")))
    )
  )

export const replacementsText = (count: number): string => plural(count, "replacement")
export const occurrencesText = (count: number): string => plural(count, "occurrence")
