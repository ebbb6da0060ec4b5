import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import { execFile } from "node:child_process"
import { runGrepSearch } from "../src/tools/Grep.js"
import { findRipgrep, ripgrepArguments } from "../src/tools/search/ripgrep.js"
import type { GrepRequest } from "../src/tools/search/grepEngine.js"
const root = process.argv[2]!
const rg = findRipgrep()!
const request: GrepRequest = { pattern: "useEffect", root, rootIsFile: false, ignoreCase: false, multiline: false, mode: "files_with_matches", before: 0, after: 0 }
const run = <A>(e: Effect.Effect<A, any, any>) => Effect.runPromise(Effect.provide(e, NodeContext.layer) as Effect.Effect<A>)
for (let i = 0; i < 5; i++) {
  let t = performance.now()
  await new Promise((res) => execFile(rg, ripgrepArguments(request), { cwd: root, maxBuffer: 1e9 }, res))
  const raw = performance.now() - t
  t = performance.now()
  await run(runGrepSearch("ripgrep", request, rg))
  const ours = performance.now() - t
  console.log("raw execFile", raw.toFixed(0), "runGrepSearch", ours.toFixed(0))
}
