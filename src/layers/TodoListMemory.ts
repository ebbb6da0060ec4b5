/** TodoList in memory, for one session (one layer build). */
import { Effect, Layer, SubscriptionRef } from "effect"
import type { TodoItem } from "../domain/todos.js"
import { TodoList } from "../services/TodoList.js"

export const TodoListMemory: Layer.Layer<TodoList> = Layer.effect(
  TodoList,
  Effect.map(SubscriptionRef.make<ReadonlyArray<TodoItem>>([]), (ref) =>
    TodoList.of({
      current: SubscriptionRef.get(ref),
      replace: (todos) => SubscriptionRef.set(ref, todos),
      changes: ref.changes
    })
  )
)
