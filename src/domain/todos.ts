/** The session's todo list, as TodoWrite receives it and the TUI shows it. */
import * as Schema from "effect/Schema"

export const TodoStatus = Schema.Literal("pending", "in_progress", "completed")
export type TodoStatus = typeof TodoStatus.Type

export const TodoPriority = Schema.Literal("high", "medium", "low")
export type TodoPriority = typeof TodoPriority.Type

export interface TodoItem {
  readonly id: string
  readonly content: string
  readonly status: TodoStatus
  readonly priority?: TodoPriority
}
