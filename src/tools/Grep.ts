/**
 * Grep: a regular-expression search of file contents through the Search service (ripgrep when
 * `rg` is on PATH, the in-process engine otherwise; both give the same output). This file checks
 * the arguments, asks the service and formats what it found.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { type ToolOutput, toolError, toolSuccess } from "../domain/tools.js"
import { type GrepFileResult, type GrepMode, type GrepOutcome, type GrepRequest, Search } from "../services/Search.js"
import { defineTool, integerAtLeast, optionalParam, param } from "./defineTool.js"
import { formatSize, pathFailure, resolveProjectPath } from "./files.js"
import { FILE_TYPE_NAMES, fileTypeGlobs } from "./search/fileTypes.js"
import { searchHider, withHiddenNote } from "./search/hidden.js"
import { plural } from "../domain/records.js"

export const GREP_MAX_OUTPUT_CHARS = 30_000
export const GREP_MAX_LINE_CHARS = 500

export const GrepParameters = Schema.Struct({
  pattern: param(Schema.String, "The regular expression to search for."),
  path: optionalParam(
    Schema.String,
    "File or directory to search: absolute, or relative to the project directory (default: the project directory)."
  ),
  glob: optionalParam(
    Schema.String,
    "Only search files matching this glob, e.g. `*.ts`, `*.{ts,tsx}`, `src/**/*.py`; a leading `!` excludes instead. Without a `/` it is matched against file names, with one against paths relative to `path`."
  ),
  output_mode: optionalParam(
    Schema.Literal("content", "files_with_matches", "count"),
    "`files_with_matches` (default): paths of matching files; `content`: the matching lines; `count`: matching lines per file."
  ),
  "-B": optionalParam(integerAtLeast(0), "Lines of context to show before each match (content mode)."),
  "-A": optionalParam(integerAtLeast(0), "Lines of context to show after each match (content mode)."),
  "-C": optionalParam(integerAtLeast(0), "Lines of context before and after each match (content mode); -A and -B override it."),
  "-n": optionalParam(Schema.Boolean, "Show line numbers in content mode (default true)."),
  "-i": optionalParam(Schema.Boolean, "Ignore case (default false)."),
  type: optionalParam(
    Schema.String,
    `Only search files of this type: ${FILE_TYPE_NAMES.join(", ")}.`
  ),
  head_limit: optionalParam(
    integerAtLeast(1),
    "Return only the first N entries: paths (files_with_matches), per-file counts (count) or lines (content)."
  ),
  multiline: optionalParam(
    Schema.Boolean,
    "Let matches span lines: `.` also matches line breaks (default false)."
  )
})
export type GrepParameters = typeof GrepParameters.Type

const DESCRIPTION = [
  "Searches file contents for a regular expression.",
  "",
  "- Uses ripgrep (`rg`) when it is installed, with ripgrep's regex syntax; otherwise a built-in search with JavaScript regular expression syntax and the same options and output. Simple patterns (`foo\\s+bar`, `log.*Error`, `^import`) mean the same in both; escape literal braces and parentheses (`interface\\{\\}`, `fn\\(`). The built-in search leaves out files over 100 MB, and says which.",
  "- Output modes: `files_with_matches` (default) lists matching files; `count` gives `path:N` lines (N matching lines) and a total; `content` gives `path:line:text` for matches (`path-line-text` for context lines, `--` between separate groups).",
  "- Files are ordered by modification time, newest first. Paths are absolute.",
  "- Skips binary files, `.git`, hidden files and directories (unless `glob` or `type` names them), and files excluded by .gitignore, .ignore or .rgignore files.",
  `- \`head_limit\` keeps the first N entries; output over ${GREP_MAX_OUTPUT_CHARS} characters is cut with a note, and lines longer than ${GREP_MAX_LINE_CHARS} characters are shortened.`,
  "- Files that the permission rules deny, or ask about, are left out; a note says how many and by which rule.",
  "- Use Glob to find files by name; Read to see a whole file."
].join("\n")

