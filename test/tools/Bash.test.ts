import { mkdtemp, realpath, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { afterEach, beforeEach } from "vitest"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { Shell, type ShellResult, type ShellRunOptions } from "../../src/services/Shell.js"
import { ToolOutputSink } from "../../src/services/Tools.js"
import { Workspace } from "../../src/services/Workspace.js"
import { Bash, BASH_MAX_OUTPUT_CHARS, clampTimeout, formatBashResult } from "../../src/tools/Bash.js"

let dir = ""
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), "letta-bash-")))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const workspace = () => Layer.succeed(Workspace, { projectDir: dir, homeDir: dir })

/** Runs the tool as the registry would: decode, then execute the decoded arguments. */
const bash = (args: unknown, shell: Layer.Layer<Shell> = ShellNode) =>
  Effect.gen(function* () {
    const decoded = Bash.decode(args)
    if (Either.isLeft(decoded)) return yield* Effect.dieMessage(`bad args: ${decoded.left}`)
    return yield* Bash.execute(decoded.right)
  }).pipe(Effect.provide(Layer.merge(shell, workspace())))

const result = (overrides: Partial<ShellResult>): ShellResult => ({
  output: "",
  truncatedChars: 0,
  exitCode: 0,
  signal: null,
  timedOut: false,
  durationMs: 1,
  ...overrides
})

/** A Shell that records what it was asked to run. */
const recordingShell = (seen: Array<ShellRunOptions>) =>
  Layer.succeed(Shell, {
    run: (options) =>
      Effect.sync(() => {
        seen.push(options)
        return result({ output: "ok\n" })
      }),
    spawnBackground: () => Effect.dieMessage("not used"),
    readNew: () => Effect.dieMessage("not used"),
    kill: () => Effect.dieMessage("not used"),
    background: Effect.dieMessage("not used")
  })

