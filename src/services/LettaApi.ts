/**
 * The Letta server, in domain types. Layers: LettaApiHttp (the official SDK, a Letta server),
 * LettaApiLocal (the same, in-process, over a SQLite store and model providers) and test doubles.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type * as Stream from "effect/Stream"
import type { ApiError, NoModelAvailable, UnknownModel } from "../domain/errors.js"
import type { BlockChange } from "../domain/localState.js"
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
  /** Which backend this is, for the user to read (stream-json's init line, `/agent`). */
  readonly backend: "cloud" | "local"
  /** How messages name where the agents live: the server's URL, or the local database. */
  readonly displayName: string
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
  /** The model a new agent gets when none is named; undefined: the server's own default. */
  readonly defaultModel: Effect.Effect<string | undefined, NoModelAvailable>
  /** Checks a model handle before an agent uses it; succeeds with the handle as the backend spells it. */
  readonly checkModel: (handle: string) => Effect.Effect<string, UnknownModel | ApiError>
  readonly retrieveBlock: (blockId: string) => Effect.Effect<BlockInfo, ApiError>
  readonly createBlock: (body: CreateBlockBody) => Effect.Effect<BlockInfo, ApiError>
  readonly updateBlockValue: (blockId: string, value: string) => Effect.Effect<BlockInfo, ApiError>
  /** Every change of the block, newest first; None where the backend keeps no block history. */
  readonly blockHistory: (blockId: string) => Effect.Effect<Option.Option<ReadonlyArray<BlockChange>>, ApiError>
  /**
   * Gives the block back the value it had just before change `n` (itself recorded as a change);
   * None where the backend keeps no block history.
   */
  readonly revertBlock: (blockId: string, n: number) => Effect.Effect<Option.Option<BlockInfo>, ApiError>
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
  /** Deletes the agent and its history (its shared blocks stay): a reflection pass's own agent. */
  readonly deleteAgent: (agentId: string) => Effect.Effect<void, ApiError>
  /** Empties the agent's message history (memory blocks stay): `/clear`. */
  readonly resetMessages: (agentId: string) => Effect.Effect<void, ApiError>
  /**
   * Compacts the agent's context now (`/compact`): the older history is summarised into one
   * message that stands in for it; the originals stay searchable.
   */
  readonly compact: (agentId: string) => Effect.Effect<CompactResult, ApiError>
}

/** What a compaction did: the messages in the context before and after (undefined: not reported). */
export interface CompactResult {
  readonly messagesBefore: number | undefined
  readonly messagesAfter: number | undefined
}

export class LettaApi extends Context.Tag("letta/LettaApi")<LettaApi, LettaApiShape>() {}
