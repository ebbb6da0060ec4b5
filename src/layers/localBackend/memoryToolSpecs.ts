/**
 * The server tools offered to the model in local mode: the memory tools of `memoryTools.ts` and
 * `conversation_search` (`conversationSearch.ts`). Argument names are Letta's; the
 * descriptions are ours and promise only what those modules do.
 */

/** Same shape as a model tool: name, description, parameters as JSON Schema. */
export interface MemoryToolSpec {
  readonly name: string
  readonly description: string
  readonly parameters: Readonly<Record<string, unknown>>
}

const string = (description: string) => ({ type: "string", description })
const integer = (description: string) => ({ type: "integer", description })

const NO_LINE_NUMBERS = "Never include line numbers or line-number prefixes; they are rejected."

const memory: MemoryToolSpec = {
  name: "memory",
  description: [
    "Manage your memory blocks, addressed as /memories/<label>. Commands:",
    "- create: add a new block (path, description required; file_text optional initial value).",
    "- str_replace: replace old_string, which must occur exactly once in the block, with new_string (empty new_string deletes it).",
    "- insert: insert insert_text after line insert_line (0 = top, -1 or omitted = end).",
    "- delete: remove the block from your memory.",
    "- rename: give a block a new label (old_path, new_path), or change its description (path, description).",
    `Edits beyond a block's character limit, and edits to read-only blocks, fail and change nothing. ${NO_LINE_NUMBERS}`
  ].join("\n"),
  parameters: {
    type: "object",
    properties: {
      command: {
        type: "string",
        enum: ["create", "str_replace", "insert", "delete", "rename"],
        description: "The operation to perform."
      },
      path: string("The block, as /memories/<label> (create, str_replace, insert, delete; rename of the description)."),
      file_text: string("create: the initial value of the new block (empty when omitted)."),
      description: string("create: what the block is for (required). rename: the new description."),
      old_string: string("str_replace: the exact text to replace; it must occur exactly once in the block."),
      new_string: string("str_replace: the replacement text; an empty string deletes old_string."),
      insert_line: integer("insert: the line after which to insert (0 = top of the block, -1 = end; default -1)."),
      insert_text: string("insert: the text to insert (may span several lines)."),
      old_path: string("rename: the current path of the block, /memories/<label>."),
      new_path: string("rename: the new path of the block, /memories/<new_label>.")
    },
    required: ["command"]
  }
}

const memoryReplace: MemoryToolSpec = {
  name: "memory_replace",
  description: [
    "Replace one exact piece of text in a memory block: old_string must appear exactly once (whitespace included),",
    "otherwise nothing changes and the error says why. An empty new_string deletes old_string.",
    `Use it for small, precise edits. ${NO_LINE_NUMBERS}`
  ].join(" "),
  parameters: {
    type: "object",
    properties: {
      label: string("The label of the memory block to edit."),
      old_string: string("The exact text to replace; it must occur exactly once in the block."),
      new_string: string("The text to put in its place (empty to delete old_string).")
    },
    required: ["label", "old_string", "new_string"]
  }
}

const memoryInsert: MemoryToolSpec = {
  name: "memory_insert",
  description: `Insert text as new lines into a memory block, after a given line (0 = top, -1 = end, the default). ${NO_LINE_NUMBERS}`,
  parameters: {
    type: "object",
    properties: {
      label: string("The label of the memory block to edit."),
      new_string: string("The text to insert (may span several lines)."),
      insert_line: integer("The line after which to insert: 0 for the top of the block, -1 (default) for the end.")
    },
    required: ["label", "new_string"]
  }
}

const memoryRethink: MemoryToolSpec = {
  name: "memory_rethink",
  description: [
    "Rewrite a memory block completely: its whole value becomes new_memory. If no block has this label, one is created.",
    "Use it to reorganise or condense a block; for small edits use memory_replace or memory_insert.",
    NO_LINE_NUMBERS
  ].join(" "),
  parameters: {
    type: "object",
    properties: {
      label: string("The label of the memory block to rewrite (or to create)."),
      new_memory: string("The complete new value of the block; everything not included is removed.")
    },
    required: ["label", "new_memory"]
  }
}

const conversationSearch: MemoryToolSpec = {
  name: "conversation_search",
  description: [
    "Search the stored messages of this agent's past conversations, including those no longer in your context.",
    "Matching is by words, not meaning: punctuation and operators in the query are ignored.",
    "Each result shows the message's role, date and text (long texts are shortened)."
  ].join(" "),
  parameters: {
    type: "object",
    properties: {
      query: string("The words to look for."),
      roles: {
        type: "array",
        items: { type: "string", enum: ["assistant", "user", "tool"] },
        description: "Only messages from these roles (all roles when omitted)."
      },
      limit: { type: "integer", minimum: 1, maximum: 50, description: "Maximum number of results (default 10, at most 50)." },
      start_date: string(
        "Only messages from this moment on (inclusive). ISO 8601 in UTC: YYYY-MM-DD (from the start of that day) or YYYY-MM-DDTHH:MM."
      ),
      end_date: string(
        "Only messages up to this moment (inclusive). ISO 8601 in UTC: YYYY-MM-DD (includes that whole day) or YYYY-MM-DDTHH:MM."
      )
    },
    required: ["query"]
  }
}

export const MEMORY_TOOL_SPECS: ReadonlyArray<MemoryToolSpec> = [
  memory,
  memoryInsert,
  memoryReplace,
  memoryRethink,
  conversationSearch
]
