/**
 * The settings files under concurrency and odd file systems, through the built binary: first
 * runs started together share one set of memory blocks; a lock problem is reported as one
 * (exit 1), an empty lock is broken at once; a home that cannot be written is found before
 * anything is created on the server; a symlinked settings file stays a symlink.
 */
import { spawn } from "node:child_process"
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs"
import { hostname } from "node:os"
import { basename, dirname, join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { LETTA_BIN, makeSandbox, runLetta, type RunResult, type Sandbox } from "../support/e2e.js"

const API_KEY = "sk-let-locks-0123456789"

let server: FakeLettaServer
let sandbox: Sandbox

beforeEach(async () => {
  server = await FakeLettaServer.start({ apiKey: API_KEY })
  sandbox = makeSandbox()
})
afterEach(async () => {
  await server.close()
  sandbox.cleanup()
})

const letta = (args: ReadonlyArray<string>, options: Partial<Parameters<typeof runLetta>[1]> = {}) =>
  runLetta(args, { sandbox, serverUrl: server.url, env: { LETTA_API_KEY: API_KEY }, ...options })

/** Requests that create something on the server. */
const creations = () => server.requests.filter((r) => r.method === "POST" && /\/v1\/(blocks|agents)\/?$/.test(r.path))

const userLock = () => join(sandbox.home, ".letta", "settings.json.lock")

const expectNoStack = (result: RunResult) => expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/)

describe("concurrent first runs", () => {
  it("20 runs started together in a fresh home create one set of shared blocks, attached to every agent", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => letta(["-p", "hi"], { timeoutMs: 90_000 })))
    for (const result of results) expect(result.code, result.stderr).toBe(0)
    const blocks = server.blocks()
    expect(blocks.map((b) => b.label).sort()).toEqual(["human", "persona", "project"])
    const ids = new Set(blocks.map((b) => b.id))
    const agents = server.agents()
    expect(agents).toHaveLength(20)
    for (const agent of agents) expect(new Set(agent.blockIds)).toEqual(ids)
    const stored = sandbox.settings("user")?.["globalSharedBlockIds"] as Record<string, string>
    expect(ids.has(stored["persona"]!)).toBe(true)
    expect(ids.has(stored["human"]!)).toBe(true)
  }, 120_000)
})

describe("the settings lock", () => {
  it("a 0-byte lock file (left by a full disk) is broken at once", async () => {
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(userLock(), "")
    const result = await letta(["-p", "hi"])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toContain("Invalid settings file")
    // Without waiting for the 10 s lock timeout (a generous bound).
    expect(result.durationMs).toBeLessThan(8_000)
    expect(readdirSync(join(sandbox.home, ".letta")).filter((name) => name.includes(".lock"))).toEqual([])
  })

  it("a lock a dead process left is broken at once", async () => {
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(userLock(), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: "dead", createdAt: Date.now() }))
    const result = await letta(["-p", "hi"])
    expect(result.code, result.stderr).toBe(0)
    expect(result.durationMs).toBeLessThan(8_000)
  })

  it("a lock held by a live process: a lock problem (exit 1), nothing created on the server", async () => {
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    const held = JSON.stringify({ pid: process.pid, host: hostname(), token: "live", createdAt: Date.now() })
    writeFileSync(userLock(), held)
    const result = await letta(["-p", "hi"], { timeoutMs: 40_000 })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("Cannot lock the settings file")
    expect(result.stderr).toContain(`held by process ${process.pid}`)
    expect(result.stderr).not.toContain("Invalid settings file")
    expectNoStack(result)
    expect(creations()).toEqual([])
    expect(readFileSync(userLock(), "utf8")).toBe(held)
  }, 60_000)
})

/**
 * Runs the binary as a user that cannot write the home directory: as root (who can write
 * anything) the child runs as `nobody`, with the sandbox handed to it.
 */
