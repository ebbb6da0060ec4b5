// The local backend's rows of `npm run bench` (LOCAL-BACKEND.md §7), used by bench/run.mjs:
// a warm local turn against the zero-latency fake provider, `--help` leaving SQLite and the
// providers alone, and the store and context compiler on a 100 000-message agent
// (bench/localStore.ts, bundled here from src with better-sqlite3 left external).
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { build } from "esbuild"
import { FakeProvider } from "../dist/fake-provider-lib.mjs"

const ROOT = resolve(import.meta.dirname, "..")
// Under node_modules so that the bundle finds better-sqlite3 (and git ignores it).
const OUT_DIR = join(ROOT, "node_modules", ".cache", "letta-bench")
const STORE_BENCH = join(OUT_DIR, "local-store.mjs")

/** The model the local turns use: `ollama/<MODEL>` against the fake provider. */
export const LOCAL_MODEL = "qwen3"

/** No LETTA_* variable (the backend would be the cloud), no provider key or base URL from this machine. */
export const localEnv = (home, provider) => {
  const env = { HOME: home, OLLAMA_HOST: provider.origin, LMSTUDIO_BASE_URL: "http://127.0.0.1:9/v1" }
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("LETTA_")) env[name] = undefined
  }
  for (const name of ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"]) env[name] = undefined
  return env
}

export const startLocalProvider = () => FakeProvider.start("openai-chat", { models: [LOCAL_MODEL] })

/**
 * `letta --help` with the local backend as the default (no LETTA_*): records which modules the
 * process loaded (a preload lists require.cache at exit) and checks that better-sqlite3 is not
 * among them, that no database was created and that the provider heard nothing.
 */
export const helpLoadsNothingLocal = async (runOnce, letta, provider) => {
  const dir = mkdtempSync(join(tmpdir(), "letta-bench-help-"))
  try {
    const preload = join(dir, "preload.cjs")
    const listing = join(dir, "loaded.json")
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(listing)}, JSON.stringify(Object.keys(require.cache))))\n`
    )
    const home = join(dir, "home")
    mkdirSync(home)
    const before = provider.requests.length
    await runOnce(process.execPath, ["--require", preload, letta, "--help"], { cwd: dir, env: localEnv(home, provider) })
    const loaded = JSON.parse(readFileSync(listing, "utf8"))
    const sqlite = loaded.some((file) => file.includes("better-sqlite3"))
    const database = existsSync(join(home, ".letta", "local"))
    const contacted = provider.requests.length - before
    const problems = [sqlite && "better-sqlite3 loaded", database && "database created", contacted > 0 && `${contacted} provider requests`].filter(Boolean)
    return { ok: problems.length === 0, detail: problems.length === 0 ? "no better-sqlite3, no database, 0 requests" : problems.join(", ") }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const runNode = (args) =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => (code === 0 ? resolvePromise(JSON.parse(stdout.trim().split("\n").pop())) : reject(new Error(`${args.join(" ")} exited ${code}: ${stderr.slice(0, 1000)}`))))
  })

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * The store on a 100 000-message agent: opening and migrating the database (each in a fresh
 * process, as a run opens it), compiling a step's context and conversation_search (medians in
 * one process). Returns the figures; bench/run.mjs prints them.
 */
export const storeBench = async ({ messages = 100_000, opens = 11 } = {}) => {
  mkdirSync(OUT_DIR, { recursive: true })
  await build({
    entryPoints: [join(ROOT, "bench", "localStore.ts")],
    outfile: STORE_BENCH,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external: ["better-sqlite3"],
    logLevel: "warning",
    banner: { js: "import { createRequire as __lettaCreateRequire } from 'node:module';\nconst require = __lettaCreateRequire(import.meta.url);" }
  })
  const dir = mkdtempSync(join(tmpdir(), "letta-bench-store-"))
  try {
    const path = join(dir, "letta.db")
    const built = await runNode([STORE_BENCH, "build", path, String(messages)])
    const openTimes = []
    for (let i = 0; i < opens; i++) openTimes.push((await runNode([STORE_BENCH, "open", path])).openMs)
    const fresh = []
    for (let i = 0; i < 5; i++) fresh.push((await runNode([STORE_BENCH, "open", join(dir, `new-${i}`, "letta.db")])).openMs)
    const measured = await runNode([STORE_BENCH, "measure", path, built.agentId])
    return { built, opens, openMs: median(openTimes), createMs: median(fresh), ...measured }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
