/**
 * The Settings service over the three JSON files. Reading never writes; every
 * update re-reads the file under a cross-process lock, refuses to touch a malformed file, and
 * replaces it atomically (temp file + rename) with unknown keys and key order kept. A file that
 * is a symlink (dotfiles) stays one: its target is replaced, in the target's directory.
 */
import type { PlatformError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { ParseOptions } from "effect/SchemaAST"
import { readFileSync } from "node:fs"
import { nodeCrypto } from "../platform/builtins.js"
import { SettingsError } from "../domain/errors.js"
import { LocalSettings, ProjectSettings, UserSettings } from "../domain/settings.js"
import { Settings, type SettingsPaths } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { describeDecodeError } from "./settings/issues.js"
import { holdLease, otherHolders } from "./settings/lease.js"
import { describeJsonKind, formatJson, isPlainObject, orderKeysLike, parseJsonText } from "./settings/json.js"
import { type LockError, LockFailed, LockLost, type LockOptions, LockTimeout, withFileLock, withHeldLock } from "./settings/lock.js"
import { sweepStaleTempsWith } from "../tools/tempFiles.js"

/** The line added to the project's `.gitignore` when the local file is first written. */
const LOCAL_IGNORE_LINE = ".letta/settings.local.json"

const isNotFound = (error: PlatformError): boolean => error._tag === "SystemError" && error.reason === "NotFound"

const describePlatformError = (error: PlatformError): string =>
  error.description ?? (error._tag === "SystemError" ? error.reason : error.message)

const isNodeError = (error: unknown): error is NodeJS.ErrnoException => error instanceof Error && "code" in error

/** "illegal operation on a directory (EISDIR)" from Node's "EISDIR: illegal operation on a directory, read". */
const describeNodeError = (error: unknown): string => {
  if (!isNodeError(error)) return String(error)
  const reason = error.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$|, \w+$/, "")
  return error.code === undefined ? reason : `${reason} (${error.code})`
}

/** The plain line, or the same path anchored with a leading slash or a double-star directory. */
const ignoresLocalFile = (line: string): boolean =>
  line.trim().replace(/^\*\*\//, "").replace(/^\//, "") === LOCAL_IGNORE_LINE

const decodeOptions: ParseOptions = { errors: "all", onExcessProperty: "preserve" }

/**
 * The file's text, or None when it does not exist. Read synchronously: three small files
 * read at once cost ~0.1 ms, through the thread pool ~4 ms (four round trips each).
 */
const readText = (file: string): Effect.Effect<Option.Option<string>, SettingsError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(Option.some(readFileSync(file, "utf8")))
    } catch (error) {
      if (isNodeError(error) && error.code === "ENOENT") return Effect.succeedNone
      return Effect.fail(new SettingsError({ path: file, problem: `cannot read the file: ${describeNodeError(error)}` }))
    }
  })

const parseObject = (file: string, text: string): Effect.Effect<Readonly<Record<string, unknown>>, SettingsError> =>
  Either.match(parseJsonText(text), {
    onLeft: ({ column, line, reason }) =>
      Effect.fail(
        new SettingsError({ path: file, problem: `invalid JSON at line ${line}, column ${column}: ${reason}` })
      ),
    onRight: (value) =>
      isPlainObject(value)
        ? Effect.succeed(value)
        : Effect.fail(
          new SettingsError({
            path: file,
            problem: `expected a JSON object at the top level, got ${describeJsonKind(value)}`
          })
        )
  })

const decode = <A, I>(schema: Schema.Schema<A, I>, file: string, raw: unknown): Effect.Effect<A, SettingsError> =>
  Schema.decodeUnknown(schema, decodeOptions)(raw).pipe(
    Effect.mapError((error) => new SettingsError({ path: file, problem: describeDecodeError(error) }))
  )

/**
 * `--settings <file>`: an extra settings file for one run, layered over the user's. Read-only
 * (letta never writes it), decoded and checked like the user's file; a missing file is an error.
 */
export const readSettingsFile = (file: string): Effect.Effect<UserSettings, SettingsError> =>
  Effect.gen(function*() {
    const text = yield* readText(file)
    if (Option.isNone(text)) return yield* new SettingsError({ path: file, problem: "no such file (given with --settings)" })
    return yield* decode(UserSettings, file, yield* parseObject(file, text.value))
  })

/** How long an update waits for another process's lock; an effectful update waits longer (it may hold the lock over a request). */
const UPDATE_LOCK: LockOptions = {}
const MODIFY_LOCK: LockOptions = { timeout: "60 seconds" }
/** A holder that stalled past the stale age lost its lock: it reads and writes again, a few times. */
const LOST_LOCK_ATTEMPTS = 3

