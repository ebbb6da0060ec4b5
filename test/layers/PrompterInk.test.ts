import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Layer } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { PermissionMode } from "../../src/domain/config.js"
import type { ApprovalChoice, ApprovalDialog, RuleSuggestion } from "../../src/domain/dialogs.js"
import type { LocalSettings } from "../../src/domain/settings.js"
import { DEFAULT_PLAN_REJECTION, DEFAULT_REJECTION, PrompterInk } from "../../src/layers/PrompterInk.js"
import { ApprovalQueue } from "../../src/services/ApprovalQueue.js"
import { PermissionPolicy } from "../../src/services/PermissionPolicy.js"
import { type ApprovalRequest, Prompter } from "../../src/services/Prompter.js"
import { Settings } from "../../src/services/Settings.js"
import { Workspace } from "../../src/services/Workspace.js"

let project = ""
beforeEach(async () => {
  const root = await realpath(await mkdtemp(join(tmpdir(), "letta-prompter-")))
  project = join(root, "project")
  await mkdir(join(project, "src"), { recursive: true })
  await writeFile(join(project, "src", "a.ts"), "const a = 1\nconst b = 2\nconst c = 3\n")
})
afterEach(async () => {
  await rm(join(project, ".."), { recursive: true, force: true })
})

/** Runs one `ask` with the user answering `choice`; returns the answer and what happened. */
const ask = (request: ApprovalRequest, choice: ApprovalChoice, mode: PermissionMode = "default") => {
  const dialogs: Array<ApprovalDialog> = []
  const added: Array<RuleSuggestion> = []
  const sessionRules: Array<string> = []
  const modes: Array<PermissionMode> = []
  let local: LocalSettings = {}
  let current = mode
  const layer = PrompterInk.pipe(
    Layer.provide(
      Layer.mergeAll(
        Layer.succeed(ApprovalQueue, {
          ask: (dialog) => Effect.sync(() => (dialogs.push(dialog), choice)),
          ruleAdded: (suggestion) => Effect.sync(() => void added.push(suggestion)),
          notify: () => Effect.void,
          take: Effect.never
        }),
        Layer.succeed(PermissionPolicy, {
          mode: Effect.sync(() => current),
          setMode: (next) => Effect.sync(() => void modes.push((current = next))),
          decide: () => Effect.die("not used"),
          addSessionRule: (rule) => Effect.sync(() => void sessionRules.push(rule)),
          searchFilter: () => Effect.die("not used")
        }),
        Layer.succeed(Settings, {
          paths: { user: "u", project: "p", local: "l" },
          load: Effect.die("not used"),
          updateUser: () => Effect.die("not used"),
          updateProject: () => Effect.die("not used"),
          updateLocal: (update) => Effect.sync(() => (local = update(local))),
          modifyUser: () => Effect.die("not used"),
          modifyProject: () => Effect.die("not used"),
          checkWritable: Effect.die("not used"),
          holdAgent: () => Effect.die("not used"),
          agentHolders: () => Effect.die("not used")
        }),
        Layer.succeed(Workspace, { projectDir: project, homeDir: join(project, "..") }),
        NodeContext.layer
      )
    )
  )
  return Effect.runPromise(Effect.flatMap(Prompter, (prompter) => prompter.ask(request)).pipe(Effect.provide(layer))).then((answer) => ({
    answer,
    dialog: dialogs[0],
    added,
    sessionRules,
    modes,
    local: () => local
  }))
}

const bash = (command: string): ApprovalRequest => ({ toolName: "Bash", toolCallId: "c1", args: { command, description: "Show changes" } })

