/** FileTracker in memory: one map per session (per layer build). */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type FileSnapshot, FileTracker } from "../services/FileTracker.js"

export const FileTrackerMemory: Layer.Layer<FileTracker> = Layer.sync(FileTracker, () => {
  const files = new Map<string, FileSnapshot>()
  return FileTracker.of({
    record: (path, snapshot) => Effect.sync(() => void files.set(path, snapshot)),
    lookup: (path) => Effect.sync(() => Option.fromNullable(files.get(path)))
  })
})
