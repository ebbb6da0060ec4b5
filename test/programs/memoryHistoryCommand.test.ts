import { describe, expect, it } from "@effect/vitest"
import { formatHistoryLine, summariseChange } from "../../src/programs/memoryHistoryCommand.js"

describe("memory history lines", () => {
  it("summarise a change as what was added, removed or replaced", () => {
    expect(summariseChange(undefined, "abc")).toBe("created (3 characters)")
    expect(summariseChange("Uses npm.", "Uses npm. Prefers pnpm.")).toBe('added "Prefers pnpm."')
    expect(summariseChange("a b c", "a c")).toBe('removed "b"')
    expect(summariseChange("run npm test", "run npm run test:unit")).toContain("replaced")
  })
  it("start with the change's number, then date and source", () => {
    const line = formatHistoryLine({
      n: 3,
      blockId: "block-1",
      at: "2026-12-07T10:00:00.000Z",
      value: "new",
      previous: "old",
      description: "",
      source: { kind: "tool", agentId: "agent-1", tool: "memory_replace", toolCallId: "call_1" }
    })
    expect(line).toMatch(/^ {2}3 {2}2026-12-07 10:00:00 {2}agent-1 memory_replace: replaced "old" with "new"$/)
  })
})