const shorten = (text: string): string => {
  const line = text.endsWith("\r") ? text.slice(0, -1) : text
  return line.length > GREP_MAX_LINE_CHARS
    ? `${line.slice(0, GREP_MAX_LINE_CHARS)}… [${line.length - GREP_MAX_LINE_CHARS} more characters]`
    : line
}

/** The tool's text for sorted results: the same for both engines. */
export const formatGrepResults = (
  files: ReadonlyArray<GrepFileResult>,
  options: {
    readonly mode: GrepMode
    readonly lineNumbers: boolean
    readonly context: boolean
    readonly headLimit: number | undefined
  }
): string => {
  if (files.length === 0) return "No matches found"
  // Entries are what head_limit counts; separators ("--") go along with them.
  const entries: Array<{ readonly text: string; readonly separatorBefore: boolean }> = []
  if (options.mode === "files_with_matches") {
    for (const file of files) entries.push({ text: file.path, separatorBefore: false })
  } else if (options.mode === "count") {
    for (const file of files) entries.push({ text: `${file.path}:${file.matchedLines}`, separatorBefore: false })
  } else {
    files.forEach((file, fileIndex) => {
      let previous: number | undefined
      for (const line of file.lines) {
        const gap = previous === undefined ? fileIndex > 0 : line.number > previous + 1
        const mark = line.match ? ":" : "-"
        const number = options.lineNumbers ? `${line.number}${mark}` : ""
        entries.push({ text: `${file.path}${mark}${number}${shorten(line.text)}`, separatorBefore: options.context && gap })
        previous = line.number
      }
    })
  }
  const unit = options.mode === "content" ? "lines" : options.mode === "count" ? "files" : "files"
  const limited = options.headLimit !== undefined && entries.length > options.headLimit
  const kept = limited ? entries.slice(0, options.headLimit) : entries

  const out: Array<string> = []
  let chars = 0
  let shown = 0
  let cut = false
  for (const entry of kept) {
    const piece = entry.separatorBefore && shown > 0 ? `--\n${entry.text}` : entry.text
    if (chars + piece.length + 1 > GREP_MAX_OUTPUT_CHARS && shown > 0) {
      cut = true
      break
    }
    out.push(piece)
    chars += piece.length + 1
    shown += 1
  }
  const notes: Array<string> = []
  if (cut) {
    notes.push(
      `[Output cut at ${GREP_MAX_OUTPUT_CHARS} characters: showed ${shown} of ${entries.length} ${unit}. Narrow the search (path, glob, type) or use head_limit.]`
    )
  } else if (limited) {
    notes.push(`[head_limit ${options.headLimit}: showed ${shown} of ${entries.length} ${unit}.]`)
  }
  if (options.mode === "count") {
    const total = files.reduce((sum, file) => sum + file.matchedLines, 0)
    notes.push(`[Total: ${plural(total, "matching line")} in ${plural(files.length, "file")}.]`)
  }
  return notes.length === 0 ? out.join("\n") : `${out.join("\n")}\n\n${notes.join("\n")}`
}

/** A `\n` escape (not an escaped backslash before "n") or a literal line break. */
const matchesLineBreak = (pattern: string): boolean => pattern.includes("\n") || /(^|[^\\])(\\\\)*\\n/.test(pattern)

/** NUL in the first bytes: ripgrep's test for a binary file. */
const isBinaryFile = (fs: FileSystem.FileSystem, file: string) =>
  Effect.scoped(
    Effect.flatMap(fs.open(file), (handle) => handle.readAlloc(FileSystem.Size(64 * 1024)))
  ).pipe(Effect.map((head) => head._tag === "Some" && head.value.includes(0)))

