/** Write: creates or replaces a whole file, atomically, guarded against overwriting unseen changes. */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { toolError, toolSuccess } from "../domain/tools.js"
import { defineTool, param } from "./defineTool.js"
import {
  canonicalPath,
  countLines,
  describeFsError,
  judgedLocation,
  readOnlyReason,
  recordSeen,
  resolveProjectPath,
  sha256,
  staleReason,
  writeTarget
} from "./files.js"

export const WriteParameters = Schema.Struct({
  file_path: param(Schema.String, "Path of the file to write: absolute, or relative to the project directory."),
  content: param(Schema.String, "The complete new content of the file.")
})
export type WriteParameters = typeof WriteParameters.Type

const DESCRIPTION = [
  "Writes a file with the given content, creating it (and any missing parent directories) or replacing it entirely.",
  "",
  "- `file_path` may be absolute or relative to the project directory.",
  "- An existing file must have been read with Read in this session, and must not have changed on disk since it was last read or written; otherwise the write is refused and you are asked to Read it first.",
  "- The file is replaced in one step (a temporary file renamed over it), keeping its permissions; a symlink is followed and its target is written. A file with other hard links, or owned by another user, is rewritten in place so that its links and owner stay. A read-only file is refused.",
  "- For changes to part of a file prefer Edit or MultiEdit, which send only the changed text."
].join("\n")

const encoder = new TextEncoder()

export const Write = defineTool({
  name: "Write",
  description: DESCRIPTION,
  parameters: WriteParameters,
  readOnly: false,
  run: (args) =>
    Effect.gen(function* () {
      const filePath = yield* resolveProjectPath(args.file_path)
      const fs = yield* FileSystem.FileSystem
      const bytes = encoder.encode(args.content)
      const describe = (verb: string) =>
        `${verb} ${filePath} (${countLines(args.content)} lines, ${bytes.length} bytes).`

      // Written where the path really leads (checked against the decision), not through links.
      const located = yield* judgedLocation(filePath)
      if (Either.isLeft(located)) return located.left
      const target = located.right

      const existing = yield* fs.stat(target).pipe(
        Effect.map(Option.some),
        Effect.catchIf(
          (error) => error._tag === "SystemError" && error.reason === "NotFound",
          () => Effect.succeed(Option.none<FileSystem.File.Info>())
        )
      )
      if (Option.isNone(existing)) {
        const info = yield* writeTarget(target, bytes)
        yield* recordSeen(yield* canonicalPath(target), info, sha256(bytes))
        return toolSuccess(describe("Created"))
      }
      const info = existing.value
      if (info.type === "Directory") return toolError(`${filePath} is a directory; Write only writes files.`)
      if (info.type !== "File") return toolError(`${filePath} is not a regular file (it is a ${info.type}); cannot write it.`)
      const readOnly = yield* readOnlyReason(target, filePath, info)
      if (Option.isSome(readOnly)) return toolError(readOnly.value)
      const stale = yield* staleReason(target, filePath, info)
      if (Option.isSome(stale)) return toolError(stale.value)
      // Hard links and another user's ownership survive: such a file is rewritten in place.
      const written = yield* writeTarget(target, bytes, info)
      yield* recordSeen(target, written, sha256(bytes))
      return toolSuccess(describe("Wrote"))
    }).pipe(
      Effect.catchAll((error) =>
        Effect.flatMap(resolveProjectPath(args.file_path), (filePath) =>
          Effect.succeed(toolError(describeFsError(filePath, error, "write")))
        )
      )
    )
})
