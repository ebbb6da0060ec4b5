/**
 * What Write, Edit and MultiEdit do to the file they change beyond its content: a secret file's
 * temp copy is never wider than the file, read-only files are refused, owner and hard links
 * survive, huge files are not read whole, and temp files a crash left are swept and never shown.
 */
import { spawn } from "node:child_process"
import { chmod, chown, link, readdir, readFile, stat, truncate, utimes, writeFile } from "node:fs/promises"
import { statSync } from "node:fs"
import { join } from "node:path"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { findRipgrep } from "../../src/layers/search/ripgrep.js"
import { Edit } from "../../src/tools/Edit.js"
import { Glob } from "../../src/tools/Glob.js"
import { Grep } from "../../src/tools/Grep.js"
import { LS } from "../../src/tools/LS.js"
import { MultiEdit } from "../../src/tools/MultiEdit.js"
import { Read } from "../../src/tools/Read.js"
import { isStaleTemp, REUSED_PID_AFTER_MS } from "../../src/tools/tempFiles.js"
import { Write } from "../../src/tools/Write.js"
import { runTool, sessionLayer, useTempDir, withEngine } from "../support/toolHarness.js"

const temp = useTempDir("letta-filesafety-")
const at = (name: string) => join(temp.path(), name)
const put = (name: string, content: string) => Effect.promise(() => writeFile(at(name), content))
const get = (name: string) => Effect.promise(() => readFile(at(name), "utf8"))
const info = (name: string) => Effect.promise(() => stat(at(name)))
const session = () => Effect.provide(sessionLayer(temp.path()))

/**
 * The node FileSystem, with every file it creates or reads noted right after: the mode each
 * path had the moment it came into being, and the paths read whole.
 */
const observingFs = (seen: { readonly created: Array<{ path: string; mode: number }>; readonly read: Array<string> }) =>
  Layer.effect(
    FileSystem.FileSystem,
    Effect.map(FileSystem.FileSystem, (fs): FileSystem.FileSystem => {
      const note = (path: string) => seen.created.push({ path, mode: statSync(path).mode & 0o777 })
      return {
        ...fs,
        open: (path, options) => Effect.tap(fs.open(path, options), () => note(path)),
        writeFile: (path, data, options) => Effect.tap(fs.writeFile(path, data, options), () => note(path)),
        readFile: (path) => Effect.tap(fs.readFile(path), () => seen.read.push(path))
      }
    })
  ).pipe(Layer.provide(NodeFileSystem.layer))

/** A pid that was just used and is now free (its process has exited and been reaped). */
const deadPid = () =>
  Effect.promise(
    () =>
      new Promise<number>((resolve) => {
        const child = spawn("true")
        child.on("exit", () => resolve(child.pid ?? 0))
      })
  )

describe("a secret file's temp copy (item 3)", () => {
  it.live("is created with the file's mode (0600), never readable by others even for a moment", () => {
    const seen = { created: [] as Array<{ path: string; mode: number }>, read: [] as Array<string> }
    return Effect.gen(function* () {
      yield* put(".env", "TOKEN=one\n")
      yield* Effect.promise(() => chmod(at(".env"), 0o600))
      yield* runTool(Read, { file_path: ".env" })
      expect((yield* runTool(Write, { file_path: ".env", content: "TOKEN=two\n" })).status).toBe("success")
      expect((yield* runTool(Edit, { file_path: ".env", old_string: "two", new_string: "three" })).status).toBe("success")
      const temps = seen.created.filter((entry) => entry.path.includes(".letta-"))
      expect(temps.length).toBe(2)
      for (const entry of temps) expect(entry.mode.toString(8)).toBe("600")
      expect((yield* info(".env")).mode & 0o777).toBe(0o600)
      expect(yield* get(".env")).toBe("TOKEN=three\n")
    }).pipe(Effect.provide(observingFs(seen)), session())
  })

  it.live("a file name near the 255-byte limit still gets a temp file (its name is shortened)", () =>
    Effect.gen(function* () {
      const name = "n".repeat(250)
      expect((yield* runTool(Write, { file_path: name, content: "ok\n" })).status).toBe("success")
      expect(yield* get(name)).toBe("ok\n")
      expect(yield* Effect.promise(() => readdir(temp.path()))).toEqual([name])
    }).pipe(session()))
})

