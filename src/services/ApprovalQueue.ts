/**
 * Where the interactive prompter puts what the user must see: approval dialogs, and the notices
 * that follow an answer. The prompter offers; the screen (a fiber of the interactive program)
 * takes, one item at a time. So the prompter's logic (previews, rule suggestions, saving rules)
 * is tested with a scripted taker and no terminal, and no layer depends on the screen.
 *
 * The notices travel the same queue as the dialogs (rather than through a service of their own)
 * so that they reach the transcript in the order the prompter sent them, after the dialog they
 * answer and before the call they belong to runs.
 */
import * as Context from "effect/Context"
import type * as Deferred from "effect/Deferred"
import type * as Effect from "effect/Effect"
import type { ApprovalChoice, ApprovalDialog, RuleSuggestion } from "../domain/dialogs.js"

export type NoticeTone = "info" | "warning" | "error"

/**
 * A dialog waiting for the user. The taker completes `taken` first, then shows the dialog
 * unless `answer` is already done, completes `answer` with the choice, and completes `closed`
 * once the dialog is off the screen (or was never shown). The prompter withdraws a request by
 * interrupting `answer` (the taker then closes the dialog), and waits for `closed` if the request
 * was taken, so the dialog is gone when the withdrawal returns.
 */
export interface PendingDialog {
  readonly _tag: "Dialog"
  readonly dialog: ApprovalDialog
  readonly taken: Deferred.Deferred<void>
  readonly answer: Deferred.Deferred<ApprovalChoice>
  readonly closed: Deferred.Deferred<void>
}

/** A notice; `shown` is completed once it is in the transcript. */
export type PendingNotice =
  | {
      /** An "always allow" rule is now in force (shown, and listed by /permissions). */
      readonly _tag: "RuleAdded"
      readonly suggestion: RuleSuggestion
      readonly shown: Deferred.Deferred<void>
    }
  | {
      /** A one-line message in the transcript (e.g. a rule that could not be saved). */
      readonly _tag: "Notice"
      readonly text: string
      readonly tone: NoticeTone
      readonly shown: Deferred.Deferred<void>
    }

export type PendingApproval = PendingDialog | PendingNotice

export interface ApprovalQueueShape {
  /** Prompter side: shows the dialog and waits for the user's choice. Interrupting it withdraws the dialog. */
  readonly ask: (dialog: ApprovalDialog) => Effect.Effect<ApprovalChoice>
  /** Prompter side: an "always allow" rule is now in force; returns once it is shown. */
  readonly ruleAdded: (suggestion: RuleSuggestion) => Effect.Effect<void>
  /** Prompter side: a one-line message in the transcript; returns once it is shown. */
  readonly notify: (text: string, tone: NoticeTone) => Effect.Effect<void>
  /** Screen side: the next item, oldest first (waits for one). */
  readonly take: Effect.Effect<PendingApproval>
}

export class ApprovalQueue extends Context.Tag("letta/ApprovalQueue")<ApprovalQueue, ApprovalQueueShape>() {}
