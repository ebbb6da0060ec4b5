/** Database rows to records. JSON columns are decoded with their Schemas: the file is not ours alone. */
import * as Schema from "effect/Schema"
import {
  type AgentRecord,
  type BlockChange,
  type BlockRecord,
  type ChangeSource,
  MessageBody,
  type MessageRecord,
  PendingApprovalFromJson,
  StringListFromJson
} from "../../domain/localState.js"

export interface AgentRow {
  readonly id: string
  readonly name: string
  readonly system: string
  readonly model: string
  readonly tags: string
  readonly tools: string
  readonly created_at: string
  readonly last_stop_reason: string | null
  readonly pending: string | null
  readonly context_start_seq: number
}

export interface BlockRow {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly description: string
  readonly char_limit: number
  readonly read_only: number
  readonly updated_at: string
}

export interface ChangeRow {
  readonly block_id: string
  readonly n: number
  readonly at: string
  readonly value: string
  readonly previous: string | null
  readonly description: string
  readonly source: string
  readonly agent_id: string | null
  readonly tool: string | null
  readonly tool_call_id: string | null
}

export interface MessageRow {
  readonly seq: number
  readonly id: string
  readonly agent_id: string
  readonly run_id: string | null
  readonly otid: string | null
  readonly role: string
  readonly created_at: string
  readonly body: string
  readonly tokens: number
}

const decodeStrings = Schema.decodeUnknownSync(StringListFromJson)
const decodePending = Schema.decodeUnknownSync(PendingApprovalFromJson)
// JSON.parse then the Schema: about half the cost of Schema.parseJson's transformation, which
// matters when a step's context reads a thousand messages.
const decodeBodyJson = Schema.decodeUnknownSync(MessageBody)
const decodeBody = (json: string): MessageBody => decodeBodyJson(JSON.parse(json))

export const decodeAgent = (row: AgentRow): AgentRecord => ({
  id: row.id,
  name: row.name,
  system: row.system,
  model: row.model,
  tags: decodeStrings(row.tags),
  tools: decodeStrings(row.tools),
  createdAt: row.created_at,
  lastStopReason: row.last_stop_reason ?? undefined,
  pending: row.pending === null ? undefined : decodePending(row.pending),
  contextStartSeq: row.context_start_seq
})

export const decodeBlock = (row: BlockRow): BlockRecord => ({
  id: row.id,
  label: row.label,
  value: row.value,
  description: row.description,
  limit: row.char_limit,
  readOnly: row.read_only !== 0,
  updatedAt: row.updated_at
})

const SOURCES: ReadonlyArray<ChangeSource["kind"]> = ["create", "tool", "user", "revert", "reflection"]

export const decodeChange = (row: ChangeRow): BlockChange => ({
  n: row.n,
  blockId: row.block_id,
  at: row.at,
  value: row.value,
  previous: row.previous ?? undefined,
  description: row.description,
  source: {
    kind: SOURCES.find((kind) => kind === row.source) ?? "user",
    agentId: row.agent_id ?? undefined,
    tool: row.tool ?? undefined,
    toolCallId: row.tool_call_id ?? undefined
  }
})

export const decodeMessage = (row: MessageRow): MessageRecord => ({
  seq: row.seq,
  id: row.id,
  agentId: row.agent_id,
  runId: row.run_id ?? undefined,
  otid: row.otid ?? undefined,
  createdAt: row.created_at,
  body: decodeBody(row.body),
  tokens: row.tokens
})

/** A message read as values (historyWindow): seq, id, run_id, otid, created_at, body, tokens. */
export type HistoryValues = readonly [number, string, string | null, string | null, string, string, number]

export const decodeHistoryValues = (agentId: string, [seq, id, runId, otid, createdAt, body, tokens]: HistoryValues): MessageRecord => ({
  seq,
  id,
  agentId,
  runId: runId ?? undefined,
  otid: otid ?? undefined,
  createdAt,
  body: decodeBody(body),
  tokens
})
