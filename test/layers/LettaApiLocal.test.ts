/**
 * The local backend with mocked models: what a Letta server does, in-process — memory tools
 * running in the loop, client tools pausing the run, approvals continuing it, the errors a
 * server gives, context compilation and compaction.
 */
import { afterEach, describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Stream from "effect/Stream"
import type { ApiError } from "../../src/domain/errors.js"
import { type MessageItem, newOtid, type SendMessageBody } from "../../src/domain/letta.js"
import { DEFAULT_BLOCKS } from "../../src/domain/memory.js"
import { LettaApi } from "../../src/services/LettaApi.js"
import { LocalStore } from "../../src/services/LocalStore.js"
import { call, localApi, say, type ScriptedModelReply, scriptedModels, tempDatabase } from "../support/localBackend.js"

const READ_TOOL = { name: "Read", description: "Read a file", parameters: { type: "object", properties: { file_path: { type: "string" } } } }

const user = (text: string): MessageItem => ({ type: "message", role: "user", content: [{ type: "text", text }], otid: newOtid() })
const body = (messages: ReadonlyArray<MessageItem>, extra: Partial<SendMessageBody> = {}): SendMessageBody => ({
  messages,
  client_tools: [READ_TOOL],
  stream_tokens: true,
  ...extra
})

let cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

const setUp = (replies: Array<ScriptedModelReply>, window?: number) => {
  const db = tempDatabase()
  cleanups.push(db.cleanup)
  const models = scriptedModels(replies, window)
  const run = <A, E>(effect: Effect.Effect<A, E, LettaApi | LocalStore>) => Effect.runPromise(Effect.scoped(Effect.provide(effect, localApi(db.path, models.layer))))
  const runExit = <A, E>(effect: Effect.Effect<A, E, LettaApi | LocalStore>) =>
    Effect.runPromiseExit(Effect.scoped(Effect.provide(effect, localApi(db.path, models.layer))))
  return { run, runExit, requests: models.requests }
}

/** A new agent with the three default blocks. */
const newAgent = Effect.gen(function* () {
  const api = yield* LettaApi
  const blocks = yield* Effect.forEach(["persona", "human", "project"] as const, (label) =>
    api.createBlock({ label, value: DEFAULT_BLOCKS[label].value, description: DEFAULT_BLOCKS[label].description, limit: DEFAULT_BLOCKS[label].limit })
  )
  const agent = yield* api.createAgent({ name: "t", system: "SYSTEM", model: "test/model", block_ids: blocks.map((b) => b.id), tools: ["memory", "conversation_search"], tags: ["origin:letta-code"] })
  return { agentId: agent.id, blocks }
})

/** Sends and collects every chunk of the stream. */
const send = (agentId: string, request: SendMessageBody) =>
  Effect.flatMap(LettaApi, (api) =>
    Effect.scoped(Effect.flatMap(api.sendMessage(agentId, request), (stream) => Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)))
  )

const types = (chunks: ReadonlyArray<{ message: { message_type: string } }>) => chunks.map((c) => c.message.message_type).filter((t) => t !== "ping")

