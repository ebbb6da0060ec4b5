import * as fc from "effect/FastCheck"
import { describe, expect, it } from "vitest"
import { LineSplitter } from "../../src/layers/search/lineSplitter.js"

const PREFIXES = ['{"type":"end"', '{"type":"match"']

/** What the splitter must hand on: the whole lines that start with a prefix, in order. */
const expected = (text: string) => text.split("\n").filter((line) => PREFIXES.some((prefix) => line.startsWith(prefix)))

/** What the splitter hands on, fed `chunks` through one buffer that is scribbled over after each push. */
const split = (chunks: ReadonlyArray<Buffer>) => {
  const lines: Array<string> = []
  const splitter = new LineSplitter((line) => lines.push(line), PREFIXES)
  const shared = Buffer.alloc(Math.max(0, ...chunks.map((chunk) => chunk.length)))
  for (const chunk of chunks) {
    chunk.copy(shared)
    splitter.push(shared.subarray(0, chunk.length))
    shared.fill("{")
  }
  splitter.end()
  return lines
}

/** `text`'s UTF-8 bytes cut at the given offsets (also inside a character's bytes). */
const cut = (text: string, offsets: ReadonlyArray<number>) => {
  const bytes = Buffer.from(text, "utf8")
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Array<Buffer> = []
  let previous = 0
  for (const point of points) {
    chunks.push(bytes.subarray(previous, point))
    previous = point
  }
  chunks.push(bytes.subarray(previous))
  return chunks
}

describe("LineSplitter (ripgrep's output, line by line)", () => {
  // Text with multi-byte characters, so that chunks also end inside a character.
  const text = fc.string({ unit: fc.constantFrom("a", " ", "\"", "é", "€", "😀", "{"), maxLength: 40 })
  const line = fc.oneof(
    fc.constantFrom(...PREFIXES).chain((prefix) => text.map((rest) => prefix + rest)),
    text,
    fc.constantFrom('{"type":"en', '{"type":"begin"}', "", '{"type":"match"')
  )

  it("hands on exactly the wanted lines, however the text is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (lines, trailingNewline, offsets) => {
        const text = lines.join("\n") + (trailingNewline ? "\n" : "")
        expect(split(cut(text, offsets))).toEqual(expected(text))
      }),
      { numRuns: 2000 }
    )
  })

  it("finds wanted lines far apart among many that are not", () => {
    const other = `{"type":"context","data":"${"y".repeat(100)}"}`
    const lines = Array.from({ length: 3_000 }, (_, i) => (i % 97 === 0 ? `{"type":"end","n":${i}}` : other))
    const text = `${lines.join("\n")}\n`
    expect(split(cut(text, Array.from({ length: 20 }, (_, i) => i * 16_384 + 7)))).toEqual(expected(text))
  })

  it("keeps a wanted line of megabytes whole across many chunks", () => {
    const long = `{"type":"match","data":"${"x".repeat(3_000_000)}"}`
    const text = `${long}\n{"type":"begin"}\n`
    const chunks = cut(text, Array.from({ length: 60 }, (_, i) => i * 65_536 + 1))
    expect(split(chunks)).toEqual([long])
  })
})
