import { describe, expect, it } from "vitest"
import { newOtid } from "../../src/domain/letta.js"

describe("newOtid", () => {
  it("makes v4-format UUIDs, all different", () => {
    const ids = Array.from({ length: 10_000 }, newOtid)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
