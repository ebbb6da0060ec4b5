import { describe, expect, it } from "vitest"
import * as Editor from "../../../src/programs/interactive/editor.js"
import { KeyDecoder } from "../../../src/programs/interactive/keyDecoding.js"
import { appendEntry } from "../../../src/programs/interactive/inputHistory.js"
import { matchCommands, parseInput } from "../../../src/programs/interactive/slashCommands.js"

describe("KeyDecoder", () => {
  it("splits a read into text runs and keys", () => {
    const decoder = new KeyDecoder()
    expect(decoder.push("ab\rc\n\u007f\u0003\u0007")).toEqual([
      { _tag: "Text", text: "ab" },
      { _tag: "Key", name: "enter" },
      { _tag: "Text", text: "c" },
      { _tag: "Key", name: "newline" },
      { _tag: "Key", name: "backspace" },
      { _tag: "Key", name: "ctrlC" }
    ])
  })

  it("names escape sequences, including Alt+Enter and Shift+Enter as new lines", () => {
    const decoder = new KeyDecoder()
    const names = ["\u001b[A", "\u001b[Z", "\u001b", "\u001b\r", "\u001b[13;2u", "\u001b[1;5D", "\u001b[3~", "\u001b[99~"].flatMap((piece) =>
      decoder.push(piece).map((event) => (event._tag === "Key" ? event.name : event._tag))
    )
    expect(names).toEqual(["up", "shiftTab", "escape", "newline", "newline", "wordLeft", "delete"])
  })

  it("gathers a bracketed paste across reads, CRs as newlines, and continues after it", () => {
    const decoder = new KeyDecoder()
    expect(decoder.push("\u001b[200~one\r")).toEqual([])
    expect(decoder.push("\u001b[A")).toEqual([])
    expect(decoder.push("two\r\nthree\u001b[201~x")).toEqual([
      { _tag: "Paste", text: "one\n\u001b[Atwo\nthree" },
      { _tag: "Text", text: "x" }
    ])
  })
})

describe("editor", () => {
  it("inserts and deletes whole code points", () => {
    let state = Editor.insert(Editor.emptyEditor, "a😀b")
    state = Editor.left(state)
    state = Editor.backspace(state)
    expect(state).toMatchObject({ text: "ab", cursor: 1 })
  })

  it("collapses only large pastes and expands them on send", () => {
    const small = Editor.paste(Editor.emptyEditor, "one\ntwo")
    expect(small.text).toBe("one\ntwo")
    const big = Editor.paste(Editor.emptyEditor, "1\n2\n3\n4\n5\n6")
    expect(big.text).toBe("[Pasted text #1 +6 lines]")
    expect(Editor.expand(Editor.insert(big, "!"))).toBe("1\n2\n3\n4\n5\n6!")
  })

  it("keeps the column moving between lines and reports the edges", () => {
    const state = Editor.editorWith("abcdef\nxy\nlonger line")
    expect(Editor.down(state)).toBeUndefined()
    const up = Editor.up(state)
    expect(up?.cursor).toBe("abcdef\n".length + 2)
    expect(Editor.up(Editor.editorWith("single"))).toBeUndefined()
  })

  it("Ctrl-K joins lines at a line's end; Ctrl-U stops at the line start", () => {
    const joined = Editor.killToEnd(Editor.end(Editor.home({ ...Editor.editorWith("ab\ncd"), cursor: 1 })))
    expect(joined.text).toBe("abcd")
    expect(Editor.killToStart(Editor.editorWith("ab\ncd")).text).toBe("ab\n")
  })
})

describe("history and commands", () => {
  it("keeps at most the limit, without repeats in a row or blank entries", () => {
    let entries: ReadonlyArray<string> = []
    for (const entry of ["a", "a", " ", "b", "c", "d"]) entries = appendEntry(entries, entry, 3)
    expect(entries).toEqual(["b", "c", "d"])
  })

  it("matches commands by prefix, then by substring; `//x` and paths are messages", () => {
    expect(matchCommands("/m").map((c) => c.name)).toEqual(["model", "memory", "mcp"])
    expect(matchCommands("/ear").map((c) => c.name)).toEqual(["clear"])
    expect(matchCommands("/model x")).toEqual([])
    expect(parseInput("/model")).toEqual({ _tag: "Command", name: "model", args: "" })
    expect(parseInput("/nope")).toEqual({ _tag: "Unknown", name: "nope" })
    expect(parseInput("//model")).toEqual({ _tag: "Message", text: "/model" })
    expect(parseInput("/usr/bin/env is odd")).toEqual({ _tag: "Message", text: "/usr/bin/env is odd" })
  })
})