export const Grep = defineTool({
  name: "Grep",
  description: DESCRIPTION,
  parameters: GrepParameters,
  readOnly: true,
  run: (args) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const root = yield* resolveProjectPath(args.path ?? ".")
      const info = yield* fs.stat(root)
      let typeGlobs: ReadonlyArray<string> | undefined
      if (args.type !== undefined) {
        typeGlobs = fileTypeGlobs(args.type)
        if (typeGlobs === undefined) {
          return toolError(`Unknown type "${args.type}". Known types: ${FILE_TYPE_NAMES.join(", ")}.`)
        }
      }
      if (info.type !== "File" && info.type !== "Directory") {
        return toolError(`${root} is not a file or directory (it is a ${info.type}); cannot search it.`)
      }
      if (info.type === "File" && (yield* isBinaryFile(fs, root))) {
        return toolError(`Cannot search binary file: ${root}`)
      }
      if (!(args.multiline ?? false) && matchesLineBreak(args.pattern)) {
        return toolError("The pattern contains a line break (\\n), which only matches with multiline: true.")
      }
      const mode = args.output_mode ?? "files_with_matches"
      const before = mode === "content" ? (args["-B"] ?? args["-C"] ?? 0) : 0
      const after = mode === "content" ? (args["-A"] ?? args["-C"] ?? 0) : 0
      const request: GrepRequest = {
        pattern: args.pattern,
        root,
        rootIsFile: info.type === "File",
        ignoreCase: args["-i"] ?? false,
        multiline: args.multiline ?? false,
        mode,
        before,
        after,
        ...(args.glob === undefined ? {} : { glob: args.glob }),
        ...(typeGlobs === undefined ? {} : { typeGlobs })
      }
      // A file named as the path was judged by the call's own permission decision.
      const hider = info.type === "Directory" ? yield* searchHider("Grep", root) : undefined
      const search = yield* Search
      const found = yield* search.grep(request)
      const outcome: GrepOutcome =
        hider === undefined || found._tag !== "Found" ? found : { _tag: "Found", files: found.files.filter((file) => !hider.hides(file.path)) }
      const options = { mode, lineNumbers: args["-n"] ?? true, context: before > 0 || after > 0, headLimit: args.head_limit }
      const output = grepOutput(outcome, options, search.syntax)
      return { ...output, text: withHiddenNote(output.text, hider?.note("matching file", "matching files")) }
    }).pipe(
      Effect.catchAll((error) => pathFailure(args.path ?? ".", error, "Path does not exist", "search"))
    )
})

const SKIPPED_SHOWN = 5

/** The result with a note naming the files the built-in engine did not search for their size. */
const withTooLargeNote = (text: string, skipped: ReadonlyArray<GrepFileResult>): string => {
  if (skipped.length === 0) return text
  const names = skipped.slice(0, SKIPPED_SHOWN).map((file) => `${file.path} (${formatSize(file.tooLargeBytes ?? 0)})`)
  if (skipped.length > SKIPPED_SHOWN) names.push(`and ${skipped.length - SKIPPED_SHOWN} more`)
  const what = skipped.length === 1 ? "1 file over 100 MB was" : `${skipped.length} files over 100 MB were`
  return `${text}\n\n[${what} not searched, as the built-in search reads files whole: ${names.join(", ")}. Install ripgrep (rg) to search large files, or Read them in parts.]`
}

export const grepOutput = (
  outcome: GrepOutcome,
  options: Parameters<typeof formatGrepResults>[1],
  syntax: "JavaScript" | "ripgrep"
): ToolOutput => {
  switch (outcome._tag) {
    case "InvalidPattern":
      return toolError(`Invalid regular expression (${syntax} syntax): ${outcome.message}`)
    case "Failed":
      return toolError(`Search failed: ${outcome.message}`)
    case "Found": {
      const searched = outcome.files.filter((file) => file.tooLargeBytes === undefined)
      const skipped = outcome.files.filter((file) => file.tooLargeBytes !== undefined)
      return toolSuccess(withTooLargeNote(formatGrepResults(searched, options), skipped))
    }
  }
}
