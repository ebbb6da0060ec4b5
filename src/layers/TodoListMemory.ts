/** TodoList in memory, for one session (one layer build). */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as SubscriptionRef from "effect/SubscriptionRef"
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
