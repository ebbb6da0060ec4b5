/**
 * The LocalStore over one SQLite file (@effect/sql + better-sqlite3): WAL journal so readers
 * never wait for a writer, foreign keys on, a busy timeout so processes take turns, and every
 * write transaction opened with BEGIN IMMEDIATE (a deferred one that reads first could not
 * upgrade to a write while another process commits; IMMEDIATE waits its turn instead).
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Reactivity from "@effect/experimental/Reactivity"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { StoreError } from "../domain/errors.js"
import { BLOCK_LIMIT } from "../domain/memory.js"
import type { BlockRecord, ChangeSource, MessageRecord, RunStatus } from "../domain/localState.js"
import { LocalStore, type LocalStoreShape } from "../services/LocalStore.js"
import { messageTokens, searchText } from "./localBackend/tokens.js"
import { migrate, recoverRuns } from "./localStore/open.js"
import {
  decodeAgent,
  decodeBlock,
  decodeChange,
  decodeHistoryValues,
  decodeMessage,
  type AgentRow,
  type BlockRow,
  type ChangeRow,
  type HistoryValues,
  type MessageRow
} from "./localStore/rows.js"
import { newId } from "./localStore/ids.js"

const now = () => new Date().toISOString()

/** Rows read per query when collecting the history that fits a budget. */
const HISTORY_BATCH = 256

/** A message row as MessageRow reads it: not `search_text`, a copy of the text read only by search. */
const MESSAGE_COLUMNS = "seq, id, agent_id, run_id, otid, role, created_at, body, tokens"

/** historyWindow's columns, in the order of HistoryValues. */
const HISTORY_VALUES = "seq, id, run_id, otid, created_at, body, tokens"

/** conversation_search ranks (bm25) at most this many of the newest matches. */
const SEARCH_CANDIDATES = 1_000

