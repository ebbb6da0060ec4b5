import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { requiredLiteral } from "../../src/layers/search/fileSearch.js"
import { findRipgrep } from "../../src/layers/search/ripgrep.js"
import { Grep } from "../../src/tools/Grep.js"
import { FILE_TYPE_NAMES } from "../../src/tools/search/fileTypes.js"
import { writeTree } from "../support/fileTree.js"
import { decodeError, type EngineChoice, runTool, sessionLayer, useTempDir, withEngine } from "../support/toolHarness.js"

const temp = useTempDir("letta-grep-")
const session = () => Effect.provide(sessionLayer(temp.path()))

const rg = findRipgrep()
const engines: ReadonlyArray<readonly [string, EngineChoice]> = [
  ["built-in engine", { engine: "builtin" }],
  ...(rg === undefined ? [] : [["ripgrep", { engine: "ripgrep", rg }] as const])
]

/** Oldest first: mtimes increase in this order. */
const TREE: Readonly<Record<string, string>> = {
  ".gitignore": "dist/\n",
  "docs/readme.md": "# Title\nsome text\nTODO: write docs\n",
  "src/a.ts": "import x from 'y'\nconst a = 1 // TODO fix\nexport default a\n",
  "src/b.js": "function b() {\n  return 2\n}\n// todo lower\n",
  "src/util/c.py": "def c():\n    # TODO python\n    pass\n",
  ".hidden/h.ts": "TODO hidden\n",
  ".env": "TODO=1\n",
  "dist/out.js": "TODO in build output\n",
  "bin.dat": "TODO\u0000binary",
  "crlf.txt": "TODO one\r\nplain\r\n"
}

