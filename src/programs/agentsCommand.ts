/** `letta agents list`: the agents this tool created on the server, newest first. */
import * as Effect from "effect/Effect"
import { agentModel } from "../domain/letta.js"
import { AGENT_TAG } from "../domain/memory.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"

const LIST_LIMIT = 50

export const listAgents = Effect.gen(function* () {
  const api = yield* LettaApi
  const output = yield* Output
  const agents = yield* api.listAgents({ tags: [AGENT_TAG], limit: LIST_LIMIT })
  if (agents.length === 0) {
    yield* output.stderr(`No agents created by letta on ${api.displayName} yet.\n`)
    return
  }
  const rows = agents.map((agent) => [agent.id, agent.name ?? "", agentModel(agent) ?? "", agent.created_at?.slice(0, 19).replace("T", " ") ?? ""])
  const header = ["ID", "NAME", "MODEL", "CREATED"]
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: ReadonlyArray<string>) => `${cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()}\n`
  yield* output.stdout([header, ...rows].map(line).join(""))
})
