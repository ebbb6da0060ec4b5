/**
 * `letta memory show|set|history|revert`, in-process: each reaches the scripted server with the
 * block the settings name for it, prints what the server returns, and refuses bad input first.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { describe, expect, it } from "vitest"
import type { BlockChange } from "../../src/domain/localState.js"
import type { BlockInfo } from "../../src/domain/letta.js"
import type { AllSettings } from "../../src/domain/settings.js"
import { apiWith, runCli, tempProject } from "../support/cliHarness.js"

const SERVER = "http://fake"

/** Settings naming this server's three shared blocks. */
const SETTINGS: Partial<AllSettings> = {
  user: {
    globalSharedBlockIds: { persona: "block-p", human: "block-h" },
    globalSharedBlockIdsByServer: { [SERVER]: { persona: "block-p", human: "block-h" } }
  },
  project: { localSharedBlockIds: { project: "block-j" }, localSharedBlockIdsByServer: { [SERVER]: { project: "block-j" } } }
}

const BLOCKS: Record<string, BlockInfo> = {
  "block-p": { id: "block-p", label: "persona", value: "I am helpful.", description: null, limit: 5000 },
  "block-h": { id: "block-h", label: "human", value: "Prefers tabs.", description: null, limit: 5000 },
  "block-j": { id: "block-j", label: "project", value: "x".repeat(4600), description: null, limit: 5000 }
}

/** A server holding BLOCKS; `updates` records each new value. */
const blockServer = () => {
  const updates: Array<readonly [string, string]> = []
  const api = apiWith({
    retrieveBlock: (id) => Effect.sync(() => BLOCKS[id]!),
    updateBlockValue: (id, value) =>
      Effect.sync(() => {
        updates.push([id, value])
        return { ...BLOCKS[id]!, value }
      })
  })
  return { api, updates }
}

const USAGE_HINT = "\nRun 'letta --help' for usage."

describe("letta memory show", () => {
  it("all three blocks, each with its id and how full it is", async () => {
    const run = await runCli(["memory", "show"], { api: blockServer().api, settings: SETTINGS })
    expect(run).toMatchObject({ code: 0, message: "", stderr: "" })
    expect(run.stdout).toBe(
      [
        "\u2500\u2500 persona (block-p) \u00b7 13 of 5,000 characters (0%) \u2500\u2500\nI am helpful.",
        "\u2500\u2500 human (block-h) \u00b7 13 of 5,000 characters (0%) \u2500\u2500\nPrefers tabs.",
        `\u2500\u2500 project (block-j) \u00b7 4,600 of 5,000 characters (92%) \u00b7 near its limit \u2500\u2500\n${"x".repeat(4600)}`
      ].join("\n\n") + "\n"
    )
  })

  it("one block: the value alone on stdout, its use on stderr; --backend reaches the backend", async () => {
    const run = await runCli(["memory", "show", "human", "--backend", "cloud"], { api: blockServer().api, settings: SETTINGS })
    expect(run).toMatchObject({ code: 0, stdout: "Prefers tabs.\n", stderr: "human: 13 of 5,000 characters (0%)\n" })
    expect(run.chosen).toEqual([{ backend: Option.some("cloud"), settingsFile: Option.none() }])
  })

  it("before any agent made the blocks: says what to do, exit 1", async () => {
    const run = await runCli(["memory", "show"])
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      message: "letta: No memory block yet for this project on http://fake.\nBlocks are created with the first agent: run `letta -p ...` once."
    })
  })

  it("an unknown label is a usage error before the backend is asked", async () => {
    const run = await runCli(["memory", "show", "secrets"])
    expect(run).toMatchObject({ code: 2, chosen: [], message: `letta: Unknown memory block "secrets". Shared blocks: persona, human, project.${USAGE_HINT}` })
  })

  it("letta memory alone names its subcommands", async () => {
    const run = await runCli(["memory"])
    expect(run).toMatchObject({
      code: 2,
      message: `letta: 'letta memory' needs a subcommand: 'letta memory show', 'letta memory set', 'letta memory history', 'letta memory revert'.${USAGE_HINT}`
    })
  })
})

