/**
 * Prompt history, per project, kept under the user's home — never in the project, where
 * `.letta/` may be committed and prompts can hold secrets:
 * `~/.letta/history/<first 16 hex of sha256(project path)>.json` =
 * `{"project": "/abs/path", "entries": ["oldest", …, "newest"]}`, at most 500 entries.
 * Best effort: a history that cannot be read or written never stops the session.
 */
import { nodeCrypto } from "../../platform/builtins.js"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

export const HISTORY_LIMIT = 500
/** Longer entries are not kept (a huge paste is not worth replaying). */
export const HISTORY_ENTRY_MAX_CHARS = 100_000

// Built on first use: headless runs load this module too.
const historyDecoder = () => Schema.decodeUnknownOption(Schema.parseJson(Schema.Struct({ project: Schema.String, entries: Schema.Array(Schema.String) })))

export const historyPath = (path: Path.Path, homeDir: string, projectDir: string): string =>
  path.join(homeDir, ".letta", "history", `${nodeCrypto().createHash("sha256").update(projectDir).digest("hex").slice(0, 16)}.json`)

/** Appends an entry: no consecutive duplicates, oldest dropped beyond the limit. */
export const appendEntry = (entries: ReadonlyArray<string>, entry: string, limit = HISTORY_LIMIT): ReadonlyArray<string> => {
  if (entry.trim().length === 0 || entry.length > HISTORY_ENTRY_MAX_CHARS) return entries
  const next = entries[entries.length - 1] === entry ? entries : [...entries, entry]
  return next.length > limit ? next.slice(next.length - limit) : next
}

export interface InputHistoryStore {
  readonly load: Effect.Effect<ReadonlyArray<string>>
  readonly append: (entry: string) => Effect.Effect<void>
}

export const makeInputHistory = (homeDir: string, projectDir: string): Effect.Effect<InputHistoryStore, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const file = historyPath(path, homeDir, projectDir)
    const decodeHistory = historyDecoder()

    const read = fs.readFileString(file).pipe(
      Effect.map((text) =>
        Option.match(decodeHistory(text), {
          onNone: (): ReadonlyArray<string> => [],
          // Two projects never share a file; a hash collision just starts afresh.
          onSome: (history) => (history.project === projectDir ? history.entries : [])
        })
      ),
      Effect.orElseSucceed((): ReadonlyArray<string> => [])
    )

    const append = (entry: string) =>
      Effect.gen(function* () {
        // Re-read first: another session in this project may have added entries meanwhile.
        const entries = appendEntry(yield* read, entry)
        yield* fs.makeDirectory(path.dirname(file), { recursive: true })
        const temp = `${file}.${process.pid}.tmp`
        yield* fs.writeFileString(temp, `${JSON.stringify({ project: projectDir, entries }, null, 1)}\n`, { mode: 0o600 })
        yield* fs.rename(temp, file)
      }).pipe(Effect.ignore)

    return { load: read, append }
  })
