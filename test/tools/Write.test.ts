import { chmod, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Edit } from "../../src/tools/Edit.js"
import { Read } from "../../src/tools/Read.js"
import { Write } from "../../src/tools/Write.js"
import { decodeError, runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-write-")
const at = (name: string) => join(temp.path(), name)
const put = (name: string, content: string | Uint8Array) => Effect.promise(() => writeFile(at(name), content))
const get = (name: string) => Effect.promise(() => readFile(at(name), "utf8"))
const session = () => Effect.provide(sessionLayer(temp.path()))

describe("Write tool", () => {
  it.live("creates a file and its missing parent directories, from a project-relative path", () =>
    Effect.gen(function* () {
      expect(yield* runTool(Write, { file_path: "a/b/new.txt", content: "hello\nwörld\n" })).toEqual({
        status: "success",
        text: `Created ${at("a/b/new.txt")} (2 lines, 13 bytes).`
      })
      expect(yield* get("a/b/new.txt")).toBe("hello\nwörld\n")
      expect(yield* runTool(Write, { file_path: at("empty.txt"), content: "" })).toEqual({
        status: "success",
        text: `Created ${at("empty.txt")} (0 lines, 0 bytes).`
      })
    }).pipe(session()))

  it.live("refuses to overwrite a file that was not read in this session", () =>
    Effect.gen(function* () {
      yield* put("old.txt", "original\n")
      expect(yield* runTool(Write, { file_path: "old.txt", content: "new\n" })).toEqual({
        status: "error",
        text: `${at("old.txt")} already exists and has not been read in this session. Read it first (with the Read tool), then try again.`
      })
      expect(yield* get("old.txt")).toBe("original\n")
    }).pipe(session()))

  it.live("overwrites a file read (or written) in this session", () =>
    Effect.gen(function* () {
      yield* put("old.txt", "original\n")
      yield* runTool(Read, { file_path: "old.txt", limit: 1 })
      expect(yield* runTool(Write, { file_path: "old.txt", content: "second\nversion" })).toEqual({
        status: "success",
        text: `Wrote ${at("old.txt")} (2 lines, 14 bytes).`
      })
      // Its own write counts as seen: no Read needed in between.
      expect((yield* runTool(Write, { file_path: "old.txt", content: "third\n" })).status).toBe("success")
      expect((yield* runTool(Edit, { file_path: "old.txt", old_string: "third", new_string: "fourth" })).status).toBe("success")
      expect(yield* get("old.txt")).toBe("fourth\n")
    }).pipe(session()))

  it.live("refuses when the file changed on disk since it was read, even with the same size", () =>
    Effect.gen(function* () {
      yield* put("f.txt", "aaaa\n")
      yield* runTool(Read, { file_path: "f.txt" })
      yield* put("f.txt", "bbbb\n")
      const refused = {
        status: "error",
        text: `${at("f.txt")} has changed on disk since it was last read in this session. Read it again (with the Read tool) before changing it.`
      }
      expect(yield* runTool(Write, { file_path: "f.txt", content: "mine\n" })).toEqual(refused)
      yield* put("f.txt", "longer content\n")
      expect(yield* runTool(Write, { file_path: "f.txt", content: "mine\n" })).toEqual(refused)
      yield* runTool(Read, { file_path: "f.txt" })
      expect((yield* runTool(Write, { file_path: "f.txt", content: "mine\n" })).status).toBe("success")
    }).pipe(session()))

  it.live("accepts a file that was only touched (same content, new modification time)", () =>
    Effect.gen(function* () {
      yield* put("t.txt", "same\n")
      yield* runTool(Read, { file_path: "t.txt" })
      yield* Effect.promise(() => utimes(at("t.txt"), new Date(2001, 1, 1), new Date(2001, 1, 1)))
      expect((yield* runTool(Write, { file_path: "t.txt", content: "new\n" })).status).toBe("success")
    }).pipe(session()))

  it.live("compares modification time and size for a large file read only in part", () =>
    Effect.gen(function* () {
      yield* put("big.txt", "x\n".repeat(5_500_000))
      yield* runTool(Read, { file_path: "big.txt", limit: 2 })
      yield* Effect.promise(() => utimes(at("big.txt"), new Date(2001, 1, 1), new Date(2001, 1, 1)))
      expect((yield* runTool(Write, { file_path: "big.txt", content: "small\n" })).text).toContain("has changed on disk")
      yield* runTool(Read, { file_path: "big.txt", offset: 3, limit: 1 })
      expect((yield* runTool(Write, { file_path: "big.txt", content: "small\n" })).status).toBe("success")
    }).pipe(session()))

  it.live("replaces the file in one step, keeping its permissions and leaving no temporary file", () =>
    Effect.gen(function* () {
      yield* put("run.sh", "#!/bin/sh\n")
      yield* Effect.promise(() => chmod(at("run.sh"), 0o754))
      yield* runTool(Read, { file_path: "run.sh" })
      yield* runTool(Write, { file_path: "run.sh", content: "#!/bin/sh\necho hi\n" })
      expect((yield* Effect.promise(() => stat(at("run.sh")))).mode & 0o777).toBe(0o754)
      expect(yield* Effect.promise(() => readdir(temp.path()))).toEqual(["run.sh"])
    }).pipe(session()))

  it.live("writes through a symlink to its target and keeps the link", () =>
    Effect.gen(function* () {
      yield* put("target.txt", "one\n")
      yield* Effect.promise(() => symlink(at("target.txt"), at("link.txt")))
      yield* runTool(Read, { file_path: "link.txt" })
      expect((yield* runTool(Write, { file_path: "link.txt", content: "two\n" })).status).toBe("success")
      expect(yield* get("target.txt")).toBe("two\n")
      expect((yield* Effect.promise(() => readdir(temp.path()))).sort()).toEqual(["link.txt", "target.txt"])
      // Seen through the link means seen: the target may now be written directly.
      expect((yield* runTool(Write, { file_path: "target.txt", content: "three\n" })).status).toBe("success")
    }).pipe(session()))

  it.live("refuses directories and reports failures", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => mkdir(at("dir")))
      expect(yield* runTool(Write, { file_path: "dir", content: "x" })).toEqual({
        status: "error",
        text: `${at("dir")} is a directory; Write only writes files.`
      })
      yield* put("file", "x")
      const nested = yield* runTool(Write, { file_path: "file/child.txt", content: "x" })
      expect(nested.status).toBe("error")
      expect(nested.text.startsWith(`Cannot write ${at("file/child.txt")}:`)).toBe(true)
    }).pipe(session()))

  it("validates its arguments", () => {
    expect(decodeError(Write, { file_path: "a" })).toBe("content is missing")
    expect(decodeError(Write, { file_path: "a", content: 1 })).toBe("content: expected string, actual 1")
    expect(Write.readOnly).toBe(false)
  })
})