describe("read-only files, owners and hard links (item 5)", () => {
  it.live("refuses a read-only (0444) file with a clear message and leaves it as it was", () =>
    Effect.gen(function* () {
      yield* put("locked.txt", "keep me\n")
      yield* Effect.promise(() => chmod(at("locked.txt"), 0o444))
      const before = yield* info("locked.txt")
      yield* runTool(Read, { file_path: "locked.txt" })
      const refusal = `${at("locked.txt")} is read-only (mode 0444); it was left unchanged. If it should be changed, it must be made writable first (for example chmod u+w).`
      expect(yield* runTool(Write, { file_path: "locked.txt", content: "gone\n" })).toEqual({ status: "error", text: refusal })
      expect(yield* runTool(Edit, { file_path: "locked.txt", old_string: "keep", new_string: "lose" })).toEqual({
        status: "error",
        text: refusal
      })
      expect(
        (yield* runTool(MultiEdit, { file_path: "locked.txt", edits: [{ old_string: "keep", new_string: "lose" }] })).text
      ).toBe(refusal)
      const after = yield* info("locked.txt")
      expect(yield* get("locked.txt")).toBe("keep me\n")
      expect([after.ino, after.mode & 0o777]).toEqual([before.ino, 0o444])
    }).pipe(session()))

  it.live("edits a hard-linked file in place: every link sees the change, the inode stays", () =>
    Effect.gen(function* () {
      yield* put("a.txt", "one two three\n")
      yield* Effect.promise(() => link(at("a.txt"), at("b.txt")))
      const before = yield* info("a.txt")
      yield* runTool(Read, { file_path: "a.txt" })
      expect((yield* runTool(Edit, { file_path: "a.txt", old_string: "two", new_string: "2" })).status).toBe("success")
      expect(yield* get("b.txt")).toBe("one 2 three\n")
      // A shorter Write leaves no tail of the old content behind.
      expect((yield* runTool(Write, { file_path: "a.txt", content: "x\n" })).status).toBe("success")
      expect(yield* get("b.txt")).toBe("x\n")
      const after = yield* info("b.txt")
      expect([after.ino, after.nlink]).toEqual([before.ino, 2])
      expect((yield* Effect.promise(() => readdir(temp.path()))).sort()).toEqual(["a.txt", "b.txt"])
      // Still guarded against unseen changes, like any write.
      yield* put("b.txt", "changed behind our back\n")
      expect((yield* runTool(Write, { file_path: "a.txt", content: "y\n" })).text).toContain("has changed on disk")
      expect(yield* get("a.txt")).toBe("changed behind our back\n")
    }).pipe(session()))

  // Only root can give a file to another user; otherwise the in-place path is shown by a hard link.
  it.live("keeps the owner of a file owned by another user (as root; else the in-place path via a hard link)", () =>
    Effect.gen(function* () {
      yield* put("theirs.txt", "hello\n")
      const root = process.getuid?.() === 0
      if (root) yield* Effect.promise(() => chown(at("theirs.txt"), 65534, 65534))
      else yield* Effect.promise(() => link(at("theirs.txt"), at("theirs-link.txt")))
      const before = yield* info("theirs.txt")
      yield* runTool(Read, { file_path: "theirs.txt" })
      expect((yield* runTool(Edit, { file_path: "theirs.txt", old_string: "hello", new_string: "bye" })).status).toBe("success")
      const after = yield* info("theirs.txt")
      expect(yield* get("theirs.txt")).toBe("bye\n")
      expect([after.ino, after.uid, after.gid]).toEqual([before.ino, before.uid, before.gid])
      if (root) expect(after.uid).toBe(65534)
    }).pipe(session()))
})

describe("huge files (item 7)", () => {
  it.live("Edit and MultiEdit refuse a 1.5 GB file before reading it", () =>
    Effect.gen(function* () {
      yield* put("huge.log", "")
      yield* Effect.promise(() => truncate(at("huge.log"), 1.5 * 1024 * 1024 * 1024))
      const refusal = `${at("huge.log")} is 1.5 GB, over the 10 MB limit for files that can be edited; it was not read or changed. Change it another way (for example a stream editor such as sed in Bash), or split it.`
      expect(yield* runTool(Edit, { file_path: "huge.log", old_string: "a", new_string: "b" })).toEqual({
        status: "error",
        text: refusal
      })
      expect((yield* runTool(MultiEdit, { file_path: "huge.log", edits: [{ old_string: "a", new_string: "b" }] })).text).toBe(
        refusal
      )
    }).pipe(session()))

  it.live("the built-in Grep does not read a 1.5 GB file whole, and says it left it out", () =>
    Effect.gen(function* () {
      yield* put("real.txt", "needle\n")
      yield* put("huge.log", "needle\n")
      yield* Effect.promise(() => truncate(at("huge.log"), 1.5 * 1024 * 1024 * 1024))
      const grep = withEngine(Grep, { engine: "builtin" })
      expect((yield* runTool(grep, { pattern: "needle" })).text).toBe(
        `${at("real.txt")}\n\n[1 file over 100 MB was not searched, as the built-in search reads files whole: ${at("huge.log")} (1.5 GB). Install ripgrep (rg) to search large files, or Read them in parts.]`
      )
    }).pipe(session()))

  it.live("Write does not read a large old file whole to check it is unchanged", () => {
    const seen = { created: [] as Array<{ path: string; mode: number }>, read: [] as Array<string> }
    return Effect.gen(function* () {
      const big = "x".repeat(11 * 1024 * 1024)
      expect((yield* runTool(Write, { file_path: "big.txt", content: big })).status).toBe("success")
      expect((yield* runTool(Write, { file_path: "big.txt", content: big.toUpperCase() })).status).toBe("success")
      expect(seen.read).toEqual([])
      // The modification time still guards it.
      yield* Effect.promise(() => utimes(at("big.txt"), new Date(2001, 1, 1), new Date(2001, 1, 1)))
      expect((yield* runTool(Write, { file_path: "big.txt", content: "small\n" })).text).toContain("has changed on disk")
    }).pipe(Effect.provide(observingFs(seen)), session())
  })
})

