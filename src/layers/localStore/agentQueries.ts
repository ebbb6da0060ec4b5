/** The store's agent rows: creating an agent (with its blocks attached), reading, listing, changing its model, deleting it. */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import type { LocalStoreShape } from "../../services/LocalStore.js"
import { now, type StoreAccess } from "./access.js"
import { newId } from "./ids.js"
import { decodeAgent, type AgentRow } from "./rows.js"

export const agentQueries = (
  sql: SqlClient.SqlClient,
  { read, write }: StoreAccess
): Pick<LocalStoreShape, "createAgent" | "getAgent" | "listAgents" | "setAgentModel" | "deleteAgent"> => {
  const agentById = (agentId: string) =>
    Effect.map(sql<AgentRow>`SELECT * FROM agents WHERE id = ${agentId}`, (rows) => (rows[0] === undefined ? undefined : decodeAgent(rows[0])))

  return {
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

    // Messages, runs and attachments go with it (ON DELETE CASCADE); the blocks and their history stay.
    deleteAgent: (agentId) => write("delete the agent", Effect.asVoid(sql`DELETE FROM agents WHERE id = ${agentId}`))
  }
}
