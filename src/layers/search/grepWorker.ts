/**
 * A worker thread of the built-in Grep engine (see parallelSearch.ts); built to
 * dist/grep-worker.cjs. It receives the request as workerData, then chunks of paths, and answers
 * each chunk with what those files hold, in order.
 */
import { parentPort, workerData } from "node:worker_threads"
import { compileSearch, searchPaths } from "./fileSearch.js"
import type { GrepFileResult, GrepRequest } from "../../services/Search.js"

const request = workerData as GrepRequest
const compiled = compileSearch(request)

parentPort?.on("message", ({ chunk, paths }: { chunk: number; paths: ReadonlyArray<string> }) => {
  const results: ReadonlyArray<GrepFileResult> = "invalid" in compiled ? [] : searchPaths(paths, compiled, request)
  parentPort?.postMessage({ chunk, results })
})
