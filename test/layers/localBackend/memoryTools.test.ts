import { describe, expect, it } from "@effect/vitest"
import {
  MEMORY_TOOL_SPECS,
  MEMORY_TOOLS,
  type MemoryBlockView,
  NEW_BLOCK_LIMIT,
  runMemoryTool
} from "../../../src/layers/localBackend/memoryTools.js"

const block = (label: string, value: string, extra: Partial<MemoryBlockView> = {}): MemoryBlockView => ({
  id: `block-${label}`,
  label,
  value,
  description: `about ${label}`,
  limit: 200,
  readOnly: false,
  ...extra
})

const BLOCKS = [
  block("human", "name: Ada\nlikes: tea\nlikes: cats"),
  block("project", "build: npm run build"),
  block("policy", "never push", { readOnly: true })
]

const run = (name: string, args: unknown, blocks: ReadonlyArray<MemoryBlockView> = BLOCKS) =>
  runMemoryTool(name, typeof args === "string" ? args : JSON.stringify(args), blocks)

const expectError = (outcome: ReturnType<typeof run>, text: string) => {
  expect(outcome.status).toBe("error")
  expect(outcome.edits).toEqual([])
  expect(outcome.text).toBe(text)
}

const newValue = (outcome: ReturnType<typeof run>) => {
  expect(outcome.status).toBe("success")
  const [edit] = outcome.edits
  expect(edit?.kind).toBe("update")
  return edit?.kind === "update" ? edit.value : undefined
}

describe("memory_replace", () => {
  it("replaces a unique occurrence and returns the new value", () => {
    const out = run("memory_replace", { label: "human", old_string: "Ada", new_string: "Ada Lovelace" })
    expect(newValue(out)).toBe("name: Ada Lovelace\nlikes: tea\nlikes: cats")
    expect(out.edits).toEqual([{ kind: "update", blockId: "block-human", value: "name: Ada Lovelace\nlikes: tea\nlikes: cats" }])
    expect(out.text).toContain("`human`")
    expect(out.text).toContain("name: Ada Lovelace\nlikes: tea")
  })

  it("deletes with an empty new_string and keeps `$` patterns literal", () => {
    expect(newValue(run("memory_replace", { label: "human", old_string: "\nlikes: tea", new_string: "" }))).toBe(
      "name: Ada\nlikes: cats"
    )
    expect(newValue(run("memory_replace", { label: "human", old_string: "tea", new_string: "$& $1 $$" }))).toBe(
      "name: Ada\nlikes: $& $1 $$\nlikes: cats"
    )
  })

  it("refuses when old_string does not appear", () => {
    expectError(
      run("memory_replace", { label: "human", old_string: "coffee", new_string: "x" }),
      "No replacement was performed, old_string `coffee` did not appear verbatim in memory block with label `human`."
    )
  })

  it("refuses when old_string appears more than once, naming the lines", () => {
    expectError(
      run("memory_replace", { label: "human", old_string: "likes: ", new_string: "loves: " }),
      "No replacement was performed. Multiple occurrences of old_string `likes: ` in lines [2, 3]. Please ensure it is unique."
    )
    // Two occurrences on one line are still ambiguous.
    expectError(
      run("memory_replace", { label: "b", old_string: "ab", new_string: "x" }, [block("b", "one\nab ab")]),
      "No replacement was performed. Multiple occurrences of old_string `ab` in lines [2]. Please ensure it is unique."
    )
  })

  it("rejects line-number prefixes in old_string and new_string", () => {
    const message = (field: string) =>
      `${field} contains a line number prefix, which is not allowed. Do not include line numbers when calling memory tools (line numbers are for display purposes only).`
    expectError(run("memory_replace", { label: "human", old_string: "Line 1: name: Ada", new_string: "x" }), message("old_string"))
    expectError(run("memory_replace", { label: "human", old_string: "Ada", new_string: "a\nLine 2: b" }), message("new_string"))
    expectError(run("memory_replace", { label: "human", old_string: "2→ likes: tea", new_string: "x" }), message("old_string"))
  })

  it("rejects an empty old_string", () => {
    expect(run("memory_replace", { label: "human", old_string: "", new_string: "x" }).status).toBe("error")
  })

  it("enforces the block limit and leaves the block unchanged", () => {
    expectError(
      run("memory_replace", { label: "human", old_string: "tea", new_string: "t".repeat(200) }),
      "Edit failed: Exceeds 200 character limit (requested 229)."
    )
  })

  it("refuses read-only and unknown blocks", () => {
    expectError(
      run("memory_replace", { label: "policy", old_string: "never", new_string: "always" }),
      "Error: This block is read-only and cannot be edited."
    )
    expectError(
      run("memory_replace", { label: "nope", old_string: "a", new_string: "b" }),
      "Memory block with label 'nope' does not exist (available labels: human, project, policy)."
    )
  })
})

