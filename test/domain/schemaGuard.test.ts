import { describe, expect, it } from "vitest"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { LettaMessage, ToolCallPart } from "../../src/domain/letta.js"
import { compileGuard } from "../../src/domain/schemaGuard.js"

/** Values near the schema: valid ones, and valid ones with one field replaced by anything. */
const around = <A, I>(schema: Schema.Schema<A, I>, keys: ReadonlyArray<string>) => {
  const valid = Arbitrary.make(schema)
  const broken = fc
    .tuple(valid, fc.constantFrom(...keys), fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null)))
    .map(([value, key, replacement]) => ({ ...(value as object), [key]: replacement }))
  const dropped = fc.tuple(valid, fc.constantFrom(...keys)).map(([value, key]) => {
    const copy: Record<string, unknown> = { ...(value as object) }
    delete copy[key]
    return copy
  })
  return fc.oneof(valid, broken, dropped, fc.anything(), fc.jsonValue())
}

describe("compileGuard", () => {
  const cases: ReadonlyArray<readonly [string, Schema.Schema<any, any>, ReadonlyArray<string>]> = [
    ["LettaMessage", LettaMessage, Object.keys(LettaMessage.fields)],
    ["ToolCallPart", ToolCallPart, Object.keys(ToolCallPart.fields)],
    [
      "a struct with required fields, literals, arrays and a refinement",
      Schema.Struct({ kind: Schema.Literal("a", "b"), n: Schema.Int, tags: Schema.Array(Schema.String), ok: Schema.Boolean }),
      ["kind", "n", "tags", "ok"]
    ]
  ]
  for (const [name, schema, keys] of cases) {
    it(`answers as Schema.is does: ${name}`, () => {
      const fast = compileGuard(schema)
      const reference = Schema.is(schema)
      fc.assert(
        fc.property(around(schema, keys), (value) => fast(value) === reference(value)),
        { numRuns: 2_000 }
      )
    })
  }

  it("rejects what the stream must not accept", () => {
    const isMessage = compileGuard(LettaMessage)
    expect(isMessage({ message_type: "assistant_message", content: "hi" })).toBe(true)
    expect(isMessage({ content: "no type" })).toBe(false)
    expect(isMessage({ message_type: 5 })).toBe(false)
    expect(isMessage({ message_type: "x", tool_calls: [{ name: 1 }] })).toBe(false)
    expect(isMessage([{ message_type: "x" }])).toBe(false)
    expect(isMessage(null)).toBe(false)
  })
})
