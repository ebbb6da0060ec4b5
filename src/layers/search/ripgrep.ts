/**
 * The ripgrep engine of Grep: finds `rg` on PATH (once per PATH value), runs it with flags that
 * make it pick files by the same rules as the in-process engine, and reads its results back
 * into the same shape (JSON lines for content and counts, NUL-separated paths otherwise).
 */
import { accessSync, constants, statSync } from "node:fs"
import { delimiter, dirname, join } from "node:path"
import * as Effect from "effect/Effect"
import { toolEnvironment } from "../shellNode/toolEnvironment.js"
import { nodeChildProcess } from "../../platform/builtins.js"
import { LineSplitter } from "./lineSplitter.js"
import { followScratchFile, openScratchFile } from "./scratchFile.js"
import type { GrepFileResult, GrepLine, GrepOutcome, GrepRequest } from "../../services/Search.js"
import { isRecord } from "../../domain/records.js"

let detected: { readonly path: string | undefined; readonly rg: string | undefined } | undefined

/** The absolute path of `rg` on PATH, if there is one. */
export const findRipgrep = (pathVariable: string | undefined = process.env["PATH"]): string | undefined => {
  if (detected !== undefined && detected.path === pathVariable) return detected.rg
  let rg: string | undefined
  for (const directory of (pathVariable ?? "").split(delimiter)) {
    if (directory === "") continue
    const candidate = join(directory, "rg")
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) {
        rg = candidate
        break
      }
    } catch {
      // not here
    }
  }
  detected = { path: pathVariable, rg }
  return rg
}

/** The private type name our `type` globs are registered under. */
const TYPE_NAME = "lettatype"

export const ripgrepArguments = (request: GrepRequest): Array<string> => {
  const args = [
    "--no-config",
    "--no-messages",
    "--no-require-git",
    "--no-ignore-global",
    "--no-ignore-exclude",
    "--color",
    "never"
  ]
  if (request.ignoreCase) args.push("--ignore-case")
  else args.push("--case-sensitive")
  if (request.multiline) args.push("--multiline", "--multiline-dotall")
  for (const glob of request.typeGlobs ?? []) args.push("--type-add", `${TYPE_NAME}:${glob}`)
  if (request.typeGlobs !== undefined) args.push("--type", TYPE_NAME)
  if (request.glob !== undefined) args.push("--glob", request.glob)
  // Last, so that it wins over a user glob that happens to match `.git`.
  args.push("--glob", "!.git")
  if (request.mode === "files_with_matches") args.push("--files-with-matches", "--null")
  // Not --count: it counts matches in multiline mode and says nothing about a file where it
  // met a NUL byte after some matches, while --json reports those lines as content mode shows them.
  else {
    args.push("--json")
    if (request.mode === "content") {
      args.push("--before-context", String(request.before), "--after-context", String(request.after))
    }
  }
  args.push("--regexp", request.pattern, "--", request.root)
  return args
}

/** ripgrep's `{"text": ...}` or `{"bytes": base64}` for data that is not valid UTF-8. */
const dataText = (value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined
  const text = value["text"]
  if (typeof text === "string") return text
  const bytes = value["bytes"]
  return typeof bytes === "string" ? Buffer.from(bytes, "base64").toString("utf8") : undefined
}

interface Collected {
  matchedLines: number
  readonly lines: Array<GrepLine>
  /** Read as soon as rg names the file, while it still searches (Grep lists files newest first). */
  readonly mtimeMs: number | undefined
}

const mtimeOf = (path: string): number | undefined => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.mtimeMs
  } catch {
    return undefined
  }
}

/** The `data` object of one rg `--json` line whose type is one of `types`, if it parses. */
const jsonData = (line: string, types: ReadonlyArray<string>): Record<string, unknown> | undefined => {
  if (!types.some((type) => line.startsWith(`{"type":"${type}"`))) return undefined
  let message: unknown
  try {
    message = JSON.parse(line)
  } catch {
    return undefined
  }
  return isRecord(message) && isRecord(message["data"]) ? message["data"] : undefined
}

/** Adds one `--json` message to `files`. */
const collectJson = (line: string, files: Map<string, Collected>): void => {
  const data = jsonData(line, ["match", "context"])
  if (data === undefined) return
  const path = dataText(data["path"])
  const text = dataText(data["lines"])
  const first = data["line_number"]
  if (path === undefined || text === undefined || typeof first !== "number") return
  let file = files.get(path)
  if (file === undefined) {
    file = { matchedLines: 0, lines: [], mtimeMs: mtimeOf(path) }
    files.set(path, file)
  }
  const lines = text.split("\n")
  if (text.endsWith("\n")) lines.pop()
  const match = line.startsWith('{"type":"match"')
  if (match) file.matchedLines += lines.length
  lines.forEach((lineText, index) => file.lines.push({ number: first + index, text: lineText, match }))
}

/** Adds the matching-line count of one `--json` "end" message to `files`. */
const collectEnd = (line: string, files: Map<string, Collected>): void => {
  const data = jsonData(line, ["end"])
  if (data === undefined) return
  const path = dataText(data["path"])
  const stats = data["stats"]
  const matched = isRecord(stats) ? stats["matched_lines"] : undefined
  if (path === undefined || typeof matched !== "number" || matched === 0) return
  files.set(path, { matchedLines: matched, lines: [], mtimeMs: mtimeOf(path) })
}

interface Finished {
  readonly stderr: string
  readonly exitCode: number | null
}