describe("memory_insert", () => {
  const insert = (insert_line: unknown) => newValue(run("memory_insert", { label: "human", new_string: "age: 36", insert_line }))

  it("appends by default and with -1, inserts at the top with 0 and after a middle line", () => {
    expect(newValue(run("memory_insert", { label: "human", new_string: "age: 36" }))).toBe("name: Ada\nlikes: tea\nlikes: cats\nage: 36")
    expect(insert(-1)).toBe("name: Ada\nlikes: tea\nlikes: cats\nage: 36")
    expect(insert(0)).toBe("age: 36\nname: Ada\nlikes: tea\nlikes: cats")
    expect(insert(1)).toBe("name: Ada\nage: 36\nlikes: tea\nlikes: cats")
    expect(insert("2")).toBe("name: Ada\nlikes: tea\nage: 36\nlikes: cats")
  })

  it("inserts into an empty block without a blank line", () => {
    expect(newValue(run("memory_insert", { label: "e", new_string: "first" }, [block("e", "")]))).toBe("first")
  })

  it("rejects an insert_line out of range or not an integer", () => {
    expectError(
      run("memory_insert", { label: "human", new_string: "x", insert_line: 7 }),
      "Invalid `insert_line` parameter: 7. It should be within the range of lines of the memory block: [0, 3], or -1 to append to the end of the memory block."
    )
    expectError(run("memory_insert", { label: "human", new_string: "x", insert_line: 1.5 }), "Argument 'insert_line' must be an integer.")
  })

  it("rejects line numbers, read-only blocks and a text over the limit", () => {
    expect(run("memory_insert", { label: "human", new_string: "Line 4: x" }).text).toMatch(/^new_string contains a line number prefix/)
    expectError(run("memory_insert", { label: "policy", new_string: "x" }), "Error: This block is read-only and cannot be edited.")
    expect(run("memory_insert", { label: "human", new_string: "x".repeat(200) }).text).toMatch(/^Edit failed: Exceeds 200 character limit/)
  })
})

describe("memory_rethink", () => {
  it("replaces the whole value", () => {
    expect(newValue(run("memory_rethink", { label: "project", new_memory: "test: npm test" }))).toBe("test: npm test")
  })

  it("creates the block when it is missing", () => {
    const out = run("memory_rethink", { label: "notes", new_memory: "remember this" })
    expect(out.status).toBe("success")
    expect(out.edits).toEqual([{ kind: "create", label: "notes", value: "remember this", description: "" }])
    expect(out.text).toContain("remember this")
  })

  it("refuses read-only blocks, line numbers, an oversized value and a bad new label", () => {
    expectError(run("memory_rethink", { label: "policy", new_memory: "x" }), "Error: This block is read-only and cannot be edited.")
    expect(run("memory_rethink", { label: "project", new_memory: "Line 1: x" }).text).toMatch(/^new_memory contains a line number/)
    expectError(run("memory_rethink", { label: "project", new_memory: "y".repeat(201) }), "Edit failed: Exceeds 200 character limit (requested 201).")
    expect(run("memory_rethink", { label: "notes", new_memory: "z".repeat(NEW_BLOCK_LIMIT + 1) }).status).toBe("error")
    expect(run("memory_rethink", { label: "<bad>", new_memory: "x" }).text).toMatch(/^Invalid label '<bad>'/)
  })
})

