/**
 * The platform's Node FileSystem with one change: `realPath` is a single realpath(3) call.
 * The platform's goes through Node's JavaScript realpath, an lstat per path component, each a
 * thread-pool round trip (~1 ms apiece on a slow VM): the permission checks of a Read cost eight
 * of them. One system call takes microseconds, so it is made synchronously.
 */
import { SystemError, type SystemErrorReason } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { realpathSync } from "node:fs"

const REASONS: Readonly<Record<string, SystemErrorReason>> = {
  ENOENT: "NotFound",
  EACCES: "PermissionDenied",
  ENOTDIR: "BadResource",
  ELOOP: "BadResource"
}

const realPath = (path: string) =>
  Effect.try({
    try: () => realpathSync.native(path),
    catch: (error) => {
      const errno = error as NodeJS.ErrnoException
      return new SystemError({
        reason: REASONS[errno.code ?? ""] ?? "Unknown",
        module: "FileSystem",
        method: "realPath",
        pathOrDescriptor: path,
        description: errno.message,
        cause: error
      })
    }
  })

export const FileSystemNode: Layer.Layer<FileSystem.FileSystem> = Layer.effect(
  FileSystem.FileSystem,
  Effect.map(FileSystem.FileSystem, (fs): FileSystem.FileSystem => ({ ...fs, realPath }))
).pipe(Layer.provide(NodeFileSystem.layer))
