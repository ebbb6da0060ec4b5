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
    if (labels.length === 1) {
      // stdout stays the value alone (scripts read it); how full the block is goes to stderr.
      yield* output.stdout(`${blocks[0]!.value}\n`)
      return yield* output.stderr(`${known[0]}: ${blockUse(blocks[0]!)}\n`)
    }
    const text = blocks.map((block, i) => `\u2500\u2500 ${known[i]} (${block.id}) \u00b7 ${blockUse(block)} \u2500\u2500\n${block.value}`)
    yield* output.stdout(`${text.join("\n\n")}\n`)
  })

/** A block at or above this share of its limit is reported as near it (the next reflection consolidates it). */
export const NEAR_LIMIT = 0.9

/** "1,234 of 5,000 characters (25%)", and "near its limit" when it is. */
export const blockUse = (block: { readonly value: string; readonly limit?: number | null | undefined }): string => {
  if (block.limit === null || block.limit === undefined || block.limit <= 0) return `${block.value.length.toLocaleString("en-US")} characters`
  const share = block.value.length / block.limit
  const near = share >= NEAR_LIMIT ? " \u00b7 near its limit" : ""
  return `${block.value.length.toLocaleString("en-US")} of ${block.limit.toLocaleString("en-US")} characters (${Math.round(share * 100)}%)${near}`
}

export const setMemory = (label: BlockLabel, value: string, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const ids = yield* ensureSharedBlocks(settings)
    const block = yield* api.updateBlockValue(ids[label], value)
    yield* output.stderr(`Updated memory block "${label}" (${block.id}): ${block.value.length} characters.\n`)
  })