for (const [label, choice] of engines) {
  const tool = withEngine(Grep, choice)
  const grep = (args: Record<string, unknown>) => runTool(tool, args)
  /** The output with the temp dir shortened to "@". */
  const text = (args: Record<string, unknown>) =>
    Effect.map(grep(args), (output) => {
      expect(output.status, output.text).toBe("success")
      return output.text.split(`${temp.path()}/`).join("@")
    })
  const setup = Effect.promise(() => writeTree(temp.path(), TREE))

  describe(`Grep tool (${label})`, () => {
    it.live("lists matching files newest first, skipping ignored, hidden and binary files", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "TODO" })).toBe("@crlf.txt\n@src/util/c.py\n@src/a.ts\n@docs/readme.md")
        expect(yield* text({ pattern: "todo", "-i": true, path: "src" })).toBe("@src/util/c.py\n@src/b.js\n@src/a.ts")
        expect(yield* text({ pattern: "nothing-like-this" })).toBe("No matches found")
      }).pipe(session()))

    it.live("shows matching lines with line numbers, or without", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "TODO", output_mode: "content", path: "src" })).toBe(
          "@src/util/c.py:2:    # TODO python\n@src/a.ts:2:const a = 1 // TODO fix"
        )
        expect(yield* text({ pattern: "TODO", output_mode: "content", "-n": false, glob: "*.{md,txt}" })).toBe(
          "@crlf.txt:TODO one\n@docs/readme.md:TODO: write docs"
        )
      }).pipe(session()))

    it.live("adds context lines and separates groups with --", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "TODO|import", output_mode: "content", "-C": 1, path: "src" })).toBe(
          [
            "@src/util/c.py-1-def c():",
            "@src/util/c.py:2:    # TODO python",
            "@src/util/c.py-3-    pass",
            "--",
            "@src/a.ts:1:import x from 'y'",
            "@src/a.ts:2:const a = 1 // TODO fix",
            "@src/a.ts-3-export default a"
          ].join("\n")
        )
        expect(yield* text({ pattern: "return", output_mode: "content", "-B": 1, path: "src/b.js" })).toBe(
          "@src/b.js-1-function b() {\n@src/b.js:2:  return 2"
        )
        expect(yield* text({ pattern: "^def|pass", output_mode: "content", "-A": 1, "-n": false, path: "src/util" })).toBe(
          "@src/util/c.py:def c():\n@src/util/c.py-    # TODO python\n@src/util/c.py:    pass"
        )
        expect(yield* text({ pattern: "return", output_mode: "content", "-C": 5, "-B": 0, path: "src/b.js" })).toBe(
          "@src/b.js:2:  return 2\n@src/b.js-3-}\n@src/b.js-4-// todo lower"
        )
      }).pipe(session()))

    it.live("counts matching lines per file, with a total", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "o", output_mode: "count", path: "src" })).toBe(
          "@src/util/c.py:1\n@src/b.js:2\n@src/a.ts:3\n\n[Total: 6 matching lines in 3 files.]"
        )
      }).pipe(session()))

    it.live("filters by glob (names, paths, negation, dot files) and by type", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "TODO", glob: "*.ts" })).toBe("@src/a.ts")
        expect(yield* text({ pattern: "TODO", glob: "src/**" })).toBe("@src/util/c.py\n@src/a.ts")
        expect(yield* text({ pattern: "TODO", glob: "!*.md" })).toBe("@crlf.txt\n@src/util/c.py\n@src/a.ts")
        expect(yield* text({ pattern: "TODO", glob: ".env" })).toBe("@.env")
        expect(yield* text({ pattern: "TODO", type: "py" })).toBe("@src/util/c.py")
        expect(yield* text({ pattern: "TODO", type: "markdown" })).toBe("@docs/readme.md")
        expect(yield* text({ pattern: "TODO", path: "dist" })).toBe("@dist/out.js")
      }).pipe(session()))

    it.live("honours head_limit in every mode", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "TODO", head_limit: 2 })).toBe(
          "@crlf.txt\n@src/util/c.py\n\n[head_limit 2: showed 2 of 4 files.]"
        )
        expect(yield* text({ pattern: "o", output_mode: "count", path: "src", head_limit: 1 })).toBe(
          "@src/util/c.py:1\n\n[head_limit 1: showed 1 of 3 files.]\n[Total: 6 matching lines in 3 files.]"
        )
        expect(yield* text({ pattern: "TODO|import", output_mode: "content", "-C": 1, path: "src", head_limit: 4 })).toBe(
          [
            "@src/util/c.py-1-def c():",
            "@src/util/c.py:2:    # TODO python",
            "@src/util/c.py-3-    pass",
            "--",
            "@src/a.ts:1:import x from 'y'",
            "",
            "[head_limit 4: showed 4 of 6 lines.]"
          ].join("\n")
        )
        expect(yield* text({ pattern: "TODO", head_limit: 10 })).toBe("@crlf.txt\n@src/util/c.py\n@src/a.ts\n@docs/readme.md")
      }).pipe(session()))

    it.live("caps the output at 30000 characters and shortens very long lines", () =>
      Effect.gen(function* () {
        yield* Effect.promise(() =>
          writeTree(temp.path(), {
            "many.txt": Array.from({ length: 1000 }, (_, index) => `match number ${index} ${"x".repeat(40)}\n`).join(""),
            "long.txt": `match ${"y".repeat(1000)}\n`
          })
        )
        const many = yield* text({ pattern: "match", output_mode: "content", path: "many.txt" })
        expect(many.length).toBeLessThan(30_300)
        expect(many.endsWith("[Output cut at 30000 characters: showed 321 of 1000 lines. Narrow the search (path, glob, type) or use head_limit.]")).toBe(true)
        const long = yield* text({ pattern: "match", output_mode: "content", path: "long.txt" })
        expect(long).toBe(`@long.txt:1:match ${"y".repeat(494)}… [506 more characters]`)
      }).pipe(session()))

    it.live("matches across lines in multiline mode", () =>
      Effect.gen(function* () {
        yield* setup
        expect(yield* text({ pattern: "b\\(\\) \\{\\n\\s+return", multiline: true, output_mode: "content", path: "src" })).toBe(
          "@src/b.js:1:function b() {\n@src/b.js:2:  return 2"
        )
        expect(yield* text({ pattern: "return.2", multiline: true, output_mode: "count", path: "src" })).toBe(
          "@src/b.js:1\n\n[Total: 1 matching line in 1 file.]"
        )
        expect(yield* text({ pattern: "\\{.*\\}", multiline: true, output_mode: "count", path: "src/b.js" })).toBe(
          "@src/b.js:3\n\n[Total: 3 matching lines in 1 file.]"
        )
        expect(yield* grep({ pattern: "b\\(\\) \\{\\n\\s+return", path: "src" })).toEqual({
          status: "error",
          text: "The pattern contains a line break (\\n), which only matches with multiline: true."
        })
        expect(yield* text({ pattern: "a\\\\n", path: "src" })).toBe("No matches found")
      }).pipe(session()))

    it.live("explains invalid patterns, types and paths", () =>
      Effect.gen(function* () {
        yield* setup
        const invalid = yield* grep({ pattern: "(unclosed" })
        expect(invalid.status).toBe("error")
        expect(invalid.text.startsWith(`Invalid regular expression (${choice.engine === "ripgrep" ? "ripgrep" : "JavaScript"} syntax): `)).toBe(true)
        expect(yield* grep({ pattern: "x", type: "cobol" })).toEqual({
          status: "error",
          text: `Unknown type "cobol". Known types: ${FILE_TYPE_NAMES.join(", ")}.`
        })
        expect(yield* grep({ pattern: "x", path: "missing" })).toEqual({
          status: "error",
          text: `Path does not exist: ${join(temp.path(), "missing")}`
        })
        expect(yield* grep({ pattern: "TODO", path: "bin.dat" })).toEqual({
          status: "error",
          text: `Cannot search binary file: ${join(temp.path(), "bin.dat")}`
        })
      }).pipe(session()))
  })
}

