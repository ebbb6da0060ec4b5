/**
 * Runs one hook command: `bash -c` in its own process group, the event JSON on stdin, stdout
 * and stderr read apart and capped (a hook that floods its output costs a bounded buffer), the
 * whole group killed on timeout or interrupt.
 */
import type { ChildProcess } from "node:child_process"
import * as Effect from "effect/Effect"
import { nodeChildProcess } from "../../platform/builtins.js"
import { MARKER, MARKER_VAR, trackLeader } from "../shellNode/tracker.js"

/** Bytes of each stream kept; the rest is read and dropped so the hook never blocks on a full pipe. */
export const HOOK_OUTPUT_CAP = 64 * 1024
/** After SIGTERM, the group's time to go before SIGKILL. */
const KILL_GRACE_MS = 1_000
const DRAIN_AFTER_EXIT_MS = 200

export interface CommandResult {
  /** `null`: killed, timed out, or it could not start. */
  readonly exitCode: number | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
  /** Set when bash could not be started. */
  readonly spawnError: string | undefined
}

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is gone.
  }
}

/** Keeps the first HOOK_OUTPUT_CAP bytes of a stream. */
class Capped {
  private readonly chunks: Array<Buffer> = []
  private size = 0
  dropped = 0
  add(chunk: Buffer): void {
    const room = HOOK_OUTPUT_CAP - this.size
    if (room <= 0) {
      this.dropped += chunk.length
      return
    }
    const kept = chunk.length <= room ? chunk : chunk.subarray(0, room)
    this.chunks.push(kept)
    this.size += kept.length
    this.dropped += chunk.length - kept.length
  }
  text(): string {
    const text = Buffer.concat(this.chunks).toString("utf8")
    return this.dropped > 0 ? `${text}\n[${this.dropped} more bytes not kept]` : text
  }
}

export const runHookCommand = (
  command: string,
  stdin: string,
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number }
): Effect.Effect<CommandResult> =>
  Effect.async<CommandResult>((resume) => {
    const out = new Capped()
    const err = new Capped()
    let child: ChildProcess | undefined
    let done = false
    const finish = (exitCode: number | null, timedOut: boolean, spawnError?: string) => {
      if (done) return
      done = true
      clearTimeout(timer)
      resume(Effect.succeed({ exitCode, timedOut, stdout: out.text(), stderr: err.text(), spawnError }))
    }
    /** SIGTERM to the group, SIGKILL after the grace period: whatever it started goes too. */
    const kill = () => {
      const pid = child?.pid
      if (pid === undefined) return
      signalGroup(pid, "SIGTERM")
      setTimeout(() => signalGroup(pid, "SIGKILL"), KILL_GRACE_MS).unref()
    }
    const timer = setTimeout(() => {
      kill()
      // Not waiting for the pipes: a child that ignores SIGTERM must not hold the session.
      finish(null, true)
    }, options.timeoutMs)
    try {
      child = nodeChildProcess().spawn("bash", ["-c", command], {
        cwd: options.cwd,
        detached: true,
        stdio: ["pipe", "pipe", "pipe"],
        // The marker lets the end-of-session sweep find anything the hook left behind.
        env: { ...options.env, [MARKER_VAR]: MARKER }
      })
    } catch (error) {
      finish(null, false, error instanceof Error ? error.message : String(error))
      return Effect.void
    }
    const spawned = child
    if (spawned.pid !== undefined) trackLeader(spawned.pid, false)
    spawned.stdout?.on("data", (chunk: Buffer) => out.add(chunk))
    spawned.stderr?.on("data", (chunk: Buffer) => err.add(chunk))
    spawned.once("error", (error) => {
      if (spawned.pid === undefined) finish(null, false, error.message)
    })
    // Output still in the pipes arrives within the drain time; a background child that keeps
    // them open does not hold the hook.
    spawned.once("exit", (code) => setTimeout(() => finish(code, false), DRAIN_AFTER_EXIT_MS).unref())
    spawned.once("close", (code) => finish(code, false))
    // A hook that does not read its stdin closes the pipe early: that is not an error.
    spawned.stdin?.on("error", () => {})
    spawned.stdin?.end(stdin)
    return Effect.sync(() => {
      kill()
      finish(null, false)
    })
  })
