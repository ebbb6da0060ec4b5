/**
 * The tools the agent loop runs itself: the memory tools and
 * conversation_search. They are the agent's own memory: no approval, no permission engine.
 * A failure is a tool result with status "error"; the loop goes on.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { StoreError } from "../../domain/errors.js"
import type { AgentRecord, ToolCallRecord } from "../../domain/localState.js"
import { REFLECTION_TAG } from "../../domain/memory.js"
import { LocalStore } from "../../services/LocalStore.js"
import { formatSearchResults, ftsQuery, ftsQueryAny, parseSearchArguments } from "./conversationSearch.js"
import { MEMORY_TOOLS, runMemoryTool } from "./memoryTools.js"

export const SEARCH_TOOL = "conversation_search"

/** Every tool a local agent has besides the client's. */
export const SERVER_TOOL_NAMES: ReadonlyArray<string> = [...MEMORY_TOOLS, SEARCH_TOOL]

export interface ToolOutcome {
  readonly status: "success" | "error"
  readonly output: string
}

const conversationSearch = (agent: AgentRecord, argumentsJson: string) =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    const parsed = parseSearchArguments(argumentsJson)
    if (Either.isLeft(parsed)) return { status: "error", output: parsed.left } satisfies ToolOutcome
    const args = parsed.right
    const run = (match: string) =>
      store.search(agent.id, { match, roles: args.roles, limit: args.limit, startDate: args.startDate, endDate: args.endDate })
    const all = ftsQuery(args.query)
    let hits = all === undefined ? [] : yield* run(all)
    // Every word found together first; failing that, any of them.
    const any = ftsQueryAny(args.query)
    if (hits.length === 0 && any !== undefined && any !== all) hits = yield* run(any)
    return { status: "success", output: formatSearchResults(hits, args.query) } satisfies ToolOutcome
  })

export const runServerTool = (agent: AgentRecord, call: ToolCallRecord): Effect.Effect<ToolOutcome, StoreError, LocalStore> => {
  if (call.name === SEARCH_TOOL) return conversationSearch(agent, call.arguments)
  if (MEMORY_TOOLS.includes(call.name)) {
    return Effect.flatMap(LocalStore, (store) =>
      store.editMemory(
        agent.id,
        (blocks) => {
          const outcome = runMemoryTool(call.name, call.arguments, blocks)
          return { result: { status: outcome.status, output: outcome.text }, writes: outcome.status === "success" ? outcome.edits : [] }
        },
        // A reflection pass's own agent (tagged so) records its changes as the reflection's.
        { kind: agent.tags.includes(REFLECTION_TAG) ? "reflection" : "tool", agentId: agent.id, tool: call.name, toolCallId: call.id }
      )
    )
  }
  return Effect.succeed({ status: "error", output: `Tool '${call.name}' not found. Use one of the tools you were given.` })
}
