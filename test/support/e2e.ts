/**
 * Runs the BUILT binary (dist/letta.js) the way a user would: a fresh temp HOME and project
 * directory, a fake server URL, optional stdin. Every child is bounded in time and killed by
 * its PID if it overruns.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

export const LETTA_BIN = resolve(import.meta.dirname, "../../dist/letta.js")

export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly durationMs: number
}

export interface Sandbox {
  readonly home: string
  readonly project: string
  readonly root: string
  /** Reads a settings file as JSON (undefined when absent). */
  readonly settings: (which: "user" | "project" | "local") => Record<string, unknown> | undefined
  readonly cleanup: () => void
}

export const makeSandbox = (): Sandbox => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "letta-e2e-")))
  const home = join(root, "home")
  const project = join(root, "project")
  mkdirSync(home)
  mkdirSync(project)
  const paths = {
    user: join(home, ".letta", "settings.json"),
    project: join(project, ".letta", "settings.json"),
    local: join(project, ".letta", "settings.local.json")
  }
  return {
    home,
    project,
    root,
    settings: (which) => {
      try {
        const parsed: unknown = JSON.parse(readFileSync(paths[which], "utf8"))
        return typeof parsed === "object" && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : undefined
      } catch {
        return undefined
      }
    },
    cleanup: () => rmSync(root, { recursive: true, force: true })
  }
}

export interface RunOptions {
  readonly sandbox: Sandbox
  readonly serverUrl?: string
  readonly env?: Record<string, string | undefined>
  /** Written to stdin, then closed. Without it (or stdinFile) stdin is /dev/null. */
  readonly stdin?: string
  /** A file to redirect stdin from, as `letta < file` does. */
  readonly stdinFile?: string
  readonly timeoutMs?: number
  readonly cwd?: string
  /** Called once the child is spawned (e.g. to send it a signal later). */
  readonly onSpawn?: (child: ChildProcess) => void
}

export const runLetta = (args: ReadonlyArray<string>, options: RunOptions): Promise<RunResult> =>
  new Promise((resolvePromise, reject) => {
    const started = Date.now()
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !key.startsWith("LETTA_")) env[key] = value
    }
    env["HOME"] = options.sandbox.home
    env["NO_COLOR"] = "1"
    if (options.serverUrl !== undefined) env["LETTA_BASE_URL"] = options.serverUrl
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key]
      else env[key] = value
    }
    const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, "r")
    const child = spawn(process.execPath, [LETTA_BIN, ...args], {
      cwd: options.cwd ?? options.sandbox.project,
      env,
      stdio: [stdinFd ?? (options.stdin === undefined ? "ignore" : "pipe"), "pipe", "pipe"]
    })
    if (stdinFd !== undefined) closeSync(stdinFd)
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    if (options.stdin !== undefined) child.stdin?.end(options.stdin)
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`letta ${args.join(" ")} did not finish within ${options.timeoutMs ?? 20_000} ms\nstderr: ${stderr}`))
    }, options.timeoutMs ?? 20_000)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code, signal, stdout, stderr, durationMs: Date.now() - started })
    })
    options.onSpawn?.(child)
  })

/** Every line of stream-json output, parsed (throws on a line that is not JSON). */
export const parseLines = (stdout: string): Array<Record<string, unknown>> =>
  stdout
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const value: unknown = JSON.parse(line)
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`not an object: ${line}`)
      return Object.fromEntries(Object.entries(value))
    })

/** Checks stream-json lines and json results against the published schemas in schemas/. */
export const schemaValidator = async () => {
  const { Ajv } = await import("ajv")
  const ajv = new Ajv({ strict: false, allErrors: true })
  const load = (file: string): object => {
    const parsed: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../schemas", file), "utf8"))
    if (typeof parsed !== "object" || parsed === null) throw new Error(`${file} is not a schema`)
    return parsed
  }
  const line = ajv.compile(load("stream-json-line.schema.json"))
  const result = ajv.compile(load("json-result.schema.json"))
  return {
    line: (value: unknown) => (line(value) ? undefined : ajv.errorsText(line.errors)),
    result: (value: unknown) => (result(value) ? undefined : ajv.errorsText(result.errors))
  }
}
