/**
 * The shared memory blocks (PRODUCT.md §3): every stored id is checked concurrently; a block
 * that is gone is re-created from its default text and the new id saved to its settings file.
 * Ids are kept per server (`globalSharedBlockIdsByServer`, `localSharedBlockIdsByServer`): only
 * this server's ids are checked, and another server's are never replaced.
 */
import * as Effect from "effect/Effect"
import { type ApiError, isUnknownId, type SettingsError } from "../domain/errors.js"
import { type BlockLabel, DEFAULT_BLOCKS } from "../domain/memory.js"
import { type AllSettings, globalBlockIdsFor, localBlockIdsFor, serverKey, withGlobalBlockIds, withLocalBlockIds } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { withAnnouncedRetries } from "./turn/retry.js"

export type SharedBlockIds = Readonly<Record<BlockLabel, string>>

const ensureBlock = (label: BlockLabel, storedId: string | undefined) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const retried = <A>(request: Effect.Effect<A, ApiError>) => withAnnouncedRetries(request, output.stderr)
    const create = retried(
      api.createBlock({
        label,
        value: DEFAULT_BLOCKS[label].value,
        description: DEFAULT_BLOCKS[label].description,
        limit: DEFAULT_BLOCKS[label].limit
      })
    )
    if (storedId === undefined) return (yield* create).id
    const found = yield* api.retrieveBlock(storedId).pipe(
      Effect.map(() => true),
      Effect.catchIf(isUnknownId, () => Effect.succeed(false))
    )
    if (found) return storedId
    const created = yield* create
    yield* output.stderr(`letta: memory block "${label}" (${storedId}) is gone from the server; created ${created.id} from the default text.\n`)
    return created.id
  })

/** The block ids stored for `server` (see `globalBlockIdsFor`, `localBlockIdsFor`). */
export const storedBlockIds = (settings: AllSettings, server: string): Readonly<Record<BlockLabel, string | undefined>> => {
  const global = globalBlockIdsFor(settings.user, server)
  return { persona: global?.persona, human: global?.human, project: localBlockIdsFor(settings.project, server)?.project }
}

export const ensureSharedBlocks = (
  settings: AllSettings
): Effect.Effect<SharedBlockIds, ApiError | SettingsError, LettaApi | Output | Settings> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const server = serverKey(api.baseUrl)
    const stored = storedBlockIds(settings, server)
    const ids = yield* Effect.all(
      {
        persona: ensureBlock("persona", stored.persona),
        human: ensureBlock("human", stored.human),
        project: ensureBlock("project", stored.project)
      },
      { concurrency: "unbounded" }
    )
    const store = yield* Settings
    // Processes starting together all find no block and create one each. The settings files are
    // written under their lock from what is in them now: where another process stored an id
    // since we read the file, its block is adopted, so every agent shares the same blocks.
    const settled = (label: BlockLabel, now: string | undefined) => (now !== undefined && now !== stored[label] ? now : ids[label])
    const userEntry = settings.user.globalSharedBlockIdsByServer?.[server]
    const userPlain = settings.user.globalSharedBlockIds
    let { human, persona } = ids
    // Written when this server's entry or the plain key is not current yet (a file that predates
    // per-server ids gets its entry here, so its blocks stay this server's).
    if (ids.persona !== userEntry?.persona || ids.human !== userEntry?.human || ids.persona !== userPlain?.persona || ids.human !== userPlain?.human) {
      const written = yield* store.updateUser((user) => {
        const now = globalBlockIdsFor(user, server)
        return withGlobalBlockIds(user, server, { persona: settled("persona", now?.persona), human: settled("human", now?.human) })
      })
      const now = globalBlockIdsFor(written, server)
      persona = now?.persona ?? persona
      human = now?.human ?? human
    }
    let project = ids.project
    if (ids.project !== settings.project.localSharedBlockIdsByServer?.[server]?.project || ids.project !== settings.project.localSharedBlockIds?.project) {
      const written = yield* store.updateProject((current) =>
        withLocalBlockIds(current, server, { project: settled("project", localBlockIdsFor(current, server)?.project) })
      )
      project = localBlockIdsFor(written, server)?.project ?? project
    }
    return { persona, human, project }
  })
