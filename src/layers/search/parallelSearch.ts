/**
 * The built-in engine's search of many files, on every core. Its time goes mostly to system calls
 * (open, fstat, read, close: ~15 µs a file on a small VM), which threads run in parallel: once a
 * walk has found a few thousand files, worker threads (grepWorker.ts, built to
 * dist/grep-worker.cjs) start, booting while the walk goes on; then they take chunks of the list
 * while this thread searches chunks too. Results keep the list's order. A worker that fails hands
 * its chunk back to this thread, so a search never loses files.
 */
import { existsSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import type { Worker } from "node:worker_threads"
import { loadBuiltin } from "../../platform/builtins.js"
import { type CompiledSearch, searchPaths } from "./fileSearch.js"
import type { GrepFileResult, GrepRequest } from "../../services/Search.js"
import { nextTurn } from "./nextTurn.js"

export interface ParallelOptions {
  /** The worker script (default: grep-worker.cjs beside the bundle, when it is there). */
  readonly workerScript?: string | undefined
  /** Searches of fewer files stay on this thread (a worker costs ~30 ms of CPU to start). */
  readonly minFiles?: number
  /** Files per chunk handed out (default 200). */
  readonly chunkFiles?: number
  /** False: this thread leaves every chunk to the workers while they live (tests see them work). */
  readonly searchHere?: boolean
}

/** Files per chunk; this thread yields to the event loop after each of its own. */
const CHUNK_FILES = 200
const MIN_FILES = 4_000
const MAX_WORKERS = 3

export const parallelMinFiles = (options: ParallelOptions = {}): number => options.minFiles ?? MIN_FILES

/** A worker thread, with whether it is still usable (it may fail while starting). */
interface SearchWorker {
  readonly thread: Worker
  alive: boolean
  /** Called once if the thread fails or exits. */
  onDeath: () => void
}

const bundledWorkerScript = (): string | undefined => {
  // In the bundle, __dirname is dist/ (build/launcher.cjs); elsewhere there is no built worker.
  if (typeof __dirname !== "string") return undefined
  const script = join(__dirname, "grep-worker.cjs")
  return existsSync(script) ? script : undefined
}

/** Worker threads for `request`, one per spare core (none on one core or without the script). */
export const startSearchWorkers = (request: GrepRequest, options: ParallelOptions = {}): Array<SearchWorker> => {
  const script = options.workerScript ?? bundledWorkerScript()
  if (script === undefined) return []
  const count = Math.max(0, Math.min(MAX_WORKERS, availableParallelism() - 1))
  const { Worker } = loadBuiltin<typeof import("node:worker_threads")>("node:worker_threads")
  const workers: Array<SearchWorker> = []
  for (let index = 0; index < count; index++) {
    try {
      const worker: SearchWorker = { thread: new Worker(script, { workerData: request }), alive: true, onDeath: () => {} }
      const die = () => {
        if (!worker.alive) return
        worker.alive = false
        worker.onDeath()
      }
      worker.thread.once("error", die)
      worker.thread.once("exit", die)
      workers.push(worker)
    } catch {
      // No worker: this thread searches alone.
    }
  }
  return workers
}

export const stopSearchWorkers = (workers: ReadonlyArray<SearchWorker>): void => {
  for (const worker of workers) {
    worker.alive = false
    void worker.thread.terminate()
  }
}

/** Searches `files` here and in `workers`; the results, in the order of `files`. */
export const searchFiles = async (
  files: ReadonlyArray<string>,
  request: GrepRequest,
  compiled: CompiledSearch,
  workers: ReadonlyArray<SearchWorker>,
  signal?: AbortSignal,
  options: ParallelOptions = {}
): Promise<Array<GrepFileResult>> => {
  const size = options.chunkFiles ?? CHUNK_FILES
  const chunks: Array<ReadonlyArray<string>> = []
  for (let start = 0; start < files.length; start += size) chunks.push(files.slice(start, start + size))
  const found: Array<ReadonlyArray<GrepFileResult> | undefined> = new Array(chunks.length)
  let next = 0
  const handedBack: Array<number> = []
  const take = (): number | undefined => (signal?.aborted === true ? undefined : next < chunks.length ? next++ : handedBack.pop())

  /** Feeds one worker chunks until none are left; settles when it stops, whichever way. */
  const feedWorker = (worker: SearchWorker) =>
    new Promise<void>((resolve) => {
      let current: number | undefined
      const stop = () => {
        worker.thread.off("message", onMessage)
        signal?.removeEventListener("abort", stop)
        if (current !== undefined) handedBack.push(current)
        current = undefined
        resolve()
      }
      const feed = () => {
        current = take()
        if (current === undefined) stop()
        else worker.thread.postMessage({ chunk: current, paths: chunks[current] })
      }
      const onMessage = (message: { readonly chunk: number; readonly results: ReadonlyArray<GrepFileResult> }) => {
        found[message.chunk] = message.results
        current = undefined
        feed()
      }
      if (!worker.alive) return resolve()
      worker.onDeath = stop
      worker.thread.on("message", onMessage)
      signal?.addEventListener("abort", stop, { once: true })
      feed()
    })

  const helping = Promise.all(workers.map(feedWorker))
  const searchHere = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      found[index] = searchPaths(chunks[index] ?? [], compiled, request)
      await nextTurn()
    }
  }
  if (options.searchHere !== false || workers.length === 0) await searchHere()
  await helping
  // Chunks a failing worker handed back after this thread had run out of work.
  await searchHere()
  return found.flatMap((results) => results ?? [])
}
