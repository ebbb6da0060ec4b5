/**
 * The memory tools the Letta server ran for the agent, as a pure function: it reads a
 * snapshot of the agent's blocks and returns the text the model sees plus the edits the caller must apply
 * (in one transaction). Error texts follow Letta's so a model trained against the server behaves the same.
 */
import * as Either from "effect/Either"
import type { BlockRecord } from "../../domain/localState.js"
import { BLOCK_LIMIT } from "../../domain/memory.js"
export { MEMORY_TOOL_SPECS, type MemoryToolSpec } from "./memoryToolSpecs.js"

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

export interface MemoryToolOutcome {
  readonly status: "success" | "error"
  readonly text: string
  readonly edits: ReadonlyArray<MemoryEdit>
}

export const MEMORY_TOOLS: ReadonlyArray<string> = ["memory", "memory_insert", "memory_replace", "memory_rethink"]

/** The limit a block created by a tool gets; the caller stores new blocks with this limit. */
export const NEW_BLOCK_LIMIT = BLOCK_LIMIT

type Args = Readonly<Record<string, unknown>>
/** Left is the error text returned to the model. */
type Step<A> = Either.Either<A, string>
interface Applied {
  readonly text: string
  readonly edits: ReadonlyArray<MemoryEdit>
}

export const runMemoryTool = (
  name: string,
  argumentsJson: string,
  blocks: ReadonlyArray<MemoryBlockView>
): MemoryToolOutcome => {
  let result: Step<Applied>
  try {
    result = Either.flatMap(parseArgs(name, argumentsJson), (args) => dispatch(name, args, blocks))
  } catch (e) {
    // The loop must go on whatever happens here: an unexpected defect still becomes a tool error.
    result = Either.left(`Tool '${name}' failed: ${e instanceof Error ? e.message : String(e)}`)
  }
  return Either.match(result, {
    onLeft: (text) => ({ status: "error", text, edits: [] }),
    onRight: ({ edits, text }) => ({ status: "success", text, edits })
  })
}

// ── arguments ────────────────────────────────────────────────────────────────────────────────────

const isRecord = (u: unknown): u is Args => typeof u === "object" && u !== null && !Array.isArray(u)

const parseArgs = (name: string, json: string): Step<Args> =>
  Either.try({
    // Some models send no arguments at all; treat that as an empty object so the missing one is named.
    try: (): unknown => JSON.parse(json.trim() === "" ? "{}" : json),
    catch: () => `Invalid JSON arguments for tool '${name}': ${json}`
  }).pipe(
    Either.filterOrLeft(isRecord, () => `Arguments of tool '${name}' must be a JSON object.`)
  )

/** `null` counts as absent: models often send null for arguments they do not use. */
const optionalString = (args: Args, key: string): Step<string | undefined> => {
  const v = args[key]
  if (v === undefined || v === null) return Either.right(undefined)
  return typeof v === "string" ? Either.right(v) : Either.left(`Argument '${key}' must be a string.`)
}

const requiredString = (args: Args, key: string): Step<string> =>
  Either.flatMap(optionalString(args, key), (v) =>
    v === undefined ? Either.left(`Missing required argument '${key}'.`) : Either.right(v)
  )

/** Accepts `3` and `"3"`: some models quote numbers. */
const optionalInteger = (args: Args, key: string, fallback: number): Step<number> => {
  const v = args[key]
  if (v === undefined || v === null) return Either.right(fallback)
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v
  return typeof n === "number" && Number.isSafeInteger(n)
    ? Either.right(n)
    : Either.left(`Argument '${key}' must be an integer.`)
}

// Line numbers are a display artefact (`Line 3: …` or `3→ …`); storing them would corrupt the block.
const LINE_NUMBER_PREFIX = /(^|\n)[ \t]*(Line \d+: |\d+\u2192)/
const noLineNumbers = (field: string, text: string): Step<void> =>
  LINE_NUMBER_PREFIX.test(text)
    ? Either.left(
        `${field} contains a line number prefix, which is not allowed. Do not include line numbers when calling memory tools (line numbers are for display purposes only).`
      )
    : Either.void

