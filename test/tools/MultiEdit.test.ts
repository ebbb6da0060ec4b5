import { readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { MultiEdit } from "../../src/tools/MultiEdit.js"
import { Read } from "../../src/tools/Read.js"
import { decodeError, runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-multiedit-")
const at = (name: string) => join(temp.path(), name)
const put = (name: string, content: string) => Effect.promise(() => writeFile(at(name), content))
const get = (name: string) => Effect.promise(() => readFile(at(name), "utf8"))
const session = () => Effect.provide(sessionLayer(temp.path()))
const seen = (name: string, content: string) => Effect.zipRight(put(name, content), runTool(Read, { file_path: name }))

describe("MultiEdit tool", () => {
  it.live("applies the edits in order, each on the result of the previous ones, and writes once", () =>
    Effect.gen(function* () {
      yield* seen("a.ts", "const a = 1\nconst b = a\nlog(a)\n")
      const output = yield* runTool(MultiEdit, {
        file_path: "a.ts",
        edits: [
          { old_string: "const a = 1", new_string: "const alpha = 1" },
          { old_string: "a\n", new_string: "alpha\n", replace_all: true },
          { old_string: "log(a)", new_string: "log(alpha)" }
        ]
      })
      expect(output).toEqual({
        status: "success",
        text: `Applied 3 edits to ${at("a.ts")} (3 replacements in all):\n  1. 1 replacement\n  2. 1 replacement\n  3. 1 replacement`
      })
      expect(yield* get("a.ts")).toBe("const alpha = 1\nconst b = alpha\nlog(alpha)\n")
    }).pipe(session()))

  it.live("is all or nothing: a failing edit leaves the file untouched and is named", () =>
    Effect.gen(function* () {
      yield* seen("b.txt", "x y x\n")
      expect(
        yield* runTool(MultiEdit, {
          file_path: "b.txt",
          edits: [
            { old_string: "y", new_string: "z" },
            { old_string: "y", new_string: "w" }
          ]
        })
      ).toEqual({
        status: "error",
        text: "Edit 2 of 2 failed: old_string was not found in the file. It must match the file exactly, including whitespace, indentation and line breaks, and must not include the line-number prefixes that Read shows. Edits apply in order, so an earlier edit may have changed this text. No changes were made to the file."
      })
      expect(
        (yield* runTool(MultiEdit, { file_path: "b.txt", edits: [{ old_string: "x", new_string: "q" }] })).text
      ).toBe(
        "Edit 1 of 1 failed: old_string occurs 2 times in the file. Include more of the surrounding text to make it unique, or set replace_all to true to replace every occurrence. No changes were made to the file."
      )
      expect(
        (yield* runTool(MultiEdit, {
          file_path: "b.txt",
          edits: [
            { old_string: "y", new_string: "z" },
            { old_string: "z", new_string: "z" }
          ]
        })).text
      ).toBe("Edit 2 of 2 failed: old_string and new_string are identical, so there is nothing to change. No changes were made to the file.")
      expect(yield* get("b.txt")).toBe("x y x\n")
    }).pipe(session()))

  it.live("creates a missing file when the first edit's old_string is empty", () =>
    Effect.gen(function* () {
      expect(
        yield* runTool(MultiEdit, {
          file_path: "new.txt",
          edits: [
            { old_string: "", new_string: "hello NAME\nbye NAME\n" },
            { old_string: "NAME", new_string: "you", replace_all: true }
          ]
        })
      ).toEqual({
        status: "success",
        text: `Created ${at("new.txt")} with 2 edits:\n  1. created the file\n  2. 2 replacements`
      })
      expect(yield* get("new.txt")).toBe("hello you\nbye you\n")
      expect(
        (yield* runTool(MultiEdit, { file_path: "other.txt", edits: [{ old_string: "a", new_string: "b" }] })).text
      ).toBe(`File does not exist: ${at("other.txt")}. To create a file, use Write (or an edit with an empty old_string).`)
      expect(
        (yield* runTool(MultiEdit, { file_path: "other.txt", edits: [{ old_string: "", new_string: "" }] })).text
      ).toBe("Edit 1 of 1 failed: old_string and new_string are both empty, so there is nothing to write. No changes were made to the file.")
    }).pipe(session()))

  it.live("requires the file to have been read", () =>
    Effect.gen(function* () {
      yield* put("c.txt", "c\n")
      expect((yield* runTool(MultiEdit, { file_path: "c.txt", edits: [{ old_string: "c", new_string: "d" }] })).text).toBe(
        `${at("c.txt")} already exists and has not been read in this session. Read it first (with the Read tool), then try again.`
      )
    }).pipe(session()))

  it("validates its arguments and offers a closed item schema", () => {
    expect(decodeError(MultiEdit, { file_path: "a", edits: [] })).toBe("edits: expected at least one edit, actual []")
    expect(decodeError(MultiEdit, { file_path: "a", edits: [{ old_string: "x" }] })).toBe("edits.0.new_string is missing")
    expect(decodeError(MultiEdit, { file_path: "a", edits: { old_string: "x" } })).toBe(
      'edits: expected an array of edits, actual {"old_string":"x"}'
    )
    expect(MultiEdit.spec.parameters).toMatchObject({
      properties: {
        edits: {
          type: "array",
          minItems: 1,
          items: { type: "object", required: ["old_string", "new_string"], additionalProperties: false }
        }
      }
    })
  })
})
