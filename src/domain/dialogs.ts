/**
 * The interactive approval dialog as data: what it shows for one tool
 * call and what the user chose. Built by the Ink prompter, drawn by the TUI.
 */
import type { PermissionMode } from "./config.js"

export interface DiffLine {
  readonly kind: "add" | "remove" | "context" | "hunk"
  readonly text: string
}

export type ApprovalPreview =
  /** Bash: the command line (and the agent's description of it). */
  | { readonly _tag: "Command"; readonly command: string; readonly description: string | undefined }
  /** Write/Edit/MultiEdit: the change as a unified diff of the file. */
  | {
      readonly _tag: "Diff"
      readonly path: string
      readonly lines: ReadonlyArray<DiffLine>
      readonly added: number
      readonly removed: number
      /** Why the diff is partial or approximate (e.g. the text to replace is not in the file). */
      readonly note: string | undefined
    }
  /** Read/Glob/Grep/LS and others: labelled values (path, pattern, …). */
  | { readonly _tag: "Fields"; readonly fields: ReadonlyArray<{ readonly label: string; readonly value: string }> }

/** The "always allow" offer: the rule, where it would be kept, and the option's text. */
export interface RuleSuggestion {
  readonly rule: string
  readonly scope: "local" | "session"
  readonly label: string
}

export type ApprovalDialog =
  | {
      readonly _tag: "Tool"
      readonly toolCallId: string
      readonly toolName: string
      readonly title: string
      readonly preview: ApprovalPreview
      readonly suggestion: RuleSuggestion | undefined
    }
  /** ExitPlanMode while in plan mode: approve the plan (and pick the next mode) or keep planning. */
  | { readonly _tag: "Plan"; readonly toolCallId: string; readonly plan: string }

export type ApprovalChoice =
  | { readonly _tag: "Yes" }
  | { readonly _tag: "Always" }
  /** `reason` is empty when the user gave none. */
  | { readonly _tag: "No"; readonly reason: string }
  /** Plan dialog: approved, continuing in this mode. */
  | { readonly _tag: "StartCoding"; readonly mode: Extract<PermissionMode, "acceptEdits" | "default"> }

export const scopeLabel = (scope: RuleSuggestion["scope"]): string => (scope === "local" ? "in this project" : "for this session")
