/**
 * kill -9 of a process in the middle of replacing a 0600 file: the temp copy it leaves is as
 * private as the file, and the next write in that directory removes it (its owner is dead).
 */
import { spawn } from "node:child_process"
import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { build } from "esbuild"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { writeTarget } from "../../src/tools/files.js"

let root: string
let worker: string

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "letta-filekill-")))
  worker = join(root, "worker.mjs")
  await build({
    entryPoints: [resolve(import.meta.dirname, "../support/writeWorker.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: worker,
    logLevel: "error",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** Polls `directory` until a letta temp file appears; undefined when `done` says the writer ended first. */
const awaitTempFile = async (directory: string, done: () => boolean): Promise<string | undefined> => {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && !done()) {
    const temp = (await readdir(directory)).find((name) => name.includes(".letta-"))
    if (temp !== undefined) return temp
  }
  return undefined
}

describe("kill -9 mid-write", () => {
  it("leaves a temp copy no wider than the 0600 file, which the next write removes", async () => {
    const project = join(root, "project")
    await rm(project, { recursive: true, force: true })
    await mkdir(project)
    const target = join(project, ".env")
    await writeFile(target, "TOKEN=secret\n")
    await chmod(target, 0o600)

    const child = spawn(process.execPath, [worker, target, "256"], { stdio: ["ignore", "ignore", "inherit"] })
    let exited = false
    const exit = new Promise<void>((done) => child.on("exit", () => ((exited = true), done())))
    const temp = await awaitTempFile(project, () => exited)
    child.kill("SIGKILL")
    await exit
    expect(temp, "the writer finished before it could be killed").toBeDefined()

    const leftover = join(project, temp ?? "")
    expect(((await stat(leftover)).mode & 0o777).toString(8)).toBe("600")
    // The file itself is untouched: a rename never happened.
    expect(await readFile(target, "utf8")).toBe("TOKEN=secret\n")

    // The next write in that directory sweeps the dead writer's copy.
    await Effect.runPromise(Effect.provide(writeTarget(join(project, "other.txt"), new TextEncoder().encode("x")), NodeContext.layer))
    expect((await readdir(project)).sort()).toEqual([".env", "other.txt"])
  }, 60_000)
})