const make = (path: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const fail = (problem: string) => (error: SqlError) =>
      new StoreError({ path, problem: `${problem}: ${describeSqlError(error)}` })

    /** BEGIN IMMEDIATE transactions on the client's single connection. */
    const writeTransaction = SqlClient.makeWithTransaction({
      transactionTag: SqlClient.TransactionConnection,
      spanAttributes: [],
      acquireConnection: Effect.flatMap(Scope.make(), (scope) =>
        Effect.map(Scope.extend(sql.reserve, scope), (connection) => [scope, connection] as const)
      ),
      begin: (connection) => connection.executeUnprepared("BEGIN IMMEDIATE", [], undefined),
      savepoint: (connection, id) => connection.executeUnprepared(`SAVEPOINT effect_sql_${id}`, [], undefined),
      commit: (connection) => connection.executeUnprepared("COMMIT", [], undefined),
      rollback: (connection) => connection.executeUnprepared("ROLLBACK", [], undefined),
      rollbackSavepoint: (connection, id) => connection.executeUnprepared(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [], undefined)
    })
    const write = <A, R>(what: string, effect: Effect.Effect<A, SqlError, R>) => Effect.mapError(writeTransaction(effect), fail(`could not ${what}`))
    const read = <A, R>(what: string, effect: Effect.Effect<A, SqlError, R>) => Effect.mapError(effect, fail(`could not ${what}`))

    const agentById = (agentId: string) =>
      Effect.map(sql<AgentRow>`SELECT * FROM agents WHERE id = ${agentId}`, (rows) => (rows[0] === undefined ? undefined : decodeAgent(rows[0])))
    const blockById = (blockId: string) =>
      Effect.map(sql<BlockRow>`SELECT * FROM blocks WHERE id = ${blockId}`, (rows) => (rows[0] === undefined ? undefined : decodeBlock(rows[0])))
    const blocksOf = (agentId: string) =>
      Effect.map(
        sql<BlockRow>`SELECT b.* FROM blocks b JOIN agent_blocks ab ON ab.block_id = b.id WHERE ab.agent_id = ${agentId} ORDER BY ab.position`,
        (rows) => rows.map(decodeBlock)
      )

    /** Records a block's value after a change (n = 1 is its creation). */
    const recordChange = (block: BlockRecord, previous: string | undefined, source: ChangeSource) =>
      sql`INSERT INTO block_changes (block_id, n, at, value, previous, description, source, agent_id, tool, tool_call_id)
          VALUES (${block.id}, (SELECT COALESCE(MAX(n), 0) + 1 FROM block_changes WHERE block_id = ${block.id}), ${block.updatedAt},
                  ${block.value}, ${previous ?? null}, ${block.description}, ${source.kind}, ${source.agentId ?? null},
                  ${source.tool ?? null}, ${source.toolCallId ?? null})`

    const insertBlock = (label: string, value: string, description: string, limit: number, source: ChangeSource) =>
      Effect.gen(function* () {
        const at = now()
        const block: BlockRecord = { id: newId("block"), label, value, description, limit, readOnly: false, updatedAt: at }
        yield* sql`INSERT INTO blocks (id, label, value, description, char_limit, read_only, created_at, updated_at)
                   VALUES (${block.id}, ${label}, ${value}, ${description}, ${limit}, 0, ${at}, ${at})`
        yield* recordChange(block, undefined, source)
        return block
      })

    const updateBlock = (current: BlockRecord, change: { value?: string | undefined; description?: string | undefined; label?: string | undefined }, source: ChangeSource) =>
      Effect.gen(function* () {
        const next: BlockRecord = {
          ...current,
          value: change.value ?? current.value,
          description: change.description ?? current.description,
          label: change.label ?? current.label,
          updatedAt: now()
        }
        yield* sql`UPDATE blocks SET value = ${next.value}, description = ${next.description}, label = ${next.label},
                   updated_at = ${next.updatedAt} WHERE id = ${current.id}`
        yield* recordChange(next, current.value, source)
        return next
      })

    const floorOf = (agentId: string) =>
      Effect.map(sql<{ context_start_seq: number }>`SELECT context_start_seq FROM agents WHERE id = ${agentId}`, (rows) => rows[0]?.context_start_seq ?? 0)

    const store: LocalStoreShape = {
      path,

      createAgent: (agent) =>
        write(
          "create the agent",
          Effect.gen(function* () {
            const id = newId("agent")
            const at = now()
            yield* sql`INSERT INTO agents (id, name, system, model, tags, tools, created_at)
                       VALUES (${id}, ${agent.name}, ${agent.system}, ${agent.model}, ${JSON.stringify(agent.tags)},
                               ${JSON.stringify(agent.tools)}, ${at})`
            let position = 0
            for (const blockId of agent.blockIds) {
              yield* sql`INSERT INTO agent_blocks (agent_id, block_id, position) VALUES (${id}, ${blockId}, ${position++})`
            }
            const created = yield* agentById(id)
            return created!
          })
        ),

      getAgent: (agentId) => read("read the agent", agentById(agentId)),

      listAgents: ({ limit, tags }) =>
        read(
          "list agents",
          Effect.map(sql<AgentRow>`SELECT * FROM agents ORDER BY created_at DESC, rowid DESC`, (rows) =>
            rows
              .map(decodeAgent)
              .filter((agent) => tags.every((tag) => agent.tags.includes(tag)))
              .slice(0, limit)
          )
        ),

      setAgentModel: (agentId, model) => write("change the model", sql`UPDATE agents SET model = ${model} WHERE id = ${agentId}`),

      createBlock: (block, source) => write("create the block", insertBlock(block.label, block.value, block.description, block.limit, source)),

      getBlock: (blockId) => read("read the block", blockById(blockId)),

      agentBlocks: (agentId) => read("read the agent's memory", blocksOf(agentId)),

      editMemory: (agentId, compute, source) =>
        write(
          "edit memory",
          Effect.gen(function* () {
            const blocks = yield* blocksOf(agentId)
            const { result, writes } = compute(blocks)
            for (const change of writes) {
              switch (change.kind) {
                case "update": {
                  const current = blocks.find((block) => block.id === change.blockId)
                  if (current !== undefined) yield* updateBlock(current, change, source)
                  break
                }
                case "create": {
                  const block = yield* insertBlock(change.label, change.value, change.description, BLOCK_LIMIT, source)
                  yield* sql`INSERT INTO agent_blocks (agent_id, block_id, position)
                             VALUES (${agentId}, ${block.id}, (SELECT COALESCE(MAX(position), -1) + 1 FROM agent_blocks WHERE agent_id = ${agentId}))`
                  break
                }
                case "detach":
                  yield* sql`DELETE FROM agent_blocks WHERE agent_id = ${agentId} AND block_id = ${change.blockId}`
                  break
              }
            }
            return result
          })
        ),

      setBlockValue: (blockId, value, source) =>
        write(
          "update the block",
          Effect.gen(function* () {
            const current = yield* blockById(blockId)
            return current === undefined ? undefined : yield* updateBlock(current, { value }, source)
          })
        ),

      blockHistory: (blockId) =>
        read("read the block's history", Effect.map(sql<ChangeRow>`SELECT * FROM block_changes WHERE block_id = ${blockId} ORDER BY n DESC`, (rows) => rows.map(decodeChange))),

      memoryChangedAt: (agentId) =>
        read(
          "read the agent's memory",
          Effect.map(
            sql<{ at: string | null }>`SELECT MAX(b.updated_at) AS at FROM blocks b JOIN agent_blocks ab ON ab.block_id = b.id WHERE ab.agent_id = ${agentId}`,
            (rows) => rows[0]?.at ?? undefined
          )
        ),

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
        ),

      startRun: (agentId, runId) =>
        write("start the run", sql`INSERT INTO runs (id, agent_id, status, pid, created_at) VALUES (${runId}, ${agentId}, 'running', ${process.pid}, ${now()})`),

      finishRun: (runId, status, stopReason) =>
        write(
          "finish the run",
          sql`UPDATE runs SET status = ${status}, stop_reason = ${stopReason ?? null}, finished_at = ${now()} WHERE id = ${runId} AND status = 'running'`
        ),

      runStatus: (runId) =>
        read("read the run", Effect.map(sql<{ status: RunStatus }>`SELECT status FROM runs WHERE id = ${runId}`, (rows) => rows[0]?.status)),

      cancelRuns: (agentId, runIds) =>
        write(
          "cancel the run",
          runIds.length === 0
            ? sql`UPDATE runs SET status = 'cancelled', stop_reason = 'cancelled', finished_at = ${now()} WHERE agent_id = ${agentId} AND status = 'running'`
            : sql`UPDATE runs SET status = 'cancelled', stop_reason = 'cancelled', finished_at = ${now()}
                  WHERE agent_id = ${agentId} AND status = 'running' AND id IN ${sql.in(runIds)}`
        )
    }
    return store
  })

const describeSqlError = (error: SqlError): string => {
  const cause: unknown = error.cause
  return cause instanceof Error ? cause.message : error.message
}

/** The store in the database at `path` (its directory made, the file created and migrated on first use). */
export const LocalStoreSqlite = (path: string): Layer.Layer<LocalStore, StoreError> =>
  Layer.scoped(
    LocalStore,
    Effect.gen(function* () {
      yield* Effect.try({
        try: () => mkdirSync(dirname(path), { recursive: true, mode: 0o700 }),
        catch: (cause) => new StoreError({ path, problem: `cannot create its directory: ${cause instanceof Error ? cause.message : String(cause)}` })
      })
      // better-sqlite3 throws from its constructor (unreadable file, not a database): a typed failure, not a crash.
      const client = yield* SqliteClient.make({ filename: path, prepareCacheSize: 64 }).pipe(
        Effect.catchAllDefect((cause) =>
          Effect.fail(new StoreError({ path, problem: cause instanceof Error ? cause.message : String(cause) }))
        )
      )
      yield* migrate(client, path)
      yield* recoverRuns(client, path)
      return yield* Effect.provideService(make(path), SqlClient.SqlClient, client)
    }).pipe(Effect.provide(Reactivity.layer))
  )
