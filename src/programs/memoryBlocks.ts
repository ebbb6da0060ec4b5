/**
 * The shared memory blocks: every stored id is checked concurrently; a block
 * that is missing or gone is created (from its default text) under its settings file's lock,
 * after re-reading the file, and its id saved there before the lock is released.
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

const createBlock = (label: BlockLabel) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const request = api.createBlock({
      label,
      value: DEFAULT_BLOCKS[label].value,
      description: DEFAULT_BLOCKS[label].description,
      limit: DEFAULT_BLOCKS[label].limit
    })
    return (yield* withAnnouncedRetries(request, output.stderr)).id
  })

/** Whether the server still has the block; no id, no block. */
const blockExists = (id: string | undefined) =>
  id === undefined
    ? Effect.succeed(false)
    : Effect.flatMap(LettaApi, (api) =>
        api.retrieveBlock(id).pipe(
          Effect.map(() => true),
          Effect.catchIf(isUnknownId, () => Effect.succeed(false))
        )
      )

type Labels<L extends BlockLabel> = { readonly [K in L]?: string | undefined }

/**
 * Inside a settings file's lock: the ids for `labels`, from what the file holds now. An id another
 * process stored since this one read the file is adopted (it just created or checked it); one we
 * found on the server is kept; the rest are created. Processes starting together thus wait for
 * the first one and share its blocks, and no block is created that no file records.
 */
const settleIds = <L extends BlockLabel>(
  labels: ReadonlyArray<L>,
  stored: Labels<L>,
  found: Readonly<Record<L, boolean>>,
  now: Labels<L> | undefined,
  /** Blocks this process created already (an update redone after its lock was lost): not made twice. */
  made: Partial<Record<BlockLabel, string>>
) =>
  Effect.gen(function* () {
    const output = yield* Output
    const ids = yield* Effect.forEach(
      labels,
      (label) => {
        const current = now?.[label]
        if (current !== undefined && (current !== stored[label] || found[label])) return Effect.succeed(current)
        const before = made[label]
        if (before !== undefined) return Effect.succeed(before)
        return Effect.tap(createBlock(label), (created) => {
          made[label] = created
          const gone = stored[label]
          return gone === undefined
            ? Effect.void
            : output.stderr(`letta: memory block "${label}" (${gone}) is gone from the server; created ${created} from the default text.\n`)
        })
      },
      { concurrency: "unbounded" }
    )
    return Object.fromEntries(labels.map((label, i) => [label, ids[i]!])) as Record<L, string>
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
    const store = yield* Settings
    const server = serverKey(api.baseUrl)
    const stored = storedBlockIds(settings, server)
    const found = yield* Effect.all(
      { persona: blockExists(stored.persona), human: blockExists(stored.human), project: blockExists(stored.project) },
      { concurrency: "unbounded" }
    )

    const made: Partial<Record<BlockLabel, string>> = {}
    // Written when a block is missing, or this server's entry or the plain key is not current yet
    // (a file that predates per-server ids gets its entry here, so its blocks stay this server's).
    const userEntry = settings.user.globalSharedBlockIdsByServer?.[server]
    const userPlain = settings.user.globalSharedBlockIds
    let persona = stored.persona
    let human = stored.human
    if (
      persona === undefined || human === undefined || !found.persona || !found.human ||
      persona !== userEntry?.persona || human !== userEntry?.human || persona !== userPlain?.persona || human !== userPlain?.human
    ) {
      const written = yield* store.modifyUser((user) =>
        Effect.map(
          settleIds(["persona", "human"], stored, found, globalBlockIdsFor(user, server), made),
          (ids) => withGlobalBlockIds(user, server, ids)
        )
      )
      persona = globalBlockIdsFor(written, server)?.persona
      human = globalBlockIdsFor(written, server)?.human
    }

    let project = stored.project
    if (
      project === undefined || !found.project ||
      project !== settings.project.localSharedBlockIdsByServer?.[server]?.project || project !== settings.project.localSharedBlockIds?.project
    ) {
      const written = yield* store.modifyProject((current) =>
        Effect.map(
          settleIds(["project"], stored, found, localBlockIdsFor(current, server), made),
          (ids) => withLocalBlockIds(current, server, ids)
        )
      )
      project = localBlockIdsFor(written, server)?.project
    }
    // Written just now under the lock: present.
    return { persona: persona!, human: human!, project: project! }
  })
