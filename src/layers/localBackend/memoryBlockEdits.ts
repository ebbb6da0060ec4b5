/**
 * What the memory tools do to a snapshot of the agent's blocks: find an editable block, replace,
 * insert or rewrite its text within its limit, or create one under a new tag-safe label. Each
 * returns the text the model sees and the edits the caller applies; a Left is the error text.
 */
import * as Either from "effect/Either"
import type { BlockRecord } from "../../domain/localState.js"
import { BLOCK_LIMIT } from "../../domain/memory.js"
import { noLineNumbers, type Step } from "./memoryToolArgs.js"

/** What the memory tools read of a block. */
export type MemoryBlockView = Omit<BlockRecord, "updatedAt">

export type MemoryEdit =
  | {
      readonly kind: "update"
      readonly blockId: string
      readonly value?: string
      readonly description?: string
      /** The new label (a rename). */
      readonly label?: string
    }
  | { readonly kind: "create"; readonly label: string; readonly value: string; readonly description: string }
  /** Detach the block from this agent; the block itself (and other agents sharing it) stay. */
  | { readonly kind: "detach"; readonly blockId: string }

/** The limit a block created by a tool gets; the caller stores new blocks with this limit. */
export const NEW_BLOCK_LIMIT = BLOCK_LIMIT

/** A tool's success: the text the model sees and the edits to apply. */
export interface Applied {
  readonly text: string
  readonly edits: ReadonlyArray<MemoryEdit>
}

// A label becomes an XML-like tag in the rendered prompt, so new labels stay tag-safe.
const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/
export const newLabel = (label: string, blocks: ReadonlyArray<MemoryBlockView>, except?: string): Step<string> => {
  if (!LABEL.test(label)) {
    return Either.left(
      `Invalid label '${label}'. A label is 1 to 100 characters: letters, digits, '_', '-' or '.' (not starting with '-' or '.').`
    )
  }
  const taken = blocks.some((b) => b.label === label && b.id !== except)
  return taken ? Either.left(`A memory block with label '${label}' already exists.`) : Either.right(label)
}

// ── blocks ───────────────────────────────────────────────────────────────────────────────────────

const findBlock = (blocks: ReadonlyArray<MemoryBlockView>, label: string) => blocks.find((b) => b.label === label)

export const editable = (blocks: ReadonlyArray<MemoryBlockView>, label: string): Step<MemoryBlockView> => {
  const block = findBlock(blocks, label)
  if (block === undefined) {
    const labels = blocks.map((b) => b.label).join(", ")
    return Either.left(`Memory block with label '${label}' does not exist (available labels: ${labels}).`)
  }
  return block.readOnly ? Either.left("Error: This block is read-only and cannot be edited.") : Either.right(block)
}

export const limitError = (limit: number, size: number) =>
  `Edit failed: Exceeds ${limit} character limit (requested ${size}).`

/** The whole new value goes back to the model so it can check the edit without another call. */
const setValue = (block: MemoryBlockView, value: string): Step<Applied> =>
  value.length > block.limit
    ? Either.left(limitError(block.limit, value.length))
    : Either.right({
        text: `The memory block \`${block.label}\` has been edited (${value.length}/${block.limit} characters). Review its new value below and edit it again if something is wrong (duplicated or missing lines, wrong indentation):\n${value}`,
        edits: [{ kind: "update", blockId: block.id, value }]
      })

/** 1-based line of every (non-overlapping) occurrence, as `str.count` would find them. */
const occurrenceLines = (value: string, needle: string): ReadonlyArray<number> => {
  const lines: Array<number> = []
  for (let at = value.indexOf(needle); at >= 0; at = value.indexOf(needle, at + needle.length)) {
    lines.push(value.slice(0, at).split("\n").length)
  }
  return lines
}

export const replace = (block: MemoryBlockView, oldString: string, newString: string): Step<Applied> =>
  Either.gen(function* () {
    yield* noLineNumbers("old_string", oldString)
    yield* noLineNumbers("new_string", newString)
    if (oldString.length === 0) {
      return yield* Either.left("Argument 'old_string' must not be empty; to add text, insert it instead.")
    }
    const lines = occurrenceLines(block.value, oldString)
    if (lines.length === 0) {
      return yield* Either.left(
        `No replacement was performed, old_string \`${oldString}\` did not appear verbatim in memory block with label \`${block.label}\`.`
      )
    }
    if (lines.length > 1) {
      const distinct = [...new Set(lines)]
      return yield* Either.left(
        `No replacement was performed. Multiple occurrences of old_string \`${oldString}\` in lines [${distinct.join(", ")}]. Please ensure it is unique.`
      )
    }
    const at = block.value.indexOf(oldString)
    return yield* setValue(block, block.value.slice(0, at) + newString + block.value.slice(at + oldString.length))
  })

/** Inserts after line `insertLine` (0 = top, -1 = end). An empty block has no lines, so no blank line appears. */
export const insert = (block: MemoryBlockView, field: string, text: string, insertLine: number): Step<Applied> =>
  Either.gen(function* () {
    yield* noLineNumbers(field, text)
    const lines = block.value === "" ? [] : block.value.split("\n")
    const at = insertLine === -1 ? lines.length : insertLine
    if (at < 0 || at > lines.length) {
      return yield* Either.left(
        `Invalid \`insert_line\` parameter: ${insertLine}. It should be within the range of lines of the memory block: [0, ${lines.length}], or -1 to append to the end of the memory block.`
      )
    }
    return yield* setValue(block, [...lines.slice(0, at), ...text.split("\n"), ...lines.slice(at)].join("\n"))
  })

export const rethink = (blocks: ReadonlyArray<MemoryBlockView>, label: string, value: string): Step<Applied> =>
  Either.gen(function* () {
    yield* noLineNumbers("new_memory", value)
    if (findBlock(blocks, label) !== undefined) return yield* setValue(yield* editable(blocks, label), value)
    // Letta creates the block when it is missing (with no description).
    yield* newLabel(label, blocks)
    if (value.length > NEW_BLOCK_LIMIT) return yield* Either.left(limitError(NEW_BLOCK_LIMIT, value.length))
    return {
      text: `The memory block \`${label}\` did not exist and has been created (${value.length}/${NEW_BLOCK_LIMIT} characters) with this value:\n${value}`,
      edits: [{ kind: "create", label, value, description: "" }]
    }
  })

