/**
 * A holder of the settings lock that is merely slow keeps it (it renews the lock while it
 * works); one that stalled so long its lock was broken does not write over the newer file: it
 * reads and updates again. Either way no update is lost.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { hostname, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { build } from "esbuild"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { acquireFileLock, withFileLock } from "../../src/layers/settings/lock.js"

let root: string
let worker: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "letta-slow-holder-"))
  worker = join(root, "worker.mjs")
  await build({
    entryPoints: [resolve(import.meta.dirname, "../support/slowSettingsWorker.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: worker,
    logLevel: "error",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const run = <A, E>(effect: Effect.Effect<A, E, import("@effect/platform/FileSystem").FileSystem>) =>
  Effect.runPromise(Effect.provide(effect, NodeContext.layer))

describe("the lock's holder", () => {
  it("a slow holder renews its lock: a waiter does not take it for abandoned", async () => {
    const dir = mkdtempSync(join(root, "renew-"))
    const lock = join(dir, "f.lock")
    const order: Array<string> = []
    await run(
      Effect.gen(function* () {
        const holder = yield* Effect.fork(
          withFileLock(lock, { staleAfter: "300 millis" })(
            Effect.gen(function* () {
              order.push("holder in")
              yield* Effect.sleep("1200 millis") // four stale ages
              order.push("holder out")
            })
          )
        )
        yield* Effect.sleep("50 millis")
        yield* withFileLock(lock, { staleAfter: "300 millis", timeout: "10 seconds" })(Effect.sync(() => order.push("waiter in")))
        yield* Fiber.join(holder)
      })
    )
    expect(order).toEqual(["holder in", "holder out", "waiter in"])
  })

  it("knows when its lock was taken over", async () => {
    const dir = mkdtempSync(join(root, "lost-"))
    const lock = join(dir, "f.lock")
    const held = await run(
      Effect.scoped(
        Effect.gen(function* () {
          const handle = yield* acquireFileLock(lock)
          const before = yield* handle.stillHeld
          writeFileSync(lock, JSON.stringify({ pid: process.pid, token: "someone-else" }))
          const after = yield* handle.stillHeld
          const lost = yield* Effect.either(handle.ensureHeld)
          return { before, after, lost: lost._tag }
        })
      )
    )
    expect(held).toEqual({ before: true, after: false, lost: "Left" })
    // Not ours: left in place on release.
    expect(JSON.parse(readFileSync(lock, "utf8")).token).toBe("someone-else")
  })

  it("a lock whose pid now names another process (another start time) is broken at once", async () => {
    const dir = mkdtempSync(join(root, "reused-"))
    const lock = join(dir, "f.lock")
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: "1", token: "old" }))
    const started = Date.now()
    const got = await run(withFileLock(lock, { timeout: "5 seconds" })(Effect.succeed("got it")))
    expect(got).toBe("got it")
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it("what a killed process left beside the lock is swept by the next holder; a live one's is kept", async () => {
    const dir = mkdtempSync(join(root, "sweep-"))
    const lock = join(dir, "f.lock")
    const dead = 2 ** 22 + 4321
    const leftovers = [`f.lock.${dead}.0123abcd.tmp`, `f.lock.stale-${dead}-89ab`]
    const live = `f.lock.${process.pid}.77aa.tmp`
    for (const name of [...leftovers, live, "f", "other.tmp"]) writeFileSync(join(dir, name), "")
    await run(withFileLock(lock)(Effect.void))
    expect(readdirSync(dir).sort()).toEqual(["f", live, "other.tmp"].sort())
  })

  it("an empty lock file is broken at once", async () => {
    const dir = mkdtempSync(join(root, "empty-"))
    const lock = join(dir, "f.lock")
    writeFileSync(lock, "")
    const started = Date.now()
    const got = await run(withFileLock(lock, { timeout: "5 seconds" })(Effect.succeed("got it")))
    expect(got).toBe("got it")
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(existsSync(lock)).toBe(false)
  })
})

const runWorker = (home: string, project: string, tag: string, busyMs: number, readyFile = "") =>
  new Promise<{ code: number | null; stdout: string }>((done, fail) => {
    const child = spawn(process.execPath, [worker, home, project, tag, "300", String(busyMs), readyFile], { stdio: ["ignore", "pipe", "inherit"] })
    let stdout = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000)
    child.on("error", fail)
    child.on("close", (code) => {
      clearTimeout(timer)
      done({ code, stdout })
    })
  })

describe("settings updates across processes", () => {
  it("a holder stalled past the stale age loses its lock, then redoes its update on the newer file", async () => {
    const home = join(root, "stalled-home")
    const project = join(root, "stalled-project")
    mkdirSync(join(home, ".letta"), { recursive: true })
    mkdirSync(project)
    writeFileSync(join(home, ".letta", "settings.json"), JSON.stringify({ theme: "dark" }))
    const ready = join(root, "stalled-ready")
    const slow = runWorker(home, project, "slow", 1_500, ready)
    while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 10))
    const quick = await runWorker(home, project, "quick", 0)
    const stalled = await slow
    expect(quick.code).toBe(0)
    expect(stalled.code).toBe(0)
    // The stalled one noticed and updated again.
    expect(stalled.stdout).toContain("calls=2")
    const saved = JSON.parse(readFileSync(join(home, ".letta", "settings.json"), "utf8"))
    expect(saved.theme).toBe("dark")
    expect([...saved.permissions.allow].sort()).toEqual(["Bash(quick)", "Bash(slow)"])
  })
})
