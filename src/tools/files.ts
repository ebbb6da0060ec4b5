/**
 * File helpers shared by the file tools: resolving paths against the project, error texts, the
 * stale-write guard over the session's FileTracker, and atomic writes.
 */
import { nodeCrypto } from "../lazyBuiltins.js"
import * as FileSystem from "@effect/platform/FileSystem"
import type { PlatformError } from "@effect/platform/Error"
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
    if (seen.value.sha256 !== undefined) {
      const bytes = current ?? (yield* Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFile(canonical)))
      return sha256(bytes) === seen.value.sha256 ? Option.none() : changed
    }
    return now.mtimeMs === seen.value.mtimeMs ? Option.none() : changed
  })

/**
 * Writes `bytes` to `target` through a temporary file in the same directory and a rename, so
 * readers never see half a file. Creates missing parent directories; keeps `mode` when given
 * (the permissions of the file being replaced). Returns the new file's info.
 */
export const atomicWrite = (target: string, bytes: Uint8Array, mode?: number) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const directory = path.dirname(target)
    yield* fs.makeDirectory(directory, { recursive: true })
    const temporary = path.join(directory, `.${path.basename(target)}.letta-${nodeCrypto().randomBytes(6).toString("hex")}.tmp`)
    const written = Effect.gen(function* () {
      yield* fs.writeFile(temporary, bytes)
      if (mode !== undefined) yield* fs.chmod(temporary, mode & 0o7777)
      yield* fs.rename(temporary, target)
    })
    yield* written.pipe(Effect.tapError(() => fs.remove(temporary).pipe(Effect.ignore)))
    return yield* fs.stat(target)
  })

/** Lines in `text`: a final line without a newline counts, an empty text has none. */
export const countLines = (text: string): number => {
  if (text.length === 0) return 0
  let lines = 0
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines++
  return text.endsWith("\n") ? lines : lines + 1
}
