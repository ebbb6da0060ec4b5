/**
 * The types the store and the screen pass between them: the snapshot React draws from, the
 * dialogs it shows (answered through callbacks), what the user sends, and the terminal handle.
 */
import type { PermissionMode } from "../../domain/config.js"
import type { ApprovalChoice, ApprovalDialog } from "../../domain/dialogs.js"
import type { Item, LiveView } from "./transcript.js"

/** The terminal under the screen: what the store does to it directly, outside Ink's frames. */
export interface ScreenHandle {
  /** Erases the screen and its scrollback; the cursor goes home. */
  readonly clear: () => void
}

export interface Submission {
  /** What is sent (pastes expanded). */
  readonly text: string
  /** What the transcript shows (pastes as placeholders). */
  readonly display: string
}

export type Control = "interrupt" | "cycleMode"

export interface SelectOption {
  readonly value: string
  readonly label: string
  readonly hint?: string
}

export type DialogView =
  | {
      readonly _tag: "Approval"
      readonly dialog: ApprovalDialog
      readonly position: { readonly index: number; readonly total: number } | undefined
      readonly answer: (choice: ApprovalChoice) => void
    }
  | {
      readonly _tag: "Select"
      readonly title: string
      readonly options: ReadonlyArray<SelectOption>
      readonly current: string | undefined
      readonly answer: (value: string | undefined) => void
    }

export interface UiSnapshot {
  /** Items for <Static>; a new `key` means a fresh <Static> holding only new items. */
  readonly staticKey: number
  readonly staticItems: ReadonlyArray<Item>
  readonly live: ReadonlyArray<LiveView>
  readonly busy: { readonly since: number; readonly label: string } | undefined
  readonly dialog: DialogView | undefined
  readonly mode: PermissionMode
  readonly queued: ReadonlyArray<string>
  readonly exiting: boolean
  readonly hint: string | undefined
  /** Approval dialogs may still follow: typed keys wait for them rather than reach the prompt. */
  readonly holdKeys: boolean
  /** Ctrl+O: tool calls show their whole output, not a preview. */
  readonly expanded: boolean
}
