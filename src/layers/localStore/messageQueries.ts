/**
 * The store's message history: saving a step's messages (with the agent's state after it), the
 * newest history that fits a token budget, ranges and recent messages, full-text search, and
 * clearing the context (a floor under which messages stay stored but are no longer sent).
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import type { MessageRecord } from "../../domain/localState.js"
import type { LocalStoreShape } from "../../services/LocalStore.js"
import { messageTokens, searchText } from "../localBackend/tokens.js"
import { now, type StoreAccess } from "./access.js"
import { decodeHistoryValues, decodeMessage, type HistoryValues, type MessageRow } from "./rows.js"

/** Rows read per query when collecting the history that fits a budget. */
const HISTORY_BATCH = 256

/** A message row as MessageRow reads it: not `search_text`, a copy of the text read only by search. */
const MESSAGE_COLUMNS = "seq, id, agent_id, run_id, otid, role, created_at, body, tokens"

/** historyWindow's columns, in the order of HistoryValues. */
const HISTORY_VALUES = "seq, id, run_id, otid, created_at, body, tokens"

/** conversation_search ranks (bm25) at most this many of the newest matches. */
const SEARCH_CANDIDATES = 1_000

export const messageQueries = (
  sql: SqlClient.SqlClient,
  { read, write }: StoreAccess
): Pick<
  LocalStoreShape,
  "hasOtid" | "commit" | "latestSummary" | "historyWindow" | "messagesBetween" | "recentMessages" | "messageCount" | "search" | "resetContext"
