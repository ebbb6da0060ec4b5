import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Fiber } from "effect"
import { afterEach, beforeEach } from "vitest"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { BACKGROUND_BUFFER_CHARS, Shell, type ShellRunOptions } from "../../src/services/Shell.js"
import { isAlive } from "../support/toolHarness.js"

let dir = ""
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "letta-shell-"))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = (command: string, options: Partial<Omit<ShellRunOptions, "command">> = {}) =>
  Effect.gen(function* () {
    const shell = yield* Shell
    return yield* shell.run({ command, cwd: dir, timeoutMs: 10_000, maxOutputChars: 100_000, ...options })
  }).pipe(Effect.provide(ShellNode))


/** Waits for a pid file the command writes, and returns the pid in it. */
const waitForPid = (file: string) =>
  Effect.promise(async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        const text = (await readFile(file, "utf8")).trim()
        if (text !== "") return Number(text)
      } catch {
        // not written yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`pid file never appeared: ${file}`)
  })

/** Polls briefly: a killed process may need a moment to be reaped. */
const eventuallyDead = (pid: number) =>
  Effect.promise(async () => {
    for (let attempt = 0; attempt < 40 && isAlive(pid); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return !isAlive(pid)
  })

describe("ShellNode", () => {
  it.live("keeps stdout and stderr in arrival order", () =>
    Effect.gen(function* () {
      const result = yield* run("echo a; sleep 0.05; echo b >&2; sleep 0.05; echo c; sleep 0.05; echo d >&2")
      expect(result.output).toBe("a\nb\nc\nd\n")
      expect(result.exitCode).toBe(0)
      expect(result.signal).toBeNull()
      expect(result.timedOut).toBe(false)
      expect(result.truncatedChars).toBe(0)
    }))

  it.live("keeps the order of back-to-back writes to both streams", () =>
    Effect.gen(function* () {
      for (let attempt = 0; attempt < 20; attempt++) {
        const result = yield* run("echo a; echo b >&2; echo c; echo d >&2; echo e")
        expect(result.output).toBe("a\nb\nc\nd\ne\n")
      }
    }))

  it.live("runs the command text as `bash -c` would", () =>
    Effect.gen(function* () {
      const result = yield* run('echo "$0 $#"; nope_not_a_command; (echo sub >&2)')
      expect(result.output).toBe("bash 0\nbash: line 1: nope_not_a_command: command not found\nsub\n")
      const syntax = yield* run("if then")
      expect(syntax.exitCode).toBe(2)
      expect(syntax.output).toContain("syntax error near unexpected token `then'")
      expect(syntax.output).toContain("`if then'")
      expect(syntax.output).not.toContain("exec")
    }))

  it.live("runs in the given directory with bash", () =>
    Effect.gen(function* () {
      const result = yield* run('pwd; echo "$BASH_VERSION" | grep -c .')
      const [cwd, hasBash] = result.output.split("\n")
      expect(cwd).toBe(dir)
      expect(hasBash).toBe("1")
    }))

  it.live("reports exit codes and signals", () =>
    Effect.gen(function* () {
      expect((yield* run("true")).exitCode).toBe(0)
      expect((yield* run("exit 3")).exitCode).toBe(3)
      const killed = yield* run("kill -KILL $$")
      expect(killed.exitCode).toBeNull()
      expect(killed.signal).toBe("SIGKILL")
      expect(killed.timedOut).toBe(false)
    }))

  it.live("caps the output and counts what was cut", () =>
    Effect.gen(function* () {
      const result = yield* run("head -c 5000 /dev/zero | tr '\\0' x; echo -n yyyyy >&2", { maxOutputChars: 1000 })
      expect(result.output).toBe("x".repeat(1000))
      expect(result.truncatedChars).toBe(4005)
      expect(result.exitCode).toBe(0)
    }))

  it.live("decodes UTF-8 split across chunks and never splits a surrogate pair at the cap", () =>
    Effect.gen(function* () {
      const full = yield* run("for i in $(seq 1 20000); do printf 'é'; done")
      expect(full.output).toBe("é".repeat(20000))
      const capped = yield* run("printf 'ab😀cd'", { maxOutputChars: 3 })
      expect(capped.output).toBe("ab")
      expect(capped.truncatedChars).toBe(4)
    }))

  it.live("measures the duration", () =>
    Effect.gen(function* () {
      const result = yield* run("sleep 0.2")
      expect(result.durationMs).toBeGreaterThanOrEqual(150)
      expect(result.durationMs).toBeLessThan(5000)
    }))

  it.live("a timeout kills the whole process group, grandchildren included", () =>
    Effect.gen(function* () {
      const pidFile = join(dir, "pid")
      // The timeout leaves bash ample time to start everything, even on a loaded machine.
      const result = yield* run(`echo started; sleep 30 & echo $! > ${pidFile}; wait`, { timeoutMs: 1000 })
      expect(result.timedOut).toBe(true)
      expect(result.output).toBe("started\n")
      expect(result.durationMs).toBeGreaterThanOrEqual(950)
      expect(result.durationMs).toBeLessThan(2900)
      const grandchild = Number((yield* Effect.promise(() => readFile(pidFile, "utf8"))).trim())
      expect(yield* eventuallyDead(grandchild)).toBe(true)
    }))

  it.live("a group that ignores SIGTERM gets SIGKILL after the grace period", () =>
    Effect.gen(function* () {
      const pidFile = join(dir, "pid")
      // An ignored signal stays ignored across exec, so sleep ignores SIGTERM too.
      // The trap must be set before the timeout fires, hence a timeout far above bash's start-up.
      const result = yield* run(`trap '' TERM; sleep 30 & echo $! > ${pidFile}; wait`, { timeoutMs: 1000 })
      expect(result.timedOut).toBe(true)
      expect(result.durationMs).toBeGreaterThanOrEqual(2950)
      expect(result.durationMs).toBeLessThan(7000)
      const grandchild = Number((yield* Effect.promise(() => readFile(pidFile, "utf8"))).trim())
      expect(yield* eventuallyDead(grandchild)).toBe(true)
    }))

  it.live("interruption kills the group and waits for it to be gone", () =>
    Effect.gen(function* () {
      const shellPid = join(dir, "shell.pid")
      const sleepPid = join(dir, "sleep.pid")
      const nestedPid = join(dir, "nested.pid")
      const command = [
        `echo $$ > ${shellPid}`,
        `sleep 100 & echo $! > ${sleepPid}`,
        `bash -c 'echo $$ > ${nestedPid}; sleep 100'`
      ].join("; ")
      const fiber = yield* Effect.fork(run(command, { timeoutMs: 60_000 }))
      const pids = [yield* waitForPid(shellPid), yield* waitForPid(sleepPid), yield* waitForPid(nestedPid)]
      for (const pid of pids) expect(isAlive(pid)).toBe(true)
      const started = Date.now()
      yield* Fiber.interrupt(fiber)
      expect(Date.now() - started).toBeLessThan(3000)
      // The shell itself and the pipe holders are gone once interruption returns.
      expect(isAlive(pids[0] ?? 0)).toBe(false)
      for (const pid of pids) expect(yield* eventuallyDead(pid)).toBe(true)
    }))

  it.live("a missing working directory is a ShellSpawnError", () =>
    Effect.gen(function* () {
      const missing = join(dir, "nope")
      const result = yield* Effect.either(run("echo hi", { cwd: missing }))
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(result.left._tag).toBe("ShellSpawnError")
        expect(result.left.message).toBe(`Cannot run command: working directory does not exist: ${missing}`)
      }
    }))
})

