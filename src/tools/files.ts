/**
 * File helpers shared by the file tools: resolving paths against the project, error texts, the
 * stale-write guard over the session's FileTracker, and atomic writes.
 */
import { nodeCrypto } from "../platform/builtins.js"
import * as FileSystem from "@effect/platform/FileSystem"
import { type PlatformError, SystemError } from "@effect/platform/Error"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import { type ToolOutput, toolError } from "../domain/tools.js"
import { realPathOf } from "../permissions/paths.js"
import { FileTracker, type FileSnapshot } from "../services/FileTracker.js"
import { JudgedPathsRef } from "../services/Tools.js"
import { Workspace } from "../services/Workspace.js"
import { fileToolTempName, sweepStaleTemps } from "./tempFiles.js"

/** An absolute path: `file` as given when absolute, else relative to the project directory. */
export const resolveProjectPath = (file: string) =>
  Effect.gen(function* () {
    const path = yield* Path.Path
    const workspace = yield* Workspace
    return path.resolve(workspace.projectDir, file)
  })

export const describeFsError = (filePath: string, error: PlatformError, action = "read"): string => {
  if (error._tag === "SystemError" && error.reason === "NotFound") return `File does not exist: ${filePath}`
  if (error._tag === "SystemError" && error.reason === "PermissionDenied") return `Permission denied: ${filePath}`
  return `Cannot ${action} ${filePath}: ${error.message}`
}

/** The tool error for a path a search or listing could not look at: missing, or another failure. */
export const pathFailure = (rawPath: string, error: PlatformError, missing: string, action: string) =>
  Effect.map(resolveProjectPath(rawPath), (path) =>
    toolError(error._tag === "SystemError" && error.reason === "NotFound" ? `${missing}: ${path}` : describeFsError(path, error, action))
  )

export const sha256 = (bytes: Uint8Array): string => nodeCrypto().createHash("sha256").update(bytes).digest("hex")

export const snapshotOf = (info: FileSystem.File.Info, hash?: string): FileSnapshot => ({
  mtimeMs: Option.match(info.mtime, { onNone: () => 0, onSome: (date) => date.getTime() }),
  size: Number(info.size),
  ...(hash === undefined ? {} : { sha256: hash })
})

/** The real path of an existing file (symlinks resolved), the key the FileTracker uses. */
export const canonicalPath = (filePath: string) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.realPath(filePath)).pipe(Effect.orElseSucceed(() => filePath))

/**
 * Where `filePath` (absolute, as the tool opens it) really is now, symlinks followed: the place
 * to read and write. Left (a tool error) when that is not where it led when the call was
 * judged: a symlink made or swapped since would take the call somewhere nobody approved.
 */
export const judgedLocation = (filePath: string): Effect.Effect<Either.Either<string, ToolOutput>, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const real = yield* realPathOf(filePath)
    const judged = (yield* FiberRef.get(JudgedPathsRef))?.get(filePath)
    if (judged === undefined || judged === real) return Either.right(real)
    return Either.left(
      toolError(`refused: ${filePath} now resolves to ${real}, not to ${judged} as when this call was approved (a symlink changed); ask again`)
    )
  })

/** Remembers that the session has seen `canonical` as it is now. */
export const recordSeen = (canonical: string, info: FileSystem.File.Info, hash?: string) =>
  Effect.flatMap(FileTracker, (tracker) => tracker.record(canonical, snapshotOf(info, hash)))

/**
 * Why the existing file `canonical` must not be overwritten yet, or None when the session has
 * seen it as it is now. With a recorded hash the content decides (a touched but unchanged file
 * is fine); otherwise modification time and size. `current` is the file's content when the
 * caller has it already.
 */
export const staleReason = (
  canonical: string,
  shownPath: string,
  info: FileSystem.File.Info,
  current?: Uint8Array
): Effect.Effect<Option.Option<string>, PlatformError, FileTracker | FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const tracker = yield* FileTracker
    const seen = yield* tracker.lookup(canonical)
    if (Option.isNone(seen)) {
      return Option.some(
        `${shownPath} already exists and has not been read in this session. Read it first (with the Read tool), then try again.`
      )
    }
    const now = snapshotOf(info)
    const changed = Option.some(
      `${shownPath} has changed on disk since it was last read in this session. Read it again (with the Read tool) before changing it.`
    )
    if (now.size !== seen.value.size) return changed
    if (seen.value.sha256 !== undefined && (current !== undefined || now.size <= MAX_WHOLE_FILE_BYTES)) {
      const bytes = current ?? (yield* Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFile(canonical)))
      return sha256(bytes) === seen.value.sha256 ? Option.none() : changed
    }
    return now.mtimeMs === seen.value.mtimeMs ? Option.none() : changed
  })

