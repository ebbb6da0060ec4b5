/**
 * Shell on node:child_process. Each command runs as `bash -c` in a new process group
 * (`detached: true`), so a timeout or an interruption can kill everything it started,
 * grandchildren included, with one signal to the group.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { statSync } from "node:fs"
import { StringDecoder } from "node:string_decoder"
import { Effect, Layer } from "effect"
import { Shell, ShellSpawnError, type ShellResult, type ShellRunOptions } from "../services/Shell.js"

/**
 * stdout and stderr share ONE pipe, so their order is the order of the writes. With two pipes
 * the parent sees them in whatever order it polls them: `echo a; echo b >&2; echo c` came back
 * as "a c b" more often than not. The outer bash points fd 2 at fd 1 and then execs (same pid,
 * same group) a bash that runs the command text untouched, so `$0`, line numbers and syntax
 * error messages are exactly those of `bash -c command`.
 */
const MERGE_STDERR = 'exec 2>&1; exec bash -c "$1"'

/** Time the group gets to exit after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 2_000
/**
 * After SIGKILL, how long we keep waiting for the pipes to close. They stay open only if a
 * process outside the group (one that called setsid) inherited them; we then stop waiting.
 */
const PIPE_CLOSE_GRACE_MS = 2_000

/** Sends `signal` to the whole process group led by `pid`. False when the group is gone. */
const signalGroup = (pid: number, signal: NodeJS.Signals): boolean => {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

const spawnErrorMessage = (cwd: string, error: Error): string => {
  try {
    if (!statSync(cwd).isDirectory()) return `Cannot run command: working directory is not a directory: ${cwd}`
  } catch {
    return `Cannot run command: working directory does not exist: ${cwd}`
  }
  return `Cannot start bash: ${error.message}`
}

/** Collects the output (stdout, and stderr should anything reach its own pipe) in arrival order, keeping at most `max` characters. */
class OutputBuffer {
  private readonly parts: Array<string> = []
  private kept = 0
  truncatedChars = 0

  constructor(private readonly max: number) {}

  append(text: string): void {
    if (text.length === 0) return
    const room = this.max - this.kept
    if (room >= text.length) {
      this.parts.push(text)
      this.kept += text.length
      return
    }
    let take = Math.max(0, room)
    // Do not split a surrogate pair at the cut.
    if (take > 0) {
      const last = text.charCodeAt(take - 1)
      if (last >= 0xd800 && last <= 0xdbff) take -= 1
    }
    if (take > 0) {
      this.parts.push(text.slice(0, take))
      this.kept += take
    }
    this.truncatedChars += text.length - take
    // Once full, nothing more is appended: `room` stays <= 0 and only the count grows.
    if (this.kept < this.max) this.kept = this.max
  }

  get text(): string {
    return this.parts.join("")
  }
}

const run = (options: ShellRunOptions): Effect.Effect<ShellResult, ShellSpawnError> =>
  Effect.async<ShellResult, ShellSpawnError>((resume) => {
    const startedAt = performance.now()
    const output = new OutputBuffer(Math.max(0, options.maxOutputChars))
    let child: ChildProcess
    try {
      child = spawn("bash", ["-c", MERGE_STDERR, "bash", options.command], {
        cwd: options.cwd,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: process.env
      })
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error))
      resume(Effect.fail(new ShellSpawnError({ message: spawnErrorMessage(options.cwd, cause) })))
      return
    }

    let settled = false
    let timedOut = false
    let exited = false
    let closed = false
    let exitCode: number | null = null
    let exitSignal: string | null = null
    let killing = false
    const timers: Array<NodeJS.Timeout> = []
    const closeWaiters: Array<() => void> = []

    const clearTimers = () => {
      for (const timer of timers) clearTimeout(timer)
      timers.length = 0
    }

    const stdoutDecoder = new StringDecoder("utf8")
    const stderrDecoder = new StringDecoder("utf8")
    child.stdout?.on("data", (chunk: Buffer) => output.append(stdoutDecoder.write(chunk)))
    child.stderr?.on("data", (chunk: Buffer) => output.append(stderrDecoder.write(chunk)))

    /** Called once the child has exited and its pipes are closed (or we gave up on them). */
    const finish = () => {
      if (closed) return
      closed = true
      clearTimers()
      output.append(stdoutDecoder.end())
      output.append(stderrDecoder.end())
      for (const wake of closeWaiters.splice(0)) wake()
      if (settled) return
      settled = true
      resume(
        Effect.succeed({
          output: output.text,
          truncatedChars: output.truncatedChars,
          exitCode,
          signal: exitSignal,
          timedOut,
          durationMs: Math.round(performance.now() - startedAt)
        })
      )
    }

    /** SIGTERM to the group, SIGKILL after the grace period, then stop waiting on the pipes. */
    const killGroup = () => {
      const pid = child.pid
      if (killing || closed || pid === undefined) return
      killing = true
      signalGroup(pid, "SIGTERM")
      const escalate = setTimeout(() => {
        // Members that ignored SIGTERM (even ones that let go of the pipes) are killed too.
        signalGroup(pid, "SIGKILL")
        if (closed) return
        const giveUp = setTimeout(() => {
          if (!exited) return
          child.stdout?.destroy()
          child.stderr?.destroy()
          finish()
        }, PIPE_CLOSE_GRACE_MS)
        giveUp.unref()
      }, KILL_GRACE_MS)
      // Not cleared on close: a group member without our pipes may still be alive.
      escalate.unref()
    }

    child.once("error", (error) => {
      if (child.pid !== undefined) {
        // An error after a successful spawn (e.g. a failed kill) is not a spawn failure.
        return
      }
      closed = true
      clearTimers()
      for (const wake of closeWaiters.splice(0)) wake()
      if (settled) return
      settled = true
      resume(Effect.fail(new ShellSpawnError({ message: spawnErrorMessage(options.cwd, error) })))
    })
    child.once("exit", (code, signal) => {
      exited = true
      exitCode = code
      exitSignal = signal
    })
    child.once("close", (code, signal) => {
      exited = true
      exitCode = code
      exitSignal = signal
      finish()
    })

    if (child.pid !== undefined) {
      const timeout = setTimeout(() => {
        timedOut = true
        killGroup()
      }, Math.max(1, options.timeoutMs))
      timers.push(timeout)
    }

    // Interruption: kill the group and wait until the child is gone (or we gave up on it).
    return Effect.async<void>((resumeCleanup) => {
      settled = true
      if (closed) {
        resumeCleanup(Effect.void)
        return
      }
      closeWaiters.push(() => resumeCleanup(Effect.void))
      clearTimers()
      killGroup()
    })
  })

export const ShellNode: Layer.Layer<Shell> = Layer.succeed(Shell, { run })