describe("LettaApiLocal", () => {
  it("answers a message: text chunks, end_turn, usage; the next request has the history", async () => {
    const { run, requests } = setUp([say("Hello there."), say("Again.")])
    const chunks = await run(
      Effect.gen(function* () {
        const { agentId } = yield* newAgent
        const first = yield* send(agentId, body([user("hi")]))
        yield* send(agentId, body([user("and again")]))
        return first
      })
    )
    expect(types(chunks)).toEqual(["assistant_message", "stop_reason", "usage_statistics"])
    expect(requests[0]!.system).toContain("SYSTEM")
    expect(requests[0]!.system).toContain("<memory_blocks>")
    expect(requests[0]!.tools.map((t) => t.name)).toEqual(expect.arrayContaining(["Read", "memory", "memory_replace", "conversation_search"]))
    expect(requests[1]!.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"])
  })

  it("runs memory tools in the loop and shows the new value in the next step's system prompt", async () => {
    const { run, requests } = setUp([call("memory_insert", { label: "human", new_string: "Prefers pnpm." }), say("Noted.")])
    const { chunks, history } = await run(
      Effect.gen(function* () {
        const { agentId, blocks } = yield* newAgent
        const chunks = yield* send(agentId, body([user("I like pnpm")]))
        const history = yield* Effect.flatMap(LettaApi, (api) => api.blockHistory(blocks[1]!.id))
        return { chunks, history }
      })
    )
    expect(types(chunks)).toContain("tool_return_message")
    expect(types(chunks).slice(-2)).toEqual(["stop_reason", "usage_statistics"])
    expect(requests[1]!.system).toContain("Prefers pnpm.")
    expect(requests[1]!.messages.at(-1)).toMatchObject({ role: "tool", isError: false })
    expect(history._tag === "Some" && history.value[0]!.source).toMatchObject({ kind: "tool", tool: "memory_insert" })
  })

  it("pauses on a client tool; the approval continues the run; a message while pending is a 409", async () => {
    const { run, runExit, requests } = setUp([call("Read", { file_path: "a.txt" }, "call_1"), say("The file says hi."), say("Still hi.")])
    const agentId = await run(Effect.map(newAgent, (a) => a.agentId))
    const first = await run(send(agentId, body([user("read a.txt")])))
    expect(types(first).slice(-2)).toEqual(["stop_reason", "usage_statistics"])
    expect(first.find((c) => c.message.message_type === "stop_reason")!.message.stop_reason).toBe("requires_approval")
    const pending = await run(Effect.flatMap(LettaApi, (api) => api.retrieveAgent(agentId, { includePendingApproval: true })))
    expect(pending.pending_approval?.message_type).toBe("approval_request_message")

    const conflict = await runExit(send(agentId, body([user("something else")])))
    expect(Exit.isFailure(conflict) && (conflict.cause as { error?: ApiError }).error).toMatchObject({ status: 409, code: "PENDING_APPROVAL" })

    const wrongIds = await runExit(send(agentId, body([{ type: "approval", otid: newOtid(), approvals: [{ type: "approval", tool_call_id: "call_x", approve: false, reason: "no" }] }])))
    expect(Exit.isFailure(wrongIds) && JSON.stringify(wrongIds.cause)).toContain("Invalid tool call IDs")

    const approval = body([{ type: "approval", otid: newOtid(), approvals: [{ type: "tool", tool_call_id: "call_1", status: "success", tool_return: "hi" }] }])
    const second = await run(send(agentId, approval))
    expect(second.find((c) => c.message.message_type === "stop_reason")!.message.stop_reason).toBe("end_turn")
    expect(requests[1]!.messages.at(-1)).toMatchObject({ role: "tool", toolCallId: "call_1", output: "hi" })
    // The same approval again (a request retried after a failed model call) is not applied twice.
    await run(send(agentId, approval))
    const toolRows = await run(Effect.flatMap(LocalStore, (store) => store.recentMessages(agentId, 50)))
    expect(toolRows.filter((row) => row.body._tag === "tool")).toHaveLength(1)
  })

  it("cancelling the run an agent is paused on denies its calls, as a Letta server does", async () => {
    const { run, requests } = setUp([call("Read", { file_path: "a.txt" }, "call_9"), say("after")])
    const agentId = await run(Effect.map(newAgent, (a) => a.agentId))
    const first = await run(send(agentId, body([user("read it")])))
    const runId = first.find((c) => typeof c.message.run_id === "string")!.message.run_id!
    await run(Effect.flatMap(LettaApi, (api) => api.cancelRuns(agentId, [runId])))
    const agent = await run(Effect.flatMap(LettaApi, (api) => api.retrieveAgent(agentId, { includePendingApproval: true })))
    expect(agent.pending_approval ?? null).toBeNull()
    await run(send(agentId, body([user("next")])))
    expect(requests.length).toBe(2)
    expect(requests[1]!.messages.find((m) => m.role === "tool")).toMatchObject({ toolCallId: "call_9", isError: true })
  })

  it("stops at max_steps while the model keeps calling its own tools", async () => {
    const { run } = setUp([call("conversation_search", { query: "x" }), call("conversation_search", { query: "y" }), say("never")])
    const chunks = await run(Effect.flatMap(newAgent, ({ agentId }) => send(agentId, body([user("go")], { max_steps: 2 }))))
    expect(chunks.find((c) => c.message.message_type === "stop_reason")!.message.stop_reason).toBe("max_steps")
  })

  it("fails the first model call before the stream starts (retryable), a later one after", async () => {
    const { ApiError } = await import("../../src/domain/errors.js")
    const rateLimited = new ApiError({ kind: "http", status: 429, operation: "call the model", streamStarted: false, retryAfterMs: 1000 })
    const { runExit } = setUp([rateLimited])
    const exit = await runExit(Effect.flatMap(newAgent, ({ agentId }) => send(agentId, body([user("hi")]))))
    expect(Exit.isFailure(exit) && (exit.cause as { error?: ApiError }).error).toMatchObject({ status: 429, streamStarted: false })

    const later = setUp([call("conversation_search", { query: "x" }), new ApiError({ kind: "http", status: 500, operation: "call the model", streamStarted: false })])
    const laterExit = await later.runExit(Effect.flatMap(newAgent, ({ agentId }) => send(agentId, body([user("hi")]))))
    expect(Exit.isFailure(laterExit) && JSON.stringify(laterExit.cause)).toContain('"streamStarted":true')
  })

  it("unknown agents are 404 (well-formed id) or 422 (malformed), as on the server", async () => {
    const { runExit } = setUp([])
    const lookUp = (id: string) => runExit(Effect.flatMap(LettaApi, (api) => api.retrieveAgent(id)))
    const missing = await lookUp("agent-00000000-0000-4000-8000-000000000000")
    const malformed = await lookUp("agent-nope")
    expect(Exit.isFailure(missing) && (missing.cause as { error?: ApiError }).error?.status).toBe(404)
    expect(Exit.isFailure(malformed) && (malformed.cause as { error?: ApiError }).error?.status).toBe(422)
  })

  it("compacts a long history into a summary; every request fits the window; originals stay searchable", async () => {
    const window = 4_000
    const replies: Array<ScriptedModelReply> = []
    const turns = 40
    for (let i = 0; i < turns; i++) {
      replies.push((request) => (request.tools.length === 0 ? [{ _tag: "TextDelta", text: "SUMMARY of earlier talk" }, { _tag: "Finish", reason: "stop", usage: undefined }] : say(`answer ${i} ${"lorem ipsum ".repeat(20)}`)))
    }
    // Summary calls take replies too: give plenty.
    for (let i = 0; i < 40; i++) replies.push((request) => (request.tools.length === 0 ? [{ _tag: "TextDelta", text: "SUMMARY" }, { _tag: "Finish", reason: "stop", usage: undefined }] : say("more")))
    const { run, requests } = setUp(replies, window)
    const { count, hits } = await run(
      Effect.gen(function* () {
        const { agentId } = yield* newAgent
        for (let i = 0; i < turns; i++) yield* send(agentId, body([user(`question ${i} zebra${i} ${"dolor sit amet ".repeat(20)}`)], { client_tools: [] }))
        const store = yield* LocalStore
        return { count: yield* store.messageCount(agentId), hits: yield* store.search(agentId, { match: '"zebra0"', roles: [], limit: 5 }) }
      })
    )
    const sizes = requests.map((r) => Math.ceil((r.system.length + JSON.stringify(r.messages).length + JSON.stringify(r.tools).length) / 4) + r.maxOutputTokens)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(window)
    expect(requests.some((r) => r.tools.length === 0)).toBe(true)
    expect(requests.at(-1)!.messages[0]).toMatchObject({ role: "user" })
    expect(JSON.stringify(requests.at(-1)!.messages[0])).toContain("SUMMARY")
    expect(count).toBe(turns * 2)
    expect(hits).toHaveLength(1)
  })

  it("a message larger than the window is cut in the context, never sent whole", async () => {
    const { run, requests } = setUp([say("ok")], 4_000)
    await run(Effect.flatMap(newAgent, ({ agentId }) => send(agentId, body([user("x".repeat(100_000))], { client_tools: [] }))))
    const sent = JSON.stringify(requests[0]!.messages)
    expect(sent.length).toBeLessThan(16_000)
    expect(sent).toContain("characters cut")
  })

  it("reports a system prompt that alone exceeds the window as the server's stop reason", async () => {
    const { runExit } = setUp([say("never")], 600)
    const exit = await runExit(Effect.flatMap(newAgent, ({ agentId }) => send(agentId, body([user("hi")]))))
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("context window")
  })

  it("compact(): forces a summary of the whole history now; the next request starts from it; originals stay", async () => {
    const summary = (text: string): ScriptedModelReply => (request) =>
      request.tools.length === 0 ? [{ _tag: "TextDelta", text }, { _tag: "Finish", reason: "stop", usage: undefined }] : say("unexpected")
    const { run, requests } = setUp([say("first answer"), say("second answer"), summary("FORCED SUMMARY of two turns"), say("after compaction"), summary("SECOND SUMMARY")])
    const { result, again, count, agentId } = await run(
      Effect.gen(function* () {
        const api = yield* LettaApi
        const { agentId } = yield* newAgent
        yield* send(agentId, body([user("question one")]))
        yield* send(agentId, body([user("question two")]))
        const result = yield* api.compact(agentId)
        yield* send(agentId, body([user("question three")]))
        const store = yield* LocalStore
        return { result, again: yield* api.compact(agentId).pipe(Effect.either), count: yield* store.messageCount(agentId), agentId }
      })
    )
    expect(agentId).toMatch(/^agent-/)
    expect(result).toEqual({ messagesBefore: 4, messagesAfter: 1 })
    // The summary request carries the transcript; the next turn sees the summary, not the turns.
    expect(JSON.stringify(requests[2]!.messages)).toContain("question two")
    const next = requests[3]!
    expect(JSON.stringify(next.messages[0])).toContain("FORCED SUMMARY")
    expect(JSON.stringify(next.messages)).not.toContain("first answer")
    expect(next.messages.map((m) => m.role)).toEqual(["user", "user"])
    // The second compaction folds the new turn into the summary so far.
    expect(again).toMatchObject({ _tag: "Right", right: { messagesBefore: 2, messagesAfter: 1 } })
    expect(JSON.stringify(requests[4]!.messages)).toContain("FORCED SUMMARY")
    expect(count).toBe(6)
  })

  it("compact(): an agent waiting on approvals is refused (409); an unknown agent is a 404", async () => {
    const { runExit } = setUp([call("Read", { file_path: "a.txt" }, "call_1")])
    const exit = await runExit(
      Effect.gen(function* () {
        const api = yield* LettaApi
        const { agentId } = yield* newAgent
        yield* send(agentId, body([user("read a")]))
        return yield* api.compact(agentId)
      })
    )
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("409")
    const missing = await runExit(Effect.flatMap(LettaApi, (api) => api.compact("agent-00000000-0000-4000-8000-000000000000")))
    expect(Exit.isFailure(missing) && JSON.stringify(missing.cause)).toContain("404")
  })
})
