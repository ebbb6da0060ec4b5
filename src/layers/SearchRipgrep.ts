/**
 * The Search service by ripgrep (`rg`, given by its path), with ripgrep's regular-expression
 * syntax. Glob walks in-process either way: listing is no faster through rg once the files are
 * sorted by time.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Search } from "../services/Search.js"
import { builtinGrepUnsorted } from "./SearchBuiltin.js"
import { globFiles } from "./search/glob.js"
import { grepFilesNewestFirst } from "./search/mtime.js"
import { ripgrepSearch } from "./search/ripgrep.js"

export const SearchRipgrep = (rg: string): Layer.Layer<Search> =>
  Layer.succeed(Search, {
    syntax: "ripgrep",
    grep: (request) =>
      ripgrepSearch(rg, request).pipe(
        // Should rg fail to start after all (or run out of space for its results), the built-in engine answers.
        Effect.catchAll(() => builtinGrepUnsorted(request)),
        Effect.flatMap(grepFilesNewestFirst)
      ),
    glob: globFiles
  })