> => {
  const floorOf = (agentId: string) =>
    Effect.map(sql<{ context_start_seq: number }>`SELECT context_start_seq FROM agents WHERE id = ${agentId}`, (rows) => rows[0]?.context_start_seq ?? 0)

  return {
    hasOtid: (agentId, otid) =>
      read("read the history", Effect.map(sql`SELECT 1 FROM messages WHERE agent_id = ${agentId} AND otid = ${otid} LIMIT 1`, (rows) => rows.length > 0)),

    commit: (agentId, messages, state) =>
      write(
        "save the conversation",
        Effect.gen(function* () {
          const saved: Array<MessageRecord> = []
          for (const message of messages) {
            const at = now()
            const tokens = messageTokens(message.body)
            const rows = yield* sql<{ seq: number }>`INSERT INTO messages (id, agent_id, run_id, otid, role, created_at, body, search_text, tokens)
              VALUES (${message.id}, ${agentId}, ${message.runId ?? null}, ${message.otid ?? null}, ${message.body._tag}, ${at},
                      ${JSON.stringify(message.body)}, ${searchText(message.body)}, ${tokens}) RETURNING seq`
            saved.push({ seq: rows[0]!.seq, id: message.id, agentId, runId: message.runId, otid: message.otid, createdAt: at, body: message.body, tokens })
          }
          if (state.pending !== undefined) {
            yield* sql`UPDATE agents SET pending = ${state.pending === null ? null : JSON.stringify(state.pending)} WHERE id = ${agentId}`
          }
          if (state.lastStopReason !== undefined) yield* sql`UPDATE agents SET last_stop_reason = ${state.lastStopReason} WHERE id = ${agentId}`
          return saved
        })
      ),

    latestSummary: (agentId, afterSeq) =>
      read(
        "read the history",
        Effect.map(
          sql<MessageRow>`SELECT ${sql.literal(MESSAGE_COLUMNS)} FROM messages WHERE agent_id = ${agentId} AND role = 'summary' AND seq > ${afterSeq} ORDER BY seq DESC LIMIT 1`,
          (rows) => (rows[0] === undefined ? undefined : decodeMessage(rows[0]))
        )
      ),

    historyWindow: (agentId, afterSeq, maxTokens, messageCap) =>
      read(
        "read the history",
        Effect.gen(function* () {
          const newestFirst: Array<MessageRecord> = []
          let tokens = 0
          let before = Number.MAX_SAFE_INTEGER
          while (true) {
            // Rows as arrays, and without agent_id (it is `agentId`): better-sqlite3 builds an
            // object per row and a string per column, ~40 % of reading a thousand messages.
            const rows = (yield* sql`SELECT ${sql.literal(HISTORY_VALUES)} FROM messages WHERE agent_id = ${agentId} AND seq > ${afterSeq}
              AND seq < ${before} AND role != 'summary' ORDER BY seq DESC LIMIT ${HISTORY_BATCH}`.values) as ReadonlyArray<HistoryValues>
            for (const row of rows) {
              const cost = Math.min(row[6], messageCap)
              if (tokens + cost > maxTokens) return { messages: newestFirst.reverse(), more: true, tokens }
              tokens += cost
              newestFirst.push(decodeHistoryValues(agentId, row))
            }
            if (rows.length < HISTORY_BATCH) return { messages: newestFirst.reverse(), more: false, tokens }
            before = rows[rows.length - 1]![0]
          }
        })
      ),

    messagesBetween: (agentId, afterSeq, throughSeq, limit) =>
      read(
        "read the history",
        Effect.map(
          sql<MessageRow>`SELECT * FROM (SELECT ${sql.literal(MESSAGE_COLUMNS)} FROM messages WHERE agent_id = ${agentId} AND seq > ${afterSeq} AND seq <= ${throughSeq}
            AND role != 'summary' ORDER BY seq DESC LIMIT ${limit}) ORDER BY seq`,
          (rows) => rows.map(decodeMessage)
        )
      ),

    recentMessages: (agentId, limit) =>
      read(
        "read the history",
        Effect.gen(function* () {
          const floor = yield* floorOf(agentId)
          const rows = yield* sql<MessageRow>`SELECT * FROM (SELECT ${sql.literal(MESSAGE_COLUMNS)} FROM messages WHERE agent_id = ${agentId} AND seq > ${floor}
            AND role != 'summary' ORDER BY seq DESC LIMIT ${limit}) ORDER BY seq`
          return rows.map(decodeMessage)
        })
      ),

    messageCount: (agentId) =>
      read(
        "count the history",
        // Kept by triggers (migration 2): counting 100 000 messages costs ~4 ms even from an index alone.
        Effect.map(sql<{ n: number }>`SELECT message_count AS n FROM agents WHERE id = ${agentId}`, (rows) => rows[0]?.n ?? 0)
      ),

    search: (agentId, query) =>
      read(
        "search the history",
        Effect.map(
          // CROSS JOIN keeps the full-text index the outer loop: left to itself, SQLite walks the
          // agent's messages and tests MATCH on each (seconds at 100 000 messages). The newest
          // SEARCH_CANDIDATES matches are then ranked by bm25; ranking every match of a common
          // word would cost ~60 ms at that size.
          sql<{ role: string; created_at: string; search_text: string }>`SELECT role, created_at, search_text FROM (
              SELECT m.seq, m.role, m.created_at, m.search_text, bm25(messages_fts) AS score FROM messages_fts
              CROSS JOIN messages m ON m.seq = messages_fts.rowid
              WHERE messages_fts MATCH ${query.match} AND m.agent_id = ${agentId}
                AND m.role IN ${sql.in(query.roles.length > 0 ? query.roles : ["user", "assistant", "tool"])}
                AND m.created_at >= ${query.startDate ?? ""} AND m.created_at <= ${query.endDate ?? "9999"}
              ORDER BY messages_fts.rowid DESC LIMIT ${SEARCH_CANDIDATES})
            ORDER BY score, seq DESC LIMIT ${query.limit}`,
          (rows) => rows.map((row) => ({ role: row.role, date: row.created_at, text: row.search_text }))
        )
      ),

    resetContext: (agentId) =>
      write(
        "clear the history",
        sql`UPDATE agents SET context_start_seq = (SELECT COALESCE(MAX(seq), 0) FROM messages WHERE agent_id = ${agentId}), pending = NULL
            WHERE id = ${agentId}`
      )
  }
}
