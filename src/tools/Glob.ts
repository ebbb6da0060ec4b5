/** Glob: files matching a glob pattern, newest first, respecting ignore files (found by the Search service). */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { toolError, toolSuccess } from "../domain/tools.js"
import { Search } from "../services/Search.js"
import { defineTool, optionalParam, param } from "./defineTool.js"
import { pathFailure, resolveProjectPath } from "./files.js"
import { searchHider, withHiddenNote } from "./search/hidden.js"

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
      const search = yield* Search
      const found = yield* search.glob(directory, args.pattern)
      const hider = yield* searchHider("Glob", found.root)
      const files = found.files.filter((file) => !hider.hides(file))
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
