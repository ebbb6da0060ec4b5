/**
 * The in-process Grep engine, used when ripgrep is not installed. It follows ripgrep's rules
 * (see tools/search/walk.ts for which files are searched) so that both engines give the same
 * results:
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
import type { GrepOutcome, GrepRequest } from "../../services/Search.js"
import { type Verdict, walkFiles } from "../../tools/search/walk.js"
import { compileSearch } from "./fileSearch.js"
import { type ParallelOptions, parallelMinFiles, searchFiles, startSearchWorkers, stopSearchWorkers } from "./parallelSearch.js"

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
