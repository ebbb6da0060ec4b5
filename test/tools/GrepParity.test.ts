/**
 * The built-in Grep engine against ripgrep on the same tree, for many option combinations:
 * the outputs must be identical. Runs only where `rg` is on PATH.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { findRipgrep } from "../../src/layers/search/ripgrep.js"
import { Grep } from "../../src/tools/Grep.js"
import { writeTree } from "../support/fileTree.js"
import { describeNeeding } from "../support/requiredProgram.js"
import { runTool, sessionLayer, useTempDir, withEngine } from "../support/toolHarness.js"

const temp = useTempDir("letta-grep-parity-")
const rg = findRipgrep()

const TREE: Readonly<Record<string, string | Uint8Array>> = {
  ".gitignore": "*.log\nbuild/\n!important.log\n/rootonly.txt\n",
  ".rgignore": "rg-ignored.txt\n",
  "rg-ignored.txt": "TODO hidden by .rgignore\n",
  "debug.log": "TODO debug\n",
  "important.log": "TODO important\n",
  "rootonly.txt": "TODO root only\n",
  "build/out.js": "TODO build\n",
  "sub/.gitignore": "*.tmp\n!keep.tmp\n",
  "sub/.ignore": "by-dot-ignore.txt\n",
  "sub/by-dot-ignore.txt": "TODO dot ignore\n",
  "sub/rootonly.txt": "TODO not root\n",
  "sub/keep.tmp": "TODO keep\n",
  "sub/other.tmp": "TODO other\n",
  "sub/deep/er/file.ts": "export const word = 1\nconst sword = 2 // TODO\n  return word\n",
  "src/app.ts": "import { a } from './a'\n\nfunction start() {\n  // TODO: start\n  return a + 123\n}\n\nfunction end() {\n  return 456 // end\n}\n",
  "src/view.tsx": "export const View = () => <div>TODO view 😀</div>\n",
  "src/a.js": "const a = 1;\nmodule.exports = a; // todo lowercase\n",
  "src/crlf.txt": "first TODO\r\nsecond line\r\nthird TODO\r\n",
  "src/nonewline.txt": "no newline at the end TODO",
  "src/empty.txt": "",
  "src/blank.txt": "\n\n\n",
  "src/unicode.md": "# Café\n\nnaïve TODO — émoji 😀\nÉCOLE école\n",
  "src/long.txt": `start ${"z".repeat(800)} TODO ${"z".repeat(100)}\nshort TODO\n`,
  "src/many.txt": Array.from({ length: 30 }, (_, index) => `line ${index} ${index % 3 === 0 ? "foo" : "bar"} ${index % 5 === 0 ? "TODO" : ""}\n`).join(""),
  "src/bom.txt": "\uFEFFTODO after bom\nsecond\n",
  "src/with space.py": "def f():\n    pass  # TODO space\n",
  "src/Makefile": "all:\n\t@echo TODO make\n",
  "src/Dockerfile": "FROM node\nRUN echo TODO\n",
  "src/late-nul.txt": `${"text TODO line\n".repeat(6000)}\u0000binary tail TODO\n`,
  "src/early-nul.bin": "TODO\u0000\u0001\u0002",
  ".hidden.ts": "TODO hidden file\n",
  ".config/settings.ts": "TODO hidden dir\n",
  "docs/guide.md": "Guide\nstart here\nthen end\nTODO docs\n"
}

type Args = Record<string, unknown>

const QUERIES: ReadonlyArray<Args> = [
  { pattern: "TODO" },
  { pattern: "TODO", output_mode: "count" },
  { pattern: "TODO", output_mode: "content" },
  { pattern: "todo", "-i": true, output_mode: "content" },
  { pattern: "TODO", output_mode: "content", "-C": 2 },
  { pattern: "TODO|foo", output_mode: "content", "-A": 1, path: "src/many.txt" },
  { pattern: "foo", output_mode: "content", "-B": 3, "-n": false, path: "src" },
  { pattern: "^\\s*return", output_mode: "content" },
  { pattern: "\\bword\\b", output_mode: "content" },
  { pattern: "[0-9]{3}", output_mode: "count" },
  { pattern: "é|😀", output_mode: "content" },
  { pattern: "^$", output_mode: "count" },
  { pattern: "", output_mode: "count", path: "src" },
  { pattern: "TODO$", output_mode: "content" },
  { pattern: "foo", output_mode: "content", head_limit: 3, path: "src" },
  { pattern: "TODO", head_limit: 2 },
  { pattern: "TODO", glob: "*.ts" },
  { pattern: "TODO", glob: "/src/*.ts" },
  { pattern: "TODO", glob: "!sub/" },
  { pattern: "TODO", glob: "sub/" },
  { pattern: "TODO", glob: "[!a-m]*.txt" },
  { pattern: "école", "-i": true, output_mode: "content" },
  { pattern: "TODO", output_mode: "content", "-C": 1, head_limit: 7 },
  { pattern: "TODO", glob: "*.{ts,tsx}", output_mode: "content" },
  { pattern: "TODO", glob: "sub/**" },
  { pattern: "TODO", glob: "!*.txt" },
  { pattern: "TODO", glob: "**/deep/**" },
  { pattern: "TODO", glob: ".hidden.ts" },
  { pattern: "TODO", glob: "*.log" },
  { pattern: "TODO", glob: "*.tmp" },
  { pattern: "TODO", type: "ts" },
  { pattern: "TODO", type: "py", output_mode: "content" },
  { pattern: "TODO", type: "make" },
  { pattern: "TODO", type: "docker" },
  { pattern: "TODO", type: "md", glob: "*.txt" },
  { pattern: "TODO", path: "sub" },
  { pattern: "TODO", path: "build" },
  { pattern: "TODO", path: "src/crlf.txt", output_mode: "content" },
  { pattern: "start[\\s\\S]*?end", multiline: true, output_mode: "content" },
  { pattern: "function.*\\}", multiline: true, output_mode: "content", path: "src/app.ts" },
  { pattern: "\\{\\n\\s+//", multiline: true, output_mode: "content", "-C": 1 },
  { pattern: "foo.\\n.*bar", multiline: true, output_mode: "count" },
  { pattern: "^line \\d+ foo", multiline: true, output_mode: "content", "-A": 1 },
  { pattern: "TODO", multiline: true, output_mode: "count" },
  { pattern: "(unclosed" },
  { pattern: "a{2,1}" }
]

describeNeeding("rg (ripgrep)", rg !== undefined)("Grep engines agree", () => {
  it.live("gives identical output from ripgrep and the built-in engine", () =>
    Effect.gen(function* () {
      yield* Effect.promise(async () => {
        await writeTree(temp.path(), TREE)
        await mkdir(join(temp.path(), "linked"))
        await symlink(join(temp.path(), "src"), join(temp.path(), "linked", "src-dir"))
        await symlink(join(temp.path(), "src", "app.ts"), join(temp.path(), "linked", "app-link.ts"))
        await writeFile(join(temp.path(), "linked", "real.txt"), "TODO real\n")
      })
      const builtin = withEngine(Grep, { engine: "builtin" })
      const ripgrep = withEngine(Grep, rg === undefined ? { engine: "builtin" } : { engine: "ripgrep", rg })
      for (const query of QUERIES) {
        const ours = yield* runTool(builtin, query)
        const theirs = yield* runTool(ripgrep, query)
        if (query["pattern"] === "(unclosed" || query["pattern"] === "a{2,1}") {
          expect(ours.status, JSON.stringify(query)).toBe(theirs.status)
          continue
        }
        expect(ours, JSON.stringify(query)).toEqual(theirs)
        expect(ours.status).toBe("success")
      }
    }).pipe(Effect.provide(sessionLayer(temp.path()))))
})
