/** TodoWrite: replaces the session's todo list (kept in the TodoList service, shown by the TUI). */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { TodoPriority, TodoStatus, type TodoItem } from "../domain/todos.js"
import { toolError, toolSuccess } from "../domain/tools.js"
import { TodoList } from "../services/TodoList.js"
import { defineTool, expected, optionalParam, param } from "./defineTool.js"

const Todo = Schema.Struct({
  content: param(
    Schema.String.pipe(Schema.minLength(1, { message: expected("a non-empty string") })),
    "What is to be done, as a short imperative sentence."
  ),
  status: param(TodoStatus, "pending, in_progress or completed."),
  id: param(Schema.String, "A stable identifier for this item, unique in the list."),
  priority: optionalParam(TodoPriority, "high, medium or low.")
})

export const TodoWriteParameters = Schema.Struct({
  todos: param(
    Schema.Array(Todo).annotations({ message: expected("an array of todo items") }),
    "The complete new list; it replaces the previous one (an empty list clears it)."
  )
})
export type TodoWriteParameters = typeof TodoWriteParameters.Type

const DESCRIPTION = [
  "Replaces your todo list for this session with the given items. The list is shown to the user; use it to plan and track multi-step work.",
  "",
  "- Send the whole list every time, with each item's current status; items left out are removed.",
  "- At most one item may be in_progress. Mark items completed as soon as they are done.",
  "- Each item needs non-empty content and an id that is unique in the list.",
  "- Changes no files."
].join("\n")

/** Problems with the list, or none. */
export const todoProblems = (todos: ReadonlyArray<TodoItem>): Array<string> => {
  const problems: Array<string> = []
  const seen = new Set<string>()
  todos.forEach((todo, index) => {
    if (todo.content.trim() === "") problems.push(`item ${index + 1}: content is blank`)
    if (todo.id.trim() === "") problems.push(`item ${index + 1}: id is blank`)
    else if (seen.has(todo.id)) problems.push(`item ${index + 1}: id "${todo.id}" is used by an earlier item`)
    seen.add(todo.id)
  })
  const active = todos.filter((todo) => todo.status === "in_progress")
  if (active.length > 1) {
    problems.push(`${active.length} items are in_progress (${active.map((todo) => `"${todo.id}"`).join(", ")}); at most one may be`)
  }
  return problems
}

export const TodoWrite = defineTool({
  name: "TodoWrite",
  description: DESCRIPTION,
  parameters: TodoWriteParameters,
  readOnly: true,
  run: (args) =>
    Effect.gen(function* () {
      const problems = todoProblems(args.todos)
      if (problems.length > 0) return toolError(`The todo list was not changed: ${problems.join("; ")}.`)
      const list = yield* TodoList
      yield* list.replace(args.todos)
      if (args.todos.length === 0) return toolSuccess("Todo list cleared.")
      const count = (status: TodoItem["status"]) => args.todos.filter((todo) => todo.status === status).length
      const active = args.todos.find((todo) => todo.status === "in_progress")
      const summary = `Todo list updated: ${args.todos.length} items (${count("completed")} completed, ${count("in_progress")} in progress, ${count("pending")} pending).`
      return toolSuccess(active === undefined ? summary : `${summary} In progress: ${active.content}`)
    })
})
