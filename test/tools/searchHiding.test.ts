/**
 * Grep, Glob and LS over a directory leave out what deny and ask rules cover (PRODUCT.md §5.3),
 * with the real permission engine, for both Grep engines.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { PermissionPolicyRules } from "../../src/layers/PermissionPolicyRules.js"
import { SearchAuto } from "../../src/layers/SearchAuto.js"
import { findRipgrep } from "../../src/layers/search/ripgrep.js"
import { Workspace } from "../../src/services/Workspace.js"
import { Glob } from "../../src/tools/Glob.js"
import { Grep } from "../../src/tools/Grep.js"
import { LS } from "../../src/tools/LS.js"
import { writeTree } from "../support/fileTree.js"
import { type EngineChoice, runTool, useTempDir, withEngine } from "../support/toolHarness.js"

const temp = useTempDir("letta-hiding-")

const TREE: Readonly<Record<string, string>> = {
  ".env": "TOKEN=secret-env\n",
  ".env.example": "TOKEN=example\n",
  "keys/prod.pem": "TOKEN=secret-key\n",
  "src/a.ts": "const TOKEN = 'fine'\n"
}

const withRules = (permissions: { readonly deny?: ReadonlyArray<string>; readonly ask?: ReadonlyArray<string> }) => {
  const dir = temp.path()
  const workspace = Layer.succeed(Workspace, { projectDir: dir, homeDir: dir })
  const policy = PermissionPolicyRules({
    mode: "default",
    allowedTools: [],
    disallowedTools: [],
    settings: { user: {}, project: { permissions: permissions }, local: {} }
  }).pipe(Layer.provide(Layer.merge(NodeContext.layer, workspace)), Layer.orDie)
  return Effect.provide(Layer.mergeAll(NodeContext.layer, workspace, policy, SearchAuto))
}

const rg = findRipgrep()
const engines: ReadonlyArray<readonly [string, EngineChoice]> = [
  ["built-in engine", { engine: "builtin" }],
  ...(rg === undefined ? [] : [["ripgrep", { engine: "ripgrep", rg }] as const])
]

for (const [label, choice] of engines) {
  describe(`Grep (${label})`, () => {
    const grep = withEngine(Grep, choice)

    it.effect("leaves out denied files and says how many, by which rule", () =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeTree(temp.path(), TREE))
        const output = yield* runTool(grep, { pattern: "TOKEN", glob: "{.env*,*.pem,*.ts}", output_mode: "content" })
        const dir = temp.path()
        const [found, notes] = output.text.split("\n\n")
        expect(found?.split("\n").sort()).toEqual([`${dir}/.env.example:1:TOKEN=example`, `${dir}/src/a.ts:1:const TOKEN = 'fine'`])
        // Denials first, then the rules that ask: the same order whichever file was found first.
        expect(notes).toBe(
          [
            "[1 matching file left out: denied by Read(.env) (project settings).]",
            "[1 matching file left out: Read(keys/**) (project settings) asks before each read; name it in a call of its own to ask for access.]"
          ].join("\n")
        )
      }).pipe(withRules({ deny: ["Read(.env)"], ask: ["Read(keys/**)"] })))

    it.effect("a file named as the path is judged by the call's own decision, not hidden", () =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeTree(temp.path(), TREE))
        const output = yield* runTool(grep, { pattern: "TOKEN", path: "keys/prod.pem", output_mode: "content" })
        expect(output.text).toBe(`${temp.path()}/keys/prod.pem:1:TOKEN=secret-key`)
      }).pipe(withRules({ ask: ["Read(keys/**)"] })))

    it.effect("says nothing when nothing matched in the covered files", () =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeTree(temp.path(), TREE))
        const output = yield* runTool(grep, { pattern: "fine" })
        expect(output.text).toBe(`${temp.path()}/src/a.ts`)
      }).pipe(withRules({ deny: ["Read(.env)", "Read(keys)"] })))
  })
}

describe("Glob and LS", () => {
  it.effect("Glob leaves out covered files", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeTree(temp.path(), TREE))
      const output = yield* runTool(Glob, { pattern: "**/*.{pem,ts}" })
      expect(output.text).toBe(`${temp.path()}/src/a.ts\n\n[1 matching file left out: denied by Read(keys/**) (project settings).]`)
    }).pipe(withRules({ deny: ["Read(keys/**)"] })))

  it.effect("Glob over the covered directory itself was the call's decision: nothing hidden", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeTree(temp.path(), TREE))
      const output = yield* runTool(Glob, { pattern: "*.pem", path: "keys" })
      expect(output.text).toBe(`${temp.path()}/keys/prod.pem`)
    }).pipe(withRules({ ask: ["Read(keys/**)"] })))

  it.effect("LS leaves out covered entries, a covered directory with all it holds", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeTree(temp.path(), TREE))
      const output = yield* runTool(LS, {})
      expect(output.text).toBe(
        [
          `- ${temp.path()}/`,
          "  - src/",
          "    - a.ts",
          "  - .env.example",
          "",
          "[1 entry left out: denied by Read(.env) (project settings).]",
          "[1 entry left out: denied by Read(keys/**) (project settings).]"
        ].join("\n")
      )
    }).pipe(withRules({ deny: ["Read(.env)", "Read(keys/**)"] })))
})