/** Above this size a file tool does not read a file whole (Read reads it in parts only). */
export const MAX_WHOLE_FILE_BYTES = 10 * 1024 * 1024

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 * 1024
    ? `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Why the existing file `info` is too large to be read whole and `action` ("edited"), or None. */
export const tooLargeReason = (shownPath: string, info: FileSystem.File.Info, action: string): Option.Option<string> => {
  const size = Number(info.size)
  return size > MAX_WHOLE_FILE_BYTES
    ? Option.some(
        `${shownPath} is ${formatSize(size)}, over the 10 MB limit for files that can be ${action}; it was not read or changed. ` +
          "Change it another way (for example a stream editor such as sed in Bash), or split it."
      )
    : Option.none()
}

const isRoot = (): boolean => process.getuid?.() === 0

/**
 * Why the existing file `target` cannot be written, or None: nobody may write it (mode 0444),
 * or this user may not. Root could replace such a file; a read-only mark is still respected.
 */
export const readOnlyReason = (target: string, shownPath: string, info: FileSystem.File.Info) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const bits = info.mode & 0o777
    const refused = Option.some(
      `${shownPath} is read-only (mode ${bits.toString(8).padStart(4, "0")}); it was left unchanged. ` +
        "If it should be changed, it must be made writable first (for example chmod u+w)."
    )
    if ((bits & 0o222) === 0) return refused
    if (isRoot()) return Option.none<string>()
    const writable = yield* fs.access(target, { writable: true }).pipe(Effect.as(true), Effect.orElseSucceed(() => false))
    return writable ? Option.none<string>() : refused
  })

/**
 * Whether `info`'s file must be rewritten where it is rather than replaced: replacing it would
 * split it from its other hard links, or give it to this user instead of its owner.
 */
const keepsItsInode = (info: FileSystem.File.Info): boolean => {
  const links = Option.getOrElse(info.nlink, () => 1)
  const owner = Option.getOrUndefined(info.uid)
  const me = process.getuid?.()
  return links > 1 || (owner !== undefined && me !== undefined && owner !== me)
}

/** Overwrites the file itself: same inode, owner, mode and links. Not atomic, so only when needed. */
const writeInPlace = (target: string, bytes: Uint8Array) =>
  Effect.scoped(
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const file = yield* fs.open(target, { flag: "r+" })
      if (bytes.length > 0) yield* file.writeAll(bytes)
      yield* file.truncate(bytes.length)
      yield* file.sync
    })
  )

/**
 * Writes `bytes` to `target` through a temporary file in the same directory and a rename, so
 * readers never see half a file. Creates missing parent directories. The temporary file is
 * created with `mode` (the permissions of the file being replaced), never wider, so a secret
 * file's copy is not readable by others even for a moment. Removes the temp files a crash left
 * in the directory. Returns the new file's info.
 */
export const atomicWrite = (target: string, bytes: Uint8Array, mode?: number) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const directory = path.dirname(target)
    yield* fs.makeDirectory(directory, { recursive: true })
    yield* sweepStaleTemps(directory)
    const temporary = path.join(directory, fileToolTempName(path.basename(target)))
    const written = Effect.gen(function* () {
      yield* Effect.scoped(
        Effect.gen(function* () {
          const file = yield* fs.open(temporary, { flag: "wx", mode: mode === undefined ? 0o666 : mode & 0o777 })
          // Effect's writeAll fails on an empty buffer ("write returned 0 bytes").
          if (bytes.length > 0) yield* file.writeAll(bytes)
          yield* file.sync
        })
      )
      // The umask may have narrowed the mode at creation; the replaced file's exact bits return.
      if (mode !== undefined) yield* fs.chmod(temporary, mode & 0o7777)
      yield* fs.rename(temporary, target)
    })
    yield* written.pipe(
      Effect.onError(() => fs.remove(temporary).pipe(Effect.ignore)),
      Effect.uninterruptible,
      // The temp file is an implementation detail: a failure names the file being written.
      Effect.mapError((error) =>
        error._tag === "SystemError"
          ? new SystemError({
              ...error,
              pathOrDescriptor: target,
              description: error.description?.split(temporary).join(target)
            })
          : error
      )
    )
    return yield* fs.stat(target)
  })

/**
 * Replaces the content of `target` with `bytes`: `existing` is the file's info when it exists
 * (its stale-write and read-only checks done). Atomically through a temp file that takes its
 * mode, or in place when the file has other hard links or another owner, which a replacement
 * would lose.
 */
export const writeTarget = (target: string, bytes: Uint8Array, existing?: FileSystem.File.Info) =>
  Effect.gen(function* () {
    if (existing === undefined || !keepsItsInode(existing)) return yield* atomicWrite(target, bytes, existing?.mode)
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    yield* sweepStaleTemps(path.dirname(target))
    yield* writeInPlace(target, bytes)
    return yield* fs.stat(target)
  })

/** Lines in `text`: a final line without a newline counts, an empty text has none. */
export const countLines = (text: string): number => {
  if (text.length === 0) return 0
  let lines = 0
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines++
  return text.endsWith("\n") ? lines : lines + 1
}
