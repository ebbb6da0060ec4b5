/**
 * LettaApi over the official SDK (`@letta-ai/letta-client`). The SDK is imported lazily, on the
 * first request, so `--help`/`--version` never load it; its types never leave this file.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { Connection } from "../domain/connection.js"
import { ApiError, UnknownModel } from "../domain/errors.js"
import { AgentInfo, BlockInfo, LettaMessage, ModelInfo, modelHandle } from "../domain/letta.js"
import { LettaApi, type LettaApiShape } from "../services/LettaApi.js"
import { nodeFetch } from "./lettaApi/nodeFetch.js"
import { notLettaServer } from "./lettaApi/notLetta.js"
import { onceCreated } from "./lettaApi/onceCreated.js"
import { describeApiFailure, protocolError, type SdkModule } from "./lettaApi/sdkErrors.js"
import { sseChunks } from "./lettaApi/sseEvents.js"
import { LETTA_STREAM_IDLE_MS, maxEventChars, requestTimeoutMs, streamIdleTimeoutMs } from "./lettaApi/streamLimits.js"
import { isRecord } from "../domain/records.js"

type Client = InstanceType<SdkModule["Letta"]>

const decodeAgent = Schema.decodeUnknown(AgentInfo)
const decodeAgents = Schema.decodeUnknown(Schema.Array(AgentInfo))
const decodeBlock = Schema.decodeUnknown(BlockInfo)
const decodeBlocks = Schema.decodeUnknown(Schema.Array(BlockInfo))
const decodeModels = Schema.decodeUnknown(Schema.Array(ModelInfo))
const decodeMessages = Schema.decodeUnknown(Schema.Array(LettaMessage))

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value

export const makeLettaApiHttp = (connection: Connection): Effect.Effect<LettaApiShape> =>
  Effect.gen(function* () {
    // Each attempt waits this long for an answer; a whole call (body included) is bounded too.
    const timeoutMs = requestTimeoutMs()
    // One SDK client, created on first use.
    let loaded: Promise<{ sdk: SdkModule; client: Client }> | undefined
    const load = () => {
      loaded ??= Promise.all([import("@letta-ai/letta-client/client"), import("@letta-ai/letta-client/core/error")]).then(
        ([clientModule, errorModule]) => {
          const sdk: SdkModule = { Letta: clientModule.Letta, errors: errorModule }
          const client = new sdk.Letta({
            baseURL: connection.baseUrl,
            apiKey: connection.apiKey ?? null,
            // Idempotent reads keep a couple of quick retries; message sends override this.
            maxRetries: 2,
            timeout: timeoutMs,
            fetch: nodeFetch
          })
          return { sdk, client }
        }
      )
      return loaded
    }

    /** LETTA_DEBUG=1: one stderr line per request with its outcome and time (never bodies or keys). */
    const traced = <A, E, R>(operation: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      connection.debug
        ? Effect.suspend(() => {
            const started = performance.now()
            const log = (outcome: string) =>
              Effect.sync(() => process.stderr.write(`letta[debug]: ${operation}: ${outcome} in ${(performance.now() - started).toFixed(1)} ms\n`))
            return effect.pipe(
              Effect.tapBoth({
                onFailure: (error) => log(error instanceof ApiError ? `failed (${error.kind}${error.status === undefined ? "" : ` ${error.status}`})` : "failed"),
                onSuccess: () => log("ok")
              })
            )
          })
        : effect

    /** Runs one SDK call; maps its failure to an ApiError; decodes the answer. */
    const call = <A>(
      operation: string,
      run: (client: Client, signal: AbortSignal) => Promise<unknown>,
      decode: (u: unknown) => Effect.Effect<A, unknown>,
      attempts = 3
    ): Effect.Effect<A, ApiError> =>
      traced(operation, Effect.tryPromise({
        try: async (signal) => {
          const { client } = await load()
          return run(client, signal)
        },
        catch: (error) => error
      }).pipe(
        Effect.catchAll((error) =>
          Effect.promise(load).pipe(Effect.flatMap(({ sdk }) => Effect.fail(describeApiFailure(sdk, operation, error, false))))
        ),
        // The SDK's timeout ends with the headers: a body that never comes must not hang the run.
        Effect.timeoutFail({
          // Every attempt, and the SDK's backoff between them (at most 8 s each).
          duration: timeoutMs * attempts + (attempts - 1) * 8_000 + 1_000,
          onTimeout: () => new ApiError({ kind: "timeout", operation, streamStarted: false })
        }),
        Effect.flatMap((body) =>
          decode(body).pipe(
            Effect.mapError(() =>
              // Text where JSON was expected: a web page (a proxy, a login portal, a static site).
              typeof body === "string" && body.trim().length > 0
                ? notLettaServer(operation, "a web page or text instead of JSON", false)
                : protocolError(operation, "the server's answer did not have the expected shape", false)
            )
          )
        )
      ))

    const agentPath = (agentId: string) => `/v1/agents/${encodeURIComponent(agentId)}`

    const sendMessage: LettaApiShape["sendMessage"] = (agentId, body) =>
      Effect.gen(function* () {
        const operation = "send the message"
        const { sdk, client } = yield* Effect.promise(load)
        const controller = new AbortController()
        // Abort BEFORE the iterator is released, or an interrupted read waits for the next event.
        yield* Effect.addFinalizer(() => Effect.sync(() => controller.abort()))
        const response = yield* traced(
          `${operation} (until the stream opened)`,
          Effect.tryPromise({
            try: () =>
              client
                .post(`${agentPath(agentId)}/messages`, {
                  body: { ...body, streaming: true, include_pings: true, background: false },
                  stream: true,
                  maxRetries: 0,
                  signal: controller.signal
                })
                .asResponse(),
            catch: (error) => describeApiFailure(sdk, operation, error, false)
          })
        )
        const responseBody: unknown = response.body
        const contentType = response.headers.get("content-type") ?? ""
        if (contentType.length > 0 && !contentType.includes("text/event-stream")) {
          return yield* notLettaServer(operation, `${contentType.split(";")[0]?.trim()} instead of an event stream`, false)
        }
        if (!isAsyncIterable(responseBody)) {
          return yield* protocolError(operation, "the server's answer had no body to stream", true)
        }
        return sseChunks(responseBody, operation, {
          serverError: (payload) =>
            describeApiFailure(sdk, operation, new sdk.errors.APIError(undefined, isRecord(payload) ? payload : undefined, undefined, response.headers), true),
          readError: (error) => describeApiFailure(sdk, operation, error, true)
        }, { idleTimeoutMs: streamIdleTimeoutMs(LETTA_STREAM_IDLE_MS), maxEventChars: maxEventChars() })
      })

    const listModels = call("list the server's models", (client, signal) => client.get("/v1/models/", { signal }), decodeModels)

    const shape: LettaApiShape = {
      baseUrl: connection.baseUrl,
      isCloud: connection.isCloud,
      backend: "cloud",
      displayName: connection.baseUrl,
      retrieveAgent: (agentId, options) => {
        const include: Array<string> = []
        if (options?.includePendingApproval === true) include.push("agent.pending_approval")
        if (options?.includeBlocks === true) include.push("agent.blocks")
        return call(
          "look up the agent",
          (client, signal) => client.get(agentPath(agentId), { query: include.length > 0 ? { include } : {}, signal }),
          decodeAgent
        )
      },
      // Retried, and each retry announced, by the agent's set-up (programs/session.ts): a retry
      // after an unanswered create first looks for the agent by its creation tag.
      createAgent: (body) =>
        onceCreated({
          send: (tag) =>
            call(
              "create the agent",
              (client, signal) =>
                client.post("/v1/agents/", {
                  body: {
                    ...body,
                    tags: [...body.tags, tag],
                    agent_type: "letta_v1_agent",
                    include_base_tools: false,
                    include_base_tool_rules: false,
                    initial_message_sequence: []
                  },
                  signal,
                  maxRetries: 0
                }),
              decodeAgent,
              1
            ),
          find: (tag) =>
            call(
              "check whether the agent was created",
              (client, signal) =>
                client.get("/v1/agents/", { query: { tags: [tag], match_all_tags: true, limit: 1, include: ["agent.tags"] }, signal }),
              decodeAgents
            )
        }),
      addBaseTools: call("install the server's base tools", (client, signal) => client.post("/v1/tools/add-base-tools", { signal }), () => Effect.void),
      updateAgentModel: (agentId, model) =>
        call("change the agent's model", (client, signal) => client.patch(agentPath(agentId), { body: { model }, signal }), decodeAgent),
      listAgents: ({ limit, tags }) =>
        call(
          "list agents",
          (client, signal) =>
            // Tags are listed only when asked for (the resume picker tells projects apart by them).
            client.get("/v1/agents/", { query: { tags, match_all_tags: true, limit, order: "desc", include: ["agent.tags"] }, signal }),
          decodeAgents
        ),
    defaultModel: Effect.succeed(undefined),
      listModels,
      checkModel: (handle) =>
        Effect.flatMap(listModels, (models) => {
          const handles = models.flatMap((model) => {
            const known = modelHandle(model)
            return known === undefined ? [] : [known]
          })
          return handles.includes(handle) ? Effect.succeed(handle) : Effect.fail(new UnknownModel({ model: handle, available: handles }))
        }),
      retrieveBlock: (blockId) =>
        call("look up a memory block", (client, signal) => client.get(`/v1/blocks/${encodeURIComponent(blockId)}`, { signal }), decodeBlock),
      // Retried, and each retry announced, by the block set-up (programs/memoryBlocks.ts); like an
      // agent, an unanswered create is looked for before it is sent again.
      createBlock: (body) =>
        onceCreated({
          send: (tag) =>
            call(
              "create a memory block",
              (client, signal) => client.post("/v1/blocks/", { body: { ...body, tags: [tag] }, signal, maxRetries: 0 }),
              decodeBlock,
              1
            ),
          find: (tag) =>
            call(
              "check whether the memory block was created",
              (client, signal) => client.get("/v1/blocks/", { query: { tags: [tag], limit: 1 }, signal }),
              decodeBlocks
            )
        }),
      updateBlockValue: (blockId, value) =>
        call(
          "update a memory block",
          (client, signal) => client.patch(`/v1/blocks/${encodeURIComponent(blockId)}`, { body: { value }, signal }),
          decodeBlock
        ),
      // A Letta server keeps only a block's current value.
      blockHistory: () => Effect.succeed(Option.none()),
      revertBlock: () => Effect.succeed(Option.none()),
      sendMessage,
      cancelRuns: (agentId, runIds) =>
        call(
          "cancel the run",
          (client, signal) =>
            client.post(`${agentPath(agentId)}/messages/cancel`, {
              body: runIds.length > 0 ? { run_ids: runIds } : {},
              maxRetries: 0,
              signal
            }),
          () => Effect.void
        ),
      listMessages: (agentId, limit) =>
        call(
          "read the agent's history",
          (client, signal) => client.get(`${agentPath(agentId)}/messages`, { query: { limit, order: "desc" }, signal }),
          decodeMessages
        ),
      deleteAgent: (agentId) =>
        call("delete the agent", (client, signal) => client.delete(agentPath(agentId), { signal }), () => Effect.void),
      resetMessages: (agentId) =>
        call(
          "clear the conversation",
          (client, signal) =>
            client.patch(`${agentPath(agentId)}/reset-messages`, { body: { add_default_initial_messages: false }, signal }),
          () => Effect.void
        ),
      compact: (agentId) =>
        call(
          "compact the conversation",
          (client, signal) => client.post(`${agentPath(agentId)}/summarize`, { body: {}, maxRetries: 0, signal }),
          (body) =>
            Effect.succeed({
              messagesBefore: isRecord(body) && typeof body["num_messages_before"] === "number" ? body["num_messages_before"] : undefined,
              messagesAfter: isRecord(body) && typeof body["num_messages_after"] === "number" ? body["num_messages_after"] : undefined
            })
        )
    }
    return shape
  })

export const LettaApiHttp = (connection: Connection): Layer.Layer<LettaApi> =>
  Layer.effect(LettaApi, makeLettaApiHttp(connection))
