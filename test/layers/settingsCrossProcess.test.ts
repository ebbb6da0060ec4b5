/** Several OS processes updating the same settings file at once never lose an update. */
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { build } from "esbuild"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

let root: string
let worker: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "letta-settings-xproc-"))
  worker = join(root, "worker.mjs")
  await build({
    entryPoints: [resolve(import.meta.dirname, "../support/settingsWorker.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: worker,
    logLevel: "error",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const runWorker = (home: string, project: string, tag: string, count: number) =>
  new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [worker, home, project, tag, String(count)], { stdio: ["ignore", "ignore", "inherit"] })
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000)
    child.on("error", fail)
    child.on("close", (code) => {
      clearTimeout(timer)
      done(code)
    })
  })

describe("settings across processes", () => {
  it("4 processes x 10 updates: all 40 rules and the unknown keys survive", async () => {
    const home = join(root, "home")
    const project = join(root, "project")
    mkdirSync(join(home, ".letta"), { recursive: true })
    mkdirSync(project)
    writeFileSync(join(home, ".letta", "settings.json"), JSON.stringify({ theme: "dark" }))
    const codes = await Promise.all(["a", "b", "c", "d"].map((tag) => runWorker(home, project, tag, 10)))
    expect(codes).toEqual([0, 0, 0, 0])
    const saved = JSON.parse(readFileSync(join(home, ".letta", "settings.json"), "utf8"))
    expect(saved.theme).toBe("dark")
    expect(saved.permissions.allow).toHaveLength(40)
    expect(new Set(saved.permissions.allow).size).toBe(40)
  })
})
