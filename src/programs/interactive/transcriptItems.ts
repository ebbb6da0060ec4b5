/**
 * What the transcript hands the screen: finished items (printed once, in order) and the live
 * views still changing. Data types only; transcript.ts produces them, ItemView.tsx draws them.
 */
import type { Todo } from "./toolFormat.js"

export type Tone = "info" | "warning" | "error" | "success" | "dim"
export type ToolStatus = "pending" | "running" | "success" | "error" | "denied"

export interface PanelLine {
  readonly text: string
  readonly tone?: Tone
  readonly bold?: boolean
  /** Printed before every row of the line (e.g. an indent, or "  │ " for a block's value). */
  readonly prefix?: string
  /** Rows after the first are indented this much more (a table's description column). */
  readonly hang?: number
}

export type Item =
  | { readonly kind: "user"; readonly id: number; readonly text: string }
  | { readonly kind: "assistant"; readonly id: number; readonly markdown: string; readonly first: boolean }
  | { readonly kind: "reasoning"; readonly id: number; readonly text: string; readonly first: boolean }
  | {
      readonly kind: "tool"
      readonly id: number
      readonly toolCallId: string
      readonly name: string
      readonly summary: string
      readonly status: ToolStatus
      readonly preview: ReadonlyArray<string>
      readonly todos: ReadonlyArray<Todo> | undefined
      /** Markdown shown under the call (ExitPlanMode's plan). */
      readonly body: string | undefined
      /** While it runs: the last lines it printed so far (Bash), newest last. */
      readonly live?: ReadonlyArray<string>
      /** Its whole output (the result, or what it printed before an interrupt), for Ctrl+O. */
      readonly output?: string
    }
  | { readonly kind: "notice"; readonly id: number; readonly text: string; readonly tone: Tone }
  | { readonly kind: "panel"; readonly id: number; readonly lines: ReadonlyArray<PanelLine>; readonly box?: boolean }

export type ToolItem = Extract<Item, { kind: "tool" }>

/** What the live area draws. */
export type LiveView =
  | { readonly kind: "streaming"; readonly id: number; readonly textKind: "assistant" | "reasoning"; readonly tail: string; readonly first: boolean }
  | ToolItem