/** Reads a job's new output until `done` says the accumulated text is complete. */
const readUntil = (id: string, done: (text: string) => boolean, filter?: string) =>
  Effect.gen(function* () {
    const shell = yield* Shell
    let text = ""
    for (let attempt = 0; attempt < 200; attempt++) {
      const read = yield* shell.readNew(id, filter === undefined ? {} : { filter })
      text += read.output
      if (done(text)) return text
      yield* Effect.sleep("25 millis")
    }
    throw new Error(`gave up waiting; have ${JSON.stringify(text)}`)
  })

const waitForExit = (id: string) =>
  Effect.gen(function* () {
    const shell = yield* Shell
    for (let attempt = 0; attempt < 200; attempt++) {
      const jobs = yield* shell.background
      const job = jobs.find((info) => info.id === id)
      if (job !== undefined && job.status._tag !== "Running") return job
      yield* Effect.sleep("25 millis")
    }
    throw new Error(`${id} never ended`)
  })

describe("ShellNode background jobs", () => {
  const spawn = (command: string) => Effect.flatMap(Shell, (shell) => shell.spawnBackground({ command, cwd: dir }))

  it.live("returns only the output produced since the previous read", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const job = yield* spawn("echo one; echo err >&2; sleep 0.4; echo two")
      expect(job.id).toBe("bash_1")
      expect(job.status).toEqual({ _tag: "Running" })
      expect(yield* readUntil(job.id, (text) => text.includes("err"))).toBe("one\nerr\n")
      const middle = yield* shell.readNew(job.id)
      expect(middle.output).toBe("")
      expect(middle.info.status).toEqual({ _tag: "Running" })
      expect(yield* readUntil(job.id, (text) => text.includes("two"))).toBe("two\n")
      const ended = yield* waitForExit(job.id)
      expect(ended.status).toEqual({ _tag: "Exited", exitCode: 0, signal: null })
      const after = yield* shell.readNew(job.id)
      expect(after).toMatchObject({ output: "", droppedChars: 0, remainingChars: 0 })
    }).pipe(Effect.provide(ShellNode)))

  it.live("numbers jobs in start order, reports exit codes and lists the jobs", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      yield* spawn("exit 3")
      const failed = yield* Effect.either(shell.spawnBackground({ command: "true", cwd: join(dir, "missing") }))
      expect(Either.isLeft(failed) && failed.left._tag).toBe("ShellSpawnError")
      const second = yield* spawn("true")
      expect(second.id).toBe("bash_2")
      expect((yield* waitForExit("bash_1")).status).toEqual({ _tag: "Exited", exitCode: 3, signal: null })
      const jobs = yield* shell.background
      expect(jobs.map((job) => [job.id, job.command, job.cwd])).toEqual([
        ["bash_1", "exit 3", dir],
        ["bash_2", "true", dir]
      ])
    }).pipe(Effect.provide(ShellNode)))

  it.live("filters new lines with a regular expression and holds back an unfinished line", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const job = yield* spawn("printf 'a1\\nb2\\na3\\nab'; sleep 0.4; printf 'c\\nb4\\n'")
      yield* Effect.sleep("200 millis")
      const first = yield* shell.readNew(job.id, { filter: "^a" })
      expect(first.output).toBe("a1\na3\n")
      expect(first.filteredOutLines).toBe(1)
      yield* waitForExit(job.id)
      const rest = yield* shell.readNew(job.id, { filter: "^a" })
      expect(rest.output).toBe("abc\n")
      expect(rest.filteredOutLines).toBe(1)
      const invalid = yield* Effect.either(shell.readNew(job.id, { filter: "(" }))
      if (Either.isRight(invalid) || invalid.left._tag !== "InvalidOutputFilter") throw new Error("expected InvalidOutputFilter")
      expect(invalid.left.filter).toBe("(")
      expect(invalid.left.reason).toContain("Unterminated group")
    }).pipe(Effect.provide(ShellNode)))

  it.live("returns at most maxChars, cut at a line end, and keeps the rest for the next read", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const job = yield* spawn("for i in $(seq 10 29); do echo line-$i; done")
      yield* waitForExit(job.id)
      const first = yield* shell.readNew(job.id, { maxChars: 30 })
      expect(first.output).toBe("line-10\nline-11\nline-12\n")
      expect(first.remainingChars).toBe(20 * 8 - 24)
      const filtered = yield* shell.readNew(job.id, { maxChars: 16, filter: "1[3-9]" })
      expect(filtered.output).toBe("line-13\nline-14\n")
      const rest = yield* shell.readNew(job.id)
      expect(rest.output.split("\n")[0]).toBe("line-15")
      expect(rest.remainingChars).toBe(0)
    }).pipe(Effect.provide(ShellNode)))

  it.live("drops the oldest unread output beyond the buffer and says how much", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const job = yield* spawn("head -c 1200000 /dev/zero | tr '\\0' x; echo; echo end")
      yield* waitForExit(job.id)
      yield* Effect.sleep("50 millis")
      const read = yield* shell.readNew(job.id)
      expect(read.droppedChars + read.output.length + read.remainingChars).toBe(1_200_000 + 5)
      expect(read.droppedChars).toBe(1_200_005 - BACKGROUND_BUFFER_CHARS)
      expect(read.output.endsWith("x\nend\n")).toBe(true)
      expect((yield* shell.readNew(job.id)).droppedChars).toBe(0)
    }).pipe(Effect.provide(ShellNode)))

  it.live("kill ends the whole process group, grandchildren included, and waits", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const pidFile = join(dir, "pid")
      const job = yield* spawn(`echo started; sleep 100 & echo $! > ${pidFile}; wait`)
      const grandchild = yield* waitForPid(pidFile)
      expect(isAlive(grandchild)).toBe(true)
      const killed = yield* shell.kill(job.id)
      expect(killed.wasRunning).toBe(true)
      expect(killed.info.status).toEqual({ _tag: "Killed" })
      expect(isAlive(job.pid)).toBe(false)
      expect(yield* eventuallyDead(grandchild)).toBe(true)
      // The output from before the kill can still be read.
      expect((yield* shell.readNew(job.id)).output).toBe("started\n")
      const again = yield* shell.kill(job.id)
      expect(again.wasRunning).toBe(false)
      expect(again.info.status).toEqual({ _tag: "Killed" })
    }).pipe(Effect.provide(ShellNode)))

  it.live("unknown ids fail with the known ids", () =>
    Effect.gen(function* () {
      const shell = yield* Shell
      const none = yield* Effect.either(shell.readNew("bash_1"))
      expect(Either.isLeft(none) && none.left).toMatchObject({ _tag: "BackgroundNotFound", id: "bash_1", known: [] })
      yield* spawn("true")
      const other = yield* Effect.either(shell.kill("bash_9"))
      expect(Either.isLeft(other) && other.left).toMatchObject({ _tag: "BackgroundNotFound", id: "bash_9", known: ["bash_1"] })
    }).pipe(Effect.provide(ShellNode)))

  it.live("closing the layer's scope kills every background job and its children", () =>
    Effect.gen(function* () {
      const pidFiles = [join(dir, "a.pid"), join(dir, "b.pid")]
      const [jobPids, grandchildren] = yield* Effect.gen(function* () {
        const first = yield* spawn(`sleep 100 & echo $! > ${pidFiles[0]}; wait`)
        // A job whose shell already exited, leaving a process behind in its group.
        const second = yield* spawn(`(trap '' HUP; sleep 100 > /dev/null 2>&1 & echo $! > ${pidFiles[1]})`)
        const started = [yield* waitForPid(pidFiles[0] ?? ""), yield* waitForPid(pidFiles[1] ?? "")]
        yield* waitForExit(second.id)
        for (const pid of started) expect(isAlive(pid)).toBe(true)
        return [[first.pid, second.pid], started] as const
      }).pipe(Effect.provide(ShellNode))
      for (const pid of [...jobPids, ...grandchildren]) expect(yield* eventuallyDead(pid)).toBe(true)
    }))
})
