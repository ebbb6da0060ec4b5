/**
 * LettaApi without a Letta server: agents, blocks and history in the local
 * database, the agent loop in this process, models through their providers. It answers exactly
 * as a Letta server would (ids, errors, stream chunks), so nothing above it knows the difference.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { ApiError, type StoreError } from "../domain/errors.js"
import type { AgentInfo, BlockInfo, ModelInfo } from "../domain/letta.js"
import type { AgentRecord, BlockRecord, ToolCallRecord } from "../domain/localState.js"
import { LettaApi, type LettaApiShape } from "../services/LettaApi.js"
import { LocalStore } from "../services/LocalStore.js"
import { Models } from "../services/Models.js"
import { startRun } from "./localBackend/agentLoop.js"
import { compileContext, ContextOverflow } from "./localBackend/context.js"
import { historyEntries, pendingApprovalMessage } from "./localBackend/history.js"
import { applyInputs } from "./localBackend/inputs.js"
import { SERVER_TOOL_NAMES } from "./localBackend/serverTools.js"
import { makeSummariser } from "./localBackend/summarise.js"
import { newId } from "./localStore/ids.js"

/** What a Letta server answers for the calls of a run cancelled while paused on them. */
const CANCEL_REASON = "The user cancelled the request, so the tool call was denied."

/** The server's default `max_steps` per request. */
const DEFAULT_MAX_STEPS = 50

const ID_SHAPE = /^[a-z]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** As the server: an id it cannot parse is a 422, a well-formed unknown one a 404. */
const notFound = (operation: string, id: string, what: string) =>
  new ApiError({ kind: "http", status: ID_SHAPE.test(id) ? 404 : 422, operation, detail: `${what} not found`, streamStarted: false })

const blockInfo = (block: BlockRecord): BlockInfo => ({
  id: block.id,
  label: block.label,
  value: block.value,
  description: block.description,
  limit: block.limit
})

