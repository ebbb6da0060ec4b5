/** Glob: files matching a glob pattern, newest first, respecting ignore files. */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import picomatch from "picomatch"
import { toolError, toolSuccess } from "../domain/tools.js"
import { defineTool, optionalParam, param } from "./defineTool.js"
import { pathFailure, resolveProjectPath } from "./files.js"
import { searchHider, withHiddenNote } from "./search/hidden.js"
import { sortByMtime } from "./search/mtime.js"
import { walkFiles } from "./search/walk.js"

export const GLOB_MAX_RESULTS = 2_000

export const GlobParameters = Schema.Struct({
  pattern: param(Schema.String, "Glob pattern, e.g. `**/*.ts`, `src/**/*.test.{ts,tsx}`, `*.md`."),
  path: optionalParam(
    Schema.String,
    "Directory to search in: absolute, or relative to the project directory (default: the project directory)."
  )
})
export type GlobParameters = typeof GlobParameters.Type

const DESCRIPTION = [
  "Finds files whose path matches a glob pattern and lists their absolute paths, most recently modified first.",
  "",
  "- The pattern is matched against paths relative to `path` (default: the project directory): `*.ts` matches files directly in it, `**/*.ts` at any depth, `src/**/*.ts` under src. `{a,b}`, `?` and `[abc]` work too. An absolute pattern is also accepted.",
  "- Hidden files and directories (names starting with a dot) only match where the pattern names them with a leading dot, e.g. `**/.env` or `.github/**/*.yml`.",
  "- Files excluded by .gitignore, .ignore or .rgignore files (in the searched directory, below it or above it) are left out; `.git` is never searched and symbolic links are not followed.",
  "- Files that the permission rules deny, or ask about, are left out; a note says how many and by which rule.",
  "- Lists files only, not directories.",
  `- At most ${GLOB_MAX_RESULTS} paths are listed; a note says how many matched in all.`
].join("\n")

/**
 * The leading segments of `pattern` without glob characters (a directory to start from) and
 * the rest (matched below it). The last segment always stays in the rest.
 */
export const splitGlobPattern = (pattern: string): { readonly base: string; readonly rest: string } => {
  const absolute = pattern.startsWith("/")
  const segments = (absolute ? pattern.slice(1) : pattern).split("/")
  let literal = 0
  while (literal < segments.length - 1 && !picomatch.scan(segments[literal] ?? "").isGlob) literal++
  const base = (absolute ? "/" : "") + segments.slice(0, literal).join("/")
  const rest = segments.slice(literal).join("/")
  // "src/" lists everything under src.
  return { base, rest: rest === "" ? "**" : rest }
}

/** Whether the pattern names a dot entry itself (so hidden entries must be looked at). */
const namesHiddenEntries = (pattern: string): boolean => /(^|[/{,])\.(?![./]|$)/.test(pattern)

export interface GlobSearch {
  readonly files: ReadonlyArray<string>
  readonly root: string
}

/** The matching files under `directory`, newest first. */
export const globFiles = (directory: string, pattern: string) =>
  Effect.gen(function* () {
    const path = yield* Path.Path
    const split = splitGlobPattern(pattern)
    const root = path.resolve(directory, split.base)
    const matches = picomatch(split.rest, { dot: false })
    const maxDepth = split.rest.includes("**") ? undefined : split.rest.split("/").length
    const files = yield* Effect.promise((signal) =>
      walkFiles({
        root,
        includeHidden: namesHiddenEntries(split.rest),
        acceptFile: (relative) => matches(relative),
        signal,
        ...(maxDepth === undefined ? {} : { maxDepth })
      }).then((found) => sortByMtime(found, signal))
    )
    const result: GlobSearch = { files, root }
    return result
  })

export const Glob = defineTool({
  name: "Glob",
  description: DESCRIPTION,
  parameters: GlobParameters,
  readOnly: true,
  run: (args) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const directory = yield* resolveProjectPath(args.path ?? ".")
      const info = yield* fs.stat(directory)
      if (info.type !== "Directory") return toolError(`${directory} is not a directory; give a directory as path.`)
      if (args.pattern.trim() === "") return toolError("pattern is empty; give a glob pattern such as **/*.ts.")
      const search = yield* globFiles(directory, args.pattern)
      const hider = yield* searchHider("Glob", search.root)
      const files = search.files.filter((file) => !hider.hides(file))
      const note = hider.note("matching file", "matching files")
      if (files.length === 0) return toolSuccess(withHiddenNote("No files found", note))
      const shown = files.slice(0, GLOB_MAX_RESULTS).join("\n")
      if (files.length <= GLOB_MAX_RESULTS) return toolSuccess(withHiddenNote(shown, note))
      return toolSuccess(
        withHiddenNote(
          `${shown}\n\n[Showed the ${GLOB_MAX_RESULTS} most recently modified of ${files.length} matching files. Use a narrower pattern or path to see the others.]`,
          note
        )
      )
    }).pipe(
      Effect.catchAll((error) => pathFailure(args.path ?? ".", error, "Directory does not exist", "read"))
    )
})
