/**
 * Shell on node:child_process. Each command runs as `bash -c` in a new process group
 * (`detached: true`), so a timeout, an interruption or a kill can end everything it started,
 * grandchildren included, with one signal to the group. A foreground call ends when bash exits,
 * even if something it started in the background holds the output pipe. Whatever the commands
 * started lives until the layer's scope closes, which ends all of it (see shellNode/tracker.ts),
 * except background jobs the user asked to keep: those are named on stderr.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { redactSecrets } from "../domain/redaction.js"
import {
  type BackgroundInfo,
  type BackgroundKillResult,
  BackgroundNotFound,
  type BackgroundReadOptions,
  type BackgroundSpawnOptions,
  InvalidOutputFilter,
  Shell,
  ShellSpawnError,
  type ShellResult,
  type ShellRunOptions
} from "../services/Shell.js"
import { BackgroundJob } from "./shellNode/backgroundJob.js"
import { isHighSurrogate, ProcessGroup, spawnErrorMessage } from "./shellNode/processGroup.js"
import { endAll, killAllNow } from "./shellNode/tracker.js"

/** Time what the commands left behind gets between SIGTERM and SIGKILL when the session ends. */
const SWEEP_GRACE_MS = 2_000

/** Collects the output in arrival order, keeping at most `max` characters. */
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
    if (take > 0 && isHighSurrogate(text.charCodeAt(take - 1))) take -= 1
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
    const group = new ProcessGroup(
      options.command,
      options.cwd,
      (text) => {
        output.append(text)
        if (options.onOutput !== undefined) {
          try {
            options.onOutput(text)
          } catch {
            // A display callback never stops the command.
          }
        }
      },
      { endWithBash: true }
    )
    let settled = false
    let timedOut = false
    let timer: NodeJS.Timeout | undefined

    group.onClose(() => {
      if (timer !== undefined) clearTimeout(timer)
      if (settled) return
      settled = true
      if (group.spawnFailure !== undefined) {
        resume(Effect.fail(new ShellSpawnError({ message: spawnErrorMessage(options.cwd, group.spawnFailure) })))
        return
      }
      resume(
        Effect.succeed({
          output: output.text,
          truncatedChars: output.truncatedChars,
          exitCode: group.exitCode,
          signal: group.signal,
          timedOut,
          durationMs: Math.round(performance.now() - startedAt)
        })
      )
    })

    if (group.pid !== undefined && !group.closed) {
      timer = setTimeout(() => {
        timedOut = true
        group.kill()
      }, Math.max(1, options.timeoutMs))
    }

    // Interruption: kill the group and wait until the child is gone (or we gave up on it).
    return Effect.async<void>((resumeCleanup) => {
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      if (!group.closed) group.kill()
      group.onClose(() => resumeCleanup(Effect.void))
    })
  })

const makeShell = Effect.gen(function* () {
  const jobs = new Map<string, BackgroundJob>()
  let nextId = 1

  const find = (id: string): Effect.Effect<BackgroundJob, BackgroundNotFound> => {
    const job = jobs.get(id)
    return job === undefined ? Effect.fail(new BackgroundNotFound({ id, known: [...jobs.keys()] })) : Effect.succeed(job)
  }

  /** Kills the group and waits until it has closed (or we gave up on it). */
  const killAndWait = (job: BackgroundJob): Effect.Effect<void> =>
    Effect.async<void>((resume) => {
      job.group.kill()
      job.group.onClose(() => resume(Effect.void))
    })

  // Last resort should the process exit before the scope closes (e.g. a fatal error).
  process.on("exit", killAllNow)

  yield* Effect.addFinalizer(() =>
    Effect.gen(function* () {
      const all = [...jobs.values()].filter((job) => job.keptLog === undefined)
      for (const job of all) job.killedByUs = job.killedByUs || !job.group.exited
      yield* Effect.forEach(all, killAndWait, { concurrency: "unbounded", discard: true })
      // What the commands left behind: `cmd &`, nohup, setsid.
      yield* Effect.promise(() => endAll(SWEEP_GRACE_MS))
      process.off("exit", killAllNow)
      const kept = [...jobs.values()].filter((job) => job.keptLog !== undefined && !job.group.exited)
      for (const job of jobs.values()) job.release()
      if (kept.length > 0) yield* Effect.sync(() => process.stderr.write(redactSecrets(keptNotice(kept))))
    })
  )

  return Shell.of({
    run,
    spawnBackground: (options: BackgroundSpawnOptions) =>
      Effect.async<BackgroundInfo, ShellSpawnError>((resume) => {
        const id = `bash_${nextId}`
        let job: BackgroundJob
        try {
          job = new BackgroundJob(id, options.command, options.cwd, options.keep === true ? keptLogPath(id) : undefined)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          resume(Effect.fail(new ShellSpawnError({ message: `Cannot create the output file of a kept background command: ${reason}` })))
          return
        }
        const failed = () =>
          resume(
            Effect.fail(
              new ShellSpawnError({
                message: spawnErrorMessage(options.cwd, job.group.spawnFailure ?? new Error("unknown error"))
              })
            )
          )
        if (job.group.pid === undefined) {
          // node reports a failed spawn (e.g. a missing cwd) asynchronously.
          job.group.onClose(failed)
          return
        }
        nextId += 1
        jobs.set(id, job)
        resume(Effect.succeed(job.info))
      }),
    readNew: (id: string, options: BackgroundReadOptions = {}) =>
      Effect.flatMap(find(id), (job) => {
        let pattern: RegExp | undefined
        if (options.filter !== undefined) {
          try {
            pattern = new RegExp(options.filter)
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error)
            return Effect.fail(new InvalidOutputFilter({ filter: options.filter, reason }))
          }
        }
        return Effect.succeed(job.take(pattern, options.maxChars ?? Number.MAX_SAFE_INTEGER))
      }),
    kill: (id: string) =>
      Effect.flatMap(find(id), (job) =>
        Effect.gen(function* () {
          // Running means anything of it still holds the output pipe, not only bash itself.
          const wasRunning = !job.group.closed
          if (!job.group.exited) job.killedByUs = true
          yield* killAndWait(job)
          const result: BackgroundKillResult = { info: job.info, wasRunning }
          return result
        })
      ),
    background: Effect.sync(() => [...jobs.values()].map((job) => job.info))
  })
})

/**
 * Where a kept job's output goes: it outlives letta, so it cannot write to a pipe of ours. A
 * private directory of its own: nobody else can plant a file or link under that name.
 */
const keptLogPath = (id: string): string => join(mkdtempSync(join(tmpdir(), "letta-kept-")), `${id}.log`)

const keptNotice = (kept: ReadonlyArray<BackgroundJob>): string =>
  kept
    .map(
      (job) =>
        `letta: left running as asked: ${job.id} (pid ${job.group.pid ?? "?"}): ${job.command.split("\n")[0]}\n` +
        `  output: ${job.keptLog ?? ""}; stop it with: kill -- -${job.group.pid ?? "?"}\n`
    )
    .join("")

export const ShellNode: Layer.Layer<Shell> = Layer.scoped(Shell, makeShell)
