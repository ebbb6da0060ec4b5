/**
 * What the local backend keeps on disk, as Schemas: the JSON columns of
 * the database are decoded with these when read (the file is outside our process's control).
 */
import * as Schema from "effect/Schema"

export const ToolCallRecord = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  /** The arguments exactly as the model produced them. */
  arguments: Schema.String,
  /** Whether the client runs it (it came with the request's client_tools) or we do (memory tools). */
  runBy: Schema.Literal("client", "server")
})
export type ToolCallRecord = typeof ToolCallRecord.Type

export const Reasoning = Schema.Struct({ text: Schema.String, signature: Schema.optional(Schema.String) })

/** One history entry. Compaction never deletes these; a summary stands in for older ones in the context. */
export const MessageBody = Schema.Union(
  Schema.TaggedStruct("user", { text: Schema.String }),
  Schema.TaggedStruct("assistant", {
    text: Schema.String,
    reasoning: Schema.Array(Reasoning),
    toolCalls: Schema.Array(ToolCallRecord)
  }),
  Schema.TaggedStruct("tool", {
    toolCallId: Schema.String,
    toolName: Schema.String,
    status: Schema.Literal("success", "error"),
    output: Schema.String,
    stdout: Schema.optional(Schema.Array(Schema.String)),
    stderr: Schema.optional(Schema.Array(Schema.String))
  }),
  /** Stands in for every message of the agent up to `throughSeq` (and the summary before it). */
  Schema.TaggedStruct("summary", { text: Schema.String, throughSeq: Schema.Number })
)
export type MessageBody = typeof MessageBody.Type
export const MessageBodyFromJson = Schema.parseJson(MessageBody)

/** The calls an agent is paused on, and the server calls of the same model response still to run. */
export const PendingApproval = Schema.Struct({
  runId: Schema.String,
  /** The id of the assistant message whose calls are pending. */
  messageId: Schema.String,
  date: Schema.String,
  clientCalls: Schema.Array(ToolCallRecord),
  serverCalls: Schema.Array(ToolCallRecord)
})
export type PendingApproval = typeof PendingApproval.Type
export const PendingApprovalFromJson = Schema.parseJson(PendingApproval)

export const StringListFromJson = Schema.parseJson(Schema.Array(Schema.String))

export interface AgentRecord {
  readonly id: string
  readonly name: string
  readonly system: string
  readonly model: string
  readonly tags: ReadonlyArray<string>
  /** The server tools the agent has (memory tools, conversation_search). */
  readonly tools: ReadonlyArray<string>
  readonly createdAt: string
  readonly lastStopReason: string | undefined
  readonly pending: PendingApproval | undefined
  /** History up to this sequence number was cleared from the context (`/clear`); it stays searchable. */
  readonly contextStartSeq: number
}

export interface BlockRecord {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly description: string
  readonly limit: number
  readonly readOnly: boolean
  readonly updatedAt: string
}

/** Who changed a block: an agent's tool call, the user (`letta memory set`), a revert, a reflection pass. */
export interface ChangeSource {
  readonly kind: "create" | "tool" | "user" | "revert" | "reflection"
  readonly agentId?: string | undefined
  readonly tool?: string | undefined
  readonly toolCallId?: string | undefined
}

export interface BlockChange {
  /** 1 for the block's creation, then one more per change. */
  readonly n: number
  readonly blockId: string
  readonly at: string
  readonly value: string
  readonly previous: string | undefined
  readonly description: string
  readonly source: ChangeSource
}

export interface MessageRecord {
  readonly seq: number
  readonly id: string
  readonly agentId: string
  readonly runId: string | undefined
  readonly otid: string | undefined
  readonly createdAt: string
  readonly body: MessageBody
  /** Estimated tokens of the message as the model sees it. */
  readonly tokens: number
}

export interface NewMessage {
  readonly id: string
  readonly runId: string | undefined
  readonly otid: string | undefined
  readonly body: MessageBody
}

export interface SearchHit {
  readonly role: string
  readonly date: string
  readonly text: string
}

export type RunStatus = "running" | "completed" | "failed" | "cancelled"
