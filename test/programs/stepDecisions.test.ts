/**
 * Calls of one step are decided one at a time, right before each runs (PRODUCT.md §4–5): a
 * call that changes the file system (an allowed `ln -s`) changes what a later call's path
 * really is, and that later call is judged on the change. And a file tool refuses a path whose
 * real location changed between its decision and its run. Real tools, real policy, temp dirs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { afterEach, beforeEach } from "vitest"
import type { TurnEvent } from "../../src/domain/events.js"
import type { ApprovalAnswer, PendingToolCall } from "../../src/domain/letta.js"
import type { PromptAnswer } from "../../src/domain/permissions.js"
import { PermissionPolicyRules } from "../../src/layers/PermissionPolicyRules.js"
import { SearchAuto } from "../../src/layers/SearchAuto.js"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { makeToolsLayer } from "../../src/layers/ToolsRegistry.js"
import { answerPendingCalls } from "../../src/programs/turn/approvals.js"
import { toolSuccess } from "../../src/domain/tools.js"
import { PermissionPolicy } from "../../src/services/PermissionPolicy.js"
import { type ApprovalRequest, Prompter } from "../../src/services/Prompter.js"
import { Tools } from "../../src/services/Tools.js"
import { Workspace } from "../../src/services/Workspace.js"
import { makeDirs, type TempDirs } from "../permissions/support.js"

let dirs: TempDirs
/** Outside the project: nothing in these tests may change it. */
let outside = ""
beforeEach(() => {
  dirs = makeDirs()
  outside = join(dirs.root, "outside")
  mkdirSync(outside)
  writeFileSync(join(outside, "target.txt"), "outside\n")
  // Edit-denied but readable; and a Read-denied directory.
  mkdirSync(join(dirs.project, "protected"))
  writeFileSync(join(dirs.project, "protected", "f.txt"), "protected\n")
  mkdirSync(join(dirs.project, "private"))
  writeFileSync(join(dirs.project, "private", "key.txt"), "s3cret\n")
})
afterEach(() => dirs.cleanup())

interface Options {
  readonly mode?: "default" | "acceptEdits"
  readonly allowedTools?: ReadonlyArray<string>
  /** The user's answer to each dialog (default: approve Read, reject the rest). */
  readonly answer?: (request: ApprovalRequest) => PromptAnswer
}

const approveReads = (request: ApprovalRequest): PromptAnswer =>
  request.toolName === "Read" ? { _tag: "Approve" } : { _tag: "Reject", reason: "no" }

/** Answers the calls of one step with the real tools and policy; records the dialogs and events. */
const answer = (calls: ReadonlyArray<PendingToolCall>, options: Options = {}) => {
  const asked: Array<string> = []
  const events: Array<TurnEvent> = []
  const base = Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dirs.project, homeDir: dirs.home }))
  const policy = PermissionPolicyRules({
    mode: options.mode ?? "acceptEdits",
    allowedTools: options.allowedTools ?? ["Bash(ln:*)", "Bash(mkdir:*)"],
    disallowedTools: ["Edit(protected/**)", "Read(private/**)"],
    settings: { user: {}, project: {}, local: {} }
  }).pipe(Layer.provide(base))
  const tools = makeToolsLayer(undefined).pipe(Layer.provide(Layer.mergeAll(base, ShellNode, SearchAuto, policy)))
  const prompter = Layer.succeed(Prompter, {
    ask: (request) =>
      Effect.sync(() => {
        asked.push(request.toolName)
        return (options.answer ?? approveReads)(request)
      })
  })
  const layer = Layer.mergeAll(tools, policy, prompter)
  return answerPendingCalls(calls, (event) => Effect.sync(() => void events.push(event))).pipe(
    Effect.provide(layer),
    Effect.map((answers) => ({ answers, asked, events }))
  )
}

let counter = 0
const call = (name: string, args: Readonly<Record<string, unknown>>): PendingToolCall => ({
  toolCallId: `call-${++counter}`,
  name,
  arguments: JSON.stringify(args)
})
const bash = (command: string) => call("Bash", { command })

/** The file-tool calls that write `path` (new content "pwned"), for a file that exists or not. */
const writers = (path: string, exists: boolean): ReadonlyArray<PendingToolCall> => [
  call("Write", { file_path: path, content: "pwned\n" }),
  call("Edit", exists ? { file_path: path, old_string: "e", new_string: "pwned" } : { file_path: path, old_string: "", new_string: "pwned\n" }),
  call("MultiEdit", {
    file_path: path,
    edits: [exists ? { old_string: "e", new_string: "pwned" } : { old_string: "", new_string: "pwned\n" }]
  })
]

