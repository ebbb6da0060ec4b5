/**
 * Pending-approval recovery that leaves other sessions alone: calls an agent waits on are a
 * crashed session's only when no other live letta process works with the agent (its lease,
 * see Settings.agentHolders). While one does, this process waits — saying so — until the agent
 * is idle again or that process is gone, and gives up after a while rather than answer calls
 * that are not its own.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { PendingToolCall } from "../domain/letta.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { pendingCallsOf } from "./turn/turn.js"

const POLL = "500 millis"
/** The server is asked every this many polls (the lease files are read every time). */
const SERVER_EVERY = 4
export const WAIT_LIMIT_MS = 3 * 60_000

const calls = (n: number) => `${n} tool call${n === 1 ? "" : "s"}`

/**
 * The calls this process may answer: all of them when no other live letta works with the
 * agent; after waiting, none (the other process answered them) or what is left when it ended.
 * None when it gave up waiting: the calls are left alone.
 */
export const awaitOtherSessions = (
  agentId: string,
  pending: ReadonlyArray<PendingToolCall>,
  /** Where the notices go (a line without the "letta: " prefix); stderr by default. */
  say?: (line: string) => Effect.Effect<void>
): Effect.Effect<Option.Option<ReadonlyArray<PendingToolCall>>, never, LettaApi | Output | Settings> =>
  Effect.gen(function* () {
    if (pending.length === 0) return Option.some(pending)
    const store = yield* Settings
    let holders = yield* store.agentHolders(agentId)
    if (holders.length === 0) return Option.some(pending)
    const api = yield* LettaApi
    const output = yield* Output
    const tell = say ?? ((line: string) => output.stderr(`letta: ${line}\n`))
    const who = (pids: ReadonlyArray<number>) => `another letta process (pid ${pids.join(", ")})`
    yield* tell(`agent ${agentId} is waiting on ${calls(pending.length)} that ${who(holders)} is handling; not answering them here, waiting for that process...`)
    const deadline = (yield* Clock.currentTimeMillis) + WAIT_LIMIT_MS
    let open = pending
    for (let poll = 1; ; poll++) {
      yield* Effect.sleep(POLL)
      const now = yield* store.agentHolders(agentId)
      if (now.length === 0 || poll % SERVER_EVERY === 0) {
        const agent = yield* api.retrieveAgent(agentId, { includePendingApproval: true }).pipe(Effect.option)
        if (Option.isSome(agent)) open = agent.value.pending_approval ? pendingCallsOf(agent.value.pending_approval) : []
      }
      if (open.length === 0) {
        yield* tell("the other process has answered them; going on.")
        return Option.some(open)
      }
      if (now.length === 0) {
        yield* tell(`the other process (pid ${holders.join(", ")}) ended without answering ${calls(open.length)}; recovering ${open.length === 1 ? "it" : "them"} here.`)
        return Option.some(open)
      }
      holders = now
      if ((yield* Clock.currentTimeMillis) >= deadline) {
        yield* tell(`${who(holders)} is still handling the agent's ${calls(open.length)}; gave up waiting and left ${open.length === 1 ? "it" : "them"} alone.`)
        return Option.none()
      }
    }
  })
