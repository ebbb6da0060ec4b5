/**
 * The published output contract: schemas/*.json are generated from the Effect Schemas in
 * src/domain/outputLines.ts. Run `UPDATE_SCHEMAS=1 npx vitest run test/domain/schemas.test.ts`
 * after changing them; this test fails while the committed files are stale.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { JSONSchema } from "effect"
import { describe, expect, it } from "vitest"
import { JsonResult, StreamJsonLine } from "../../src/domain/outputLines.js"

const schemasDir = resolve(import.meta.dirname, "../../schemas")

const published = [
  ["stream-json-line.schema.json", JSONSchema.make(StreamJsonLine)],
  ["json-result.schema.json", JSONSchema.make(JsonResult)]
] as const

describe("published JSON Schemas", () => {
  for (const [file, schema] of published) {
    it(`${file} is up to date`, () => {
      const text = `${JSON.stringify(schema, null, 2)}\n`
      const path = resolve(schemasDir, file)
      if (process.env["UPDATE_SCHEMAS"] === "1") writeFileSync(path, text)
      expect(readFileSync(path, "utf8")).toBe(text)
    })
  }
})