describe("temp files left by a crash (item 8)", () => {
  const hex = "0123456789ab"

  it.live("are removed by the next write in that directory, only when abandoned", () =>
    Effect.gen(function* () {
      const dead = yield* deadPid()
      const sleeper = spawn("sleep", ["30"], { stdio: "ignore" })
      const live = sleeper.pid ?? 0
      try {
        const abandoned = [
          `.a.txt.letta-${dead}-${hex}.tmp`,
          `settings.json.${dead}.${hex}.tmp`,
          `settings.local.json.${dead}.${hex}.tmp`,
          `.old.txt.letta-${hex}.tmp`
        ]
        const kept = [
          `.b.txt.letta-${live}-${hex}.tmp`,
          `settings.json.${live}.${hex}.tmp`,
          `.c.txt.letta-${process.pid}-${hex}.tmp`,
          `.fresh.txt.letta-${hex}.tmp`,
          "notes.tmp",
          `report.letta-${hex}.tmp`
        ]
        for (const name of [...abandoned, ...kept]) yield* put(name, "partial")
        const longAgo = new Date(Date.now() - 20 * 60 * 1000)
        yield* Effect.promise(() => utimes(at(`.old.txt.letta-${hex}.tmp`), longAgo, longAgo))
        expect((yield* runTool(Write, { file_path: "new.txt", content: "hi\n" })).status).toBe("success")
        const left = (yield* Effect.promise(() => readdir(temp.path()))).sort()
        expect(left).toEqual([...kept, "new.txt"].sort())
      } finally {
        sleeper.kill("SIGKILL")
      }
    }).pipe(session()))

  it("a live owner's temp file is stale only when older than any write (its pid was reused)", () => {
    expect(isStaleTemp(`x.json.${process.pid}.${hex}.tmp`, REUSED_PID_AFTER_MS * 2)).toBe(false)
    expect(isStaleTemp(`x.json.1.${hex}.tmp`, 1000)).toBe(false)
    expect(isStaleTemp(`x.json.1.${hex}.tmp`, REUSED_PID_AFTER_MS + 1)).toBe(true)
  })

  const temps = [`.a.txt.letta-123-${hex}.tmp`, `.b.txt.letta-${hex}.tmp`, `settings.json.123.${hex}.tmp`]
  const plant = Effect.gen(function* () {
    yield* put("real.txt", "needle\n")
    for (const name of temps) yield* put(name, "needle\n")
  })

  it.live("are never shown by Glob or LS", () =>
    Effect.gen(function* () {
      yield* plant
      expect((yield* runTool(Glob, { pattern: "**/*" })).text).toBe(at("real.txt"))
      expect((yield* runTool(Glob, { pattern: "**/{.,}*.tmp" })).text).not.toContain(".tmp")
      const listing = (yield* runTool(LS, {})).text
      expect(listing).toContain("real.txt")
      expect(listing).not.toContain(".tmp")
    }).pipe(session()))

  const rg = findRipgrep()
  for (const choice of [{ engine: "builtin" as const }, ...(rg === undefined ? [] : [{ engine: "ripgrep" as const, rg }])]) {
    it.live(`are never shown by Grep (${choice.engine})`, () =>
      Effect.gen(function* () {
        yield* plant
        const grep = withEngine(Grep, choice)
        expect((yield* runTool(grep, { pattern: "needle", glob: "*" })).text).toBe(at("real.txt"))
        expect((yield* runTool(grep, { pattern: "needle", output_mode: "content", "-n": false })).text).toBe(
          `${at("real.txt")}:needle`
        )
        // Dot files too, when a glob names them.
        expect((yield* runTool(grep, { pattern: "needle", glob: ".*" })).text).toBe("No matches found")
      }).pipe(session()))
  }
})
