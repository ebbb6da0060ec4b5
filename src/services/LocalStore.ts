/**
 * The local backend's database: agents, memory blocks with every past
 * value, the full message history, runs. Every write is one transaction; several processes may
 * use the same file at once. Layer: LocalStoreSqlite.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { StoreError } from "../domain/errors.js"
import type {
  AgentRecord,
  BlockChange,
  BlockRecord,
  ChangeSource,
  MessageRecord,
  NewMessage,
  PendingApproval,
  RunStatus,
  SearchHit
} from "../domain/localState.js"

export interface NewAgent {
  readonly name: string
  readonly system: string
  readonly model: string
  readonly tags: ReadonlyArray<string>
  readonly tools: ReadonlyArray<string>
  readonly blockIds: ReadonlyArray<string>
}

export interface NewBlock {
  readonly label: string
  readonly value: string
  readonly description: string
  readonly limit: number
}

/** What one memory tool call does to the agent's blocks (computed from their current values). */
export type BlockWrite =
  | { readonly kind: "update"; readonly blockId: string; readonly value?: string; readonly description?: string; readonly label?: string }
  | { readonly kind: "create"; readonly label: string; readonly value: string; readonly description: string }
  | { readonly kind: "detach"; readonly blockId: string }

/** The agent's state after a step: what it is paused on (null: nothing) and why it stopped. */
export interface AgentStateUpdate {
  readonly pending?: PendingApproval | null
  readonly lastStopReason?: string
}

/** The newest history that fits a token budget, oldest first. */
export interface HistoryWindow {
  readonly messages: ReadonlyArray<MessageRecord>
  /** Older messages (after the floor) that did not fit. */
  readonly more: boolean
  readonly tokens: number
}

export interface SearchQuery {
  /** An FTS5 MATCH expression (already quoted: see conversationSearch.ts). */
  readonly match: string
  readonly roles: ReadonlyArray<string>
  readonly limit: number
  readonly startDate?: string | undefined
  readonly endDate?: string | undefined
}

export interface LocalStoreShape {
  /** The database file, for messages. */
  readonly path: string

  readonly createAgent: (agent: NewAgent) => Effect.Effect<AgentRecord, StoreError>
  readonly getAgent: (agentId: string) => Effect.Effect<AgentRecord | undefined, StoreError>
  /** Newest first; agents carrying every one of `tags`. */
  readonly listAgents: (query: { readonly tags: ReadonlyArray<string>; readonly limit: number }) => Effect.Effect<ReadonlyArray<AgentRecord>, StoreError>
  readonly setAgentModel: (agentId: string, model: string) => Effect.Effect<void, StoreError>
  /** Removes the agent with its messages, runs and block attachments (the blocks themselves stay). */
  readonly deleteAgent: (agentId: string) => Effect.Effect<void, StoreError>

  readonly createBlock: (block: NewBlock, source: ChangeSource) => Effect.Effect<BlockRecord, StoreError>
  readonly getBlock: (blockId: string) => Effect.Effect<BlockRecord | undefined, StoreError>
  /** The agent's blocks in the order they were attached. */
  readonly agentBlocks: (agentId: string) => Effect.Effect<ReadonlyArray<BlockRecord>, StoreError>
  /**
   * Reads the agent's blocks, lets `compute` decide the writes, applies them and records each
   * change, all in one transaction: two agents editing one shared block never lose an edit.
   */
  readonly editMemory: <A>(
    agentId: string,
    compute: (blocks: ReadonlyArray<BlockRecord>) => { readonly result: A; readonly writes: ReadonlyArray<BlockWrite> },
    source: ChangeSource
  ) => Effect.Effect<A, StoreError>
  readonly setBlockValue: (blockId: string, value: string, source: ChangeSource) => Effect.Effect<BlockRecord | undefined, StoreError>
  /** Newest first. */
  readonly blockHistory: (blockId: string) => Effect.Effect<ReadonlyArray<BlockChange>, StoreError>
  /** When any of the agent's blocks last changed. */
  readonly memoryChangedAt: (agentId: string) => Effect.Effect<string | undefined, StoreError>

  /** A message with this client id was already stored (a retried request): it is not applied twice. */
  readonly hasOtid: (agentId: string, otid: string) => Effect.Effect<boolean, StoreError>
  /** Appends messages and updates the agent's state in one transaction. */
  readonly commit: (agentId: string, messages: ReadonlyArray<NewMessage>, state: AgentStateUpdate) => Effect.Effect<ReadonlyArray<MessageRecord>, StoreError>
  /** The newest summary after `afterSeq`, if compaction made one. */
  readonly latestSummary: (agentId: string, afterSeq: number) => Effect.Effect<MessageRecord | undefined, StoreError>
  /**
   * The newest messages after `afterSeq` (summaries excluded) within `maxTokens`, each counted
   * at most `messageCap` tokens (a bigger one is cut to that size in the context).
   */
  readonly historyWindow: (agentId: string, afterSeq: number, maxTokens: number, messageCap: number) => Effect.Effect<HistoryWindow, StoreError>
  /** Every message after `afterSeq` up to `throughSeq` (summaries excluded), oldest first, at most `limit`. */
  readonly messagesBetween: (agentId: string, afterSeq: number, throughSeq: number, limit: number) => Effect.Effect<ReadonlyArray<MessageRecord>, StoreError>
  /** The newest `limit` messages after the context floor, oldest first (history back-fill). */
  readonly recentMessages: (agentId: string, limit: number) => Effect.Effect<ReadonlyArray<MessageRecord>, StoreError>
  readonly messageCount: (agentId: string) => Effect.Effect<number, StoreError>
  readonly search: (agentId: string, query: SearchQuery) => Effect.Effect<ReadonlyArray<SearchHit>, StoreError>
  /** `/clear`: the context starts after the newest message; nothing is deleted. */
  readonly resetContext: (agentId: string) => Effect.Effect<void, StoreError>

  readonly startRun: (agentId: string, runId: string) => Effect.Effect<void, StoreError>
  readonly finishRun: (runId: string, status: Exclude<RunStatus, "running">, stopReason: string | undefined) => Effect.Effect<void, StoreError>
  readonly runStatus: (runId: string) => Effect.Effect<RunStatus | undefined, StoreError>
  /** Marks running runs cancelled (the given ones, or all of the agent's); their loops stop at the next step. */
  readonly cancelRuns: (agentId: string, runIds: ReadonlyArray<string>) => Effect.Effect<void, StoreError>
}

export class LocalStore extends Context.Tag("letta/LocalStore")<LocalStore, LocalStoreShape>() {}
