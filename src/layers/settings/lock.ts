/**
 * A cross-process lock file: `<file>.lock`, created with exclusive create (`wx`) and holding the
 * owner's pid, host and a token. Waiters retry with a short backoff; a lock whose owner is gone
 * (dead pid on this host) or that is older than `staleAfter` is broken.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
import * as Clock from "effect/Clock"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { nodeCrypto } from "../../lazyBuiltins.js"
import { hostname } from "node:os"

export class LockTimeout extends Data.TaggedError("LockTimeout")<{
  readonly lockPath: string
  readonly holderPid: number | undefined
}> {}

export class LockFailed extends Data.TaggedError("LockFailed")<{
  readonly lockPath: string
  readonly error: PlatformError
}> {}

export type LockError = LockTimeout | LockFailed

export interface LockOptions {
  /** How long to wait for another holder before giving up (default 10 s). */
  readonly timeout?: Duration.DurationInput
  /** A lock file older than this is considered abandoned (default 30 s). */
  readonly staleAfter?: Duration.DurationInput
}

/** Internal: the lock is held by someone else right now. */
class Busy extends Data.TaggedError("Busy")<{ readonly holderPid: number | undefined }> {}

const LockContent = Schema.parseJson(
  Schema.Struct({
    pid: Schema.Int.pipe(Schema.positive()),
    host: Schema.optional(Schema.String),
    token: Schema.optional(Schema.String),
    createdAt: Schema.optional(Schema.Number)
  })
)
type LockContent = typeof LockContent.Type
const decodeLockContent = Schema.decodeUnknownOption(LockContent)

const THIS_HOST = hostname()

const randomToken = (): string => nodeCrypto().randomBytes(8).toString("hex")

const isSystemError = (reason: string) => (error: PlatformError): boolean =>
  error._tag === "SystemError" && error.reason === reason

const isNotFound = isSystemError("NotFound")
const isAlreadyExists = isSystemError("AlreadyExists")

const sameInode = (a: Option.Option<number>, b: Option.Option<number>): boolean =>
  Option.isNone(a) || Option.isNone(b) || a.value === b.value

/** Signal 0 probes a pid: ESRCH means gone, EPERM means alive under another user. */
const isProcessAlive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return !(error instanceof Error && "code" in error && error.code === "ESRCH")
  }
}

const backoff = (timeout: Duration.Duration) =>
  Schedule.exponential("5 millis", 1.5).pipe(
    Schedule.union(Schedule.spaced("100 millis")),
    Schedule.jittered,
    Schedule.upTo(timeout)
  )

/** Removes `lockPath` if it is stale; any trouble just means "try again". */
const breakIfStale = (fs: FileSystem.FileSystem, lockPath: string, staleAfter: Duration.Duration) =>
  Effect.gen(function*() {
    const info = yield* fs.stat(lockPath)
    const text = yield* fs.readFileString(lockPath)
    const holder = decodeLockContent(text)
    const now = yield* Clock.currentTimeMillis
    const age = Option.match(info.mtime, { onNone: () => 0, onSome: (mtime) => now - mtime.getTime() })
    const ownerGone = Option.match(holder, {
      onNone: () => false,
      onSome: (content: LockContent) =>
        (content.host === undefined || content.host === THIS_HOST) && !isProcessAlive(content.pid)
    })
    const holderPid = Option.getOrUndefined(Option.map(holder, (content) => content.pid))
    if (!ownerGone && age < Duration.toMillis(staleAfter)) return holderPid

    // Move it aside first (atomic), then check that what moved is the lock judged stale: a
    // waiter that broke it a moment earlier may have let a new owner create a fresh one.
    const aside = `${lockPath}.stale-${process.pid}-${randomToken()}`
    yield* fs.rename(lockPath, aside)
    const movedInfo = yield* fs.stat(aside).pipe(Effect.option)
    const movedText = yield* fs.readFileString(aside).pipe(Effect.option)
    const sameFile = Option.getOrUndefined(movedText) === text &&
      Option.match(movedInfo, { onNone: () => true, onSome: (moved) => sameInode(info.ino, moved.ino) })
    // Put a live lock back; `link` fails rather than replace a lock created in between.
    if (!sameFile) yield* fs.link(aside, lockPath).pipe(Effect.ignore)
    yield* fs.remove(aside).pipe(Effect.ignore)
    return holderPid
  }).pipe(Effect.orElseSucceed((): number | undefined => undefined))

/**
 * Holds the lock for the rest of the enclosing scope. Waiting is interruptible; once created,
 * the lock file is removed by the scope's finalizer (success, failure or interruption).
 */
export const acquireFileLock = (
  lockPath: string,
  options: LockOptions = {}
): Effect.Effect<void, LockError, FileSystem.FileSystem | Scope.Scope> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const timeout = Duration.decode(options.timeout ?? "10 seconds")
    const staleAfter = Duration.decode(options.staleAfter ?? "30 seconds")

    const attempt = Effect.gen(function*() {
      const token = randomToken()
      const createdAt = yield* Clock.currentTimeMillis
      const content = JSON.stringify({ pid: process.pid, host: THIS_HOST, token, createdAt })
      const created = yield* fs.writeFileString(lockPath, content, { flag: "wx" }).pipe(
        Effect.as(true),
        Effect.catchIf(isAlreadyExists, () => Effect.succeed(false)),
        Effect.mapError((error) => new LockFailed({ lockPath, error }))
      )
      if (created) return token
      const holderPid = yield* breakIfStale(fs, lockPath, staleAfter)
      return yield* new Busy({ holderPid })
    })

    // Only our own lock is removed: if it was broken as stale and taken over, it is not ours.
    const release = (token: string) =>
      fs.readFileString(lockPath).pipe(
        Effect.flatMap((text) =>
          Option.exists(decodeLockContent(text), (content) => content.token === token)
            ? fs.remove(lockPath)
            : Effect.void
        ),
        Effect.catchIf(isNotFound, () => Effect.void),
        Effect.ignore
      )

    yield* Effect.acquireRelease(attempt, release).pipe(
      Effect.retry({ schedule: backoff(timeout), while: (error) => error._tag === "Busy" }),
      Effect.catchTag("Busy", (busy) => new LockTimeout({ lockPath, holderPid: busy.holderPid }))
    )
  })

/** Runs `self` while holding the lock at `lockPath`. */
export const withFileLock = (lockPath: string, options: LockOptions = {}) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | LockError, FileSystem.FileSystem | Exclude<R, Scope.Scope>> =>
  Effect.scoped(Effect.zipRight(acquireFileLock(lockPath, options), self))
