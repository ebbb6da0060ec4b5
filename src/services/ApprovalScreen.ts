/**
 * Where the interactive prompter shows its dialogs: the terminal UI. Kept apart from the
 * Prompter so the prompter's logic (previews, rule suggestions, saving rules) is tested with
 * scripted answers and no terminal.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { ApprovalChoice, ApprovalDialog, RuleSuggestion } from "../domain/dialogs.js"

export interface ApprovalScreenShape {
  /** Shows the dialog and waits for the user's choice. Interrupting it closes the dialog. */
  readonly present: (dialog: ApprovalDialog) => Effect.Effect<ApprovalChoice>
  /** An "always allow" rule is now in force (shown, and listed by /permissions). */
  readonly ruleAdded: (suggestion: RuleSuggestion) => Effect.Effect<void>
  /** A one-line message in the transcript (e.g. a rule that could not be saved). */
  readonly notify: (text: string, tone: "info" | "warning" | "error") => Effect.Effect<void>
}

export class ApprovalScreen extends Context.Tag("letta/ApprovalScreen")<ApprovalScreen, ApprovalScreenShape>() {}