describe("memory (omni tool)", () => {
  it("creates a block", () => {
    const out = run("memory", { command: "create", path: "/memories/todo", description: "open tasks", file_text: "- a" })
    expect(out).toEqual({
      status: "success",
      text: "Successfully created memory block 'todo'.",
      edits: [{ kind: "create", label: "todo", value: "- a", description: "open tasks" }]
    })
    expect(run("memory", { command: "create", path: "/memories/empty", description: "d" }).edits).toEqual([
      { kind: "create", label: "empty", value: "", description: "d" }
    ])
  })

  it("refuses to create without a description, over an existing label, or with a bad path", () => {
    expectError(run("memory", { command: "create", path: "/memories/x" }), "Missing required argument 'description'.")
    expect(run("memory", { command: "create", path: "/memories/x", description: " " }).status).toBe("error")
    expectError(
      run("memory", { command: "create", path: "/memories/human", description: "d" }),
      "A memory block with label 'human' already exists."
    )
    expectError(
      run("memory", { command: "create", path: "/memories/a/b", description: "d" }),
      "Invalid path '/memories/a/b'. Memory paths look like /memories/<label>."
    )
  })

  it("str_replace and insert work like memory_replace and memory_insert", () => {
    expect(
      newValue(run("memory", { command: "str_replace", path: "/memories/human", old_string: "tea", new_string: "coffee" }))
    ).toBe("name: Ada\nlikes: coffee\nlikes: cats")
    expect(newValue(run("memory", { command: "insert", path: "/memories/project", insert_text: "lint: npm run lint", insert_line: 0 }))).toBe(
      "lint: npm run lint\nbuild: npm run build"
    )
    expect(run("memory", { command: "insert", path: "/memories/project", insert_text: "Line 1: x" }).text).toMatch(
      /^insert_text contains a line number prefix/
    )
    expectError(
      run("memory", { command: "str_replace", path: "/memories/human", old_string: "likes", new_string: "x" }),
      "No replacement was performed. Multiple occurrences of old_string `likes` in lines [2, 3]. Please ensure it is unique."
    )
  })

  it("deletes (detaches) a block, but not a read-only one", () => {
    expect(run("memory", { command: "delete", path: "/memories/project" })).toEqual({
      status: "success",
      text: "Successfully deleted memory block 'project'.",
      edits: [{ kind: "detach", blockId: "block-project" }]
    })
    expectError(run("memory", { command: "delete", path: "/memories/policy" }), "Error: This block is read-only and cannot be edited.")
  })

  it("renames a block or changes its description", () => {
    expect(run("memory", { command: "rename", old_path: "/memories/project", new_path: "/memories/repo" })).toEqual({
      status: "success",
      text: "Successfully renamed memory block 'project' to 'repo'.",
      edits: [{ kind: "update", blockId: "block-project", label: "repo" }]
    })
    expect(run("memory", { command: "rename", path: "/memories/human", description: "the user" })).toEqual({
      status: "success",
      text: "Successfully updated the description of memory block 'human'.",
      edits: [{ kind: "update", blockId: "block-human", description: "the user" }]
    })
    expectError(
      run("memory", { command: "rename", old_path: "/memories/project", new_path: "/memories/human" }),
      "A memory block with label 'human' already exists."
    )
    expectError(run("memory", { command: "rename", old_path: "/memories/project" }), "Missing required argument 'new_path'.")
    expect(run("memory", { command: "rename" }).text).toMatch(/needs old_path and new_path/)
  })

  it("rejects an unknown command", () => {
    expectError(
      run("memory", { command: "view", path: "/memories/human" }),
      "Unknown memory command 'view'. Expected one of: create, str_replace, insert, delete, rename."
    )
  })
})

describe("arguments", () => {
  it("reports bad JSON, non-objects, missing and wrong-typed arguments, unknown tools", () => {
    expectError(run("memory_replace", "{not json"), "Invalid JSON arguments for tool 'memory_replace': {not json")
    expectError(run("memory_replace", "[1]"), "Arguments of tool 'memory_replace' must be a JSON object.")
    expectError(run("memory_replace", ""), "Missing required argument 'label'.")
    expectError(run("memory_replace", { label: "human", old_string: "Ada" }), "Missing required argument 'new_string'.")
    expectError(run("memory_replace", { label: 3, old_string: "a", new_string: "b" }), "Argument 'label' must be a string.")
    expectError(run("memory", {}), "Missing required argument 'command'.")
    expect(run("web_search", {}).status).toBe("error")
  })

  it("lists the four memory tools and offers specs for them plus conversation_search", () => {
    expect([...MEMORY_TOOLS].sort()).toEqual(["memory", "memory_insert", "memory_replace", "memory_rethink"])
    expect(MEMORY_TOOL_SPECS.map((spec) => spec.name).sort()).toEqual([...MEMORY_TOOLS, "conversation_search"].sort())
    for (const spec of MEMORY_TOOL_SPECS) {
      expect(spec.description.length).toBeGreaterThan(20)
      expect(spec.parameters["type"]).toBe("object")
      const properties = spec.parameters["properties"] as Record<string, unknown>
      for (const key of spec.parameters["required"] as ReadonlyArray<string>) expect(properties).toHaveProperty(key)
    }
  })
})
