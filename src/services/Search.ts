/**
 * Searching the project's files for Grep and Glob: file contents by regular expression, and
 * file paths by glob pattern. Both pick files by ripgrep's rules (ignore files, hidden entries,
 * `.git` never) and list them newest first. Two engines: ripgrep when `rg` is installed, an
 * in-process one otherwise; they give the same results.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"

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
  /** The file's modification time, when the engine learnt it while reading the file. */
  readonly mtimeMs?: number
  /** Not searched: too large for the built-in engine, which reads a file whole (its size). */
  readonly tooLargeBytes?: number
}

export type GrepOutcome =
  | { readonly _tag: "Found"; readonly files: ReadonlyArray<GrepFileResult> }
  | { readonly _tag: "InvalidPattern"; readonly message: string }
  | { readonly _tag: "Failed"; readonly message: string }

export interface GlobSearch {
  /** Absolute paths, newest first. */
  readonly files: ReadonlyArray<string>
  /** The directory the walk started from: the search directory plus the pattern's literal leading segments. */
  readonly root: string
}

export class Search extends Context.Tag("letta/Search")<
  Search,
  {
    /** The regular-expression syntax patterns are read in, named when a pattern is invalid. */
    readonly syntax: "ripgrep" | "JavaScript"
    /** What the files under (or at) `request.root` hold that the request asks for; files newest first. */
    readonly grep: (request: GrepRequest) => Effect.Effect<GrepOutcome>
    /** The files under `directory` whose relative path matches the glob `pattern`. */
    readonly glob: (directory: string, pattern: string) => Effect.Effect<GlobSearch>
  }
>() {}
