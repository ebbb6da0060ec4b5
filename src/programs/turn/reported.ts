/**
 * Work that reports events while it runs — answering paused calls, where read-only tools run
 * concurrently and the user may be asked — as a stream of those events, followed by the stream
 * made from its result. The work runs in its own fiber, tied to the stream: when the stream is
 * interrupted, so is the work (its tools are stopped) before the turn's clean-up runs.
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Stream from "effect/Stream"
import type { TurnEvent } from "../../domain/events.js"
import { unwrapInPlace } from "./streams.js"

const DONE = Symbol("done")

export const reportedThen = <A, E, R, E2, R2>(
  work: (report: (event: TurnEvent) => Effect.Effect<void>) => Effect.Effect<A, E, R>,
  then: (result: A) => Stream.Stream<TurnEvent, E2, R2>
): Stream.Stream<TurnEvent, E | E2, R | R2> =>
  unwrapInPlace(
    Effect.map(Deferred.make<A, E>(), (result) => {
      const events = Stream.unwrapScoped(
        Effect.gen(function* () {
          const reports = yield* Queue.unbounded<TurnEvent | typeof DONE>()
          const report = (event: TurnEvent) => Effect.asVoid(Queue.offer(reports, event))
          yield* Effect.forkScoped(
            Effect.flatMap(Effect.exit(work(report)), (exit) => Effect.zipRight(Deferred.done(result, exit), Queue.offer(reports, DONE)))
          )
          return Stream.repeatEffectOption(
            Effect.flatMap(Queue.take(reports), (item) => (item === DONE ? Effect.fail(Option.none()) : Effect.succeed(item)))
          )
        })
      )
      return Stream.concat(events, unwrapInPlace(Effect.map(Deferred.await(result), then)))
    })
  )
