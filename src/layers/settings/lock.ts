/**
 * A cross-process lock file: `<file>.lock`, holding the owner's pid, host, start time and a
 * token. It is written whole to a temp file and hard-linked into place, so a lock file never
 * exists half-written: an empty or unreadable one (a full disk, a crash) has no owner and is
 * broken at once, as is one whose owner is gone. The holder renews the file's mtime while it
 * works, so only a lock nobody renewed for `staleAfter` counts as abandoned; a holder checks
 * the lock is still its own (`stillHeld`) before it commits.
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
import { basename, dirname, join } from "node:path"
import { nodeCrypto } from "../../platform/builtins.js"
import { isAlive, thisProcess } from "./processIdentity.js"

export class LockTimeout extends Data.TaggedError("LockTimeout")<{
  readonly lockPath: string
  readonly holderPid: number | undefined
}> {}

export class LockFailed extends Data.TaggedError("LockFailed")<{
  readonly lockPath: string
  readonly error: PlatformError
}> {}

/** The lock was broken while held (the holder stalled past `staleAfter`): nothing may be committed. */
export class LockLost extends Data.TaggedError("LockLost")<{
  readonly lockPath: string
}> {}

export type LockError = LockTimeout | LockFailed

export interface HeldLock {
  /** Whether the lock file is still this holder's. */
  readonly stillHeld: Effect.Effect<boolean>
  /** Fails with LockLost when it is not. */
  readonly ensureHeld: Effect.Effect<void, LockLost>
}

export interface LockOptions {
  /** How long to wait for another holder before giving up (default 10 s). */
  readonly timeout?: Duration.DurationInput
  /** A lock file not renewed for this long is considered abandoned (default 30 s). */
  readonly staleAfter?: Duration.DurationInput
}

/** Internal: the lock is held by someone else right now. */
class Busy extends Data.TaggedError("Busy")<{ readonly holderPid: number | undefined }> {}

const LockContent = Schema.parseJson(
  Schema.Struct({
    pid: Schema.Int.pipe(Schema.positive()),
    host: Schema.optional(Schema.String),
    started: Schema.optional(Schema.String),
    token: Schema.optional(Schema.String),
    createdAt: Schema.optional(Schema.Number)
  })
)
type LockContent = typeof LockContent.Type
const decodeLockContent = Schema.decodeUnknownOption(LockContent)

const randomToken = (): string => nodeCrypto().randomBytes(8).toString("hex")

const isSystemError = (reason: string) => (error: PlatformError): boolean =>
  error._tag === "SystemError" && error.reason === reason

const isAlreadyExists = isSystemError("AlreadyExists")

const sameInode = (a: Option.Option<number>, b: Option.Option<number>): boolean =>
  Option.isNone(a) || Option.isNone(b) || a.value === b.value

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
    // Lock files appear whole (linked into place): one without readable content has no owner.
    const ownerGone = Option.match(holder, { onNone: () => true, onSome: (content: LockContent) => !isAlive(content) })
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

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Removes what a process killed while taking or breaking this lock left beside it (its temp
 * file, a lock moved aside): only files of processes that are gone, which nobody else can be using.
 */
const sweepLeftovers = (fs: FileSystem.FileSystem, lockPath: string) =>
  Effect.gen(function*() {
    const dir = dirname(lockPath)
    const base = escapeRegExp(basename(lockPath))
    const leftover = new RegExp(`^${base}(?:\\.(\\d+)\\.[0-9a-f]+\\.tmp|\\.stale-(\\d+)-[0-9a-f]+)$`)
    for (const name of yield* fs.readDirectory(dir)) {
      const match = leftover.exec(name)
      const pid = Number(match?.[1] ?? match?.[2])
      if (match === null || pid === process.pid || isAlive({ pid })) continue
      yield* fs.remove(join(dir, name)).pipe(Effect.ignore)
    }
  }).pipe(Effect.ignore)

/**
 * Creates `lockPath` with `content` whole: written to a temp file, then hard-linked into place
 * (which fails if a lock exists). Where hard links are not supported, exclusive create instead.
 */
