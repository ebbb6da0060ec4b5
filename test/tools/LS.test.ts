import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { LS } from "../../src/tools/LS.js"
import { link, writeTree } from "../support/fileTree.js"
import { decodeError, runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-ls-")
const session = () => Effect.provide(sessionLayer(temp.path()))
const tree = (files: Readonly<Record<string, string>>) => Effect.promise(() => writeTree(temp.path(), files))

describe("LS tool", () => {
  it.live("lists a tree: directories first, then files, by name", () =>
    Effect.gen(function* () {
      yield* tree({ "b.txt": "", "a.txt": "", "src/z.ts": "", "src/lib/y.ts": "", "docs/readme.md": "", ".env": "" })
      expect(yield* runTool(LS, {})).toEqual({
        status: "success",
        text: [
          `- ${temp.path()}/`,
          "  - docs/",
          "    - readme.md",
          "  - src/",
          "    - lib/",
          "      - y.ts",
          "    - z.ts",
          "  - .env",
          "  - a.txt",
          "  - b.txt"
        ].join("\n")
      })
      expect((yield* runTool(LS, { path: "src" })).text).toBe([`- ${join(temp.path(), "src")}/`, "  - lib/", "    - y.ts", "  - z.ts"].join("\n"))
    }).pipe(session()))

  it.live("does not expand .git, node_modules or ignored directories, and leaves out ignore globs", () =>
    Effect.gen(function* () {
      yield* tree({
        ".gitignore": "build/\n",
        ".git/HEAD": "",
        "node_modules/pkg/index.js": "",
        "build/out.js": "",
        "src/a.ts": "",
        "src/a.log": "",
        "src/gen/x.ts": ""
      })
      yield* Effect.promise(() => link(temp.path(), "src", "src-link"))
      expect((yield* runTool(LS, { ignore: ["*.log", "src/gen"] })).text).toBe(
        [
          `- ${temp.path()}/`,
          "  - .git/ (not expanded)",
          "  - build/ (not expanded)",
          "  - node_modules/ (not expanded)",
          "  - src/",
          "    - a.ts",
          "  - .gitignore",
          "  - src-link (symlink)"
        ].join("\n")
      )
    }).pipe(session()))

  it.live("stops at 1000 entries, listing the shallow levels first", () =>
    Effect.gen(function* () {
      yield* Effect.promise(async () => {
        for (const name of ["a", "b"]) {
          await mkdir(join(temp.path(), name, "deep"), { recursive: true })
          await Promise.all(Array.from({ length: 600 }, (_, index) => writeFile(join(temp.path(), name, `f${String(index).padStart(3, "0")}`), "")))
          await writeFile(join(temp.path(), name, "deep", "x"), "")
        }
        await writeFile(join(temp.path(), "top.txt"), "")
      })
      const lines = (yield* runTool(LS, {})).text.split("\n")
      expect(lines.filter((line) => line.startsWith("    - ")).length).toBe(1000 - 3)
      expect(lines).toContain("  - a/")
      expect(lines).toContain("    - deep/ (contents not listed)")
      expect(lines).toContain("  - b/ (more inside)")
      expect(lines).toContain("  - top.txt")
      expect(lines.at(-1)).toBe(
        '[Stopped at 1000 entries: directories marked "more inside" or "contents not listed" were not listed in full. List a subdirectory to see more.]'
      )
    }).pipe(session()))

  it.live("explains empty directories, files and missing paths", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => mkdir(join(temp.path(), "empty")))
      yield* tree({ "f.txt": "" })
      expect((yield* runTool(LS, { path: "empty" })).text).toBe(`- ${join(temp.path(), "empty")}/\n  (empty)`)
      expect(yield* runTool(LS, { path: "f.txt" })).toEqual({
        status: "error",
        text: `${join(temp.path(), "f.txt")} is not a directory; use Read to read a file.`
      })
      expect(yield* runTool(LS, { path: "nope" })).toEqual({
        status: "error",
        text: `Directory does not exist: ${join(temp.path(), "nope")}`
      })
    }).pipe(session()))

  it("validates its arguments", () => {
    expect(decodeError(LS, { ignore: "*.log" })).toBe('ignore: expected an array of glob patterns, actual "*.log"')
    expect(LS.readOnly).toBe(true)
  })
})
