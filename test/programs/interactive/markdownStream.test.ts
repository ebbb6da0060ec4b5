import { describe, expect, it } from "vitest"
import { MarkdownBlockSplitter } from "../../../src/programs/interactive/markdownStream.js"

/** Feeds `text` in pieces of `size` characters; returns the finished blocks and the rest. */
const feed = (text: string, size: number) => {
  const splitter = new MarkdownBlockSplitter()
  const blocks: Array<string> = []
  for (let i = 0; i < text.length; i += size) blocks.push(...splitter.push(text.slice(i, i + size)))
  return { blocks, rest: splitter.finish(), splitter }
}

describe("MarkdownBlockSplitter", () => {
  it("finishes a paragraph once the next block starts", () => {
    for (const size of [1, 3, 1000]) {
      const { blocks, rest } = feed("First paragraph\nstill first.\n\nSecond one.\n\nThird", size)
      expect(blocks).toEqual(["First paragraph\nstill first.", "Second one."])
      expect(rest).toBe("Third")
    }
  })

  it("never splits inside a code fence, even at blank lines", () => {
    const text = "Intro\n\n```ts\nconst a = 1\n\nconst b = 2\n```\n\nAfter"
    const { blocks, rest } = feed(text, 2)
    expect(blocks).toEqual(["Intro", "```ts\nconst a = 1\n\nconst b = 2\n```"])
    expect(rest).toBe("After")
  })

  it("keeps loose lists and indented continuations in one block", () => {
    const text = "1. one\n\n2. two\n\n   more about two\n\nDone."
    const { blocks, rest } = feed(text, 4)
    expect(blocks).toEqual(["1. one\n\n2. two\n\n   more about two"])
    expect(rest).toBe("Done.")
  })

  it("shows the tail of a long block, keeping the open fence", () => {
    const splitter = new MarkdownBlockSplitter()
    splitter.push("```\n")
    for (let i = 0; i < 100; i++) splitter.push(`line ${i}\n`)
    const tail = splitter.tail(3)
    expect(tail).toBe("```\nline 97\nline 98\nline 99")
  })

  it("keeps a 2 MB code block streamed in 4-character tokens whole (its speed is a benchmark matter)", () => {
    const splitter = new MarkdownBlockSplitter()
    const line = "const value = someFunction(argument) // comment\n"
    splitter.push("```js\n")
    let pushed = 0
    while (pushed < 2_000_000) {
      for (let i = 0; i < line.length; i += 4) splitter.push(line.slice(i, i + 4))
      pushed += line.length
    }
    expect(splitter.finish().length).toBeGreaterThan(2_000_000)
  })
})
