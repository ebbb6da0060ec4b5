import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { render } from "ink-testing-library"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { PermissionDecision } from "../../../src/domain/permissions.js"
import { KeyboardProvider } from "../../../src/programs/interactive/keyRouting.js"
import {
  activeMention,
  attachMentions,
  completeMention,
  matchFiles,
  mentionedPaths,
  projectFiles,
  readCapped,
  withAttachments
} from "../../../src/programs/interactive/mentions.js"
import { PromptInput } from "../../../src/programs/interactive/PromptInput.js"
import { ThemeProvider } from "../../../src/programs/interactive/theme.js"
import { PermissionPolicy } from "../../../src/services/PermissionPolicy.js"
import { READ_DEFAULT_LIMIT } from "../../../src/tools/Read.js"
import { writeTree } from "../../support/fileTree.js"
import { eventually, keys, plain, press } from "../../support/ink.js"

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "letta-mentions-"))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

/** A policy double deciding Reads by the file's name. */
const pathPolicy = (decide: (path: string) => PermissionDecision) =>
  Layer.succeed(PermissionPolicy, {
    mode: Effect.succeed("default" as const),
    setMode: () => Effect.void,
    decide: ({ args }) => Effect.succeed(decide(String(args?.["file_path"] ?? ""))),
    addSessionRule: () => Effect.void,
    searchFilter: () => Effect.succeed(undefined)
  })

describe("the @ being typed", () => {
  it("is found at the start or after whitespace, up to the cursor", () => {
    expect(activeMention("@sr", 3)).toEqual({ start: 0, query: "sr" })
    expect(activeMention("look at @src/gr", 15)).toEqual({ start: 8, query: "src/gr" })
    expect(activeMention("mail a@b.c", 10)).toBeUndefined()
    expect(activeMention("@src done", 9)).toBeUndefined()
    expect(activeMention("@", 1)).toEqual({ start: 0, query: "" })
  })

  it("completes to the picked path with a space after it", () => {
    const mention = activeMention("see @gre please", 8)!
    expect(completeMention("see @gre please", mention, "src/greet.ts")).toEqual({ text: "see @src/greet.ts please", cursor: 18 })
  })

  it("ranks file-name and contiguous matches first", () => {
    const files = ["docs/great/readme.md", "src/greet.ts", "src/other/g_r_e_e_t.txt", "test/greet.test.ts"]
    expect(matchFiles(files, "greet")[0]).toBe("src/greet.ts")
    expect(matchFiles(files, "gretest")).toEqual(["test/greet.test.ts"])
    expect(matchFiles(files, "zzz")).toEqual([])
  })

  it("lists the project's files by the ignore rules (gitignored and hidden ones left out)", async () => {
    await writeTree(root, {
      ".gitignore": "build/\n*.log\n",
      "src/greet.ts": "x",
      "build/out.js": "x",
      "debug.log": "x",
      ".secret/key": "x"
    })
    expect(await projectFiles(root)).toEqual(["src/greet.ts"])
  })
})

describe("attaching mentioned files", () => {
  it("finds the mentions of a message, once each", () => {
    expect(mentionedPaths("compare @a.ts with @b/c.ts, and @a.ts again; mail x@y.z")).toEqual(["a.ts", "b/c.ts,"])
  })

  it("attaches allowed files and says why others are not", async () => {
    await writeTree(root, { "src/greet.ts": "export const hi = 1\n", ".env": "KEY=secret\n", "notes.md": "ask me\n" })
    const attached = await Effect.runPromise(
      attachMentions("read @src/greet.ts, @.env and @notes.md. Also @nobody", root).pipe(
        Effect.provide(
          pathPolicy((path) =>
            path.endsWith(".env")
              ? { _tag: "Deny", decidedBy: "Read(.env) (project settings)", reason: "Permission denied by rule Read(.env) (project settings)" }
              : path.endsWith("notes.md")
                ? { _tag: "Ask", decidedBy: "Read(notes.md) (user settings)" }
                : { _tag: "Allow", decidedBy: "default: reading inside the project" }
          )
        )
      )
    )
    expect(attached.blocks).toEqual(['<file path="src/greet.ts">\nexport const hi = 1\n</file>'])
    expect(attached.attached).toEqual(["src/greet.ts (1 line)"])
    expect(attached.notices).toEqual([
      "@.env not attached: Permission denied by rule Read(.env) (project settings)",
      "@notes.md not attached: reading it needs approval (Read(notes.md) (user settings))"
    ])
    expect(withAttachments("read it", attached.blocks)).toBe('read it\n\n<file path="src/greet.ts">\nexport const hi = 1\n</file>')
  })

  it("caps a file as Read does and refuses binary files", async () => {
    const long = Array.from({ length: READ_DEFAULT_LIMIT + 5 }, (_, i) => `line ${i + 1}`).join("\n")
    await writeTree(root, { "long.txt": long, "bin.dat": new Uint8Array([0, 1, 2, 0, 5]) })
    const read = await readCapped(join(root, "long.txt"))
    expect(read._tag).toBe("Text")
    if (read._tag === "Text") {
      expect(read.text).toContain(`line ${READ_DEFAULT_LIMIT}\n[Showed lines 1-${READ_DEFAULT_LIMIT} of ${READ_DEFAULT_LIMIT + 5}.`)
      expect(read.text).not.toContain(`line ${READ_DEFAULT_LIMIT + 1}\n`)
    }
    expect(await readCapped(join(root, "bin.dat"))).toEqual({ _tag: "Refused", reason: "it is a binary file" })
  })
})

describe("PromptInput @ menu", () => {
  it("offers matching files after @ and completes with Tab or Enter", async () => {
    await writeTree(root, { ".gitignore": "dist/\n", "src/greet.ts": "x", "src/main.ts": "x", "dist/greet.js": "x" })
    const sent: Array<string> = []
    const app = render(
      <ThemeProvider value={{ colour: false }}>
        <KeyboardProvider hold={false} onUnhandled={() => undefined}>
          <PromptInput history={[]} busy={false} projectDir={root} onSubmit={(text) => sent.push(text)} />
        </KeyboardProvider>
      </ThemeProvider>
    )
    try {
      const screen = () => plain(app.lastFrame())
      await press(app, "explain @gre")
      await eventually(() => expect(screen()).toContain("❯ @src/greet.ts"))
      expect(screen()).not.toContain("dist/greet.js")
      await press(app, keys.tab)
      expect(screen()).toContain("> explain @src/greet.ts")
      expect(screen()).not.toContain("❯ @")
      await press(app, "and @mai")
      await eventually(() => expect(screen()).toContain("❯ @src/main.ts"))
      await press(app, keys.enter)
      expect(sent).toEqual([])
      expect(screen()).toContain("> explain @src/greet.ts and @src/main.ts")
      await press(app, keys.enter)
      expect(sent).toEqual(["explain @src/greet.ts and @src/main.ts "])
    } finally {
      app.unmount()
    }
  })
})
