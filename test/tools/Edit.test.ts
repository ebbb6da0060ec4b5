import { mkdir, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Edit } from "../../src/tools/Edit.js"
import { Read } from "../../src/tools/Read.js"
import { decodeError, runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-edit-")
const at = (name: string) => join(temp.path(), name)
const put = (name: string, content: string | Uint8Array) => Effect.promise(() => writeFile(at(name), content))
const get = (name: string) => Effect.promise(() => readFile(at(name), "utf8"))
const session = () => Effect.provide(sessionLayer(temp.path()))
/** Writes a file and reads it with the Read tool, as the model would before editing. */
const seen = (name: string, content: string | Uint8Array) =>
  Effect.zipRight(put(name, content), runTool(Read, { file_path: name }))

const numbered = (from: number, lines: ReadonlyArray<string>) =>
  lines.map((line, index) => `${String(from + index).padStart(6)}\t${line}`).join("\n")

describe("Edit tool", () => {
  it.live("replaces a unique occurrence and shows the changed lines with context", () =>
    Effect.gen(function* () {
      const lines = Array.from({ length: 12 }, (_, index) => `line ${index + 1}`)
      yield* seen("a.txt", `${lines.join("\n")}\n`)
      const output = yield* runTool(Edit, { file_path: "a.txt", old_string: "line 6\n", new_string: "six\nand a half\n" })
      expect(output).toEqual({
        status: "success",
        text: `Edited ${at("a.txt")}: replaced 1 occurrence.\n\n${numbered(3, ["line 3", "line 4", "line 5", "six", "and a half", "line 7", "line 8", "line 9"])}`
      })
      expect(yield* get("a.txt")).toContain("line 5\nsix\nand a half\nline 7\n")
    }).pipe(session()))

  it.live("fails with the match count when old_string is not unique, and replace_all replaces all", () =>
    Effect.gen(function* () {
      yield* seen("b.txt", "foo\nbar foo\nfoo\n")
      expect(yield* runTool(Edit, { file_path: "b.txt", old_string: "foo", new_string: "baz" })).toEqual({
        status: "error",
        text: "old_string occurs 3 times in the file. Include more of the surrounding text to make it unique, or set replace_all to true to replace every occurrence."
      })
      expect(yield* get("b.txt")).toBe("foo\nbar foo\nfoo\n")
      const all = yield* runTool(Edit, { file_path: "b.txt", old_string: "foo", new_string: "baz", replace_all: true })
      expect(all.text.split("\n")[0]).toBe(`Edited ${at("b.txt")}: replaced 3 occurrences (the first is shown).`)
      expect(yield* get("b.txt")).toBe("baz\nbar baz\nbaz\n")
    }).pipe(session()))

  it.live("explains a missing old_string and identical strings", () =>
    Effect.gen(function* () {
      yield* seen("c.txt", "    indented\n")
      expect(yield* runTool(Edit, { file_path: "c.txt", old_string: "  indented\n  x", new_string: "y" })).toEqual({
        status: "error",
        text: "old_string was not found in the file. It must match the file exactly, including whitespace, indentation and line breaks, and must not include the line-number prefixes that Read shows."
      })
      expect(yield* runTool(Edit, { file_path: "c.txt", old_string: "indented", new_string: "indented" })).toEqual({
        status: "error",
        text: "old_string and new_string are identical, so there is nothing to change."
      })
      expect(yield* runTool(Edit, { file_path: "c.txt", old_string: "", new_string: "x" })).toEqual({
        status: "error",
        text: "old_string is empty. An empty old_string only creates a file that does not exist yet; to insert text, include the neighbouring text in old_string."
      })
    }).pipe(session()))

  it.live("requires a Read first and refuses after a change on disk", () =>
    Effect.gen(function* () {
      yield* put("d.txt", "one\n")
      expect(yield* runTool(Edit, { file_path: "d.txt", old_string: "one", new_string: "two" })).toEqual({
        status: "error",
        text: `${at("d.txt")} already exists and has not been read in this session. Read it first (with the Read tool), then try again.`
      })
      yield* runTool(Read, { file_path: "d.txt" })
      yield* put("d.txt", "ONE\n")
      expect((yield* runTool(Edit, { file_path: "d.txt", old_string: "ONE", new_string: "two" })).text).toBe(
        `${at("d.txt")} has changed on disk since it was last read in this session. Read it again (with the Read tool) before changing it.`
      )
      expect(yield* get("d.txt")).toBe("ONE\n")
    }).pipe(session()))

  it.live("creates a missing file when old_string is empty, and explains other missing files", () =>
    Effect.gen(function* () {
      expect(yield* runTool(Edit, { file_path: "new/e.txt", old_string: "", new_string: "fresh\n" })).toEqual({
        status: "success",
        text: `Created ${at("new/e.txt")}.`
      })
      expect(yield* get("new/e.txt")).toBe("fresh\n")
      expect(yield* runTool(Edit, { file_path: "nope.txt", old_string: "a", new_string: "b" })).toEqual({
        status: "error",
        text: `File does not exist: ${at("nope.txt")}. To create a file, use Write (or an edit with an empty old_string).`
      })
    }).pipe(session()))

  it.live("keeps CRLF line breaks, a byte-order mark and replacement text literally", () =>
    Effect.gen(function* () {
      yield* seen("f.txt", "\uFEFFfirst\r\nsecond\r\nthird\r\n")
      const output = yield* runTool(Edit, { file_path: "f.txt", old_string: "first\nsecond", new_string: "1st $& $1\n2nd" })
      expect(output.status).toBe("success")
      expect(yield* get("f.txt")).toBe("\uFEFF1st $& $1\r\n2nd\r\nthird\r\n")
    }).pipe(session()))

  it.live("refuses binary files, invalid UTF-8 and directories", () =>
    Effect.gen(function* () {
      yield* seen("bin.dat", new Uint8Array([104, 105, 0, 1, 2]))
      expect(yield* runTool(Edit, { file_path: "bin.dat", old_string: "hi", new_string: "ho" })).toEqual({
        status: "error",
        text: `Cannot edit binary file: ${at("bin.dat")}`
      })
      yield* put("latin1.txt", new Uint8Array([99, 97, 102, 0xe9, 10]))
      yield* runTool(Read, { file_path: "latin1.txt" })
      expect(yield* runTool(Edit, { file_path: "latin1.txt", old_string: "caf", new_string: "tea" })).toEqual({
        status: "error",
        text: `${at("latin1.txt")} is not valid UTF-8 text; it cannot be edited safely. Use Write to replace it whole.`
      })
      yield* Effect.promise(() => mkdir(at("dir")))
      expect(yield* runTool(Edit, { file_path: "dir", old_string: "a", new_string: "b" })).toEqual({
        status: "error",
        text: `${at("dir")} is a directory; only files can be edited.`
      })
    }).pipe(session()))

  it("validates its arguments", () => {
    expect(decodeError(Edit, { file_path: "a", old_string: "x" })).toBe("new_string is missing")
    expect(decodeError(Edit, { file_path: "a", old_string: "x", new_string: "y", replace_all: "yes" })).toBe(
      'replace_all: expected boolean, actual "yes"'
    )
    expect(Edit.readOnly).toBe(false)
  })
})
