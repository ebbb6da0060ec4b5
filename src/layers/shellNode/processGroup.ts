/**
 * A `bash -c` command in its own process group (`detached: true`), so that one signal to the
 * group reaches everything it started, grandchildren included.
 */
import type { ChildProcess } from "node:child_process"
import { statSync } from "node:fs"
import { StringDecoder } from "node:string_decoder"
import { nodeChildProcess } from "../../platform/builtins.js"
import { MARKER, MARKER_VAR, trackLeader } from "./tracker.js"
import { toolEnvironment } from "./toolEnvironment.js"

/**
 * stdout and stderr share ONE pipe, so their order is the order of the writes. With two pipes
 * the parent sees them in whatever order it polls them: `echo a; echo b >&2; echo c` came back
 * as "a c b" more often than not. The outer bash points fd 2 at fd 1 and then execs (same pid,
 * same group) a bash that runs the command text untouched, so `$0`, line numbers and syntax
 * error messages are exactly those of `bash -c command`.
 */
const MERGE_STDERR = 'if [ -n "$2" ]; then export ' + MARKER_VAR + '="$2"; fi; exec 2>&1; exec bash -c "$1"'

/**
 * A foreground command is over when bash exits: output still in the pipe arrives within this
 * time; a background child (`sleep 30 &`) that holds the pipe open does not hold the call.
 */
const DRAIN_AFTER_EXIT_MS = 200

/** Time the group gets to exit after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 2_000
/**
 * After SIGKILL, how long we keep waiting for the pipes to close. They stay open only if a
 * process outside the group (one that called setsid) inherited them; we then stop waiting.
 */
const PIPE_CLOSE_GRACE_MS = 2_000

/** Sends `signal` to the whole process group led by `pid`. False when the group is gone. */
const signalGroup = (pid: number, signal: NodeJS.Signals | 0): boolean => {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

export const spawnErrorMessage = (cwd: string, error: Error): string => {
  try {
    if (!statSync(cwd).isDirectory()) return `Cannot run command: working directory is not a directory: ${cwd}`
  } catch {
    return `Cannot run command: working directory does not exist: ${cwd}`
  }
  return `Cannot start bash: ${error.message}`
}

export interface ProcessGroupOptions {
  /** Foreground: closed once bash has exited and the pipe drained, even if a child still holds it. */
  readonly endWithBash?: boolean
  /** A background job kept after the session: no marker, output to this file descriptor. */
  readonly keptOutputFd?: number
}

/**
 * `bash -c command` in its own process group. Text arrives through `onText`; listeners added
 * with `onClose` run once the process has exited and its pipes are closed (or we gave up on them),
 * or when it could not be started.
 */
export class ProcessGroup {
  readonly pid: number | undefined
  exited = false
  closed = false
  exitCode: number | null = null
  signal: string | null = null
  /** Set when bash could not be started. */
  spawnFailure: Error | undefined
  private child: ChildProcess | undefined
  private killing = false
  private readonly closeListeners: Array<() => void> = []
  private readonly stdoutDecoder = new StringDecoder("utf8")
  private readonly stderrDecoder = new StringDecoder("utf8")

  constructor(
    command: string,
    readonly cwd: string,
    private readonly onText: (text: string) => void,
    options: ProcessGroupOptions = {}
  ) {
    let child: ChildProcess
    const kept = options.keptOutputFd !== undefined
    try {
      // The marker lets the end-of-session sweep find what left the group (kept jobs have none).
      child = nodeChildProcess().spawn("bash", ["-c", MERGE_STDERR, "bash", command, kept ? "" : MARKER], {
        cwd,
        detached: true,
        stdio: kept ? ["ignore", options.keptOutputFd, options.keptOutputFd] : ["ignore", "pipe", "pipe"],
        env: toolEnvironment()
      })
    } catch (error) {
      this.spawnFailure = error instanceof Error ? error : new Error(String(error))
      this.pid = undefined
      this.closed = true
      return
    }
    this.child = child
    this.pid = child.pid
    if (child.pid !== undefined) trackLeader(child.pid, kept)
    if (kept) child.unref()
    child.stdout?.on("data", (chunk: Buffer) => this.emit(this.stdoutDecoder.write(chunk)))
    child.stderr?.on("data", (chunk: Buffer) => this.emit(this.stderrDecoder.write(chunk)))
    child.once("error", (error) => {
      // An error after a successful spawn (e.g. a failed kill) is not a spawn failure.
      if (child.pid !== undefined) return
      this.spawnFailure = error
      this.finish()
    })
    child.once("exit", (code, signal) => {
      this.exited = true
      this.exitCode = code
      this.signal = signal
      if (options.endWithBash === true && !this.closed) {
        const drained = setTimeout(() => this.stopReading(), DRAIN_AFTER_EXIT_MS)
        drained.unref()
        this.onClose(() => clearTimeout(drained))
      }
    })
    child.once("close", (code, signal) => {
      this.exited = true
      this.exitCode = code
      this.signal = signal
      this.finish()
    })
  }

  private emit(text: string): void {
    if (text.length > 0) this.onText(text)
  }

  private finish(): void {
    if (this.closed) return
    this.closed = true
    this.emit(this.stdoutDecoder.end())
    this.emit(this.stderrDecoder.end())
    for (const listener of this.closeListeners.splice(0)) listener()
  }

  /** Stops waiting for the pipes (something outside bash holds them) and closes. */
  private stopReading(): void {
    if (this.closed) return
    this.child?.stdout?.destroy()
    this.child?.stderr?.destroy()
    this.finish()
  }

  /** Runs `listener` once closed (at once if already closed). */
  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.closeListeners.push(listener)
  }

  /**
   * SIGTERM to the group, SIGKILL after the grace period (even once closed: members that
   * ignored SIGTERM and let go of the pipes are killed too), then stop waiting on the pipes.
   */
  kill(): void {
    const pid = this.pid
    if (pid === undefined || this.killing) return
    this.killing = true
    const alive = signalGroup(pid, "SIGTERM")
    if (!alive && this.closed) return
    const escalate = setTimeout(() => {
      signalGroup(pid, "SIGKILL")
      if (this.closed) return
      const giveUp = setTimeout(() => {
        if (this.exited) this.stopReading()
      }, PIPE_CLOSE_GRACE_MS)
      giveUp.unref()
    }, KILL_GRACE_MS)
    escalate.unref()
  }
}

export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