/**
 * Runs `rg` with its stdout going to a file descriptor, or through a pipe to `stdout` in byte
 * chunks. A plain child process: on a search with thousands of results, @effect/platform's
 * Command added ~200 ms (~50%) to ripgrep's own time. Interrupting the effect kills rg.
 */
const runRipgrep = (rg: string, args: ReadonlyArray<string>, cwd: string, stdout: number | ((bytes: Buffer) => void)) =>
  Effect.async<Finished, Error>((resume) => {
    const child = nodeChildProcess().spawn(rg, args, { cwd, stdio: ["ignore", typeof stdout === "number" ? stdout : "pipe", "pipe"], env: toolEnvironment() })
    const stderr: Array<string> = []
    child.stderr?.setEncoding("utf8")
    if (typeof stdout !== "number") child.stdout?.on("data", stdout)
    child.stderr?.on("data", (text: string) => stderr.push(text))
    child.once("error", (error) => resume(Effect.fail(error)))
    child.once("close", (exitCode) => resume(Effect.succeed({ stderr: stderr.join(""), exitCode })))
    return Effect.sync(() => {
      child.kill("SIGKILL")
    })
  })

/** rg's complaint when it could not write all of its results. */
const OUT_OF_SPACE = /No space left|os error 28|Disk quota/i

/**
 * Runs `rg` with its stdout in a scratch file, read as it grows: every write rg makes to a pipe
 * (one per file with results) wakes this process, ~95 µs apiece on a small VM, which added
 * 40–60 % to rg's own time on 5 000 matching files; polling the file costs a wake-up every 15 ms,
 * and the results are taken in while rg still searches. Through a pipe when no scratch file can
 * be made.
 */
const runRipgrepToScratch = (rg: string, args: ReadonlyArray<string>, cwd: string, onStdout: (bytes: Buffer) => void) =>
  Effect.acquireUseRelease(
    Effect.sync(openScratchFile),
    (scratch) =>
      Effect.gen(function* () {
        if (scratch === undefined) return yield* runRipgrep(rg, args, cwd, onStdout)
        let exited = false
        const run = Effect.ensuring(
          runRipgrep(rg, args, cwd, scratch.fd),
          Effect.sync(() => (exited = true))
        )
        const follow = Effect.tryPromise({
          try: (signal) => followScratchFile(scratch, onStdout, () => exited, signal),
          catch: (error) => (error instanceof Error ? error : new Error(String(error)))
        })
        const [finished] = yield* Effect.all([run, follow], { concurrency: "unbounded" })
        // Better the built-in engine's answer than a silent half of rg's.
        if (finished.exitCode === 2 && OUT_OF_SPACE.test(finished.stderr)) {
          return yield* Effect.fail(new Error(`ripgrep could not write its results: ${finished.stderr.trim()}`))
        }
        return finished
      }),
    (scratch) => Effect.sync(() => scratch?.close())
  )

/** Runs ripgrep (at `rg`) for `request`. */
export const ripgrepSearch = (rg: string, request: GrepRequest) =>
  Effect.gen(function* () {
    const files = new Map<string, Collected>()
    let onStdout: (bytes: Buffer) => void
    let finish = () => {}
    if (request.mode === "files_with_matches") {
      const addPath = (path: string) => files.set(path, { matchedLines: 1, lines: [], mtimeMs: mtimeOf(path) })
      // The start of a path whose NUL has not come yet; copied, as the chunk's buffer is reused.
      let rest = Buffer.alloc(0)
      onStdout = (bytes) => {
        const data = rest.length === 0 ? bytes : Buffer.concat([rest, bytes])
        let start = 0
        for (let nul = data.indexOf(0); nul !== -1; nul = data.indexOf(0, start)) {
          if (nul > start) addPath(data.toString("utf8", start, nul))
          start = nul + 1
        }
        rest = Buffer.from(data.subarray(start))
      }
      finish = () => {
        if (rest.length > 0) addPath(rest.toString("utf8"))
      }
    } else {
      // Counting line by line, the "end" message of each file has the number of matching lines.
      const endsOnly = request.mode === "count" && !request.multiline
      const splitter = new LineSplitter(
        endsOnly ? (line) => collectEnd(line, files) : (line) => collectJson(line, files),
        endsOnly ? ['{"type":"end"'] : ['{"type":"match"', '{"type":"context"']
      )
      onStdout = (bytes) => splitter.push(bytes)
      finish = () => splitter.end()
    }
    const cwd = request.rootIsFile ? dirname(request.root) : request.root
    const { exitCode, stderr } = yield* runRipgrepToScratch(rg, ripgrepArguments(request), cwd, onStdout)
    finish()
    const results: Array<GrepFileResult> = [...files].map(([path, file]) => ({
      path,
      matchedLines: file.matchedLines,
      lines: request.mode === "content" ? file.lines : [],
      ...(file.mtimeMs === undefined ? {} : { mtimeMs: file.mtimeMs })
    }))
    // 0: matches, 1: none, 2: an error (possibly after some matches).
    if (exitCode === 2 && results.length === 0) {
      const message = stderr.trim()
      const outcome: GrepOutcome = /regex|parse error|syntax/i.test(message)
        ? { _tag: "InvalidPattern", message }
        : { _tag: "Failed", message: message === "" ? "ripgrep failed (exit code 2)" : message }
      return outcome
    }
    const outcome: GrepOutcome = { _tag: "Found", files: results }
    return outcome
  })
