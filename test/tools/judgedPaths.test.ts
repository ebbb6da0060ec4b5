/**
 * The file tools run with the paths as they were judged (JudgedPathsRef): a path whose real
 * location changed since (a symlink made or swapped) is refused, nothing is touched.
 */
import { mkdir, readFile, rename, symlink, unlink, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { judgedPathsOf } from "../../src/permissions/paths.js"
import { JudgedPathsRef } from "../../src/services/Tools.js"
import type { Tool } from "../../src/tools/defineTool.js"
import { Edit } from "../../src/tools/Edit.js"
import { MultiEdit } from "../../src/tools/MultiEdit.js"
import { Read } from "../../src/tools/Read.js"
import { Write } from "../../src/tools/Write.js"
import { runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-judged-")
const at = (name: string) => join(temp.path(), name)
const get = (name: string) => Effect.promise(() => readFile(at(name), "utf8"))
const session = () => Effect.provide(sessionLayer(temp.path()))

/** Judges the call now, runs `change`, then runs the call with the (now stale) judgement. */
const judgeChangeRun = <R>(tool: Tool<R>, args: Readonly<Record<string, unknown>>, change: () => Promise<void>) =>
  Effect.gen(function* () {
    const judged = yield* judgedPathsOf(temp.path(), tool.name, args)
    yield* Effect.promise(change)
    return yield* Effect.locally(runTool(tool, args), JudgedPathsRef, judged)
  })

describe("file tools re-check the judged paths", () => {
  const tools = [
    { tool: Write, args: { file_path: "link.txt", content: "pwned\n" } },
    { tool: Edit, args: { file_path: "link.txt", old_string: "e", new_string: "pwned" } },
    { tool: MultiEdit, args: { file_path: "link.txt", edits: [{ old_string: "e", new_string: "pwned" }] } },
    { tool: Read, args: { file_path: "link.txt" } }
  ] as const
  for (const { tool, args } of tools) {
    it.live(`${tool.name}: a symlink swapped after the decision is refused, nothing touched`, () =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeFile(at("inside.txt"), "inside\n"))
        yield* Effect.promise(() => writeFile(at("secret.txt"), "secret\n"))
        yield* Effect.promise(() => symlink(at("inside.txt"), at("link.txt")))
        // Both were read in this session: only the changed path stands in the way.
        yield* runTool(Read, { file_path: "inside.txt" })
        yield* runTool(Read, { file_path: "secret.txt" })
        const output = yield* judgeChangeRun(tool, args, async () => {
          await unlink(at("link.txt"))
          await symlink(at("secret.txt"), at("link.txt"))
        })
        expect(output).toEqual({
          status: "error",
          text: `refused: ${at("link.txt")} now resolves to ${at("secret.txt")}, not to ${at("inside.txt")} as when this call was approved (a symlink changed); ask again`
        })
        expect(yield* get("secret.txt")).toBe("secret\n")
        expect(yield* get("inside.txt")).toBe("inside\n")
      }).pipe(session()))

    it.live(`${tool.name}: unchanged since the decision, it runs as usual`, () =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeFile(at("inside.txt"), "inside\n"))
        yield* Effect.promise(() => symlink(at("inside.txt"), at("link.txt")))
        yield* runTool(Read, { file_path: "inside.txt" })
        const output = yield* judgeChangeRun(tool, args, async () => {})
        expect(output.status).toBe("success")
      }).pipe(session()))
  }

  it.live("Write: a new file's directory swapped for a symlink after the decision is refused, nothing created", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => mkdir(at("sub")))
      yield* Effect.promise(() => mkdir(at("elsewhere")))
      const output = yield* judgeChangeRun(Write, { file_path: "sub/new.txt", content: "x" }, async () => {
        await rename(at("sub"), at("sub.old"))
        await symlink(at("elsewhere"), at("sub"))
      })
      expect(output.status).toBe("error")
      expect(output.text).toMatch(/^refused: .*sub\/new\.txt now resolves to .*elsewhere\/new\.txt/)
      const created = yield* Effect.promise(() => readFile(at("elsewhere/new.txt"), "utf8").then(() => true, () => false))
      expect(created).toBe(false)
    }).pipe(session()))

  it.live("Write: a symlink created where a new file was judged is refused (the judged path did not exist)", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeFile(at("secret.txt"), "secret\n"))
      yield* runTool(Read, { file_path: "secret.txt" })
      const output = yield* judgeChangeRun(Write, { file_path: "new.txt", content: "pwned\n" }, () => symlink(at("secret.txt"), at("new.txt")))
      expect(output.status).toBe("error")
      expect(output.text).toMatch(/^refused: /)
      expect(yield* get("secret.txt")).toBe("secret\n")
    }).pipe(session()))
})
