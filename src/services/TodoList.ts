/** The todo list of this session: replaced as a whole by TodoWrite, watched by the TUI. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import type { TodoItem } from "../domain/todos.js"

export interface TodoListShape {
  /** The list as last written (empty at the start of a session). */
  readonly current: Effect.Effect<ReadonlyArray<TodoItem>>
  readonly replace: (todos: ReadonlyArray<TodoItem>) => Effect.Effect<void>
  /** The current list, then every new one. */
  readonly changes: Stream.Stream<ReadonlyArray<TodoItem>>
}

export class TodoList extends Context.Tag("letta/TodoList")<TodoList, TodoListShape>() {}