const make = Effect.gen(function* () {
  const store = yield* LocalStore
  const models = yield* Models
  const databaseFailure = (operation: string) => (error: StoreError) =>
    new ApiError({ kind: "protocol", operation, detail: error.problem, streamStarted: false, service: `the local database ${error.path}` })
  const db = <A>(operation: string, effect: Effect.Effect<A, StoreError>) => Effect.mapError(effect, databaseFailure(operation))

  const agentInfo = (agent: AgentRecord, options?: { readonly includeBlocks?: boolean; readonly includePendingApproval?: boolean }) =>
    Effect.gen(function* () {
      const blocks = options?.includeBlocks === true ? (yield* store.agentBlocks(agent.id)).map(blockInfo) : []
      const info: AgentInfo = {
        id: agent.id,
        name: agent.name,
        model: agent.model,
        llm_config: { model: agent.model.slice(agent.model.indexOf("/") + 1), handle: agent.model, model_endpoint_type: agent.model.split("/")[0] ?? null },
        tags: agent.tags,
        blocks,
        last_stop_reason: agent.lastStopReason ?? null,
        pending_approval: options?.includePendingApproval === true && agent.pending !== undefined ? pendingApprovalMessage(agent.pending) : null,
        created_at: agent.createdAt
      }
      return info
    })

  const getAgent = (operation: string, agentId: string) =>
    Effect.flatMap(db(operation, store.getAgent(agentId)), (agent) => (agent === undefined ? Effect.fail(notFound(operation, agentId, "Agent")) : Effect.succeed(agent)))

  const getBlock = (operation: string, blockId: string) =>
    Effect.flatMap(db(operation, store.getBlock(blockId)), (block) => (block === undefined ? Effect.fail(notFound(operation, blockId, "Block")) : Effect.succeed(block)))

  /** An unknown or unusable model is a 404 naming it, as the server answers for a handle it lacks. */
  const resolveModel = (operation: string, handle: string) =>
    Effect.mapError(models.resolve(handle), (error) =>
      error._tag === "UnknownModel"
        ? new ApiError({ kind: "http", status: 404, operation, detail: `Handle ${handle} not found${error.reason === undefined ? "" : `: ${error.reason}`}`, streamStarted: false })
        : error
    )

  const shape: LettaApiShape = {
    baseUrl: "local",
    isCloud: false,
    backend: "local",
    displayName: `the local backend (${store.path})`,

    retrieveAgent: (agentId, options) => {
      const operation = "look up the agent"
      return Effect.flatMap(getAgent(operation, agentId), (agent) => db(operation, agentInfo(agent, options)))
    },

    createAgent: (body) =>
      Effect.gen(function* () {
        const operation = "create the agent"
        const handle = body.model ?? (yield* Effect.mapError(models.defaultModel, () => new ApiError({ kind: "http", status: 400, operation, detail: "no model was given and none is available", streamStarted: false })))
        const model = yield* resolveModel(operation, handle)
        const unknownTools = body.tools.filter((tool) => !SERVER_TOOL_NAMES.includes(tool))
        if (unknownTools.length > 0) {
          return yield* new ApiError({ kind: "http", status: 400, operation, detail: `Tools not found by name: ${unknownTools.join(", ")}`, streamStarted: false })
        }
        for (const blockId of body.block_ids) yield* getBlock(operation, blockId)
        const agent = yield* db(
          operation,
          store.createAgent({ name: body.name, system: body.system, model: model.handle, tags: body.tags, tools: body.tools, blockIds: body.block_ids })
        )
        return yield* db(operation, agentInfo(agent))
      }),

    addBaseTools: Effect.void,

    updateAgentModel: (agentId, handle) =>
      Effect.gen(function* () {
        const operation = "change the agent's model"
        const agent = yield* getAgent(operation, agentId)
        const model = yield* resolveModel(operation, handle)
        yield* db(operation, store.setAgentModel(agent.id, model.handle))
        return yield* db(operation, agentInfo({ ...agent, model: model.handle }))
      }),

    listAgents: (query) =>
      db("list agents", Effect.flatMap(store.listAgents(query), (agents) => Effect.forEach(agents, (agent) => agentInfo(agent)))),

    listModels: Effect.map(models.list, (listings) =>
      listings.map(
        (listing): ModelInfo => ({
          handle: listing.handle,
          model: listing.handle.slice(listing.provider.length + 1),
          name: listing.handle,
          display_name: listing.handle,
          provider_type: listing.provider,
          context_window: listing.contextWindow ?? null,
          available: listing.available,
          ...(listing.note === undefined ? {} : { note: listing.note })
        })
      )
    ),

    defaultModel: models.defaultModel,

    checkModel: (handle) => Effect.map(models.resolve(handle), (model) => model.handle),

    retrieveBlock: (blockId) => Effect.map(getBlock("look up a memory block", blockId), blockInfo),

    createBlock: (body) => Effect.map(db("create a memory block", store.createBlock(body, { kind: "create" })), blockInfo),

    updateBlockValue: (blockId, value) =>
      Effect.flatMap(db("update a memory block", store.setBlockValue(blockId, value, { kind: "user" })), (block) =>
        block === undefined ? Effect.fail(notFound("update a memory block", blockId, "Block")) : Effect.succeed(blockInfo(block))
      ),

    blockHistory: (blockId) =>
      Effect.gen(function* () {
        const operation = "read the block's history"
        yield* getBlock(operation, blockId)
        return Option.some(yield* db(operation, store.blockHistory(blockId)))
      }),

    revertBlock: (blockId, n) =>
      Effect.gen(function* () {
        const operation = "revert the block"
        yield* getBlock(operation, blockId)
        const change = (yield* db(operation, store.blockHistory(blockId))).find((candidate) => candidate.n === n)
        if (change === undefined) return yield* new ApiError({ kind: "http", status: 404, operation, detail: `The block has no change ${n}`, streamStarted: false })
        if (change.previous === undefined) {
          return yield* new ApiError({ kind: "http", status: 400, operation, detail: `Change ${n} created the block; there is no earlier value to go back to`, streamStarted: false })
        }
        const block = yield* db(operation, store.setBlockValue(blockId, change.previous, { kind: "revert" }))
        return Option.map(Option.fromNullable(block), blockInfo)
      }),

    sendMessage: (agentId, body) =>
      Effect.gen(function* () {
        const operation = "send the message"
        const agent = yield* getAgent(operation, agentId)
        // A request's own model (override_model) is looked up like a new agent's: unknown is a 404.
        const model = yield* (body.override_model !== undefined ? resolveModel(operation, body.override_model) : models.resolve(agent.model)).pipe(
          Effect.mapError((error) =>
            error._tag === "UnknownModel"
              ? new ApiError({ kind: "http", status: 400, operation, detail: `the agent's model ${agent.model} cannot be used: ${error.reason ?? "unknown model"}`, streamStarted: false })
              : error
          )
        )
        const runId = newId("run")
        const applied = yield* applyInputs(agent, body.messages, runId).pipe(Effect.provideService(LocalStore, store), Effect.mapError((error) => (error._tag === "StoreError" ? databaseFailure(operation)(error) : error)))
        yield* db(operation, store.startRun(agent.id, runId))
        const current = (yield* db(operation, store.getAgent(agent.id))) ?? agent
        return yield* startRun({
          agent: current,
          model,
          clientTools: body.client_tools,
          streamTokens: body.stream_tokens,
          maxSteps: body.max_steps ?? DEFAULT_MAX_STEPS,
          runId,
          serverCalls: applied.serverCalls
        }).pipe(Effect.provideService(LocalStore, store), Effect.provideService(Models, models))
      }),

    cancelRuns: (agentId, runIds) =>
      Effect.gen(function* () {
        const operation = "cancel the run"
        yield* db(operation, store.cancelRuns(agentId, runIds))
        // As a Letta server does: cancelling the run an agent is paused on denies its calls.
        const agent = yield* db(operation, store.getAgent(agentId))
        const pending = agent?.pending
        if (pending === undefined || (runIds.length > 0 && !runIds.includes(pending.runId))) return
        const denied = (call: ToolCallRecord, output: string) => ({
          id: newId("message"),
          runId: pending.runId,
          otid: undefined,
          body: { _tag: "tool" as const, toolCallId: call.id, toolName: call.name, status: "error" as const, output }
        })
        yield* db(
          operation,
          store.commit(
            agentId,
            [
              ...pending.clientCalls.map((call) => denied(call, `Error: request to call tool denied. User reason: ${CANCEL_REASON}`)),
              ...pending.serverCalls.map((call) => denied(call, "Error: not run: the request was cancelled."))
            ],
            { pending: null, lastStopReason: "cancelled" }
          )
        )
      }),

    listMessages: (agentId, limit) =>
      Effect.gen(function* () {
        const operation = "read the agent's history"
        yield* getAgent(operation, agentId)
        const records = yield* db(operation, store.recentMessages(agentId, limit))
        return records.flatMap(historyEntries).slice(-limit)
      }),

    deleteAgent: (agentId) => Effect.flatMap(getAgent("delete the agent", agentId), (agent) => db("delete the agent", store.deleteAgent(agent.id))),
    resetMessages: (agentId) => Effect.flatMap(getAgent("clear the conversation", agentId), (agent) => db("clear the conversation", store.resetContext(agent.id))),

    compact: (agentId) =>
      Effect.gen(function* () {
        const operation = "compact the conversation"
        const agent = yield* getAgent(operation, agentId)
        if (agent.pending !== undefined) {
          return yield* new ApiError({ kind: "http", status: 409, operation, detail: "the agent is waiting for tool call approvals; answer them first", streamStarted: false })
        }
        const model = yield* models.resolve(agent.model).pipe(
          Effect.mapError((error) =>
            error._tag === "UnknownModel"
              ? new ApiError({ kind: "http", status: 400, operation, detail: `the agent's model ${agent.model} cannot be used: ${error.reason ?? "unknown model"}`, streamStarted: false })
              : error
          )
        )
        // The same compaction a step does when the history grows too long, forced: everything
        // since the last summary is summarised (the originals stay for conversation_search).
        const compiled = yield* compileContext(agent, model, [], makeSummariser(models, model), { force: true }).pipe(
          Effect.provideService(LocalStore, store),
          Effect.mapError((error) =>
            error instanceof ContextOverflow
              ? new ApiError({ kind: "http", status: 400, operation, detail: "the system prompt and memory alone fill the model's context window", streamStarted: false })
              : databaseFailure(operation)(error)
          )
        )
        const compaction = compiled.compaction
        if (compaction === undefined) return { messagesBefore: 0, messagesAfter: 0 }
        return { messagesBefore: compaction.summarised + compaction.kept, messagesAfter: compaction.kept + 1 }
      })
  }
  return shape
})

export const LettaApiLocal: Layer.Layer<LettaApi, never, LocalStore | Models> = Layer.effect(LettaApi, make)
