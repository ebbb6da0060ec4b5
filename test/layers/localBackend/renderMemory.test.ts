import { describe, expect, it } from "@effect/vitest"
import { renderMemoryBlocks, renderMemoryMetadata } from "../../../src/layers/localBackend/renderMemory.js"

describe("renderMemoryBlocks", () => {
  it("renders every block as Letta does: description, metadata, value", () => {
    const text = renderMemoryBlocks([
      { id: "b1", label: "human", value: "name: Ada", description: "the user", limit: 20000, readOnly: false },
      { id: "b2", label: "policy", value: "never push\nnever force", description: "rules", limit: 500, readOnly: true }
    ])
    expect(text).toBe(
      [
        "<memory_blocks>",
        "The following memory blocks are currently engaged in your core memory unit:",
        "",
        "<human>",
        "<description>",
        "the user",
        "</description>",
        "<metadata>",
        "- chars_current=9",
        "- chars_limit=20000",
        "</metadata>",
        "<value>",
        "name: Ada",
        "</value>",
        "</human>",
        "",
        "<policy>",
        "<description>",
        "rules",
        "</description>",
        "<metadata>",
        "- read_only=true",
        "- chars_current=22",
        "- chars_limit=500",
        "</metadata>",
        "<value>",
        "never push",
        "never force",
        "</value>",
        "</policy>",
        "",
        "</memory_blocks>"
      ].join("\n")
    )
  })

  it("renders an empty section without blocks", () => {
    expect(renderMemoryBlocks([])).toBe(
      "<memory_blocks>\nThe following memory blocks are currently engaged in your core memory unit:\n\n</memory_blocks>"
    )
  })
})

describe("renderMemoryMetadata", () => {
  it("gives the date, the last memory change and the messages conversation_search reaches", () => {
    expect(
      renderMemoryMetadata({
        now: new Date("2026-01-26T23:10:00Z"),
        memoryLastModified: new Date("2026-01-26T20:56:51Z"),
        previousMessages: 42
      })
    ).toBe(
      [
        "<memory_metadata>",
        "- The current system date is: January 26, 2026",
        "- Memory blocks were last modified: 2026-01-26 08:56:51 PM UTC+0000",
        "- 42 previous messages between you and the user are stored in recall memory (use conversation_search to access them)",
        "</memory_metadata>"
      ].join("\n")
    )
  })

  it("handles midnight/noon, an unknown modification time and a single message", () => {
    const text = renderMemoryMetadata({ now: new Date("2024-02-29T00:30:00Z"), memoryLastModified: undefined, previousMessages: 1 })
    expect(text).toContain("- The current system date is: February 29, 2024")
    expect(text).toContain("- Memory blocks were last modified: unknown")
    expect(text).toContain("- 1 previous message between you and the user is stored in recall memory")
    const times = (iso: string) =>
      renderMemoryMetadata({ now: new Date(iso), memoryLastModified: new Date(iso), previousMessages: 0 })
    expect(times("2024-02-29T00:05:00Z")).toContain("2024-02-29 12:05:00 AM UTC+0000")
    expect(times("2024-02-29T12:05:00Z")).toContain("2024-02-29 12:05:00 PM UTC+0000")
  })
})
