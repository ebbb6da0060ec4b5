/**
 * The built-in Grep engine with worker threads: the same results as on one thread, whatever the
 * workers do. Uses the built worker (dist/grep-worker.cjs; `npm test` builds first).
 */
import { existsSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { builtinGrep } from "../../src/layers/search/builtinGrep.js"
import type { GrepMode, GrepOutcome, GrepRequest } from "../../src/services/Search.js"
import { writeTree } from "../support/fileTree.js"
import { useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-parallel-grep-")
const WORKER = resolve(import.meta.dirname, "../../dist/grep-worker.cjs")

/** 600 files: every third matches, one is binary after its matches, one has no final newline. */
const bigTree = (): Record<string, string> => {
  const tree: Record<string, string> = { ".gitignore": "ignored/\n", "ignored/x.txt": "needle\n" }
  for (let index = 0; index < 600; index++) {
    const dir = `d${index % 7}/s${index % 3}`
    tree[`${dir}/f${index}.txt`] = index % 3 === 0 ? `one\nneedle ${index}\ntwo\nneedle again\n` : `nothing ${index}\n`
  }
  tree["d0/late-nul.txt"] = `${"needle line\n".repeat(7000)}\u0000needle\n`
  tree["d1/end.txt"] = "no newline needle"
  return tree
}

/** The outcome with its files by path: the walk's order varies from run to run (Grep sorts by mtime after). */
const byPath = (outcome: GrepOutcome): GrepOutcome =>
  outcome._tag === "Found" ? { ...outcome, files: [...outcome.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) } : outcome

/** Workers from the first file, in small chunks, doing all the work while they live. */
const onWorkers = { minFiles: 1, chunkFiles: 25, searchHere: false }

const request = (root: string, mode: GrepMode): GrepRequest => ({
  pattern: "needle",
  root,
  rootIsFile: false,
  ignoreCase: false,
  multiline: false,
  mode,
  before: 1,
  after: 0
})

describe("built-in Grep on worker threads", () => {
  it("is built", () => {
    expect(existsSync(WORKER)).toBe(true)
  })

  it("finds exactly what one thread finds, in every mode", async () => {
    await writeTree(temp.path(), bigTree())
    for (const mode of ["files_with_matches", "count", "content"] as const) {
      const alone = byPath(await builtinGrep(request(temp.path(), mode), undefined, { minFiles: Number.MAX_SAFE_INTEGER }))
      const shared = byPath(await builtinGrep(request(temp.path(), mode), undefined, { ...onWorkers, workerScript: WORKER }))
      expect(alone._tag).toBe("Found")
      if (alone._tag === "Found") expect(alone.files.length).toBe(202)
      expect(shared).toEqual(alone)
    }
  })

  it("loses no file when a worker fails to start or dies mid-search", async () => {
    await writeTree(temp.path(), bigTree())
    const expected = byPath(await builtinGrep(request(temp.path(), "count"), undefined, { minFiles: Number.MAX_SAFE_INTEGER }))
    const broken = join(temp.path(), "broken-worker.cjs")
    writeFileSync(broken, "throw new Error('cannot start')\n")
    const dying = join(temp.path(), "dying-worker.cjs")
    // Takes a chunk, then ends without answering.
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3))\n")
    for (const script of [broken, dying, join(temp.path(), "missing-worker.cjs")]) {
      expect(byPath(await builtinGrep(request(temp.path(), "count"), undefined, { ...onWorkers, workerScript: script }))).toEqual(expected)
    }
  })

  it("stops when interrupted", async () => {
    await writeTree(temp.path(), bigTree())
    const controller = new AbortController()
    controller.abort()
    const outcome = await builtinGrep(request(temp.path(), "count"), controller.signal, { ...onWorkers, workerScript: WORKER })
    expect(outcome).toEqual({ _tag: "Found", files: [] })
  })
})
