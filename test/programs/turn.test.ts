import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Exit, Fiber, Layer, Stream } from "effect"
import { ApiError, MaxTurnsReached, UnexpectedStop } from "../../src/domain/errors.js"
import type { TurnEvent } from "../../src/domain/events.js"
import type { MessageItem } from "../../src/domain/letta.js"
import { INTERRUPTED_REASON, maxTurnsReason, RECOVERED_REASON, turn, type TurnInput, type TurnServices } from "../../src/programs/turn/turn.js"
import type { PermissionMode } from "../../src/domain/config.js"
import { toolSuccess } from "../../src/domain/tools.js"
import { Tools } from "../../src/services/Tools.js"
import { echoTools, httpError, policy, prompter, response, type ScriptedReply, scriptedApi } from "../support/testLayers.js"

const input = (overrides: Partial<TurnInput> = {}): TurnInput => ({
  agentId: "agent-1",
  prompt: "hello",
  recoveredCalls: [],
  recovery: "deny",
  maxSteps: undefined,
  streamTokens: true,
  ...overrides
})

const allowAll = policy(() => ({ _tag: "Allow", decidedBy: "test rule" }))

const setup = (replies: Array<ScriptedReply>) => {
  const api = scriptedApi(replies)
  const executed: Array<string> = []
  const layer = Layer.mergeAll(api.layer, echoTools(executed), allowAll, prompter({ _tag: "Reject", reason: "nobody here" }))
  return { api, executed, layer }
}

const run = (input: TurnInput, layer: Layer.Layer<TurnServices>) =>
  turn(input).pipe(Stream.runCollect, Effect.map(Chunk.toArray), Effect.provide(layer))

const approvalsOf = (item: MessageItem | undefined) => (item?.type === "approval" ? item.approvals : [])

