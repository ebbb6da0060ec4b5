/**
 * The shared memory blocks (PRODUCT.md §3): every stored id is checked concurrently; a block
 * that is gone is re-created from its default text and the new id saved to its settings file.
 */
import * as Effect from "effect/Effect"
import { type ApiError, isUnknownId, type SettingsError } from "../domain/errors.js"
import { type BlockLabel, DEFAULT_BLOCKS } from "../domain/memory.js"
import type { AllSettings } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"

export type SharedBlockIds = Readonly<Record<BlockLabel, string>>

const ensureBlock = (label: BlockLabel, storedId: string | undefined) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const create = api.createBlock({
      label,
      value: DEFAULT_BLOCKS[label].value,
      description: DEFAULT_BLOCKS[label].description,
      limit: DEFAULT_BLOCKS[label].limit
    })
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

export const ensureSharedBlocks = (
  settings: AllSettings
): Effect.Effect<SharedBlockIds, ApiError | SettingsError, LettaApi | Output | Settings> =>
  Effect.gen(function* () {
    const stored = {
      persona: settings.user.globalSharedBlockIds?.persona,
      human: settings.user.globalSharedBlockIds?.human,
      project: settings.project.localSharedBlockIds?.project
    }
    const ids = yield* Effect.all(
      {
        persona: ensureBlock("persona", stored.persona),
        human: ensureBlock("human", stored.human),
        project: ensureBlock("project", stored.project)
      },
      { concurrency: "unbounded" }
    )
    const store = yield* Settings
    if (ids.persona !== stored.persona || ids.human !== stored.human) {
      yield* store.updateUser((user) => ({
        ...user,
        globalSharedBlockIds: { ...user.globalSharedBlockIds, persona: ids.persona, human: ids.human }
      }))
    }
    if (ids.project !== stored.project) {
      yield* store.updateProject((project) => ({
        ...project,
        localSharedBlockIds: { ...project.localSharedBlockIds, project: ids.project }
      }))
    }
    return ids
  })
