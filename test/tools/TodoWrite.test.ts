import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { TodoListMemory } from "../../src/layers/TodoListMemory.js"
import { TodoList } from "../../src/services/TodoList.js"
import { TodoWrite } from "../../src/tools/TodoWrite.js"
import { decodeError, runTool } from "../support/toolHarness.js"

const current = Effect.flatMap(TodoList, (list) => list.current)
const withList = Effect.provide(Layer.fresh(TodoListMemory))

describe("TodoWrite tool", () => {
  it.effect("replaces the session's list and summarises it", () =>
    Effect.gen(function* () {
      expect(yield* current).toEqual([])
      const todos = [
        { id: "1", content: "Read the code", status: "completed", priority: "high" },
        { id: "2", content: "Write the fix", status: "in_progress" },
        { id: "3", content: "Run the tests", status: "pending", priority: "low" }
      ]
      expect(yield* runTool(TodoWrite, { todos })).toEqual({
        status: "success",
        text: "Todo list updated: 3 items (1 completed, 1 in progress, 1 pending). In progress: Write the fix"
      })
      expect(yield* current).toEqual(todos)
      expect(yield* runTool(TodoWrite, { todos: [{ id: "3", content: "Run the tests", status: "completed" }] })).toEqual({
        status: "success",
        text: "Todo list updated: 1 items (1 completed, 0 in progress, 0 pending)."
      })
      expect(yield* runTool(TodoWrite, { todos: [] })).toEqual({ status: "success", text: "Todo list cleared." })
      expect(yield* current).toEqual([])
    }).pipe(withList))

  it.effect("refuses an invalid list and keeps the previous one", () =>
    Effect.gen(function* () {
      yield* runTool(TodoWrite, { todos: [{ id: "a", content: "keep me", status: "pending" }] })
      expect(
        yield* runTool(TodoWrite, {
          todos: [
            { id: "1", content: "one", status: "in_progress" },
            { id: "1", content: "  ", status: "in_progress" }
          ]
        })
      ).toEqual({
        status: "error",
        text: 'The todo list was not changed: item 2: content is blank; item 2: id "1" is used by an earlier item; 2 items are in_progress ("1", "1"); at most one may be.'
      })
      expect(yield* current).toEqual([{ id: "a", content: "keep me", status: "pending" }])
    }).pipe(withList))

  it("validates its arguments", () => {
    expect(decodeError(TodoWrite, { todos: [{ id: "1", content: "", status: "pending" }] })).toBe(
      'todos.0.content: expected a non-empty string, actual ""'
    )
    expect(decodeError(TodoWrite, { todos: "none" })).toBe('todos: expected an array of todo items, actual "none"')
    expect(decodeError(TodoWrite, { todos: [{ id: "1", content: "x", status: "done" }] })).toBe(
      'todos.0.status: expected "pending" or "in_progress" or "completed", actual "done"'
    )
    expect(decodeError(TodoWrite, { todos: [{ content: "x", status: "pending", priority: "urgent" }] })).toBe(
      'todos.0.id is missing; todos.0.priority: expected "high" or "medium" or "low", actual "urgent"'
    )
    expect(TodoWrite.readOnly).toBe(true)
  })
})
