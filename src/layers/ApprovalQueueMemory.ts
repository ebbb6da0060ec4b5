/** ApprovalQueue in memory, for one session (one layer build): an unbounded queue of dialogs and notices. */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Queue from "effect/Queue"
import type { ApprovalChoice, ApprovalDialog, RuleSuggestion } from "../domain/dialogs.js"
import { ApprovalQueue, type NoticeTone, type PendingApproval, type PendingDialog } from "../services/ApprovalQueue.js"

/** The prompter stopped waiting: the taker skips the dialog, or closes it if it is on screen (waited for). */
const withdraw = (request: PendingDialog) =>
  Effect.gen(function* () {
    // Interrupted first, `taken` read second (the taker does the reverse): one of the two sides
    // always sees the other, so a dialog is never left on screen.
    yield* Deferred.interrupt(request.answer)
    if (yield* Deferred.isDone(request.taken)) yield* Deferred.await(request.closed)
  })

export const ApprovalQueueMemory: Layer.Layer<ApprovalQueue> = Layer.effect(
  ApprovalQueue,
  Effect.map(Queue.unbounded<PendingApproval>(), (queue) => {
    /** Offers a notice and waits until the screen has shown it. */
    const show = (notice: (shown: Deferred.Deferred<void>) => PendingApproval) =>
      Effect.flatMap(Deferred.make<void>(), (shown) => Effect.zipRight(Queue.offer(queue, notice(shown)), Deferred.await(shown)))
    return ApprovalQueue.of({
      ask: (dialog: ApprovalDialog) =>
        // Offered and watched in one step: an interruption cannot leave an unwatched request behind.
        Effect.uninterruptibleMask((restore) =>
          Effect.gen(function* () {
            const request: PendingDialog = {
              _tag: "Dialog",
              dialog,
              taken: yield* Deferred.make<void>(),
              answer: yield* Deferred.make<ApprovalChoice>(),
              closed: yield* Deferred.make<void>()
            }
            yield* Queue.offer(queue, request)
            return yield* restore(Deferred.await(request.answer)).pipe(Effect.onInterrupt(() => withdraw(request)))
          })
        ),
      ruleAdded: (suggestion: RuleSuggestion) => show((shown) => ({ _tag: "RuleAdded", suggestion, shown })),
      notify: (text: string, tone: NoticeTone) => show((shown) => ({ _tag: "Notice", text, tone, shown })),
      take: Queue.take(queue)
    })
  })
)
