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
import picomatch from "picomatch"
import { type Verdict, walkFiles } from "./walk.js"
import { compileSearch } from "./fileSearch.js"
import { type ParallelOptions, parallelMinFiles, searchFiles, startSearchWorkers, stopSearchWorkers } from "./parallelSearch.js"

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

export { requiredLiteral } from "./fileSearch.js"

/** The in-process search. Patterns use JavaScript RegExp syntax. */
export const builtinGrep = async (request: GrepRequest, signal?: AbortSignal, parallel?: ParallelOptions): Promise<GrepOutcome> => {
  const compiled = compileSearch(request)
  if ("invalid" in compiled) return { _tag: "InvalidPattern", message: compiled.invalid }
  let workers: ReturnType<typeof startSearchWorkers> = []
  try {
    const files = request.rootIsFile
      ? [request.root]
      : await walkFiles({
          root: request.root,
          includeHidden: false,
          signal,
          ...(request.glob === undefined ? {} : { override: globOverride(request.glob) }),
          ...(request.typeGlobs === undefined ? {} : { fileType: fileTypeMatcher(request.typeGlobs) }),
          // A big search: worker threads start now, and boot while the walk goes on.
          onManyFiles: { count: parallelMinFiles(parallel), call: () => (workers = startSearchWorkers(request, parallel)) }
        })
    return { _tag: "Found", files: await searchFiles(files, request, compiled, workers, signal, parallel) }
  } finally {
    stopSearchWorkers(workers)
  }
}
