/**
 * One run of the in-process agent loop: compile the context, call the
 * model, stream its reply as Letta chunks, run our own tools and go on, until the model answers
 * without a tool call (end_turn), calls a client tool (requires_approval: the run pauses until
 * the approval message), or the steps run out (max_steps).
 *
 * The first model call is made before the stream is handed over, so its failures are
 * "before the stream started" and the turn pipeline retries them as it would a server's 429 or
 * 5xx. Later failures end the stream: they happen after tools ran and are never replayed.
 */
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Take from "effect/Take"
import { ApiError, type StoreError } from "../../domain/errors.js"
import type { ClientToolSpec, StreamChunk } from "../../domain/letta.js"
import type { AgentRecord, ToolCallRecord } from "../../domain/localState.js"
import { LocalStore } from "../../services/LocalStore.js"
import { type ModelEvent, type ModelTool, Models, type ResolvedModel } from "../../services/Models.js"
import { newId } from "../localStore/ids.js"
import { pingChunk, StepIds, stopChunk, toolReturnChunk, usageChunk } from "./chunks.js"
import { type CompiledContext, compileContext, ContextOverflow } from "./context.js"
import { MEMORY_TOOL_SPECS } from "./memoryTools.js"
import { runServerTool } from "./serverTools.js"
import { makeSummariser, withPreCompactHooks } from "./summarise.js"
import { estimateTokens } from "./tokens.js"

export interface RunConfig {
  readonly agent: AgentRecord
  readonly model: ResolvedModel
  readonly clientTools: ReadonlyArray<ClientToolSpec>
  readonly streamTokens: boolean
  readonly maxSteps: number
  readonly runId: string
  /** Server calls of an answered response, to run before the first step. */
  readonly serverCalls: ReadonlyArray<ToolCallRecord>
}

type Services = LocalStore | Models
type Emit = (chunk: StreamChunk) => Effect.Effect<void>

interface StepResult {
  readonly text: string
  readonly reasoning: ReadonlyArray<{ text: string; signature?: string }>
  readonly calls: ReadonlyArray<ToolCallRecord>
  readonly finish: Extract<ModelEvent, { _tag: "Finish" }>["reason"] | undefined
  readonly inputTokens: number | undefined
  readonly outputTokens: number | undefined
}

/** A store failure inside a run is reported like any failure of the backend. */
const storeFailure = (error: StoreError) =>
  new ApiError({ kind: "protocol", operation: "run the agent", detail: error.problem, streamStarted: true, service: `the local database ${error.path}` })

const overflowDetail = (overflow: ContextOverflow) =>
  `the system prompt, memory and tool schemas take about ${overflow.fixedTokens} tokens; with the reply budget that exceeds the ${overflow.window}-token context window`

/** The model's tools: the client's exactly as sent, then ours (a client tool of the same name wins). */
const modelTools = (clientTools: ReadonlyArray<ClientToolSpec>): ReadonlyArray<ModelTool> => {
  const names = new Set(clientTools.map((tool) => tool.name))
  return [
    ...clientTools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters })),
    ...MEMORY_TOOL_SPECS.filter((spec) => !names.has(spec.name))
  ]
}

/** Reads one model reply, emitting token-mode chunks as the fragments arrive. */
const consume = (events: Stream.Stream<ModelEvent, ApiError>, ids: StepIds, config: RunConfig, emit: Emit) =>
  Effect.gen(function* () {
    const clientNames = new Set(config.clientTools.map((tool) => tool.name))
    let text = ""
    const reasoning: Array<{ text: string; signature?: string }> = []
    const calls = new Map<string, { name: string; arguments: string; runBy: "client" | "server" }>()
    let finish: StepResult["finish"]
    let inputTokens: number | undefined
    let outputTokens: number | undefined
    const live = config.streamTokens
    yield* Stream.runForEach(events, (event): Effect.Effect<void> => {
      switch (event._tag) {
        case "ReasoningDelta": {
          const last = reasoning[reasoning.length - 1]
          if (last === undefined || last.signature !== undefined) reasoning.push({ text: event.text, ...(event.signature === undefined ? {} : { signature: event.signature }) })
          else {
            last.text += event.text
            if (event.signature !== undefined) last.signature = event.signature
          }
          return live && event.text.length > 0 ? emit(ids.reasoning(event.text)) : Effect.void
        }
        case "TextDelta":
          text += event.text
          return live && event.text.length > 0 ? emit(ids.assistant(event.text)) : Effect.void
        case "ToolCallStart": {
          const runBy = clientNames.has(event.name) ? "client" : "server"
          calls.set(event.id, { name: event.name, arguments: "", runBy })
          if (!live) return Effect.void
          const delta = { id: event.id, name: event.name, arguments: null }
          return emit(runBy === "client" ? ids.approvalRequest(delta, false) : ids.toolCall(delta, false))
        }
        case "ToolCallDelta": {
          const call = calls.get(event.id)
          if (call === undefined) return Effect.void
          call.arguments += event.argumentsDelta
          if (!live || event.argumentsDelta.length === 0) return Effect.void
          const delta = { id: event.id, name: null, arguments: event.argumentsDelta }
          return emit(call.runBy === "client" ? ids.approvalRequest(delta, false) : ids.toolCall(delta, false))
        }
        case "Finish":
          finish = event.reason
          inputTokens = event.usage?.inputTokens
          outputTokens = event.usage?.outputTokens
          return Effect.void
      }
    })
    const result: StepResult = {
      text,
      reasoning,
      calls: [...calls].map(([id, call]) => ({ id, name: call.name, arguments: call.arguments.length === 0 ? "{}" : call.arguments, runBy: call.runBy })),
      finish,
      inputTokens,
      outputTokens
    }
    return result
  })