describe("Bash tool", () => {
  it.live("reports its output as it arrives to the live-output sink, and still returns all of it", () =>
    Effect.gen(function* () {
      const pieces: Array<{ readonly at: number; readonly text: string }> = []
      const started = Date.now()
      const output = yield* bash({ command: "echo one; sleep 0.3; echo two" }).pipe(
        Effect.locally(ToolOutputSink, (text: string) => pieces.push({ at: Date.now() - started, text }))
      )
      expect(output).toEqual({ status: "success", text: "one\ntwo\n" })
      expect(pieces.map((p) => p.text).join("")).toBe("one\ntwo\n")
      // "one" arrived while the command still ran, well before "two".
      const one = pieces.find((p) => p.text.includes("one"))!
      const two = pieces.find((p) => p.text.includes("two"))!
      expect(two.at - one.at).toBeGreaterThanOrEqual(200)
    }))

  it.live("without a sink nothing is asked of the shell beyond the command", () =>
    Effect.gen(function* () {
      const seen: Array<ShellRunOptions> = []
      yield* bash({ command: "true" }, recordingShell(seen))
      expect(seen[0]?.onOutput).toBeUndefined()
    }))

  it.live("returns the output of a successful command", () =>
    Effect.gen(function* () {
      const output = yield* bash({ command: "echo hello; echo oops >&2", description: "Print two lines" })
      expect(output).toEqual({ status: "success", text: "hello\noops\n" })
    }))

  it.live("runs in the project directory", () =>
    Effect.gen(function* () {
      const output = yield* bash({ command: "pwd" })
      expect(output.text).toBe(`${dir}\n`)
    }))

  it.live("says (no output) when there is none", () =>
    Effect.gen(function* () {
      expect(yield* bash({ command: "true" })).toEqual({ status: "success", text: "(no output)" })
    }))

  it.live("reports a non-zero exit code as an error", () =>
    Effect.gen(function* () {
      expect(yield* bash({ command: "echo partial; exit 3" })).toEqual({
        status: "error",
        text: "partial\nExit code: 3"
      })
      expect(yield* bash({ command: "printf 'no newline'; exit 1" })).toEqual({
        status: "error",
        text: "no newline\nExit code: 1"
      })
      expect(yield* bash({ command: "exit 4" })).toEqual({ status: "error", text: "(no output)\nExit code: 4" })
    }))

  it.live("reports a timeout with the partial output", () =>
    Effect.gen(function* () {
      const output = yield* bash({ command: "echo before; sleep 30", timeout: 1000 })
      expect(output).toEqual({
        status: "error",
        text: "before\nCommand timed out after 1000 ms and was killed."
      })
    }))

  it.live("reports the signal that killed the command", () =>
    Effect.gen(function* () {
      expect(yield* bash({ command: "kill -TERM $$" })).toEqual({
        status: "error",
        text: "(no output)\nKilled by signal SIGTERM"
      })
    }))

  it.live(`caps the output at ${BASH_MAX_OUTPUT_CHARS} characters and says how much was cut`, () =>
    Effect.gen(function* () {
      const output = yield* bash({ command: "head -c 42345 /dev/zero | tr '\\0' a" })
      expect(output.status).toBe("success")
      expect(output.text).toBe(`${"a".repeat(30_000)}\n\n[output truncated: 12345 more characters were cut]`)
    }))

  it.live("reports a missing project directory as an error", () =>
    Effect.gen(function* () {
      const missing = join(dir, "gone")
      const output = yield* Effect.gen(function* () {
        const decoded = Bash.decode({ command: "echo hi" })
        if (Either.isLeft(decoded)) return yield* Effect.dieMessage("bad args")
        return yield* Bash.execute(decoded.right)
      }).pipe(Effect.provide(Layer.merge(ShellNode, Layer.succeed(Workspace, { projectDir: missing, homeDir: dir }))))
      expect(output).toEqual({
        status: "error",
        text: `Cannot run command: working directory does not exist: ${missing}`
      })
    }))

  it.effect("passes the default timeout, the clamped timeout and the output cap to the Shell", () =>
    Effect.gen(function* () {
      const seen: Array<ShellRunOptions> = []
      yield* bash({ command: "a" }, recordingShell(seen))
      yield* bash({ command: "b", timeout: 5_000 }, recordingShell(seen))
      yield* bash({ command: "c", timeout: 9_999_999 }, recordingShell(seen))
      yield* bash({ command: "d", timeout: 0 }, recordingShell(seen))
      expect(seen.map((options) => [options.command, options.timeoutMs, options.maxOutputChars, options.cwd])).toEqual([
        ["a", 120_000, 30_000, dir],
        ["b", 5_000, 30_000, dir],
        ["c", 600_000, 30_000, dir],
        ["d", 1, 30_000, dir]
      ])
    }))

  it("clamps timeouts to 1..600000 ms", () => {
    expect(clampTimeout(undefined)).toBe(120_000)
    expect(clampTimeout(-5)).toBe(1)
    expect(clampTimeout(1234.4)).toBe(1234)
    expect(clampTimeout(600_001)).toBe(600_000)
  })

  it("formats each kind of result", () => {
    expect(formatBashResult(result({ output: "x", truncatedChars: 5 }), 10)).toEqual({
      status: "success",
      text: "x\n\n[output truncated: 5 more characters were cut]"
    })
    expect(formatBashResult(result({ output: "x\n", exitCode: 2, truncatedChars: 5 }), 10)).toEqual({
      status: "error",
      text: "x\n\n[output truncated: 5 more characters were cut]\nExit code: 2"
    })
    expect(formatBashResult(result({ exitCode: null, signal: null, timedOut: true }), 10)).toEqual({
      status: "error",
      text: "(no output)\nCommand timed out after 10 ms and was killed."
    })
  })

  it.live("run_in_background starts the command and returns its id at once, without a timeout", () =>
    Effect.gen(function* () {
      const started = Date.now()
      const first = yield* Bash.execute({ command: "sleep 0.6; echo late", run_in_background: true, timeout: 1 })
      const second = yield* Bash.execute({ command: "true", run_in_background: true })
      expect(Date.now() - started).toBeLessThan(500)
      expect(first).toEqual({
        status: "success",
        text: 'Started in the background with ID bash_1. Read its output with BashOutput (bash_id "bash_1"); stop it with KillBash (shell_id "bash_1").'
      })
      expect(second.text).toContain("ID bash_2.")
      const shell = yield* Shell
      // The 1 ms timeout is not applied: the job runs to its end.
      yield* Effect.sleep("900 millis")
      const read = yield* shell.readNew("bash_1")
      expect(read.output).toBe("late\n")
      expect(read.info.status).toEqual({ _tag: "Exited", exitCode: 0, signal: null })
    }).pipe(Effect.provide(Layer.merge(ShellNode, workspace()))))

  it.live("reports a background command that cannot start", () =>
    Effect.gen(function* () {
      const missing = join(dir, "gone")
      const output = yield* Bash.execute({ command: "echo hi", run_in_background: true }).pipe(
        Effect.provide(Layer.merge(ShellNode, Layer.succeed(Workspace, { projectDir: missing, homeDir: dir })))
      )
      expect(output).toEqual({ status: "error", text: `Cannot run command: working directory does not exist: ${missing}` })
    }))

  it("describes run_in_background", () => {
    expect(Bash.spec.parameters).toHaveProperty(["properties", "run_in_background", "type"], "boolean")
    expect(Either.isRight(Bash.decode({ command: "sleep 1", run_in_background: true }))).toBe(true)
    expect(Bash.spec.description).toContain("BashOutput")
  })
})
