/**
 * The Search service by the in-process engine, for machines without ripgrep: JavaScript regular
 * expressions, worker threads for big searches (src/layers/search/parallelSearch.ts).
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type GrepOutcome, type GrepRequest, Search } from "../services/Search.js"
import { builtinGrep } from "./search/builtinGrep.js"
import { globFiles } from "./search/glob.js"
import { grepFilesNewestFirst } from "./search/mtime.js"

/** The in-process engine's answer, files in the order it found them. */
export const builtinGrepUnsorted = (request: GrepRequest): Effect.Effect<GrepOutcome> =>
  Effect.promise((signal) => builtinGrep(request, signal))

export const SearchBuiltin: Layer.Layer<Search> = Layer.succeed(Search, {
  syntax: "JavaScript",
  grep: (request) => Effect.flatMap(builtinGrepUnsorted(request), grepFilesNewestFirst),
  glob: globFiles
})