const isDenial = (answer: ApprovalAnswer | undefined) => answer?.type === "approval" && !answer.approve
const read = (path: string) => readFileSync(path, "utf8")

describe("one step: each call is decided after the earlier calls that change the file system ran", () => {
  // Where the link leads, and how the file tool reaches it: through a symlinked file that exists
  // (read first, so only the permission stands in the way) or a new file in a symlinked directory.
  const places = [
    { name: "outside the project", dir: () => outside, file: () => join(outside, "target.txt"), denied: false },
    { name: "into the Edit-denied protected/", dir: () => join(dirs.project, "protected"), file: () => join(dirs.project, "protected", "f.txt"), denied: true }
  ]
  for (const place of places) {
    for (const tool of ["Write", "Edit", "MultiEdit"]) {
      it.live(`${tool} through a symlinked FILE made earlier in the step, ${place.name}: not allowed, nothing written`, () =>
        Effect.gen(function* () {
          const before = read(place.file())
          const writer = writers("link.txt", true).find((c) => c.name === tool)!
          const { answers, asked } = yield* answer([
            call("Read", { file_path: place.file() }),
            bash(`ln -s ${place.file()} link.txt`),
            writer
          ])
          expect(answers[0]).toMatchObject({ type: "tool", status: "success" })
          expect(answers[1]).toMatchObject({ type: "tool", status: "success" })
          expect(isDenial(answers[2])).toBe(true)
          if (place.denied) expect(answers[2]).toMatchObject({ reason: expect.stringContaining("Permission denied by rule Edit(protected/**)") })
          else expect(asked).toContain(tool)
          expect(read(place.file())).toBe(before)
        }))

      it.live(`${tool} into a symlinked DIRECTORY made earlier in the step, ${place.name}: not allowed, nothing created`, () =>
        Effect.gen(function* () {
          const writer = writers("alias/new.txt", false).find((c) => c.name === tool)!
          const { answers, asked } = yield* answer([bash(`ln -s ${place.dir()} alias`), writer])
          expect(answers[0]).toMatchObject({ type: "tool", status: "success" })
          expect(isDenial(answers[1])).toBe(true)
          if (!place.denied) expect(asked).toEqual([tool])
          expect(existsSync(join(place.dir(), "new.txt"))).toBe(false)
        }))
    }
  }

  it.live("Read through a symlinked file or directory to a Read-denied file, made earlier in the step: denied", () =>
    Effect.gen(function* () {
      const key = join(dirs.project, "private", "key.txt")
      const { answers } = yield* answer([
        bash(`ln -s ${key} link.txt`),
        call("Read", { file_path: "link.txt" }),
        bash(`ln -s ${join(dirs.project, "private")} pub`),
        call("Read", { file_path: "pub/key.txt" })
      ])
      expect(answers.map((a) => a.type === "approval" && !a.approve && a.reason)).toEqual([
        false,
        "Permission denied by rule Read(private/**) (--disallowedTools)",
        false,
        "Permission denied by rule Read(private/**) (--disallowedTools)"
      ])
      expect(JSON.stringify(answers)).not.toContain("s3cret")
    }))

  it.live("legitimate sequences still work: mkdir, then Write into it; events in call order", () =>
    Effect.gen(function* () {
      const { answers, asked, events } = yield* answer([bash("mkdir x"), call("Write", { file_path: "x/f", content: "hi\n" })])
      expect(answers.map((a) => a.type === "tool" && a.status)).toEqual(["success", "success"])
      expect(asked).toEqual([])
      expect(read(join(dirs.project, "x", "f"))).toBe("hi\n")
      expect(events.map((e) => e._tag)).toEqual(["AutoApproval", "ToolStarted", "ToolResult", "AutoApproval", "ToolStarted", "ToolResult"])
    }))
})

