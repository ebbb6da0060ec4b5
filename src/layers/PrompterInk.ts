/**
 * The interactive prompter: each call the policy could not decide is put up in the approval
 * dialog with a tool-specific preview and, where one is safe, an "always allow" rule. The
 * dialogs go through the ApprovalQueue, which the interactive program's screen takes from.
 * ExitPlanMode in plan mode gets the plan dialog, whose answer picks the next mode. Calls of
 * one batch arrive one after another; the pipeline answers them together.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { ApprovalChoice, ApprovalDialog } from "../domain/dialogs.js"
import type { PromptAnswer } from "../domain/permissions.js"
import { ApprovalQueue } from "../services/ApprovalQueue.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { type ApprovalRequest, Prompter } from "../services/Prompter.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { rememberRule, suggestRule } from "./prompterInk/alwaysAllow.js"
import { buildPreview } from "./prompterInk/preview.js"

/** Sent when the user says no without saying why. */
export const DEFAULT_REJECTION =
  "The user declined this tool call. Do not retry it; wait for the user to say how to proceed."
export const DEFAULT_PLAN_REJECTION = "The user wants to keep planning. Refine the plan; do not start changing anything yet."

const TITLES: Readonly<Record<string, string>> = {
  Bash: "Run this command?",
  Write: "Write this file?",
  Edit: "Edit this file?",
  MultiEdit: "Edit this file?",
  Read: "Read this file?",
  Glob: "Search for files?",
  Grep: "Search file contents?",
  LS: "List this directory?",
  BashOutput: "Read background command output?",
  KillBash: "Stop this background command?"
}

const planText = (args: ApprovalRequest["args"]): string => {
  const plan = args?.["plan"]
  return typeof plan === "string" && plan.trim().length > 0 ? plan : "(The agent gave no plan text.)"
}

export const PrompterInk: Layer.Layer<Prompter, never, ApprovalQueue | PermissionPolicy | Settings | Workspace | FileSystem.FileSystem> = Layer.effect(
  Prompter,
  Effect.gen(function* () {
    const approvals = yield* ApprovalQueue
    const policy = yield* PermissionPolicy
    const settings = yield* Settings
    const workspace = yield* Workspace
    const fs = yield* FileSystem.FileSystem
    const services = (effect: ReturnType<typeof rememberRule>) =>
      effect.pipe(Effect.provideService(PermissionPolicy, policy), Effect.provideService(Settings, settings))

    const reject = (reason: string, fallback: string): PromptAnswer => ({ _tag: "Reject", reason: reason.trim().length > 0 ? reason.trim() : fallback })

    const askPlan = (request: ApprovalRequest) =>
      Effect.gen(function* () {
        const choice = yield* approvals.ask({ _tag: "Plan", toolCallId: request.toolCallId, plan: planText(request.args) })
        if (choice._tag === "StartCoding") {
          yield* policy.setMode(choice.mode)
          const answer: PromptAnswer = { _tag: "Approve" }
          return answer
        }
        return reject(choice._tag === "No" ? choice.reason : "", DEFAULT_PLAN_REJECTION)
      })

    const askTool = (request: ApprovalRequest) =>
      Effect.gen(function* () {
        const preview = yield* buildPreview(request.toolName, request.args, workspace.projectDir).pipe(Effect.provideService(FileSystem.FileSystem, fs))
        const dialog: ApprovalDialog = {
          _tag: "Tool",
          toolCallId: request.toolCallId,
          toolName: request.toolName,
          title: TITLES[request.toolName] ?? `Allow ${request.toolName}?`,
          preview,
          suggestion: yield* suggestRule({ toolName: request.toolName, args: request.args }, workspace)
        }
        const choice: ApprovalChoice = yield* approvals.ask(dialog)
        switch (choice._tag) {
          case "Yes":
          case "StartCoding":
            return { _tag: "Approve" } satisfies PromptAnswer
          case "Always": {
            if (dialog.suggestion !== undefined) {
              const rule = dialog.suggestion.rule
              const suggestion = dialog.suggestion
              yield* services(rememberRule(suggestion)).pipe(
                Effect.zipRight(approvals.ruleAdded(suggestion)),
                Effect.catchAll((error) =>
                  approvals.notify(`Approved once; the rule ${rule} could not be saved: ${error.problem}`, "warning")
                )
              )
            }
            return { _tag: "Approve" } satisfies PromptAnswer
          }
          case "No":
            return reject(choice.reason, DEFAULT_REJECTION)
        }
      })

    return {
      ask: (request) =>
        Effect.gen(function* () {
          const mode = yield* policy.mode
          return request.toolName === "ExitPlanMode" && mode === "plan" ? yield* askPlan(request) : yield* askTool(request)
        })
    }
  })
)