/** Step mode: the reply as whole messages, once it is complete. */
const emitWhole = (result: StepResult, ids: StepIds, emit: Emit) =>
  Effect.gen(function* () {
    for (const part of result.reasoning) if (part.text.length > 0) yield* emit(ids.reasoning(part.text))
    if (result.text.length > 0) yield* emit(ids.assistant(result.text))
    for (const call of result.calls) {
      const whole = { id: call.id, name: call.name, arguments: call.arguments }
      yield* emit(call.runBy === "client" ? ids.approvalRequest(whole, true) : ids.toolCall(whole, true))
    }
  })

const runServerCalls = (config: RunConfig, calls: ReadonlyArray<ToolCallRecord>, stepId: string | null, emit: Emit) =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    for (const call of calls) {
      // The agent as stored now: an earlier call of this step may have changed its memory.
      const outcome = yield* runServerTool(config.agent, call)
      yield* store.commit(
        config.agent.id,
        [{ id: newId("message"), runId: config.runId, otid: undefined, body: { _tag: "tool", toolCallId: call.id, toolName: call.name, status: outcome.status, output: outcome.output } }],
        {}
      )
      yield* emit(toolReturnChunk(config.runId, stepId, call, outcome.status, outcome.output))
    }
  })

/**
 * Starts the run: our pending calls run and the first model call is accepted before this
 * succeeds; the rest streams. Closing the scope stops the run (its state: cancelled).
 */