const runUnprivileged = (args: ReadonlyArray<string>): Promise<RunResult> =>
  new Promise((done, fail) => {
    const root = process.getuid?.() === 0
    const nobody = 65534
    if (root) {
      const chownTree = (dir: string) => {
        chownSync(dir, nobody, nobody)
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name)
          if (entry.isDirectory()) chownTree(path)
          else chownSync(path, nobody, nobody)
        }
      }
      // The checkout may sit in a directory only root can enter (mktemp -d is 0700): nobody
      // runs a copy of the built bundle from inside the sandbox.
      cpSync(dirname(LETTA_BIN), join(sandbox.root, "dist"), { recursive: true })
      chownTree(sandbox.root)
    }
    const bin = root ? join(sandbox.root, "dist", basename(LETTA_BIN)) : LETTA_BIN
    const started = Date.now()
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: sandbox.project,
      env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: sandbox.home, NO_COLOR: "1", LETTA_BASE_URL: server.url, LETTA_API_KEY: API_KEY },
      stdio: ["ignore", "pipe", "pipe"],
      ...(root ? { uid: nobody, gid: nobody } : {})
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000)
    child.on("error", fail)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, stdout, stderr, durationMs: Date.now() - started })
    })
  })

describe("a home that cannot be written", () => {
  it("read-only HOME on a first run: a clear error (exit 1), no block or agent created", async () => {
    chmodSync(sandbox.home, 0o555)
    const result = await runUnprivileged(["-p", "hi"])
    chmodSync(sandbox.home, 0o755)
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toContain(`Cannot write the settings file ${join(sandbox.home, ".letta", "settings.json")}`)
    expect(result.stderr).not.toContain("Invalid settings file")
    expectNoStack(result)
    expect(creations()).toEqual([])
    expect(server.blocks()).toEqual([])
  })

  it("read-only ~/.letta with its blocks already made: no agent created", async () => {
    const first = await runUnprivileged(["-p", "warm up"])
    expect(first.code, first.stderr).toBe(0)
    const before = creations().length
    chmodSync(join(sandbox.home, ".letta"), 0o555)
    const result = await runUnprivileged(["-p", "hi"])
    chmodSync(join(sandbox.home, ".letta"), 0o755)
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/Cannot (lock|write) the settings file/)
    expectNoStack(result)
    expect(creations().length).toBe(before)
    expect(server.agents()).toHaveLength(1)
  })
})

describe("a symlinked settings file", () => {
  it("stays a symlink; its target gets the update, written in the target's directory", async () => {
    const dotfiles = join(sandbox.root, "dotfiles")
    mkdirSync(dotfiles)
    mkdirSync(join(sandbox.home, ".letta"))
    const target = join(dotfiles, "letta-settings.json")
    writeFileSync(target, JSON.stringify({ custom: { kept: true } }))
    chmodSync(target, 0o600)
    const link = join(sandbox.home, ".letta", "settings.json")
    symlinkSync("../../dotfiles/letta-settings.json", link)
    const result = await letta(["-p", "hi"])
    expect(result.code, result.stderr).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe("../../dotfiles/letta-settings.json")
    const saved = JSON.parse(readFileSync(target, "utf8")) as Record<string, unknown>
    expect(saved["custom"]).toEqual({ kept: true })
    expect(typeof saved["lastAgent"]).toBe("string")
    expect(saved["globalSharedBlockIds"]).toBeDefined()
    expect(lstatSync(target).mode & 0o777).toBe(0o600)
    expect(readdirSync(dotfiles)).toEqual(["letta-settings.json"])
    expect(readdirSync(join(sandbox.home, ".letta")).filter((name) => name.endsWith(".tmp"))).toEqual([])
  })

  it("a symlink to a symlink is followed to the end", async () => {
    const dotfiles = join(sandbox.root, "dotfiles")
    mkdirSync(dotfiles)
    mkdirSync(join(sandbox.home, ".letta"))
    const target = join(dotfiles, "real.json")
    writeFileSync(target, "{}")
    symlinkSync(target, join(dotfiles, "middle.json"))
    symlinkSync(join(dotfiles, "middle.json"), join(sandbox.home, ".letta", "settings.json"))
    const result = await letta(["-p", "hi"])
    expect(result.code, result.stderr).toBe(0)
    expect(lstatSync(join(dotfiles, "middle.json")).isSymbolicLink()).toBe(true)
    expect(lstatSync(join(sandbox.home, ".letta", "settings.json")).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(target, "utf8"))).toHaveProperty("lastAgent")
  })
})
