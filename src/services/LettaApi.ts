/**
 * The Letta server, in domain types. Layers: LettaApiHttp (the official SDK) and test doubles.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type * as Stream from "effect/Stream"
import type { ApiError } from "../domain/errors.js"
import type {
  AgentInfo,
  BlockInfo,
  CreateAgentBody,
  CreateBlockBody,
  LettaMessage,
  ModelInfo,
  SendMessageBody,
  StreamChunk
} from "../domain/letta.js"

export interface LettaApiShape {
  /** The server's base URL, e.g. `https://api.letta.com`. */
  readonly baseUrl: string
  /** True for Letta Cloud (links to app.letta.com make sense). */
  readonly isCloud: boolean
  readonly retrieveAgent: (
    agentId: string,
    options?: { readonly includePendingApproval?: boolean; readonly includeBlocks?: boolean }
  ) => Effect.Effect<AgentInfo, ApiError>
  readonly createAgent: (body: CreateAgentBody) => Effect.Effect<AgentInfo, ApiError>
  /** Makes sure the server's built-in tools exist (a fresh self-hosted server may lack them). */
  readonly addBaseTools: Effect.Effect<void, ApiError>
  readonly updateAgentModel: (agentId: string, model: string) => Effect.Effect<AgentInfo, ApiError>
  readonly listAgents: (query: { readonly tags: ReadonlyArray<string>; readonly limit: number }) => Effect.Effect<ReadonlyArray<AgentInfo>, ApiError>
  readonly listModels: Effect.Effect<ReadonlyArray<ModelInfo>, ApiError>
  readonly retrieveBlock: (blockId: string) => Effect.Effect<BlockInfo, ApiError>
  readonly createBlock: (body: CreateBlockBody) => Effect.Effect<BlockInfo, ApiError>
  readonly updateBlockValue: (blockId: string, value: string) => Effect.Effect<BlockInfo, ApiError>
  /**
   * Sends messages with `streaming: true`. The effect succeeds once the server has accepted the
   * request (HTTP 200, headers received) — failures before that are pre-stream and may be
   * retried; the stream's failures are not. The request is aborted when the scope closes.
   */
  readonly sendMessage: (
    agentId: string,
    body: SendMessageBody
  ) => Effect.Effect<Stream.Stream<StreamChunk, ApiError>, ApiError, Scope.Scope>
  /** Cancels the given runs (or every active run of the agent). Never retried. */
  readonly cancelRuns: (agentId: string, runIds: ReadonlyArray<string>) => Effect.Effect<void, ApiError>
  /** The newest `limit` history entries, oldest first. */
  readonly listMessages: (agentId: string, limit: number) => Effect.Effect<ReadonlyArray<LettaMessage>, ApiError>
  /** Empties the agent's message history (memory blocks stay): `/clear`. */
  readonly resetMessages: (agentId: string) => Effect.Effect<void, ApiError>
}

export class LettaApi extends Context.Tag("letta/LettaApi")<LettaApi, LettaApiShape>() {}
