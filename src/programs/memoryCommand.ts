/** `letta memory show [label]` / `letta memory set <label> [--file f]`: the shared memory blocks. */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { ConfigError, UsageError } from "../domain/errors.js"
import type { BlockLabel } from "../domain/memory.js"
import { type AllSettings, serverKey } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { ensureSharedBlocks, storedBlockIds } from "./memoryBlocks.js"

export const BLOCK_LABELS: ReadonlyArray<BlockLabel> = ["persona", "human", "project"]

export const parseLabel = (label: string): Effect.Effect<BlockLabel, UsageError> => {
  const found = BLOCK_LABELS.find((known) => known === label)
  return found === undefined
    ? Effect.fail(new UsageError({ message: `Unknown memory block "${label}". Shared blocks: ${BLOCK_LABELS.join(", ")}.` }))
    : Effect.succeed(found)
}

export const showMemory = (label: Option.Option<BlockLabel>, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    // This server's blocks only: another server's ids mean nothing here.
    const ids = storedBlockIds(settings, serverKey(api.baseUrl))
    const labels = Option.match(label, { onNone: () => BLOCK_LABELS, onSome: (one) => [one] })
    const known = labels.filter((l) => ids[l] !== undefined)
    if (known.length === 0) {
      return yield* new ConfigError({
        message: `No ${Option.isSome(label) ? `"${label.value}" ` : ""}memory block yet for this ${Option.isSome(label) && label.value !== "project" ? "user" : "project"} on ${api.displayName}.`,
        hint: "Blocks are created with the first agent: run `letta -p ...` once."
      })
    }
    const blocks = yield* Effect.forEach(known, (l) => api.retrieveBlock(ids[l]!), { concurrency: "unbounded" })
    const text = blocks.map((block, i) => (labels.length === 1 ? block.value : `── ${known[i]} (${block.id}) ──\n${block.value}`))
    yield* output.stdout(`${text.join("\n\n")}\n`)
  })

export const setMemory = (label: BlockLabel, value: string, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const ids = yield* ensureSharedBlocks(settings)
    const block = yield* api.updateBlockValue(ids[label], value)
    yield* output.stderr(`Updated memory block "${label}" (${block.id}): ${block.value.length} characters.\n`)
  })
