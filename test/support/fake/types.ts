/**
 * Public types of the scripted fake Letta server (see test/support/fakeServer.ts).
 * Wire shapes follow /work/shared/spec/letta-api.md.
 */

export interface ScriptToolCall {
  readonly name: string
  readonly arguments: Record<string, unknown> | string
  readonly id?: string
}

export interface ScriptStep {
  readonly reasoning?: string
  /** Assistant text, streamed in token chunks when stream_tokens is true. */
  readonly text?: string
  /** Client tools (or approval tools): the run pauses with requires_approval. */
  readonly toolCalls?: ReadonlyArray<ScriptToolCall>
  /** Executed by the fake itself: memory, memory_replace, memory_insert, memory_rethink, conversation_search. */
  readonly serverToolCalls?: ReadonlyArray<ScriptToolCall>
  readonly usage?: { readonly prompt_tokens?: number; readonly completion_tokens?: number }
  /** Force a stop reason for this step (e.g. "llm_api_error", "max_tokens_exceeded"); default computed. */
  readonly stopReason?: string
  /** Emit stop_reason llm_api_error + `event: error` instead of a normal ending. */
  readonly streamError?: { readonly error_type: string; readonly message: string; readonly detail?: string }
  /** When set, emit `text` as exactly this many assistant token events (benchmarks). */
  readonly tokenCount?: number
  /** Wait before emitting this step (pings keep flowing meanwhile). */
  readonly delayMs?: number
}

export interface ScriptPrevious {
  readonly approvals: ReadonlyArray<Record<string, unknown>>
}

/** What the "model" does for one user message. A function step is called with the results the client sent for the previous step's tool calls. */
export type ScriptTurnStep = ScriptStep | ((previous: ScriptPrevious) => ScriptStep)
export type ScriptTurn = ReadonlyArray<ScriptTurnStep>

export type FaultRoute = "messages" | "agents" | "blocks" | "models" | "any"

export type Fault =
  | {
      readonly kind: "http"
      readonly status: number
      readonly detail?: unknown
      readonly headers?: Record<string, string>
      readonly route?: FaultRoute
      readonly times?: number
    }
  | { readonly kind: "rate_limit"; readonly retryAfterSeconds: number; readonly route?: FaultRoute; readonly times?: number }
  /** Destroy the socket after N SSE events (default 2). */
  | { readonly kind: "reset_mid_stream"; readonly afterEvents?: number }
  /** End the stream with [DONE] but no stop_reason/usage. */
  | { readonly kind: "no_stop_reason" }
  /** One `data: {not json` event mid-stream. */
  | { readonly kind: "malformed_event" }
  /** Delay before the response status/headers of the next messages POST. */
  | { readonly kind: "slow_first_byte"; readonly ms: number }
  /** The next streaming messages POST: status, headers and one ping event, then silence (no pings) until closed. */
  | { readonly kind: "stall_after_first_byte" }
  /**
   * The next POST on `route` (a create) is never answered: with `handled`, after the server did
   * the work (the agent or block exists), else before.
   */
  | { readonly kind: "no_answer"; readonly route: "agents" | "blocks"; readonly handled?: boolean }
  /** HTTP 200 with an HTML page, as a web server that is not a Letta server answers everything. */
  | { readonly kind: "html_200"; readonly route?: FaultRoute; readonly times?: number }
  /** A redirect (default 301) to `location`. */
  | { readonly kind: "redirect"; readonly location: string; readonly status?: number; readonly route?: FaultRoute; readonly times?: number }

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: unknown
  readonly at: number
}

export interface TurnContext {
  readonly agentId: string
  /** Text of the user message(s) that started the turn. */
  readonly userText: string
}

export interface FakeServerOptions {
  readonly port?: number
  /** When set, require `Authorization: Bearer <apiKey>` (except /v1/health/), else 401 {"detail":"Unauthorized"}. */
  readonly apiKey?: string
  /** Default "Hello from fake Letta". */
  readonly defaultReply?: string
  /** Model handles; default ["anthropic/claude-sonnet-4-5-20250929","openai/gpt-5"]. */
  readonly models?: ReadonlyArray<string>
  readonly defaultModel?: string
  /** Default 20000. */
  readonly pingIntervalMs?: number
  /** Used when the enqueued script is empty (instead of one `{ text: defaultReply }` step). */
  readonly defaultTurn?: (context: TurnContext) => ScriptTurn
}

/** A history entry: a LettaMessage in its wire (history) form. */
export type HistoryEntry = Record<string, unknown>

export interface PendingToolCall {
  readonly id: string
  readonly name: string
  /** JSON text. */
  readonly arguments: string
}

export interface FakePending {
  readonly runId: string
  /** id of the approval_request_message (`pending_request_id`). */
  readonly messageId: string
  readonly toolCalls: ReadonlyArray<PendingToolCall>
}

export interface FakeAgent {
  readonly id: string
  name: string
  /** Model handle, `provider/model`. */
  model: string
  system: string
  agentType: string
  description: string | null
  blockIds: string[]
  tags: string[]
  /** Names of attached server tools. */
  tools: string[]
  toolRules: unknown[]
  metadata: Record<string, unknown>
  messages: HistoryEntry[]
  pending: FakePending | null
  lastStopReason: string | null
  /** How many times /summarize was called (compaction). */
  compactions?: number
  readonly createdAt: string
  updatedAt: string
}

export interface FakeBlock {
  readonly id: string
  label: string
  value: string
  description: string | null
  limit: number
  read_only: boolean
  metadata: Record<string, unknown>
  tags: string[]
  readonly createdAt: string
}

export interface FakeAgentInit {
  readonly id: string
  readonly name: string
  readonly model: string
  readonly system: string
  readonly agentType: string
  readonly description: string | null
  readonly blockIds: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
  readonly tools: ReadonlyArray<string>
  readonly toolRules: ReadonlyArray<unknown>
}

export interface FakeBlockInit {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly description: string | null
  readonly limit: number
  readonly read_only: boolean
}

export interface FakeRun {
  readonly id: string
  readonly agentId: string
  status: "created" | "running" | "completed" | "failed" | "cancelled"
  stopReason: string | null
  readonly background: boolean
  /** `client_tools` of the request that started the run (null when none were sent). */
  readonly clientTools: ReadonlyArray<Record<string, unknown>> | null
  readonly createdAt: string
  completedAt: string | null
  error: { readonly type: string; readonly message: string; readonly detail: string | null } | null
}