describe("turn", () => {
  it.effect("streams a plain answer and ends with its text", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([response({ text: ["Hel", "lo!"], stop: "end_turn" })])
      const events = yield* run(input(), layer)
      const done = events.find((e): e is Extract<TurnEvent, { _tag: "TurnComplete" }> => e._tag === "TurnComplete")
      expect(done?.finalText).toBe("Hello!")
      // pings are not events; every other chunk is
      expect(events.filter((e) => e._tag === "ServerMessage")).toHaveLength(4)
      const body = api.sent[0]!
      expect(body.client_tools.map((t) => t.name)).toEqual(["Echo", "Slow"])
      expect(body.stream_tokens).toBe(true)
      expect(body.messages[0]).toMatchObject({ type: "message", role: "user", content: [{ type: "text", text: "hello" }] })
    })
  )

  it.effect("answers every paused call in ONE approval message, in order, with client_tools again", () =>
    Effect.gen(function* () {
      const api = scriptedApi([
        response({
          stop: "requires_approval",
          calls: [
            { id: "call-1", name: "Echo", args: '{"text":"one"}' },
            { id: "call-2", name: "Echo", args: '{"text":"two"}' }
          ]
        }),
        response({ text: ["done"], stop: "end_turn" })
      ])
      const executed: Array<string> = []
      const layer = Layer.mergeAll(api.layer, echoTools(executed), allowAll, prompter({ _tag: "Approve" }))
      const events = yield* run(input(), layer)
      expect(api.sent).toHaveLength(2)
      expect(api.sent[1]!.client_tools).toHaveLength(2)
      const approvals = approvalsOf(api.sent[1]!.messages[0])
      expect(approvals).toEqual([
        { type: "tool", tool_call_id: "call-1", status: "success", tool_return: "echo: one" },
        { type: "tool", tool_call_id: "call-2", status: "success", tool_return: "echo: two" }
      ])
      expect(executed.sort()).toEqual(["one", "two"])
      expect(events.filter((e) => e._tag === "AutoApproval").map((e) => e._tag === "AutoApproval" && e.matchedRule)).toEqual([
        "test rule",
        "test rule"
      ])
      expect(events.filter((e) => e._tag === "ToolResult")).toHaveLength(2)
    })
  )

  it.effect("denies what the policy denies and what the prompter rejects, with reasons", () =>
    Effect.gen(function* () {
      const api = scriptedApi([
        response({
          stop: "requires_approval",
          calls: [
            { id: "call-1", name: "Echo", args: '{"text":"x"}' },
            { id: "call-2", name: "Slow", args: "{}" }
          ]
        }),
        response({ text: ["ok"], stop: "end_turn" })
      ])
      const executed: Array<string> = []
      const decide = policy((tool) =>
        tool === "Echo" ? { _tag: "Deny", decidedBy: "Echo (cli)", reason: "denied by Echo" } : { _tag: "Ask", decidedBy: "default" }
      )
      const layer = Layer.mergeAll(api.layer, echoTools(executed), decide, prompter({ _tag: "Reject", reason: "no thanks" }))
      const events = yield* run(input(), layer)
      expect(executed).toEqual([])
      expect(approvalsOf(api.sent[1]!.messages[0])).toEqual([
        { type: "approval", tool_call_id: "call-1", approve: false, reason: "denied by Echo" },
        { type: "approval", tool_call_id: "call-2", approve: false, reason: "no thanks" }
      ])
      expect(events.filter((e) => e._tag === "ToolResult" && e.status === "denied")).toHaveLength(2)
    })
  )

  it.effect("returns invalid arguments to the model as an error, without running anything", () =>
    Effect.gen(function* () {
      const { api, executed, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Echo", args: '{"nope":1}' }] }),
        response({ text: ["sorry"], stop: "end_turn" })
      ])
      yield* run(input(), layer)
      expect(executed).toEqual([])
      expect(approvalsOf(api.sent[1]!.messages[0])).toEqual([
        { type: "tool", tool_call_id: "call-1", status: "error", tool_return: "Invalid arguments for Echo: text is missing" }
      ])
    })
  )

  it.effect("a stream without a stop reason is an error", () =>
    Effect.gen(function* () {
      const { layer } = setup([response({ text: ["partial"] })])
      const error = yield* Effect.flip(run(input(), layer))
      expect(error).toMatchObject({ _tag: "ApiError", kind: "protocol" })
      expect(error instanceof ApiError && error.detail).toContain("no stop reason")
    })
  )

  it.live("retries failures before the stream starts, announcing each retry", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([{ fail: httpError(503) }, response({ text: ["fine"], stop: "end_turn" })])
      const events = yield* run(input(), layer)
      expect(api.sent).toHaveLength(2)
      const retries = events.filter((e) => e._tag === "Retry")
      expect(retries).toMatchObject([{ attempt: 2, maxAttempts: 3 }])
    })
  )

  it.live("honours Retry-After and gives up after 3 attempts", () =>
    Effect.gen(function* () {
      const limited = new ApiError({ kind: "http", operation: "send", status: 429, retryAfterMs: 10, streamStarted: false })
      const { api, layer } = setup([{ fail: limited }, { fail: limited }, { fail: limited }])
      const exit = yield* Effect.exit(run(input(), layer))
      expect(api.sent).toHaveLength(3)
      expect(Exit.isFailure(exit)).toBe(true)
    })
  )

  it.effect("never retries a client error or a failure after the stream started", () =>
    Effect.gen(function* () {
      const first = setup([{ fail: httpError(400) }])
      yield* Effect.exit(run(input(), first.layer))
      expect(first.api.sent).toHaveLength(1)
      const second = setup([{ failAfter: response({ text: ["a"] }).slice(0, 2), error: httpError(502, "x", true) }])
      yield* Effect.exit(run(input(), second.layer))
      expect(second.api.sent).toHaveLength(1)
    })
  )

  it.effect("denies calls left pending by a crashed session together with the new message", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([response({ text: ["hi"], stop: "end_turn" })])
      yield* run(input({ recoveredCalls: [{ toolCallId: "old-1", name: "Bash", arguments: "{}" }] }), layer)
      const [approval, user] = api.sent[0]!.messages
      expect(approvalsOf(approval)).toEqual([{ type: "approval", tool_call_id: "old-1", approve: false, reason: RECOVERED_REASON }])
      expect(user?.type).toBe("message")
    })
  )

  it.effect("interactive recovery: decides the calls left pending like any other, runs the allowed ones, then speaks", () =>
    Effect.gen(function* () {
      const { api, executed, layer } = setup([response({ text: ["carried on"], stop: "end_turn" })])
      const recoveredCalls = [{ toolCallId: "old-1", name: "Echo", arguments: '{"text": "left over"}' }]
      const events = yield* run(input({ recoveredCalls, recovery: "ask" }), layer)
      expect(executed).toEqual(["left over"])
      const [approval, user] = api.sent[0]!.messages
      expect(approvalsOf(approval)).toMatchObject([{ type: "tool", tool_call_id: "old-1", status: "success", tool_return: "echo: left over" }])
      expect(user?.type).toBe("message")
      expect(events.filter((e) => e._tag === "ToolResult")).toMatchObject([{ toolCallId: "old-1", status: "success" }])
    })
  )

  it.effect("interactive recovery without a message: the answers alone go out, and the agent carries on", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([response({ text: ["resumed"], stop: "end_turn" })])
      const recoveredCalls = [{ toolCallId: "old-1", name: "Echo", arguments: '{"text": "x"}' }]
      const events = yield* run(input({ prompt: undefined, recoveredCalls, recovery: "ask" }), layer)
      expect(api.sent).toHaveLength(1)
      expect(api.sent[0]!.messages.map((m) => m.type)).toEqual(["approval"])
      const done = events.find((e): e is Extract<TurnEvent, { _tag: "TurnComplete" }> => e._tag === "TurnComplete")
      expect(done?.finalText).toBe("resumed")
    })
  )

  it.effect("interactive recovery when the server has nothing pending any more: nothing is sent", () =>
    Effect.gen(function* () {
      const gone = new ApiError({ kind: "http", operation: "send", status: 400, detail: "No tool call is currently awaiting approval", streamStarted: false })
      const { api, layer } = setup([{ fail: gone }])
      const recoveredCalls = [{ toolCallId: "old-1", name: "Echo", arguments: '{"text": "x"}' }]
      const events = yield* run(input({ prompt: undefined, recoveredCalls, recovery: "ask" }), layer)
      expect(api.sent).toHaveLength(1)
      expect(events.some((e) => e._tag === "TurnComplete")).toBe(false)
    })
  )

  it.effect("recovers from a 409 PENDING_APPROVAL by answering the pending calls first", () =>
    Effect.gen(function* () {
      const conflict = new ApiError({ kind: "http", operation: "send", status: 409, code: "PENDING_APPROVAL", streamStarted: false })
      const api = scriptedApi([{ fail: conflict }, response({ text: ["ok"], stop: "end_turn" })], {
        pending_approval: {
          message_type: "approval_request_message",
          tool_calls: [{ name: "Bash", arguments: "{}", tool_call_id: "stuck-1" }]
        }
      })
      const layer = Layer.mergeAll(api.layer, echoTools(), allowAll, prompter({ _tag: "Approve" }))
      yield* run(input(), layer)
      expect(api.sent).toHaveLength(2)
      expect(approvalsOf(api.sent[1]!.messages[0])).toMatchObject([{ tool_call_id: "stuck-1", approve: false }])
    })
  )

  it.effect("reports an unexpected stop reason with the server's detail", () =>
    Effect.gen(function* () {
      const streamError = new ApiError({ kind: "stream", operation: "send", detail: "upstream 529 overloaded", streamStarted: true })
      const { layer } = setup([{ failAfter: response({ stop: "llm_api_error" }).slice(0, 2), error: streamError }])
      const exit = yield* Effect.exit(run(input(), layer))
      expect(exit).toStrictEqual(Exit.fail(new UnexpectedStop({ stopReason: "llm_api_error", detail: "upstream 529 overloaded" })))
    })
  )

  it.effect("stops at --max-turns and denies the calls left waiting, reading the agent's reply to its end", () =>
    Effect.gen(function* () {
      const { api, executed, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Echo", args: '{"text":"x"}' }] }),
        response({ text: ["stopping"], stop: "end_turn", runId: "run-2" })
      ])
      const exit = yield* Effect.exit(run(input({ maxSteps: 1 }), layer))
      expect(exit).toStrictEqual(Exit.fail(new MaxTurnsReached({ limit: 1 })))
      expect(executed).toEqual([])
      expect(api.sent[0]!.max_steps).toBe(1)
      expect(api.sent[1]!.max_steps).toBe(1)
      expect(approvalsOf(api.sent[1]!.messages[0])).toMatchObject([{ tool_call_id: "call-1", approve: false, reason: maxTurnsReason(1) }])
      // The agent is idle after its reply: nothing to cancel (a cancel could race the reply).
      expect(api.cancelled).toEqual([])
    })
  )

  it.effect("--max-turns: an agent that keeps calling tools is denied a few times, then its paused run is cancelled", () =>
    Effect.gen(function* () {
      const paused = (id: string, runId: string) => response({ stop: "requires_approval", calls: [{ id, name: "Echo", args: '{"text":"x"}' }], runId })
      const { api, executed, layer } = setup([paused("call-1", "run-1"), paused("call-2", "run-2"), paused("call-3", "run-3"), paused("call-4", "run-4")])
      const exit = yield* Effect.exit(run(input({ maxSteps: 1 }), layer))
      expect(exit).toStrictEqual(Exit.fail(new MaxTurnsReached({ limit: 1 })))
      expect(executed).toEqual([])
      expect(api.sent.slice(1).map((body) => approvalsOf(body.messages[0]).map((a) => a.tool_call_id))).toEqual([["call-1"], ["call-2"], ["call-3"]])
      expect(api.cancelled).toEqual([["run-4"]])
    })
  )

  it.effect("--append-system-prompt follows the user's message as a system reminder", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([response({ text: ["ok"], stop: "end_turn" })])
      yield* run(input({ appendSystemPrompt: "Be brief." }), layer)
      expect(api.sent[0]!.messages[0]).toMatchObject({
        content: [
          { type: "text", text: "hello" },
          { type: "text", text: "<system-reminder>Be brief.</system-reminder>" }
        ]
      })
    })
  )

  it.live("an interrupt during a tool run denies the call and cancels the run; no result is sent", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Slow", args: "{}" }] }),
        response({ stop: "cancelled", runId: "run-9" })
      ])
      const fiber = yield* Effect.fork(run(input(), layer))
      yield* Effect.sleep("50 millis")
      yield* Fiber.interrupt(fiber)
      expect(api.sent).toHaveLength(2)
      expect(approvalsOf(api.sent[1]!.messages[0])).toEqual([
        { type: "approval", tool_call_id: "call-1", approve: false, reason: INTERRUPTED_REASON }
      ])
      expect(api.cancelled).toEqual([["run-9"]])
    })
  )

  it.live("live tool output: the running call's output comes as ToolOutput events, and an interrupt sends it back", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Slow", args: "{}" }] }),
        response({ stop: "cancelled", runId: "run-9" })
      ])
      const events: Array<TurnEvent> = []
      const report = (event: TurnEvent) => Effect.sync(() => void events.push(event))
      const fiber = yield* Effect.fork(
        Stream.runForEach(turn(input({ liveToolOutput: report })), report).pipe(Effect.provide(layer))
      )
      yield* Effect.sleep("250 millis")
      expect(events.filter((e) => e._tag === "ToolOutput")).toEqual([{ _tag: "ToolOutput", toolCallId: "call-1", text: "started\nhalf way\n" }])
      yield* Fiber.interrupt(fiber)
      const [answer] = approvalsOf(api.sent[1]!.messages[0])
      expect(answer).toMatchObject({ type: "tool", tool_call_id: "call-1", status: "error" })
      expect(answer?.type === "tool" ? answer.tool_return : "").toMatch(/^started\nhalf way\n\[interrupted by the user: the command was killed/)
      expect(api.cancelled).toEqual([["run-9"]])
    })
  )

  it.live("live tool output: a call interrupted before it printed anything is denied as before", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Slow", args: "{}" }] }),
        response({ stop: "cancelled", runId: "run-9" })
      ])
      const silent = Layer.succeed(Tools, { ...(yield* Effect.provide(Tools, layer)), execute: () => Effect.never })
      const fiber = yield* Effect.fork(
        Stream.runDrain(turn(input({ liveToolOutput: () => Effect.void }))).pipe(Effect.provide(Layer.merge(layer, silent)))
      )
      yield* Effect.sleep("150 millis")
      yield* Fiber.interrupt(fiber)
      expect(approvalsOf(api.sent[1]!.messages[0])).toEqual([{ type: "approval", tool_call_id: "call-1", approve: false, reason: INTERRUPTED_REASON }])
    })
  )

  it.live("without live tool output (headless) no ToolOutput event is emitted and an interrupt denies the call", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "Slow", args: "{}" }] }),
        response({ stop: "cancelled", runId: "run-9" })
      ])
      const events: Array<TurnEvent> = []
      const fiber = yield* Effect.fork(Stream.runForEach(turn(input()), (event) => Effect.sync(() => events.push(event))).pipe(Effect.provide(layer)))
      yield* Effect.sleep("250 millis")
      yield* Fiber.interrupt(fiber)
      expect(events.some((e) => e._tag === "ToolOutput")).toBe(false)
      expect(approvalsOf(api.sent[1]!.messages[0])).toEqual([{ type: "approval", tool_call_id: "call-1", approve: false, reason: INTERRUPTED_REASON }])
    })
  )

  it.live("an interrupt while the answer streams cancels that run", () =>
    Effect.gen(function* () {
      const { api, layer } = setup([{ hang: response({ text: ["thinking"], runId: "run-7" }).slice(0, 2) }])
      const fiber = yield* Effect.fork(run(input(), layer))
      yield* Effect.sleep("50 millis")
      yield* Fiber.interrupt(fiber)
      expect(api.cancelled).toEqual([["run-7"]])
      expect(api.sent).toHaveLength(1)
    })
  )

  it.effect("plan mode: the user message carries the reminder, and an ExitPlanMode that ran ends plan mode", () =>
    Effect.gen(function* () {
      const api = scriptedApi([
        response({ stop: "requires_approval", calls: [{ id: "call-1", name: "ExitPlanMode", args: '{"plan":"do it"}' }] }),
        response({ text: ["ok"], stop: "end_turn" })
      ])
      const modes: Array<PermissionMode> = []
      const planTools = Layer.succeed(Tools, {
        specs: [{ name: "ExitPlanMode", description: "exit", parameters: { type: "object" } }],
        decode: (_name, raw) => ({ _tag: "Valid", args: { plan: raw } }),
        isReadOnly: () => false,
        locate: () => Effect.succeed(undefined),
        execute: () => Effect.succeed(toolSuccess("User approved the plan"))
      })
      const layer = Layer.mergeAll(
        api.layer,
        planTools,
        policy(() => ({ _tag: "Allow", decidedBy: "test" }), "plan", modes),
        prompter({ _tag: "Reject", reason: "no" })
      )
      yield* run(input(), layer)
      const first = api.sent[0]!.messages[0]
      expect(first?.type === "message" ? JSON.stringify(first.content) : "").toContain("Plan mode is active")
      expect(modes).toEqual(["default"])
    })
  )
})
