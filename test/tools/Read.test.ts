import { chmod, mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { afterEach, beforeEach } from "vitest"
import { FileTrackerMemory } from "../../src/layers/FileTrackerMemory.js"
import { Workspace } from "../../src/services/Workspace.js"
import { looksBinary, Read } from "../../src/tools/Read.js"

let dir = ""
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), "letta-read-")))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const read = (args: unknown) =>
  Effect.gen(function* () {
    const decoded = Read.decode(args)
    if (Either.isLeft(decoded)) return yield* Effect.dieMessage(`bad args: ${decoded.left}`)
    return yield* Read.execute(decoded.right)
  }).pipe(
    Effect.provide(
      Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dir, homeDir: dir }), FileTrackerMemory)
    )
  )

const write = (name: string, content: string | Uint8Array) =>
  Effect.promise(async () => {
    const file = join(dir, name)
    await writeFile(file, content)
    return file
  })

const lines = (count: number, make: (n: number) => string = (n) => `line ${n}`): string =>
  Array.from({ length: count }, (_, index) => `${make(index + 1)}\n`).join("")

const numbered = (from: number, texts: ReadonlyArray<string>): string =>
  texts.map((text, index) => `${String(from + index).padStart(6)}\t${text}`).join("\n")

describe("Read tool", () => {
  it.live("numbers the lines like cat -n", () =>
    Effect.gen(function* () {
      const file = yield* write("a.txt", "first\n\tindented\nlast")
      expect(yield* read({ file_path: file })).toEqual({
        status: "success",
        text: "     1\tfirst\n     2\t\tindented\n     3\tlast"
      })
    }))

  it.live("resolves a relative path against the project directory", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => mkdir(join(dir, "sub")))
      yield* write("sub/b.txt", "hello\n")
      expect(yield* read({ file_path: "sub/b.txt" })).toEqual({ status: "success", text: "     1\thello" })
      expect(yield* read({ file_path: "./sub/../sub/b.txt" })).toEqual({ status: "success", text: "     1\thello" })
    }))

  it.live("shows CRLF files without the CR and keeps blank lines", () =>
    Effect.gen(function* () {
      const file = yield* write("crlf.txt", "a\r\n\r\nb\r\n")
      expect((yield* read({ file_path: file })).text).toBe(numbered(1, ["a", "", "b"]))
    }))

  it.live(`returns at most 2000 lines by default, with a note on how to read on`, () =>
    Effect.gen(function* () {
      const file = yield* write("long.txt", lines(2500))
      const output = yield* read({ file_path: file })
      expect(output.status).toBe("success")
      const [body, note] = output.text.split("\n\n")
      expect(body?.split("\n")).toHaveLength(2000)
      expect(body?.split("\n")[1999]).toBe(numbered(2000, ["line 2000"]))
      expect(note).toBe("[Showed lines 1-2000 of 2500. To read more, call Read with offset=2001.]")
    }))

  it.live("reads the window given by offset and limit", () =>
    Effect.gen(function* () {
      const file = yield* write("five.txt", lines(5))
      expect((yield* read({ file_path: file, offset: 2, limit: 2 })).text).toBe(
        `${numbered(2, ["line 2", "line 3"])}\n\n[Showed lines 2-3 of 5. To read more, call Read with offset=4.]`
      )
      expect((yield* read({ file_path: file, offset: 4 })).text).toBe(
        `${numbered(4, ["line 4", "line 5"])}\n\n[Showed lines 4-5 of 5.]`
      )
      expect((yield* read({ file_path: file, limit: 5 })).text).toBe(
        numbered(1, ["line 1", "line 2", "line 3", "line 4", "line 5"])
      )
      // 0 is taken as the first line (some models count from 0).
      expect((yield* read({ file_path: file, offset: 0, limit: 1 })).text).toBe(
        `${numbered(1, ["line 1"])}\n\n[Showed lines 1-1 of 5. To read more, call Read with offset=2.]`
      )
    }))

  it.live("says so when the offset is past the end", () =>
    Effect.gen(function* () {
      const file = yield* write("five.txt", lines(5))
      expect(yield* read({ file_path: file, offset: 6 })).toEqual({
        status: "error",
        text: `offset 6 is past the end of ${file}, which has 5 lines`
      })
    }))

  it.live("cuts lines longer than 2000 characters with a marker", () =>
    Effect.gen(function* () {
      const file = yield* write("wide.txt", `${"x".repeat(2500)}\nshort\n${"y".repeat(2001)}\r\n`)
      expect((yield* read({ file_path: file })).text).toBe(
        numbered(1, [
          `${"x".repeat(2000)} [line cut: 500 more characters]`,
          "short",
          `${"y".repeat(2000)} [line cut: 1 more characters]`
        ])
      )
    }))

  it.live("decodes multi-byte characters split across read chunks", () =>
    Effect.gen(function* () {
      const line = "é€😀".repeat(300)
      const file = yield* write("utf8.txt", lines(200, () => line))
      const output = yield* read({ file_path: file })
      const texts = output.text.split("\n").map((numberedLine) => numberedLine.split("\t")[1])
      expect(texts).toHaveLength(200)
      // 200 lines of 2 700 bytes: far more than one 64 KiB read chunk.
      expect(texts.every((text) => text === line)).toBe(true)
    }))

  it.live("notes an empty file", () =>
    Effect.gen(function* () {
      const file = yield* write("empty.txt", "")
      expect(yield* read({ file_path: file })).toEqual({ status: "success", text: `${file} is empty (0 lines).` })
    }))

  it.live("refuses a missing file", () =>
    Effect.gen(function* () {
      expect(yield* read({ file_path: "nope.txt" })).toEqual({
        status: "error",
        text: `File does not exist: ${join(dir, "nope.txt")}`
      })
    }))

  it.live("reports a file it may not read", () =>
    Effect.gen(function* () {
      if (process.getuid?.() === 0) return // root reads everything
      const file = yield* write("secret.txt", "x\n")
      yield* Effect.promise(() => chmod(file, 0o000))
      expect(yield* read({ file_path: file })).toEqual({ status: "error", text: `Permission denied: ${file}` })
    }))

  it.live("refuses a directory", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => mkdir(join(dir, "sub")))
      expect(yield* read({ file_path: "sub" })).toEqual({
        status: "error",
        text: `${join(dir, "sub")} is a directory; use LS or Bash ls to list it`
      })
    }))

  it.live("refuses binary files", () =>
    Effect.gen(function* () {
      const withNul = yield* write("nul.bin", new Uint8Array([0x68, 0x69, 0x00, 0x0a]))
      expect(yield* read({ file_path: withNul })).toEqual({ status: "error", text: `Cannot read binary file: ${withNul}` })
      const noise = new Uint8Array(4096).map((_, index) => (index % 2 === 0 ? 0x01 : 0xff))
      const garbled = yield* write("noise.bin", noise)
      expect(yield* read({ file_path: garbled })).toEqual({ status: "error", text: `Cannot read binary file: ${garbled}` })
    }))

  it("tells text from binary", () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    expect(looksBinary(encode("plain text\twith tabs\r\n"))).toBe(false)
    expect(looksBinary(encode("\u001b[31mred\u001b[0m and ümlauts"))).toBe(false)
    expect(looksBinary(new Uint8Array([0x61, 0x00]))).toBe(true)
    expect(looksBinary(new Uint8Array([0x01, 0x02, 0x03, 0x61]))).toBe(true)
    expect(looksBinary(new Uint8Array([]))).toBe(false)
  })

  it.live("reads files over 10 MB only in parts, without scanning past the window", () =>
    Effect.gen(function* () {
      const row = `${"z".repeat(99)}\n`
      const file = yield* write("big.txt", row.repeat(110_000))
      const whole = yield* read({ file_path: file })
      expect(whole.status).toBe("error")
      expect(whole.text).toBe(
        `${file} is 10.5 MB, over the 10 MB limit for reading a file whole; give offset and/or limit to read part of it`
      )
      const part = yield* read({ file_path: file, offset: 100, limit: 2 })
      expect(part).toEqual({
        status: "success",
        text: `${numbered(100, ["z".repeat(99), "z".repeat(99)])}\n\n[Showed lines 100-101; the file continues. To read more, call Read with offset=102.]`
      })
      expect((yield* read({ file_path: file, offset: 109_999 })).text).toBe(
        `${numbered(109_999, ["z".repeat(99), "z".repeat(99)])}\n\n[Showed lines 109999-110000 of 110000.]`
      )
      expect(yield* read({ file_path: file, offset: 200_000 })).toEqual({
        status: "error",
        text: `offset 200000 is past the end of ${file}, which has 110000 lines`
      })
    }))
})
