/**
 * `letta memory history <label>` and `letta memory revert <label> <n>`:
 * every change of a shared block, newest first, and undoing one. A Letta server keeps only the
 * current value; there these say so.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { ConfigError } from "../domain/errors.js"
import type { BlockChange } from "../domain/localState.js"
import type { BlockLabel } from "../domain/memory.js"
import { type AllSettings, serverKey } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { storedBlockIds } from "./memoryBlocks.js"

const NO_HISTORY = new ConfigError({
  message: "This Letta server keeps only the current value of a memory block, not its history.",
  hint: "Block history and revert come with the local backend: letta --backend local memory history <label>."
})

const blockIdOf = (label: BlockLabel, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const id = storedBlockIds(settings, serverKey(api.baseUrl))[label]
    if (id === undefined) {
      return yield* new ConfigError({
        message: `No "${label}" memory block yet on ${api.displayName}.`,
        hint: "Blocks are created with the first agent: run `letta -p ...` once."
      })
    }
    return id
  })

const quote = (text: string, max = 40) => {
  const flat = text.replace(/\s+/g, " ").trim()
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat)
}

/** What changed, in one line: the differing middle of the two values. */
export const summariseChange = (previous: string | undefined, value: string): string => {
  if (previous === undefined) return `created (${value.length} characters)`
  if (previous === value) return "no change to the text (description or label changed)"
  let start = 0
  while (start < previous.length && start < value.length && previous[start] === value[start]) start++
  let end = 0
  while (end < previous.length - start && end < value.length - start && previous[previous.length - 1 - end] === value[value.length - 1 - end]) end++
  const removed = previous.slice(start, previous.length - end)
  const added = value.slice(start, value.length - end)
  if (removed.length === 0) return `added ${quote(added)}`
  if (added.length === 0) return `removed ${quote(removed)}`
  return `replaced ${quote(removed)} with ${quote(added)}`
}

const sourceOf = (change: BlockChange): string => {
  switch (change.source.kind) {
    case "tool":
      return `${change.source.agentId ?? "an agent"} ${change.source.tool ?? "tool"}`
    case "user":
      return "you (letta memory set)"
    case "revert":
      return "revert"
    case "reflection":
      return `reflection${change.source.agentId === undefined ? "" : ` by ${change.source.agentId}`}`
    case "create":
      return "letta"
  }
}

export const formatHistoryLine = (change: BlockChange): string => {
  const what = summariseChange(change.previous, change.value)
  return `${String(change.n).padStart(3)}  ${change.at.slice(0, 19).replace("T", " ")}  ${change.source.kind === "create" ? what : `${sourceOf(change)}: ${what}`}`
}

export const showMemoryHistory = (label: BlockLabel, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const blockId = yield* blockIdOf(label, settings)
    const history = yield* api.blockHistory(blockId)
    if (Option.isNone(history)) return yield* NO_HISTORY
    yield* output.stdout(`${history.value.map(formatHistoryLine).join("\n")}\n`)
  })

export const revertMemory = (label: BlockLabel, change: number, settings: AllSettings) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const blockId = yield* blockIdOf(label, settings)
    const block = yield* api.revertBlock(blockId, change)
    if (Option.isNone(block)) return yield* NO_HISTORY
    yield* output.stderr(`Reverted change ${change} of memory block "${label}": it has the value from before that change again (${block.value.value.length} characters).\n`)
  })
