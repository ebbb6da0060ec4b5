/** Glob's search, the same for both engines: a walk by ripgrep's rules, then newest first. */
import { resolve } from "node:path"
import * as Effect from "effect/Effect"
import picomatch from "picomatch"
import type { GlobSearch } from "../../services/Search.js"
import { walkFiles } from "../../tools/search/walk.js"
import { sortByMtime } from "./mtime.js"

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

/** The matching files under `directory`, newest first. */
export const globFiles = (directory: string, pattern: string): Effect.Effect<GlobSearch> =>
  Effect.gen(function* () {
    const split = splitGlobPattern(pattern)
    const root = resolve(directory, split.base)
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
