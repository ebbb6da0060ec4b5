import { describe, expect, it } from "vitest"
import { createSseParser, type SseMessage, SseEventTooLarge } from "../../../src/layers/lettaApi/sseParser.js"

const parse = (chunks: ReadonlyArray<string>, maxEventChars?: number) => {
  const events: Array<SseMessage> = []
  const parser = createSseParser({ onEvent: (event) => events.push(event), ...(maxEventChars === undefined ? {} : { maxEventChars }) })
  for (const chunk of chunks) parser.feed(chunk)
  parser.end()
  return { events, work: parser.work() }
}

/** Every way of cutting `text` into two pieces, and into single characters. */
const splits = (text: string): Array<Array<string>> => [
  ...Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]),
  [...text]
]

describe("createSseParser", () => {
  it("reads fields, comments, multi-line data and every line ending, however the input is cut", () => {
    const text = ": comment\r\nevent: error\rdata: {\"a\":1}\r\ndata:second\n\nid: 7\ndata: x\n\ndata\n\n"
    const expected = [
      { event: "error", id: undefined, data: '{"a":1}\nsecond' },
      { event: undefined, id: "7", data: "x" },
      { event: undefined, id: "7", data: "" }
    ]
    for (const chunks of splits(text)) expect(parse(chunks).events).toEqual(expected)
  })

  it("a \\r at the end of one chunk and \\n at the start of the next are one line end", () => {
    expect(parse(["data: a\r", "\ndata: b\r", "\n\r", "\n"]).events).toEqual([{ event: undefined, id: undefined, data: "a\nb" }])
  })

  it("an event without its blank line still counts at the end of the body", () => {
    expect(parse(["data: last"]).events).toEqual([{ event: undefined, id: undefined, data: "last" }])
  })

  it("is linear: one long line fed in small chunks is scanned about once, not once per chunk", () => {
    // 4 MiB in 1 KiB chunks: a parser that joins the unfinished line with each chunk and scans
    // it again does ~2 000 times the work (the quadratic parse that took 17 s for 32 MiB).
    const size = 4 * 1024 * 1024
    const piece = "x".repeat(1024)
    const chunks = ['data: {"content":"', ...Array.from({ length: size / piece.length }, () => piece), '"}\n\n']
    const { events, work } = parse(chunks)
    expect(events).toHaveLength(1)
    expect(events[0]!.data.length).toBe(size + 14)
    expect(work).toBeLessThan(3 * (size + 100))
  })

  it("is linear with many short events too", () => {
    const event = 'data: {"message_type":"assistant_message","content":"hi"}\n\n'
    const text = event.repeat(10_000)
    const chunks = Array.from({ length: Math.ceil(text.length / 100) }, (_, i) => text.slice(i * 100, (i + 1) * 100))
    const { events, work } = parse(chunks)
    expect(events).toHaveLength(10_000)
    expect(work).toBeLessThan(3 * text.length)
  })

  it("caps one event: an endless line fails with SseEventTooLarge instead of growing", () => {
    const events: Array<SseMessage> = []
    const parser = createSseParser({ onEvent: (event) => events.push(event), maxEventChars: 1000 })
    parser.feed("data: ok\n\n")
    let failure: unknown
    try {
      for (let i = 0; i < 100; i++) parser.feed("y".repeat(100))
    } catch (error) {
      failure = error
    }
    expect(failure).toBeInstanceOf(SseEventTooLarge)
    expect((failure as Error).message).toBe("one event is larger than 1000 bytes")
    expect(events).toHaveLength(1)
  })

  it("caps one event made of many data lines", () => {
    expect(() => parse(Array.from({ length: 50 }, () => `data: ${"z".repeat(50)}\n`), 1000)).toThrow(SseEventTooLarge)
    // Under the cap, the same lines as separate events are fine.
    expect(parse(Array.from({ length: 50 }, () => `data: ${"z".repeat(50)}\n\n`), 1000).events).toHaveLength(50)
  })
})