describe("PrompterInk", () => {
  it("shows a Bash command with the engine's suggestion; yes approves once", async () => {
    const result = await ask(bash("git diff --stat"), { _tag: "Yes" })
    expect(result.answer).toEqual({ _tag: "Approve" })
    expect(result.dialog).toMatchObject({
      _tag: "Tool",
      title: "Run this command?",
      preview: { _tag: "Command", command: "git diff --stat", description: "Show changes" },
      suggestion: { rule: "Bash(git diff:*)", scope: "local" }
    })
    expect(result.sessionRules).toEqual([])
  })

  it("'always' applies the rule now and keeps it in the local settings", async () => {
    const result = await ask(bash("git diff --stat"), { _tag: "Always" })
    expect(result.answer).toEqual({ _tag: "Approve" })
    expect(result.sessionRules).toEqual(["Bash(git diff:*)"])
    expect(result.local().permissions?.allow).toEqual(["Bash(git diff:*)"])
    expect(result.added.map((a) => a.rule)).toEqual(["Bash(git diff:*)"])
  })

  it("a destructive command is never kept past the session", async () => {
    const result = await ask(bash("rm -rf build"), { _tag: "Always" })
    expect(result.dialog?._tag === "Tool" && result.dialog.suggestion?.scope).toBe("session")
    expect(result.sessionRules).toEqual(["Bash(rm -rf build)"])
    expect(result.local().permissions).toBeUndefined()
  })

  it("no sends the user's reason, or a default one", async () => {
    expect((await ask(bash("ls"), { _tag: "No", reason: "  use find  " })).answer).toEqual({ _tag: "Reject", reason: "use find" })
    expect((await ask(bash("ls"), { _tag: "No", reason: "" })).answer).toEqual({ _tag: "Reject", reason: DEFAULT_REJECTION })
  })

  it("previews an Edit as a unified diff of the file", async () => {
    const result = await ask(
      { toolName: "Edit", toolCallId: "e1", args: { file_path: "src/a.ts", old_string: "const b = 2", new_string: "const b = 20" } },
      { _tag: "Yes" }
    )
    expect(result.dialog).toMatchObject({
      title: "Edit this file?",
      preview: {
        _tag: "Diff",
        path: "src/a.ts",
        added: 1,
        removed: 1,
        note: undefined,
        lines: [
          { kind: "hunk", text: "@@ -1,3 +1,3 @@" },
          { kind: "context", text: "const a = 1" },
          { kind: "remove", text: "const b = 2" },
          { kind: "add", text: "const b = 20" },
          { kind: "context", text: "const c = 3" }
        ]
      },
      suggestion: { rule: "Edit(src/**)", scope: "local" }
    })
  })

  it("says why an edit will fail, and previews MultiEdit and new files", async () => {
    const missing = await ask({ toolName: "Edit", toolCallId: "e1", args: { file_path: "src/a.ts", old_string: "nope", new_string: "x" } }, { _tag: "Yes" })
    expect(missing.dialog?._tag === "Tool" && missing.dialog.preview._tag === "Diff" && missing.dialog.preview.note).toMatch(/not found/)

    const multi = await ask(
      {
        toolName: "MultiEdit",
        toolCallId: "m1",
        args: { file_path: join(project, "src/a.ts"), edits: [{ old_string: "1", new_string: "one" }, { old_string: "3", new_string: "three" }] }
      },
      { _tag: "Yes" }
    )
    expect(multi.dialog).toMatchObject({ preview: { added: 2, removed: 2, path: "src/a.ts" } })

    const created = await ask({ toolName: "Write", toolCallId: "w1", args: { file_path: "src/new.ts", content: "x\ny\n" } }, { _tag: "Yes" })
    expect(created.dialog).toMatchObject({ title: "Write this file?", preview: { added: 2, removed: 0, note: "New file." } })
  })

  it("shows reads as their path or pattern", async () => {
    const result = await ask({ toolName: "Grep", toolCallId: "g1", args: { pattern: "TODO", path: "/etc" } }, { _tag: "Yes" })
    expect(result.dialog).toMatchObject({
      title: "Search file contents?",
      preview: { _tag: "Fields", fields: [{ label: "Pattern", value: "TODO" }, { label: "Path", value: "/etc" }] }
    })
  })

  it("ExitPlanMode in plan mode opens the plan dialog; its answer picks the next mode", async () => {
    const plan: ApprovalRequest = { toolName: "ExitPlanMode", toolCallId: "p1", args: { plan: "1. do it" } }
    const accept = await ask(plan, { _tag: "StartCoding", mode: "acceptEdits" }, "plan")
    expect(accept.dialog).toEqual({ _tag: "Plan", toolCallId: "p1", plan: "1. do it" })
    expect(accept.answer).toEqual({ _tag: "Approve" })
    expect(accept.modes).toEqual(["acceptEdits"])

    const keep = await ask(plan, { _tag: "No", reason: "" }, "plan")
    expect(keep.answer).toEqual({ _tag: "Reject", reason: DEFAULT_PLAN_REJECTION })
    expect(keep.modes).toEqual([])

    const outside = await ask(plan, { _tag: "Yes" }, "default")
    expect(outside.dialog?._tag).toBe("Tool")
  })
})