export const startRun = (config: RunConfig): Effect.Effect<Stream.Stream<StreamChunk, ApiError>, ApiError, Services | Scope.Scope> =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    const models = yield* Models
    const queue = yield* Queue.unbounded<Take.Take<StreamChunk, ApiError>>()
    const emit: Emit = (chunk) => Effect.asVoid(Queue.offer(queue, Take.of(chunk)))
    const tools = modelTools(config.clientTools)
    const summariser = withPreCompactHooks(makeSummariser(models, config.model))
    const compile = compileContext(config.agent, config.model, tools, summariser).pipe(Effect.provideService(LocalStore, store))
    const finishWith = (status: "completed" | "failed" | "cancelled", stopReason: string | undefined) =>
      Effect.ignore(store.finishRun(config.runId, status, stopReason))

    yield* emit(pingChunk(config.runId))
    const opened = yield* Effect.gen(function* () {
      yield* runServerCalls(config, config.serverCalls, null, emit)
      const compiled = yield* compile
      const events = yield* models.stream(config.model, compiled.request)
      return { compiled, events }
    }).pipe(
      Effect.provideService(LocalStore, store),
      Effect.either,
      Effect.onInterrupt(() => finishWith("cancelled", "cancelled"))
    )
    if (opened._tag === "Left") {
      const failure = opened.left
      if (failure instanceof ContextOverflow) return yield* overflowStream(queue, failure, finishWith)
      yield* finishWith("failed", "llm_api_error")
      return yield* Effect.fail(failure instanceof ApiError ? failure : storeFailure(failure))
    }

    const usage = { prompt: 0, completion: 0, steps: 0, context: 0 }
    const stop = (stopReason: string) =>
      Effect.gen(function* () {
        yield* emit(stopChunk(stopReason))
        yield* emit(usageChunk(usage))
        yield* finishWith("completed", stopReason)
      })

    const step = (compiled: CompiledContext, events: Stream.Stream<ModelEvent, ApiError>) =>
      Effect.gen(function* () {
        const ids = new StepIds(config.runId)
        const result = yield* consume(events, ids, config, emit)
        usage.steps += 1
        const prompt = result.inputTokens ?? compiled.tokens
        const completion = result.outputTokens ?? estimateTokens(result.text + result.calls.map((call) => call.arguments).join(""))
        usage.prompt += prompt
        usage.completion += completion
        // The context's size is the last step's: what was sent, and the reply now in the history.
        usage.context = prompt + completion
        // A reply cut off by the output limit is reported as such (the server's max_tokens_exceeded),
        // and its calls, whose arguments may be cut too, are not run.
        const truncated = result.finish === "length"
        const calls = truncated ? [] : result.calls
        if (!config.streamTokens) yield* emitWhole({ ...result, calls }, ids, emit)
        const assistant = { id: ids.messageId, runId: config.runId, otid: undefined, body: { _tag: "assistant" as const, text: result.text, reasoning: result.reasoning, toolCalls: calls } }
        const clientCalls = calls.filter((call) => call.runBy === "client")
        const serverCalls = calls.filter((call) => call.runBy === "server")
        if (clientCalls.length > 0) {
          const pending = { runId: config.runId, messageId: ids.messageId, date: new Date().toISOString(), clientCalls, serverCalls }
          yield* store.commit(config.agent.id, [assistant], { pending, lastStopReason: "requires_approval" })
          return "requires_approval" as const
        }
        const done = serverCalls.length === 0
        const stopReason = truncated ? "max_tokens_exceeded" : "end_turn"
        yield* store.commit(config.agent.id, [assistant], done ? { lastStopReason: stopReason } : {})
        if (done) return stopReason
        yield* runServerCalls(config, serverCalls, ids.stepId, emit)
        return undefined
      })

    const loop = Effect.gen(function* () {
      let current: { compiled: CompiledContext; events: Stream.Stream<ModelEvent, ApiError> } = opened.right
      for (let stepNumber = 1; ; stepNumber++) {
        const stopReason = yield* step(current.compiled, current.events)
        if (stopReason !== undefined) return yield* stop(stopReason)
        if (stepNumber >= config.maxSteps) return yield* stop("max_steps")
        if ((yield* store.runStatus(config.runId)) === "cancelled") return yield* stop("cancelled")
        const compiled = yield* compile.pipe(Effect.either)
        if (compiled._tag === "Left") {
          if (compiled.left instanceof ContextOverflow) {
            yield* emit(stopChunk("context_window_overflow_in_system_prompt"))
            yield* finishWith("failed", "context_window_overflow_in_system_prompt")
            return yield* Effect.fail(new ApiError({ kind: "stream", operation: "run the agent", detail: overflowDetail(compiled.left), streamStarted: true }))
          }
          return yield* Effect.fail(compiled.left)
        }
        // Errors now come after tools ran: never retried as if nothing had happened.
        const events = yield* models.stream(config.model, compiled.right.request).pipe(
          Effect.mapError((error) => new ApiError({ ...error, streamStarted: true }))
        )
        current = { compiled: compiled.right, events }
      }
    }).pipe(
      Effect.scoped,
      Effect.mapError((error) => (error instanceof ApiError ? error : storeFailure(error))),
      Effect.tapError(() => finishWith("failed", "llm_api_error")),
      Effect.onInterrupt(() => finishWith("cancelled", "cancelled"))
    )
    yield* loop.pipe(
      Effect.matchCauseEffect({
        onSuccess: () => Queue.offer(queue, Take.end),
        onFailure: (cause) => Queue.offer(queue, Take.failCause(cause))
      }),
      Effect.forkScoped
    )
    return Stream.flattenTake(Stream.fromQueue(queue))
  })

/** The system prompt alone does not fit: the run stops at once, as the server reports it. */
const overflowStream = (
  queue: Queue.Queue<Take.Take<StreamChunk, ApiError>>,
  overflow: ContextOverflow,
  finishWith: (status: "failed", stopReason: string) => Effect.Effect<void>
) =>
  Effect.gen(function* () {
    yield* finishWith("failed", "context_window_overflow_in_system_prompt")
    yield* Queue.offer(queue, Take.of(stopChunk("context_window_overflow_in_system_prompt")))
    yield* Queue.offer(queue, Take.fail(new ApiError({ kind: "stream", operation: "run the agent", detail: overflowDetail(overflow), streamStarted: true })))
    return Stream.flattenTake(Stream.fromQueue(queue))
  })