describe("a path whose real location changed between the decision and the run is refused", () => {
  /** The user approves the file tool; while its dialog was open, `swap` changed the file system. */
  const swapWhileAsking = (swap: () => void) => (request: ApprovalRequest): PromptAnswer => {
    if (request.toolName !== "Read") swap()
    return { _tag: "Approve" }
  }

  for (const tool of ["Write", "Edit", "MultiEdit"]) {
    it.live(`${tool}: the symlinked file swapped to point outside during the dialog → refused, nothing changed`, () =>
      Effect.gen(function* () {
        const inside = join(dirs.project, "inside.txt")
        writeFileSync(inside, "inside\n")
        const link = join(dirs.project, "link.txt")
        symlinkSync(inside, link)
        const target = join(outside, "target.txt")
        const swap = () => {
          unlinkSync(link)
          symlinkSync(target, link)
        }
        // The outside file was read (approved), so only the permission stands in the way.
        const writer = writers("link.txt", true).find((c) => c.name === tool)!
        const { answers } = yield* answer([call("Read", { file_path: target }), writer], { mode: "default", answer: swapWhileAsking(swap) })
        expect(answers[0]).toMatchObject({ type: "tool", status: "success" })
        expect(answers[1]).toMatchObject({
          type: "tool",
          status: "error",
          tool_return: `refused: ${link} now resolves to ${target}, not to ${inside} as when this call was approved (a symlink changed); ask again`
        })
        expect(read(target)).toBe("outside\n")
        expect(read(inside)).toBe("inside\n")
      }))
  }

  it.live("Write: its directory swapped for a symlink to outside during the dialog → refused, nothing created", () =>
    Effect.gen(function* () {
      const sub = join(dirs.project, "sub")
      mkdirSync(sub)
      const swap = () => {
        renameSync(sub, `${sub}.old`)
        symlinkSync(outside, sub)
      }
      const { answers } = yield* answer([call("Write", { file_path: "sub/new.txt", content: "x" })], { mode: "default", answer: swapWhileAsking(swap) })
      expect(answers[0]).toMatchObject({ type: "tool", status: "error", tool_return: expect.stringMatching(/^refused: /) })
      expect(existsSync(join(outside, "new.txt"))).toBe(false)
      expect(existsSync(join(`${sub}.old`, "new.txt"))).toBe(false)
    }))
})

describe("the order of decisions and runs (test doubles)", () => {
  /** "Look" only reads (takes a while); "Change" writes. Everything is logged in order. */
  const doubles = (log: Array<string>) => {
    const tools = Layer.succeed(Tools, {
      specs: ["Look", "Change"].map((name) => ({ name, description: name, parameters: { type: "object" } })),
      decode: (_name, raw) => ({ _tag: "Valid", args: { id: raw } }),
      isReadOnly: (name) => name === "Look",
      locate: () => Effect.succeed(undefined),
      execute: (name, args) =>
        Effect.gen(function* () {
          log.push(`start ${String(args["id"])}`)
          if (name === "Look") yield* Effect.sleep("30 millis")
          log.push(`end ${String(args["id"])}`)
          return toolSuccess(String(args["id"]))
        })
    })
    const policy = Layer.succeed(PermissionPolicy, {
      mode: Effect.succeed("default" as const),
      setMode: () => Effect.void,
      decide: ({ args }) => Effect.sync(() => {
        log.push(`decide ${String(args?.["id"])}`)
        return { _tag: "Allow" as const, decidedBy: "test" }
      }),
      addSessionRule: () => Effect.void,
      searchFilter: () => Effect.succeed(undefined)
    })
    const prompter = Layer.succeed(Prompter, { ask: () => Effect.die("no dialogs here") })
    return Layer.mergeAll(tools, policy, prompter)
  }
  const named = (name: string, id: string): PendingToolCall => ({ toolCallId: id, name, arguments: id })

  it.live("read-only calls are decided as a group and run concurrently; a writer runs before the next call is decided", () =>
    Effect.gen(function* () {
      const log: Array<string> = []
      const calls = [named("Look", "a"), named("Look", "b"), named("Change", "w"), named("Look", "c"), named("Change", "v")]
      const answers = yield* answerPendingCalls(calls, () => Effect.void).pipe(Effect.provide(doubles(log)))
      expect(answers.map((a) => a.tool_call_id)).toEqual(["a", "b", "w", "c", "v"])
      expect(log).toEqual([
        "decide a",
        "decide b",
        "decide w",
        // a and b run together: both start before either ends.
        "start a",
        "start b",
        "end a",
        "end b",
        "start w",
        "end w",
        // c is decided only after w changed what it changes.
        "decide c",
        "decide v",
        "start c",
        "end c",
        "start v",
        "end v"
      ])
    }))
})