const createLockFile = (fs: FileSystem.FileSystem, lockPath: string, content: string, token: string) =>
  Effect.gen(function*() {
    const temp = `${lockPath}.${process.pid}.${token}.tmp`
    const linked = yield* fs.writeFileString(temp, content, { flag: "wx" }).pipe(
      Effect.zipRight(fs.link(temp, lockPath)),
      Effect.as<"created" | "busy" | "unsupported">("created"),
      Effect.catchAll((error) => {
        if (error._tag === "SystemError" && error.method === "link") {
          return Effect.succeed(isAlreadyExists(error) ? "busy" as const : "unsupported" as const)
        }
        return Effect.fail(new LockFailed({ lockPath, error }))
      }),
      Effect.ensuring(fs.remove(temp).pipe(Effect.ignore))
    )
    if (linked !== "unsupported") return linked === "created"
    return yield* fs.writeFileString(lockPath, content, { flag: "wx" }).pipe(
      Effect.as(true),
      Effect.catchIf(isAlreadyExists, () => Effect.succeed(false)),
      Effect.mapError((error) => new LockFailed({ lockPath, error }))
    )
  })

/**
 * Holds the lock for the rest of the enclosing scope. Waiting is interruptible; once created,
 * the lock is renewed while held and removed by the scope's finalizer (success, failure or
 * interruption).
 */
export const acquireFileLock = (
  lockPath: string,
  options: LockOptions = {}
): Effect.Effect<HeldLock, LockError, FileSystem.FileSystem | Scope.Scope> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const timeout = Duration.decode(options.timeout ?? "10 seconds")
    const staleAfter = Duration.decode(options.staleAfter ?? "30 seconds")

    const attempt = Effect.gen(function*() {
      const token = randomToken()
      const createdAt = yield* Clock.currentTimeMillis
      const content = JSON.stringify({ ...thisProcess(), token, createdAt })
      if (yield* createLockFile(fs, lockPath, content, token)) return token
      const holderPid = yield* breakIfStale(fs, lockPath, staleAfter)
      return yield* new Busy({ holderPid })
    })

    const isOurs = (token: string) =>
      fs.readFileString(lockPath).pipe(
        Effect.map((text) => Option.exists(decodeLockContent(text), (content) => content.token === token)),
        Effect.orElseSucceed(() => false)
      )

    // Only our own lock is removed: if it was broken as stale and taken over, it is not ours.
    const release = (token: string) =>
      isOurs(token).pipe(
        Effect.flatMap((ours) => (ours ? fs.remove(lockPath) : Effect.void)),
        Effect.ignore
      )

    const token = yield* Effect.acquireRelease(attempt, release).pipe(
      Effect.retry({ schedule: backoff(timeout), while: (error) => error._tag === "Busy" }),
      Effect.catchTag("Busy", (busy) => new LockTimeout({ lockPath, holderPid: busy.holderPid }))
    )

    yield* sweepLeftovers(fs, lockPath)

    // A slow holder keeps its lock fresh, so waiters do not take it for abandoned.
    const every = Duration.millis(Math.max(10, Duration.toMillis(staleAfter) / 3))
    const renew = isOurs(token).pipe(
      Effect.flatMap((ours) => (ours ? fs.utimes(lockPath, new Date(), new Date()) : Effect.void)),
      Effect.ignore
    )
    yield* renew.pipe(Effect.delay(every), Effect.forever, Effect.forkScoped)

    const stillHeld = isOurs(token)
    return {
      stillHeld,
      ensureHeld: Effect.flatMap(stillHeld, (held) => (held ? Effect.void : Effect.fail(new LockLost({ lockPath }))))
    }
  })

/** Runs `self` while holding the lock at `lockPath`. */
export const withFileLock = (lockPath: string, options: LockOptions = {}) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | LockError, FileSystem.FileSystem | Exclude<R, Scope.Scope>> =>
  Effect.scoped(Effect.zipRight(acquireFileLock(lockPath, options), self))

/** Runs `use` with the held lock at `lockPath` (to check it before committing). */
export const withHeldLock = (lockPath: string, options: LockOptions = {}) =>
<A, E, R>(
  use: (lock: HeldLock) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | LockError, FileSystem.FileSystem | Exclude<R, Scope.Scope>> =>
  Effect.scoped(Effect.flatMap(acquireFileLock(lockPath, options), use))