/** `/memories/<label>`; a bare label is accepted too, as Letta's server does. */
const labelFromPath = (path: string): Step<string> => {
  const label = path
    .trim()
    .replace(/^\/?memories\//, "")
    .replace(/^\/+|\/+$/g, "")
  return label.length === 0 || label.includes("/")
    ? Either.left(`Invalid path '${path}'. Memory paths look like /memories/<label>.`)
    : Either.right(label)
}

// A label becomes an XML-like tag in the rendered prompt, so new labels stay tag-safe.
const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/
const newLabel = (label: string, blocks: ReadonlyArray<MemoryBlockView>, except?: string): Step<string> => {
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

const editable = (blocks: ReadonlyArray<MemoryBlockView>, label: string): Step<MemoryBlockView> => {
  const block = findBlock(blocks, label)
  if (block === undefined) {
    const labels = blocks.map((b) => b.label).join(", ")
    return Either.left(`Memory block with label '${label}' does not exist (available labels: ${labels}).`)
  }
  return block.readOnly ? Either.left("Error: This block is read-only and cannot be edited.") : Either.right(block)
}

const limitError = (limit: number, size: number) =>
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

const replace = (block: MemoryBlockView, oldString: string, newString: string): Step<Applied> =>
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
const insert = (block: MemoryBlockView, field: string, text: string, insertLine: number): Step<Applied> =>
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

const rethink = (blocks: ReadonlyArray<MemoryBlockView>, label: string, value: string): Step<Applied> =>
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

// ── the `memory` omni tool ───────────────────────────────────────────────────────────────────────

const create = (args: Args, blocks: ReadonlyArray<MemoryBlockView>): Step<Applied> =>
  Either.gen(function* () {
    const label = yield* labelFromPath(yield* requiredString(args, "path"))
    const description = yield* requiredString(args, "description")
    const value = (yield* optionalString(args, "file_text")) ?? ""
    if (description.trim() === "") {
      return yield* Either.left("Argument 'description' must not be empty when creating a memory block.")
    }
    yield* noLineNumbers("file_text", value)
    yield* newLabel(label, blocks)
    if (value.length > NEW_BLOCK_LIMIT) return yield* Either.left(limitError(NEW_BLOCK_LIMIT, value.length))
    return { text: `Successfully created memory block '${label}'.`, edits: [{ kind: "create", label, value, description }] }
  })

const rename = (args: Args, blocks: ReadonlyArray<MemoryBlockView>): Step<Applied> =>
  Either.gen(function* () {
    const oldPath = yield* optionalString(args, "old_path")
    const newPath = yield* optionalString(args, "new_path")
    if (oldPath !== undefined || newPath !== undefined) {
      const block = yield* editable(blocks, yield* labelFromPath(yield* requiredString(args, "old_path")))
      const label = yield* newLabel(yield* labelFromPath(yield* requiredString(args, "new_path")), blocks, block.id)
      return {
        text: `Successfully renamed memory block '${block.label}' to '${label}'.`,
        edits: [{ kind: "update", blockId: block.id, label }]
      }
    }
    const path = yield* optionalString(args, "path")
    const description = yield* optionalString(args, "description")
    if (path === undefined || description === undefined) {
      return yield* Either.left(
        "The rename command needs old_path and new_path (to rename a block), or path and description (to change its description)."
      )
    }
    const block = yield* editable(blocks, yield* labelFromPath(path))
    return {
      text: `Successfully updated the description of memory block '${block.label}'.`,
      edits: [{ kind: "update", blockId: block.id, description }]
    }
  })

const memoryCommand = (args: Args, blocks: ReadonlyArray<MemoryBlockView>): Step<Applied> =>
  Either.gen(function* () {
    const command = yield* requiredString(args, "command")
    switch (command) {
      case "create":
        return yield* create(args, blocks)
      case "str_replace": {
        const label = yield* labelFromPath(yield* requiredString(args, "path"))
        const oldString = yield* requiredString(args, "old_string")
        const newString = yield* requiredString(args, "new_string")
        return yield* replace(yield* editable(blocks, label), oldString, newString)
      }
      case "insert": {
        const label = yield* labelFromPath(yield* requiredString(args, "path"))
        const text = yield* requiredString(args, "insert_text")
        const line = yield* optionalInteger(args, "insert_line", -1)
        return yield* insert(yield* editable(blocks, label), "insert_text", text, line)
      }
      case "delete": {
        const block = yield* editable(blocks, yield* labelFromPath(yield* requiredString(args, "path")))
        return {
          text: `Successfully deleted memory block '${block.label}'.`,
          edits: [{ kind: "detach", blockId: block.id }]
        }
      }
      case "rename":
        return yield* rename(args, blocks)
      default:
        return yield* Either.left(
          `Unknown memory command '${command}'. Expected one of: create, str_replace, insert, delete, rename.`
        )
    }
  })

const dispatch = (name: string, args: Args, blocks: ReadonlyArray<MemoryBlockView>): Step<Applied> =>
  Either.gen(function* () {
    switch (name) {
      case "memory":
        return yield* memoryCommand(args, blocks)
      case "memory_replace": {
        const label = yield* requiredString(args, "label")
        const oldString = yield* requiredString(args, "old_string")
        const newString = yield* requiredString(args, "new_string")
        return yield* replace(yield* editable(blocks, label), oldString, newString)
      }
      case "memory_insert": {
        const label = yield* requiredString(args, "label")
        const text = yield* requiredString(args, "new_string")
        const line = yield* optionalInteger(args, "insert_line", -1)
        return yield* insert(yield* editable(blocks, label), "new_string", text, line)
      }
      case "memory_rethink":
        return yield* rethink(blocks, yield* requiredString(args, "label"), yield* requiredString(args, "new_memory"))
      default:
        return yield* Either.left(`Tool '${name}' is not a memory tool (expected one of: ${MEMORY_TOOLS.join(", ")}).`)
    }
  })