describe("Grep tool (ripgrep's results through a scratch file)", () => {
  /** A stand-in for rg in `dir`: writes `stdout` and `stderr` and exits with `code`. */
  const fakeRg = (dir: string, stdout: string, stderr: string, code: number) => {
    const path = join(dir, "fake-rg")
    writeFileSync(path, `#!/bin/sh\nprintf '%s' '${stdout}'\nprintf '%s\\n' '${stderr}' >&2\nexit ${code}\n`, { mode: 0o755 })
    return path
  }

  it.live("answers from the built-in engine when rg runs out of disk space for its results", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeTree(temp.path(), { "a.txt": "needle\n", "b.txt": "needle\nneedle\n" }))
      const scratchDir = mkdtempSync(join(tmpdir(), "letta-fake-rg-"))
      // What rg managed to write before the disk filled up: a.txt's count, not b.txt's.
      const partial = `{"type":"end","data":{"path":{"text":"${join(temp.path(), "a.txt")}"},"stats":{"matched_lines":1}}}\n`
      const rgPath = fakeRg(scratchDir, partial, "rg: No space left on device (os error 28)", 2)
      const tool = withEngine(Grep, { engine: "ripgrep", rg: rgPath })
      const output = yield* runTool(tool, { pattern: "needle", output_mode: "count" })
      rmSync(scratchDir, { recursive: true, force: true })
      expect(output.text.split(`${temp.path()}/`).join("@")).toContain("@b.txt:2")
      expect(output.text).toContain("a.txt:1")
    }).pipe(session()))

  it.live("leaves nothing in the temporary directory", () =>
    Effect.gen(function* () {
      if (rg === undefined) return
      yield* Effect.promise(() => writeTree(temp.path(), { "a.txt": "needle\n" }))
      const scratchDir = mkdtempSync(join(tmpdir(), "letta-tmp-"))
      const saved = process.env["TMPDIR"]
      process.env["TMPDIR"] = scratchDir
      const tool = withEngine(Grep, { engine: "ripgrep", rg })
      const output = yield* runTool(tool, { pattern: "needle", output_mode: "count" }).pipe(
        Effect.ensuring(Effect.sync(() => (saved === undefined ? delete process.env["TMPDIR"] : (process.env["TMPDIR"] = saved))))
      )
      expect(readdirSync(scratchDir)).toEqual([])
      rmSync(scratchDir, { recursive: true, force: true })
      expect(output.text).toContain("a.txt:1")
    }).pipe(session()))
})

describe("Grep tool (registry)", () => {
  it("validates its arguments and describes its engines", () => {
    expect(decodeError(Grep, { pattern: "x", output_mode: "lines" })).toBe(
      'output_mode: expected "content" or "files_with_matches" or "count", actual "lines"'
    )
    expect(decodeError(Grep, { pattern: "x", "-A": -1 })).toBe("-A: expected an integer >= 0, actual -1")
    expect(decodeError(Grep, { pattern: "x", head_limit: 0 })).toBe("head_limit: expected an integer >= 1, actual 0")
    expect(Object.keys(Grep.spec.parameters["properties"] ?? {})).toEqual([
      "pattern", "path", "glob", "output_mode", "-B", "-A", "-C", "-n", "-i", "type", "head_limit", "multiline"
    ])
    expect(Grep.spec.description).toContain("ripgrep")
    expect(Grep.readOnly).toBe(true)
  })
})

describe("requiredLiteral (the built-in engine's pre-check)", () => {
  it("finds text every match must contain, and nothing when unsure", () => {
    const cases: ReadonlyArray<readonly [string, string | undefined]> = [
      ["useEffect", "useEffect"],
      ["Effect\\.gen", "Effect.gen"],
      ["export function \\w+", "export function "],
      ["foo|bar", undefined],
      ["colou?r", "colo"],
      ["ab*cdef", "cdef"],
      ["a(bcd)?efg", "efg"],
      ["[abc]+xyz", "xyz"],
      ["x{2,3}yyy", "yyy"],
      ["\\bword\\b", "word"],
      ["interface\\{\\}", "interface{}"],
      ["\\u0041BCD", "BCD"],
      ["a[]]bcd", "bcd"],
      ["(?<=abc)de", undefined],
      ["ab", undefined]
    ]
    for (const [pattern, literal] of cases) expect(requiredLiteral(pattern), pattern).toBe(literal)
  })
})
