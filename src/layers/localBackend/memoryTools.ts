/**
 * The memory tools the Letta server ran for the agent, as a pure function: it reads a
 * snapshot of the agent's blocks and returns the text the model sees plus the edits the caller must apply
 * (in one transaction). Error texts follow Letta's so a model trained against the server behaves the same.
 * This file reads each tool's arguments and dispatches; memoryBlockEdits.ts changes the blocks.
 */
import * as Either from "effect/Either"
import { editable, insert, limitError, NEW_BLOCK_LIMIT, newLabel, replace, rethink, type Applied, type MemoryBlockView, type MemoryEdit } from "./memoryBlockEdits.js"
import { labelFromPath, noLineNumbers, optionalInteger, optionalString, parseArgs, requiredString, type Args, type Step } from "./memoryToolArgs.js"
export { MEMORY_TOOL_SPECS, type MemoryToolSpec } from "./memoryToolSpecs.js"
export { NEW_BLOCK_LIMIT, type MemoryBlockView, type MemoryEdit } from "./memoryBlockEdits.js"

export interface MemoryToolOutcome {
  readonly status: "success" | "error"
  readonly text: string
  readonly edits: ReadonlyArray<MemoryEdit>
}

export const MEMORY_TOOLS: ReadonlyArray<string> = ["memory", "memory_insert", "memory_replace", "memory_rethink"]

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