/** `lockOptions` replaces the lock's timings (tests: a short stale age). */
export const makeSettingsFiles = (
  lockOptions: { readonly update?: LockOptions; readonly modify?: LockOptions } = {}
): Layer.Layer<Settings, never, Workspace | FileSystem.FileSystem | Path.Path> => Layer.effect(
  Settings,
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const workspace = yield* Workspace

    const paths: SettingsPaths = {
      user: path.join(workspace.homeDir, ".letta", "settings.json"),
      project: path.join(workspace.projectDir, ".letta", "settings.json"),
      local: path.join(workspace.projectDir, ".letta", "settings.local.json")
    }
    const leaseDir = path.join(workspace.homeDir, ".letta", "leases")

    // Updates from this process queue here before contending for the lock file. Keyed by path:
    // run from the home directory, the user and project files are the same file.
    const semaphores = new Map<string, Effect.Semaphore>()
    for (const file of [paths.user, paths.project, paths.local]) {
      if (!semaphores.has(file)) semaphores.set(file, yield* Effect.makeSemaphore(1))
    }
    const serialised = (file: string) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
      const semaphore = semaphores.get(file)
      return semaphore === undefined ? self : semaphore.withPermits(1)(self)
    }

    /** The file's raw JSON object (`{}` when missing or blank) and whether it exists. */
    const readRaw = (file: string) =>
      Effect.gen(function*() {
        const text = yield* readText(file)
        const raw = Option.isSome(text) ? yield* parseObject(file, text.value) : {}
        return { text, raw }
      })

    const loadOne = <A, I>(schema: Schema.Schema<A, I>, file: string): Effect.Effect<A, SettingsError> =>
      Effect.flatMap(readRaw(file), ({ raw }) => decode(schema, file, raw))

    /**
     * The file a write replaces: `file` itself, or the file a symlink at `file` points to (followed
     * to its end, or to where a dangling link points), so the link is kept.
     */
    const writeTarget = (file: string): Effect.Effect<string> =>
      fs.realPath(file).pipe(
        Effect.catchAll(() =>
          fs.readLink(file).pipe(Effect.map((target) => path.resolve(path.dirname(file), target)))
        ),
        Effect.orElseSucceed(() => file)
      )

    /** Temp file in the same directory as the target, fsynced, then renamed over it. */
    const writeAtomically = (link: string, content: string): Effect.Effect<void, PlatformError> =>
      Effect.gen(function*() {
        const file = yield* writeTarget(link)
        // Temp files a killed run left beside the settings are removed by the next write there.
        yield* sweepStaleTempsWith(fs, path, path.dirname(file))
        const temp = path.join(
          path.dirname(file),
          `${path.basename(file)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`
        )
        // Keep the permissions of a file the user restricted (e.g. chmod 600).
        const mode = yield* fs.stat(file).pipe(
          Effect.map((info) => Option.some(info.mode & 0o777)),
          Effect.orElseSucceed(() => Option.none<number>())
        )
        yield* Effect.scoped(
          Effect.gen(function*() {
            const options: FileSystem.OpenFileOptions = Option.match(mode, {
              onNone: () => ({ flag: "wx" }),
              onSome: (m) => ({ flag: "wx", mode: m })
            })
            const handle = yield* fs.open(temp, options)
            yield* handle.writeAll(new TextEncoder().encode(content))
            yield* handle.sync
          })
        ).pipe(Effect.zipRight(fs.rename(temp, file)), Effect.onError(() => fs.remove(temp).pipe(Effect.ignore)))
      }).pipe(Effect.uninterruptible)

    /** Adds the local file to the project's `.gitignore` (git work trees, or an existing file). */
    const ensureLocalFileIgnored: Effect.Effect<void> = Effect.gen(function*() {
      const gitignore = path.join(workspace.projectDir, ".gitignore")
      const existing = yield* fs.readFileString(gitignore).pipe(
        Effect.map(Option.some),
        Effect.catchIf(isNotFound, () => Effect.succeedNone)
      )
      const isGitWorkTree = yield* fs.exists(path.join(workspace.projectDir, ".git"))
      if (Option.isNone(existing) && !isGitWorkTree) return
      const text = Option.getOrElse(existing, () => "")
      if (text.split(/\r?\n/).some(ignoresLocalFile)) return
      const separator = text === "" || text.endsWith("\n") ? "" : "\n"
      yield* fs.writeFileString(gitignore, `${separator}${LOCAL_IGNORE_LINE}\n`, { flag: "a" })
    }).pipe(
      // The settings are already written; a .gitignore we cannot update must not fail the update.
      Effect.ignore
    )

    /** Lock errors as the file's (exit 1, not an invalid file); any other error as it is. */
    const lockProblem = (file: string, lockPath: string) => <E>(error: E | LockError | LockLost): E | SettingsError => {
      const problem = (text: string) => new SettingsError({ path: file, kind: "lock", problem: text })
      if (error instanceof LockTimeout) {
        const holder = error.holderPid === undefined ? "" : ` (held by process ${error.holderPid})`
        return problem(`timed out waiting for the lock ${lockPath}${holder}; delete it if no letta process is running`)
      }
      if (error instanceof LockFailed) return problem(`cannot create the lock file ${lockPath}: ${describePlatformError(error.error)}`)
      if (error instanceof LockLost) return problem(`the lock ${lockPath} was taken over while this process held it; nothing was written`)
      return error
    }

    const makeModify = <A, I>(
      schema: Schema.Schema<A, I>,
      file: string,
      afterFirstWrite: Effect.Effect<void>,
      options: LockOptions
    ) =>
    <E, R>(update: (current: A) => Effect.Effect<A, E, R>): Effect.Effect<A, SettingsError | E, R> => {
      const lockPath = `${file}.lock`
      const fail = (problem: string) => new SettingsError({ path: file, problem })
      const cannotWrite = (problem: string) => new SettingsError({ path: file, problem, kind: "write" })

      const readModifyWrite = withHeldLock(lockPath, options)((lock) =>
        Effect.gen(function*() {
          const { raw, text } = yield* readRaw(file)
          const current = yield* decode(schema, file, raw)
          const next = yield* update(current)
          const encoded = yield* Schema.encode(schema)(next).pipe(
            Effect.mapError((error) => fail(`refusing to write invalid settings: ${describeDecodeError(error)}`))
          )
          const output = formatJson(orderKeysLike(raw, encoded))
          if (Option.isSome(text) && text.value === output) return next
          // A holder that stalled (suspended, overloaded) may have lost the lock to a waiter that
          // took it for abandoned: then its update must be redone on what that waiter wrote.
          yield* lock.ensureHeld
          yield* writeAtomically(file, output).pipe(
            Effect.mapError((error) => cannotWrite(`cannot write the file: ${describePlatformError(error)}`))
          )
          if (Option.isNone(text)) yield* afterFirstWrite
          return next
        })
      )

      return fs.makeDirectory(path.dirname(file), { recursive: true }).pipe(
        Effect.mapError((error) => cannotWrite(`cannot create its directory: ${describePlatformError(error)}`)),
        Effect.zipRight(
          readModifyWrite.pipe(
            Effect.retry({ times: LOST_LOCK_ATTEMPTS - 1, while: (error) => error instanceof LockLost })
          )
        ),
        Effect.provideService(FileSystem.FileSystem, fs),
        Effect.mapError(lockProblem(file, lockPath)),
        serialised(file)
      )
    }

    const makeUpdate = <A, I>(schema: Schema.Schema<A, I>, file: string, afterFirstWrite: Effect.Effect<void>) => {
      const modify = makeModify(schema, file, afterFirstWrite, lockOptions.update ?? UPDATE_LOCK)
      return (update: (current: A) => A): Effect.Effect<A, SettingsError> => modify((current) => Effect.succeed(update(current)))
    }

    /** The directory exists and the lock can be taken (and is released at once): a write would get that far. */
    const checkWritable = (file: string): Effect.Effect<void, SettingsError> => {
      const lockPath = `${file}.lock`
      return fs.makeDirectory(path.dirname(file), { recursive: true }).pipe(
        Effect.mapError((error) =>
          new SettingsError({ path: file, kind: "write", problem: `cannot create its directory: ${describePlatformError(error)}` })
        ),
        Effect.zipRight(withFileLock(lockPath, lockOptions.update ?? UPDATE_LOCK)(Effect.void)),
        Effect.provideService(FileSystem.FileSystem, fs),
        Effect.mapError(lockProblem(file, lockPath)),
        serialised(file)
      )
    }

    return Settings.of({
      paths,
      load: Effect.all(
        {
          user: loadOne(UserSettings, paths.user),
          project: loadOne(ProjectSettings, paths.project),
          local: loadOne(LocalSettings, paths.local)
        },
        { concurrency: "unbounded" }
      ),
      updateUser: makeUpdate(UserSettings, paths.user, Effect.void),
      updateProject: makeUpdate(ProjectSettings, paths.project, Effect.void),
      updateLocal: makeUpdate(LocalSettings, paths.local, ensureLocalFileIgnored),
      modifyUser: makeModify(UserSettings, paths.user, Effect.void, lockOptions.modify ?? MODIFY_LOCK),
      modifyProject: makeModify(ProjectSettings, paths.project, Effect.void, lockOptions.modify ?? MODIFY_LOCK),
      checkWritable: Effect.all([checkWritable(paths.user), checkWritable(paths.local)], { discard: true }),
      holdAgent: (agentId) => Effect.sync(() => holdLease(leaseDir, agentId)),
      agentHolders: (agentId) => Effect.sync(() => otherHolders(leaseDir, agentId))
    })
  })
)

export const SettingsFiles: Layer.Layer<Settings, never, Workspace | FileSystem.FileSystem | Path.Path> = makeSettingsFiles()
