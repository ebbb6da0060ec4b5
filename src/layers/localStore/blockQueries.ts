/**
 * The store's memory blocks: creating and editing them, attaching them to agents, and the history
 * every change leaves (one block_changes row per value a block has had, n = 1 its creation).
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { BLOCK_LIMIT } from "../../domain/memory.js"
import type { BlockRecord, ChangeSource } from "../../domain/localState.js"
import type { LocalStoreShape } from "../../services/LocalStore.js"
import { now, type StoreAccess } from "./access.js"
import { newId } from "./ids.js"
import { decodeBlock, decodeChange, type BlockRow, type ChangeRow } from "./rows.js"

export const blockQueries = (
  sql: SqlClient.SqlClient,
  { read, write }: StoreAccess
): Pick<LocalStoreShape, "createBlock" | "getBlock" | "agentBlocks" | "editMemory" | "setBlockValue" | "blockHistory" | "memoryChangedAt"> => {
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

  return {
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
      )
  }
}