describe("letta memory set", () => {
  it("replaces the block with a file's text, or piped text", async () => {
    const workspace = tempProject()
    const file = join(workspace.projectDir, "notes.md")
    writeFileSync(file, "Uses pnpm.\n")
    const server = blockServer()
    const fromFile = await runCli(["memory", "set", "project", "--file", file], { api: server.api, settings: SETTINGS, workspace })
    workspace.remove()
    expect(fromFile).toMatchObject({ code: 0, stdout: "", stderr: 'Updated memory block "project" (block-j): 11 characters.\n' })
    const piped = await runCli(["memory", "set", "human"], { api: server.api, settings: SETTINGS, stdin: { isTTY: false, text: "Likes tea.\n" } })
    expect(piped).toMatchObject({ code: 0, stderr: 'Updated memory block "human" (block-h): 11 characters.\n' })
    expect(server.updates).toEqual([
      ["block-j", "Uses pnpm.\n"],
      ["block-h", "Likes tea.\n"]
    ])
  })

  it("refuses empty text, no text on a terminal and unknown labels, before any request", async () => {
    const server = blockServer()
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, { readonly isTTY: true } | { readonly isTTY: false; readonly text: string }, string]> = [
      [["memory", "set", "human"], { isTTY: false, text: "  \n" }, "The new text is empty; refusing to erase the block."],
      [["memory", "set", "human"], { isTTY: true }, "Give the new text with --file <path> or pipe it in: letta memory set human < notes.md"],
      [["memory", "set", "secrets"], { isTTY: false, text: "x" }, 'Unknown memory block "secrets". Shared blocks: persona, human, project.']
    ]
    for (const [args, stdin, message] of cases) {
      const run = await runCli(args, { api: server.api, settings: SETTINGS, stdin })
      expect(run, args.join(" ")).toMatchObject({ code: 2, stdout: "", chosen: [], message: `letta: ${message}${USAGE_HINT}` })
    }
    expect(server.updates).toEqual([])
  })
})

describe("letta memory history / revert", () => {
  const change = (n: number, value: string, previous: string | undefined, source: BlockChange["source"]): BlockChange => ({
    n,
    blockId: "block-h",
    at: `2025-03-0${n}T10:00:00.000Z`,
    value,
    previous,
    description: "",
    source
  })

  it("history lists the block's changes, newest first", async () => {
    const asked: Array<string> = []
    const api = apiWith({
      blockHistory: (id) =>
        Effect.sync(() => {
          asked.push(id)
          return Option.some([change(2, "Prefers tabs.", "Prefers spaces.", { kind: "user" }), change(1, "Prefers spaces.", undefined, { kind: "create" })])
        })
    })
    const run = await runCli(["--backend", "local", "memory", "history", "human"], { api, settings: SETTINGS })
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout).toBe(
      ['  2  2025-03-02 10:00:00  you (letta memory set): replaced "space" with "tab"', "  1  2025-03-01 10:00:00  created (15 characters)", ""].join("\n")
    )
    expect(asked).toEqual(["block-h"])
  })

  it("revert asks for the change given and reports it", async () => {
    const reverted: Array<readonly [string, number]> = []
    const api = apiWith({
      revertBlock: (id, n) =>
        Effect.sync(() => {
          reverted.push([id, n])
          return Option.some(BLOCKS["block-p"]!)
        })
    })
    const run = await runCli(["memory", "revert", "persona", "3"], { api, settings: SETTINGS })
    expect(run).toMatchObject({
      code: 0,
      stdout: "",
      stderr: 'Reverted change 3 of memory block "persona": it has the value from before that change again (13 characters).\n'
    })
    expect(reverted).toEqual([["block-p", 3]])
  })

  it("a server without block history says so, exit 1", async () => {
    const api = apiWith({ blockHistory: () => Effect.succeed(Option.none()), revertBlock: () => Effect.succeed(Option.none()) })
    const message =
      "letta: This Letta server keeps only the current value of a memory block, not its history.\nBlock history and revert come with the local backend: letta --backend local memory history <label>."
    expect(await runCli(["memory", "history", "human"], { api, settings: SETTINGS })).toMatchObject({ code: 1, stdout: "", message })
    expect(await runCli(["memory", "revert", "human", "1"], { api, settings: SETTINGS })).toMatchObject({ code: 1, stdout: "", message })
  })

  it("revert needs a whole number (the framework's words)", async () => {
    const run = await runCli(["memory", "revert", "human", "x"], { settings: SETTINGS })
    expect(run).toMatchObject({ code: 2, chosen: [], message: `letta: 'x' is not a integer${USAGE_HINT}` })
  })
})
