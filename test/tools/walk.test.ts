/**
 * Which files the walk behind Glob and the built-in Grep finds when ignore files interact: the
 * same as `rg --files` with the flags Grep gives it (checked against rg when it is installed).
 */
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { walkFiles } from "../../src/tools/search/walk.js"
import { findRipgrep } from "../../src/layers/search/ripgrep.js"
import { writeTree } from "../support/fileTree.js"
import { useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-walk-")
const rg = findRipgrep()

interface Case {
  readonly name: string
  readonly files: Readonly<Record<string, string>>
  /** The directory searched, below the temp dir. */
  readonly root?: string
  readonly found: ReadonlyArray<string>
}

const CASES: ReadonlyArray<Case> = [
  {
    name: "a directory .gitignore excludes and .ignore re-includes is searched",
    files: { ".gitignore": "build/\n", ".ignore": "!build/\n", "build/x.txt": "x", "a.txt": "a" },
    found: ["a.txt", "build/x.txt"]
  },
  {
    name: "build/** with a negated file inside",
    files: { ".gitignore": "build/**\n!build/keep.txt\n", "build/x.txt": "x", "build/keep.txt": "k", "a.txt": "a" },
    found: ["a.txt", "build/keep.txt"]
  },
  {
    name: "a file negated inside an excluded directory stays out",
    files: { ".gitignore": "logs/\n!logs/keep.log\n", "logs/keep.log": "k", "logs/other.log": "o", "a.txt": "a" },
    found: ["a.txt"]
  },
  {
    name: "a nested .gitignore negates an outer pattern",
    files: { ".gitignore": "*.log\n", "sub/.gitignore": "!important.log\n", "sub/important.log": "i", "sub/other.log": "o", "x.log": "x" },
    found: ["sub/important.log"]
  },
  {
    name: "anchored patterns",
    files: { ".gitignore": "/top.txt\nsub/deep/\n", "top.txt": "t", "sub/top.txt": "s", "sub/deep/f.txt": "f", "deep/f.txt": "g" },
    found: ["deep/f.txt", "sub/top.txt"]
  },
  {
    name: "searching inside a directory an outer .gitignore excludes",
    files: { ".gitignore": "foo/\n*.log\n", "foo/bar/x.ts": "x", "foo/bar/z.log": "z", "foo/bar/sub/y.ts": "y" },
    root: "foo/bar",
    found: ["sub/y.ts", "x.ts"]
  },
  {
    name: "an outer pattern naming files inside the searched directory",
    files: { ".gitignore": "foo/bar/*.ts\n", "foo/bar/x.ts": "x", "foo/bar/y.js": "y", "foo/bar/d/z.ts": "z" },
    root: "foo/bar",
    found: ["d/z.ts", "y.js"]
  }
]

const relativeTo = (root: string, paths: ReadonlyArray<string>) => paths.map((path) => path.slice(root.length + 1)).sort()

describe("walkFiles and ignore files", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      await writeTree(temp.path(), c.files)
      const root = c.root === undefined ? temp.path() : join(temp.path(), c.root)
      expect(relativeTo(root, await walkFiles({ root, includeHidden: false }))).toEqual([...c.found].sort())
      if (rg !== undefined) {
        const listed = spawnSync(rg, ["--no-config", "--no-require-git", "--no-ignore-global", "--no-ignore-exclude", "--files", "--glob", "!.git", root], {
          encoding: "utf8"
        })
        expect(relativeTo(root, listed.stdout.split("\n").filter((line) => line !== ""))).toEqual([...c.found].sort())
      }
    })
  }
})
