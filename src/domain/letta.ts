/**
 * What the client needs of the Letta v1 API, as domain types. The SDK's own types stay inside
 * layers/LettaApiHttp.ts; everything crossing that boundary is decoded with these Schemas.
 */
import * as Schema from "effect/Schema"

const NullableString = Schema.optional(Schema.NullOr(Schema.String))
const NullableNumber = Schema.optional(Schema.NullOr(Schema.Number))

/** One tool call, whole (step mode) or a token-mode delta (any key may be null or absent). */
export const ToolCallPart = Schema.Struct({
  name: NullableString,
  arguments: NullableString,
  tool_call_id: NullableString
})
export type ToolCallPart = typeof ToolCallPart.Type

/**
 * One streamed chunk (or history entry). Deliberately one permissive struct rather than a
 * union: chunk decoding is on the hot path of every token, and the pipeline switches on
 * `message_type` itself. Fields it does not use are kept in the raw object for stream-json.
 */
export const LettaMessage = Schema.Struct({
  message_type: Schema.String,
  id: NullableString,
  otid: NullableString,
  run_id: NullableString,
  date: NullableString,
  content: Schema.optional(Schema.Unknown),
  reasoning: NullableString,
  tool_call: Schema.optional(Schema.NullOr(ToolCallPart)),
  tool_calls: Schema.optional(Schema.NullOr(Schema.Union(ToolCallPart, Schema.Array(ToolCallPart)))),
  tool_return: Schema.optional(Schema.Unknown),
  tool_call_id: NullableString,
  status: NullableString,
  stop_reason: NullableString,
  prompt_tokens: NullableNumber,
  completion_tokens: NullableNumber,
  total_tokens: NullableNumber,
  step_count: NullableNumber,
  // error_message
  error_type: NullableString,
  message: NullableString,
  detail: Schema.optional(Schema.Unknown)
})
export type LettaMessage = typeof LettaMessage.Type

/** A decoded chunk together with the exact object the server sent (for stream-json). */
export interface StreamChunk {
  readonly message: LettaMessage
  readonly raw: Readonly<Record<string, unknown>>
}

/** Text of a `content` field, which is a string or an array of `{type:"text", text}` parts. */
export const contentText = (content: unknown): string => {
  if (typeof content === "string") return content
  if (Array.isArray(content)) {
    let text = ""
    for (const part of content) {
      if (part !== null && typeof part === "object" && "text" in part && typeof part.text === "string") {
        text += part.text
      }
    }
    return text
  }
  return ""
}

/** The tool-call deltas of a chunk, whichever of the two spellings the server used. */
export const toolCallParts = (message: LettaMessage): ReadonlyArray<ToolCallPart> => {
  const calls = message.tool_calls
  if (Array.isArray(calls)) return calls
  if (calls !== null && calls !== undefined) return [calls as ToolCallPart]
  return message.tool_call ? [message.tool_call] : []
}

export interface PendingToolCall {
  readonly toolCallId: string
  readonly name: string
  readonly arguments: string
}

export const BlockInfo = Schema.Struct({
  id: Schema.String,
  label: NullableString,
  value: Schema.optionalWith(Schema.String, { default: () => "" }),
  description: NullableString,
  limit: NullableNumber
})
export type BlockInfo = typeof BlockInfo.Type

export const AgentInfo = Schema.Struct({
  id: Schema.String,
  name: NullableString,
  model: NullableString,
  llm_config: Schema.optional(
    Schema.NullOr(Schema.Struct({ model: NullableString, handle: NullableString, model_endpoint_type: NullableString }))
  ),
  tags: Schema.optional(Schema.NullOr(Schema.Array(Schema.String))),
  blocks: Schema.optional(Schema.NullOr(Schema.Array(BlockInfo))),
  last_stop_reason: NullableString,
  pending_approval: Schema.optional(Schema.NullOr(LettaMessage)),
  created_at: NullableString
})
export type AgentInfo = typeof AgentInfo.Type

/** The model handle of an agent, as the user would type it for `--model`. */
export const agentModel = (agent: AgentInfo): string | undefined =>
  agent.model ?? agent.llm_config?.handle ?? agent.llm_config?.model ?? undefined

export const ModelInfo = Schema.Struct({
  handle: NullableString,
  model: NullableString,
  name: NullableString,
  display_name: NullableString,
  provider_type: NullableString,
  context_window: NullableNumber,
  /** The local backend's own notes: false when the provider cannot be used yet, and why. */
  available: Schema.optional(Schema.Boolean),
  note: Schema.optional(Schema.String)
})
export type ModelInfo = typeof ModelInfo.Type

export const modelHandle = (model: ModelInfo): string | undefined => model.handle ?? undefined

/** A tool the client runs, as sent in `client_tools`. */
export interface ClientToolSpec {
  readonly name: string
  readonly description: string
  readonly parameters: Readonly<Record<string, unknown>>
}

/** One entry of an approval message. */
export type ApprovalAnswer =
  | {
      readonly type: "tool"
      readonly tool_call_id: string
      readonly status: "success" | "error"
      readonly tool_return: string
      readonly stdout?: ReadonlyArray<string>
      readonly stderr?: ReadonlyArray<string>
    }
  | { readonly type: "approval"; readonly tool_call_id: string; readonly approve: false; readonly reason: string }
  /** Lets the server run one of its own tools that asked for approval. */
  | { readonly type: "approval"; readonly tool_call_id: string; readonly approve: true }

/**
 * A fresh id for a message we send (its `otid`): a v4-format UUID. Not a secret, only an id the
 * server can tell a message by (a retried send keeps it), so Math.random does; node:crypto would
 * cost ~5 ms of every start-up to load.
 */
export const newOtid = (): string => {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(Math.random() * 16).toString(16)).join("")
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16)
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
}

export type MessageItem =
  | {
      readonly type: "message"
      readonly role: "user"
      readonly content: ReadonlyArray<{ readonly type: "text"; readonly text: string }>
      readonly otid: string
    }
  | { readonly type: "approval"; readonly otid: string; readonly approvals: ReadonlyArray<ApprovalAnswer> }

export interface SendMessageBody {
  readonly messages: ReadonlyArray<MessageItem>
  readonly client_tools: ReadonlyArray<ClientToolSpec>
  readonly stream_tokens: boolean
  readonly max_steps?: number
  /** A model handle for this request only (a custom command's `model:`); the agent keeps its own. */
  readonly override_model?: string
}

export interface CreateAgentBody {
  readonly name: string
  readonly system: string
  readonly model?: string
  readonly block_ids: ReadonlyArray<string>
  readonly tools: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
}

export interface CreateBlockBody {
  readonly label: string
  readonly value: string
  readonly description: string
  readonly limit: number
}
