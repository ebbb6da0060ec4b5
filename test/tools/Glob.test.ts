import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { splitGlobPattern } from "../../src/layers/search/glob.js"
import { Glob } from "../../src/tools/Glob.js"
import { link, writeTree } from "../support/fileTree.js"
import { decodeError, runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-glob-")
const session = () => Effect.provide(sessionLayer(temp.path()))
const tree = (files: Readonly<Record<string, string>>) => Effect.promise(() => writeTree(temp.path(), files))
/** The listed paths, relative to the temp dir, in output order. */
const glob = (args: Record<string, unknown>) =>
  Effect.map(runTool(Glob, args), (output) => {
    expect(output.status).toBe("success")
    if (output.text === "No files found") return []
    return output.text.split("\n").map((line) => (line.startsWith(temp.path()) ? line.slice(temp.path().length + 1) : line))
  })

describe("Glob tool", () => {
  it.live("has real glob semantics relative to the search directory, newest first", () =>
    Effect.gen(function* () {
      yield* tree({ "a.ts": "", "b.js": "", "src/x.ts": "", "src/deep/y.ts": "", "src/deep/x.ts": "", "lib/x.ts": "" })
      expect(yield* glob({ pattern: "*.ts" })).toEqual(["a.ts"])
      expect(yield* glob({ pattern: "**/*.ts" })).toEqual(["lib/x.ts", "src/deep/x.ts", "src/deep/y.ts", "src/x.ts", "a.ts"])
      expect(yield* glob({ pattern: "src/**/x.ts" })).toEqual(["src/deep/x.ts", "src/x.ts"])
      expect(yield* glob({ pattern: "**/deep/*.ts" })).toEqual(["src/deep/x.ts", "src/deep/y.ts"])
      expect(yield* glob({ pattern: "*.{js,ts}" })).toEqual(["b.js", "a.ts"])
      expect(yield* glob({ pattern: "*.ts", path: "src" })).toEqual(["src/x.ts"])
      expect(yield* glob({ pattern: "./src/*.ts" })).toEqual(["src/x.ts"])
      expect(yield* glob({ pattern: join(temp.path(), "src/**/y.ts") })).toEqual(["src/deep/y.ts"])
      expect(yield* glob({ pattern: "src/" })).toEqual(["src/deep/x.ts", "src/deep/y.ts", "src/x.ts"])
      expect(yield* glob({ pattern: "**/*.py" })).toEqual([])
    }).pipe(session()))

  it.live("respects .gitignore files at every level, skips .git and does not follow symlinks", () =>
    Effect.gen(function* () {
      yield* tree({
        ".gitignore": "dist/\n*.log\n!keep.log\n/top-only.txt\n",
        "dist/out.js": "",
        "debug.log": "",
        "keep.log": "",
        "top-only.txt": "",
        "sub/top-only.txt": "",
        "sub/.gitignore": "secret.*\n",
        "sub/secret.ts": "",
        "sub/open.ts": "",
        "sub/.ignore": "by-dot-ignore.ts\n",
        "sub/by-dot-ignore.ts": "",
        ".git/config.ts": "",
        "real.ts": ""
      })
      yield* Effect.promise(() => link(temp.path(), "real.ts", "linked.ts"))
      expect(yield* glob({ pattern: "**/*" })).toEqual(["real.ts", "sub/open.ts", "sub/top-only.txt", "keep.log"])
      expect(yield* glob({ pattern: "**/*.ts", path: "sub" })).toEqual(["sub/open.ts"])
    }).pipe(session()))

  it.live("applies ignore files above the search directory, yet searches inside an ignored one", () =>
    Effect.gen(function* () {
      yield* tree({ ".gitignore": "*.gen.ts\nvendor/\n", "src/a.ts": "", "src/a.gen.ts": "", "vendor/lib/v.ts": "", "vendor/lib/v.gen.ts": "" })
      expect(yield* glob({ pattern: "*.ts", path: "src" })).toEqual(["src/a.ts"])
      expect(yield* glob({ pattern: "**/*.ts" })).toEqual(["src/a.ts"])
      expect(yield* glob({ pattern: "**/*.ts", path: "vendor" })).toEqual(["vendor/lib/v.ts"])
    }).pipe(session()))

  it.live("matches hidden entries only where the pattern names them", () =>
    Effect.gen(function* () {
      yield* tree({ ".env": "", ".github/workflows/ci.yml": "", "app/.env": "", "app/main.yml": "", ".hidden/x.yml": "" })
      expect(yield* glob({ pattern: "**/*.yml" })).toEqual(["app/main.yml"])
      expect(yield* glob({ pattern: "**/*" })).toEqual(["app/main.yml"])
      expect(yield* glob({ pattern: "**/.env" })).toEqual(["app/.env", ".env"])
      expect(yield* glob({ pattern: ".github/**/*.yml" })).toEqual([".github/workflows/ci.yml"])
    }).pipe(session()))

  it.live("caps the list at 2000 paths and says how many matched", () =>
    Effect.gen(function* () {
      const dir = join(temp.path(), "many")
      yield* Effect.promise(async () => {
        await mkdir(dir)
        await Promise.all(Array.from({ length: 2003 }, (_, index) => writeFile(join(dir, `f${index}.txt`), "")))
      })
      const output = yield* runTool(Glob, { pattern: "many/*.txt" })
      const lines = output.text.split("\n")
      expect(lines).toHaveLength(2002)
      expect(lines[2001]).toBe(
        "[Showed the 2000 most recently modified of 2003 matching files. Use a narrower pattern or path to see the others.]"
      )
    }).pipe(session()))

  it.live("explains a bad path or pattern", () =>
    Effect.gen(function* () {
      yield* tree({ "file.txt": "" })
      expect(yield* runTool(Glob, { pattern: "*", path: "missing" })).toEqual({
        status: "error",
        text: `Directory does not exist: ${join(temp.path(), "missing")}`
      })
      expect(yield* runTool(Glob, { pattern: "*", path: "file.txt" })).toEqual({
        status: "error",
        text: `${join(temp.path(), "file.txt")} is not a directory; give a directory as path.`
      })
      expect(yield* runTool(Glob, { pattern: " " })).toEqual({
        status: "error",
        text: "pattern is empty; give a glob pattern such as **/*.ts."
      })
      expect(yield* runTool(Glob, { pattern: "nothing/here/*.ts" })).toEqual({ status: "success", text: "No files found" })
    }).pipe(session()))

  it("splits off the literal leading directories of a pattern", () => {
    expect(splitGlobPattern("src/lib/**/*.ts")).toEqual({ base: "src/lib", rest: "**/*.ts" })
    expect(splitGlobPattern("/abs/dir/*.md")).toEqual({ base: "/abs/dir", rest: "*.md" })
    expect(splitGlobPattern("*.ts")).toEqual({ base: "", rest: "*.ts" })
    expect(splitGlobPattern("{a,b}/x.ts")).toEqual({ base: "", rest: "{a,b}/x.ts" })
    expect(splitGlobPattern("docs/readme.md")).toEqual({ base: "docs", rest: "readme.md" })
  })

  it("validates its arguments", () => {
    expect(decodeError(Glob, {})).toBe("pattern is missing")
    expect(Glob.readOnly).toBe(true)
  })
})
