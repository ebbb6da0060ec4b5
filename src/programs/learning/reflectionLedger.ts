/**
 * Where the previous reflection pass on an agent stopped reading: the id of the newest history
 * entry it read, so the next pass reads only what came after. Kept per agent under the user's
 * home (`~/.letta/reflection/<first 16 hex of sha256(server + agent)>.json`); a file per agent,
 * so two sessions on different agents never write the same file. Best effort: a ledger that
 * cannot be read means everything recent is new, one that cannot be written is retried next time.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { nodeCrypto } from "../../platform/builtins.js"

const LedgerEntry = Schema.Struct({ server: Schema.String, agentId: Schema.String, lastSeenId: Schema.String, at: Schema.String })

const ledgerFile = (path: Path.Path, homeDir: string, server: string, agentId: string): string =>
  path.join(homeDir, ".letta", "reflection", `${nodeCrypto().createHash("sha256").update(`${server} ${agentId}`).digest("hex").slice(0, 16)}.json`)

/** The newest entry the previous pass read, if any pass did. */
export const lastSeenBy = (homeDir: string, server: string, agentId: string): Effect.Effect<string | undefined, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const text = yield* Effect.option(fs.readFileString(ledgerFile(path, homeDir, server, agentId)))
    if (Option.isNone(text)) return undefined
    const entry = Schema.decodeUnknownOption(Schema.parseJson(LedgerEntry))(text.value)
    return Option.isSome(entry) && entry.value.agentId === agentId && entry.value.server === server ? entry.value.lastSeenId : undefined
  })

/** Records that a pass read up to `lastSeenId` (written to a temporary file, then renamed). */
export const recordPass = (homeDir: string, server: string, agentId: string, lastSeenId: string): Effect.Effect<void, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const file = ledgerFile(path, homeDir, server, agentId)
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
    yield* fs.makeDirectory(path.dirname(file), { recursive: true })
    yield* fs.writeFileString(temporary, `${JSON.stringify({ server, agentId, lastSeenId, at: new Date().toISOString() })}\n`)
    yield* fs.rename(temporary, file).pipe(Effect.tapError(() => Effect.ignore(fs.remove(temporary))))
  }).pipe(Effect.ignore)
