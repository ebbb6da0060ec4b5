/** Stream helpers for the turn's steps. */
import * as Channel from "effect/Channel"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/**
 * `Stream.unwrap` without its per-chunk layer: the turn's steps follow one another by this, so
 * the tokens of a late step do not pass through a layer for every step before it.
 */
export const unwrapInPlace = <A, E, R, E2, R2>(effect: Effect.Effect<Stream.Stream<A, E2, R2>, E, R>): Stream.Stream<A, E | E2, R | R2> =>
  Stream.fromChannel(Channel.unwrap(Effect.map(effect, Stream.toChannel)))
