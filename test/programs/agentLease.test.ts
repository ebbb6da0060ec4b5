/**
 * Recovery leaves another live session's calls alone: it waits while that session holds the
 * agent, goes on when the calls are answered or the session is gone, and gives up (leaving the
 * calls) after its limit, saying so each time.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Option, TestClock } from "effect"
import type { AgentInfo, PendingToolCall } from "../../src/domain/letta.js"
import { awaitOtherSessions, WAIT_LIMIT_MS } from "../../src/programs/agentLease.js"
import { LettaApi, type LettaApiShape } from "../../src/services/LettaApi.js"
import { Settings, type SettingsShape } from "../../src/services/Settings.js"
import { collectingOutput } from "../support/testLayers.js"

const CALL: PendingToolCall = { toolCallId: "call-1", name: "Bash", arguments: '{"command":"sleep 60"}' }

const world = () => {
  const state = { holders: [4242] as ReadonlyArray<number>, pending: true }
  const agent = (): AgentInfo =>
    ({
      id: "agent-1",
      pending_approval: state.pending
        ? { message_type: "approval_request_message", tool_calls: [{ tool_call_id: "call-1", name: "Bash", arguments: CALL.arguments }] }
        : null
    }) as unknown as AgentInfo
  const api = { retrieveAgent: () => Effect.sync(agent) } as unknown as LettaApiShape
  const settings = { agentHolders: () => Effect.sync(() => state.holders) } as unknown as SettingsShape
  const output = collectingOutput()
  const layer = Layer.mergeAll(Layer.succeed(LettaApi, api), Layer.succeed(Settings, settings), output.layer)
  return { state, layer, stderr: output.stderr }
}

describe("awaitOtherSessions", () => {
  it.effect("no other live session: every call is this one's to answer, nothing said", () =>
    Effect.gen(function* () {
      const w = world()
      w.state.holders = []
      const ours = yield* awaitOtherSessions("agent-1", [CALL]).pipe(Effect.provide(w.layer))
      expect(ours).toEqual(Option.some([CALL]))
      expect(w.stderr).toEqual([])
    }))

  it.effect("waits while the other session lives, and goes on once it has answered", () =>
    Effect.gen(function* () {
      const w = world()
      const fiber = yield* Effect.fork(awaitOtherSessions("agent-1", [CALL]).pipe(Effect.provide(w.layer)))
      yield* TestClock.adjust("10 seconds")
      expect(fiber.unsafePoll()).toBeNull()
      expect(w.stderr.join("")).toContain("another letta process (pid 4242) is handling; not answering them here")
      w.state.pending = false
      yield* TestClock.adjust("3 seconds")
      expect(yield* Fiber.join(fiber)).toEqual(Option.some([]))
      expect(w.stderr.join("")).toContain("the other process has answered them; going on.")
    }))

  it.effect("the other session ended without answering: the calls are recovered here", () =>
    Effect.gen(function* () {
      const w = world()
      const fiber = yield* Effect.fork(awaitOtherSessions("agent-1", [CALL]).pipe(Effect.provide(w.layer)))
      yield* TestClock.adjust("2 seconds")
      w.state.holders = []
      yield* TestClock.adjust("1 second")
      expect(yield* Fiber.join(fiber)).toEqual(Option.some([CALL]))
      expect(w.stderr.join("")).toContain("ended without answering 1 tool call; recovering it here.")
    }))

  it.effect("gives up after its limit and leaves the calls alone", () =>
    Effect.gen(function* () {
      const w = world()
      const fiber = yield* Effect.fork(awaitOtherSessions("agent-1", [CALL]).pipe(Effect.provide(w.layer)))
      yield* TestClock.adjust(WAIT_LIMIT_MS + 2_000)
      expect(yield* Fiber.join(fiber)).toEqual(Option.none())
      expect(w.stderr.join("")).toContain("gave up waiting and left it alone")
    }))
})
