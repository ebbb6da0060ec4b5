/**
 * A pass that fails (an error, its time bound, an interrupt) leaves memory as it found it: each
 * block it changed gets its value from before the pass back. Where the backend keeps block
 * history, that is a revert of the pass's own changes (recorded as one), and only while no one
 * else changed the block after them; on a Letta server, the value from before is written back.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { LettaApi } from "../../services/LettaApi.js"

/** Rolls back one block; false when it could not be (someone else changed it since). */
const restoreBlock = (blockId: string, before: string, reflectorId: string | undefined): Effect.Effect<boolean, unknown, LettaApi> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    if ((yield* api.retrieveBlock(blockId)).value === before) return true
    const history = yield* api.blockHistory(blockId)
    if (Option.isNone(history)) {
      yield* api.updateBlockValue(blockId, before)
      return true
    }
    // Newest first: the pass's own changes must be the newest ones.
    let earliest: number | undefined
    for (const change of history.value) {
      if (reflectorId === undefined || change.source.agentId !== reflectorId) break
      earliest = change.n
    }
    if (earliest === undefined) return false
    return Option.isSome(yield* api.revertBlock(blockId, earliest))
  })

/**
 * Gives back each block (label → id) the value it had before the pass (`before`, by label); the
 * labels that could not be restored are returned (a block changed since by someone else, or an
 * error), so the failure can say so.
 */
export const rollBack = (
  blockIds: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>>,
  reflectorId: string | undefined
): Effect.Effect<ReadonlyArray<string>, never, LettaApi> =>
  Effect.map(
    Effect.forEach(
      Object.keys(before),
      (label) =>
        restoreBlock(blockIds[label]!, before[label]!, reflectorId).pipe(
          Effect.map((restored) => (restored ? undefined : label)),
          Effect.orElseSucceed(() => label)
        ),
      { concurrency: "unbounded" }
    ),
    (labels) => labels.filter((label): label is string => label !== undefined)
  )
