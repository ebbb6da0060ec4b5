/**
 * What this session last saw of each file it read or wrote, so that Write and Edit can refuse
 * to overwrite a file the model has not read, or one that changed on disk since it did.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"

export interface FileSnapshot {
  /** Modification time in milliseconds since the epoch. */
  readonly mtimeMs: number
  readonly size: number
  /** SHA-256 (hex) of the bytes, when the whole file was seen. */
  readonly sha256?: string
}

export interface FileTrackerShape {
  /** Remembers a file's state; `path` is its canonical (real, absolute) path. */
  readonly record: (path: string, snapshot: FileSnapshot) => Effect.Effect<void>
  readonly lookup: (path: string) => Effect.Effect<Option.Option<FileSnapshot>>
}

export class FileTracker extends Context.Tag("letta/FileTracker")<FileTracker, FileTrackerShape>() {}
