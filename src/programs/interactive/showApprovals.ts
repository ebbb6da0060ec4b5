/**
 * The screen's side of the ApprovalQueue: takes what the prompter offers, one item at a time, and
 * shows it in the store. A second dialog waits in the queue until the first is answered.
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import { ApprovalQueue, type PendingApproval, type PendingDialog } from "../../services/ApprovalQueue.js"
import type { UiStore } from "./store.js"

const showDialog = (ui: UiStore, request: PendingDialog) =>
  Effect.gen(function* () {
    // Taken first, `answer` read second (the prompter does the reverse when it withdraws).
    yield* Deferred.succeed(request.taken, undefined)
    // Withdrawn while it waited in the queue: never shown.
    if (yield* Deferred.isDone(request.answer)) return
    yield* Effect.raceFirst(
      Effect.flatMap(ui.present(request.dialog), (choice) => Deferred.succeed(request.answer, choice)),
      // Withdrawn while on screen: `present` is interrupted, which closes the dialog.
      Effect.exit(Deferred.await(request.answer))
    )
  }).pipe(Effect.ensuring(Deferred.succeed(request.closed, undefined)))

const showOne = (ui: UiStore, item: PendingApproval): Effect.Effect<void> => {
  switch (item._tag) {
    case "Dialog":
      return showDialog(ui, item)
    case "RuleAdded":
      return Effect.zipRight(ui.ruleAdded(item.suggestion), Deferred.succeed(item.shown, undefined))
    case "Notice":
      return Effect.zipRight(ui.notify(item.text, item.tone), Deferred.succeed(item.shown, undefined))
  }
}

/** Runs for the whole session (forked in its scope). */
export const showApprovals = (ui: UiStore): Effect.Effect<never, never, ApprovalQueue> =>
  Effect.flatMap(ApprovalQueue, (queue) => Effect.forever(Effect.flatMap(queue.take, (item) => showOne(ui, item))))
