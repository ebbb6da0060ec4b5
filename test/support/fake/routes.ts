/** REST routes of the fake other than the message turn: agents, core-memory blocks, blocks, models, tools, runs. */
import type { IncomingMessage, ServerResponse } from "node:http"
import type { Engine } from "./engine.js"
import { BASE_TOOLS_V1, SERVER_TOOLS, SERVER_VERSION, type FakeStore } from "./store.js"
import type { FakeAgent, FakeBlock } from "./types.js"
import { httpError, isRecord, isStringArray, isValidId, isoDate, pyList, sendJson, validationError, type Json } from "./util.js"

export interface RequestCtx {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly method: string
  /** Path segments after `/v1`, trailing slash removed. */
  readonly segments: ReadonlyArray<string>
  readonly query: URLSearchParams
  readonly body: unknown
}

const NAME = /^[\p{L}\p{N}_ '-]+$/u

export const agentOf = (store: FakeStore, id: string): FakeAgent => {
  if (!isValidId("agent", id)) throw validationError(["path", "agent_id"], "Value error, Agent ID must be 'agent-' followed by a UUID4", id)
  const agent = store.agents.get(id)
  if (!agent) throw httpError(404, "Agent not found")
  return agent
}

const blockOf = (store: FakeStore, id: string): FakeBlock => {
  if (!isValidId("block", id)) throw validationError(["path", "block_id"], "Value error, Block ID must be 'block-' followed by a UUID4", id)
  const block = store.blocks.get(id)
  if (!block) throw httpError(404, "Block not found")
  return block
}

const bodyOf = (ctx: RequestCtx): Json => {
  if (ctx.body === undefined || ctx.body === null) return {}
  if (!isRecord(ctx.body)) throw validationError(["body"], "Input should be a valid dictionary", ctx.body)
  return ctx.body
}

const optString = (body: Json, key: string): string | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== "string") throw validationError(["body", key], "Input should be a valid string", v)
  return v
}
const optNumber = (body: Json, key: string): number | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== "number" || !Number.isFinite(v)) throw validationError(["body", key], "Input should be a valid number", v)
  return v
}
const optBool = (body: Json, key: string): boolean | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== "boolean") throw validationError(["body", key], "Input should be a valid boolean", v)
  return v
}
const optStrings = (body: Json, key: string): string[] | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (!isStringArray(v)) throw validationError(["body", key], "Input should be a valid list of strings", v)
  return v
}

/** `first`/`limit` page of `items` (already in output order) after/before a strict id cursor. */
export const paginate = <T>(items: ReadonlyArray<T>, idOf: (t: T) => string, query: URLSearchParams, defaultLimit: number, keepNewest = false): T[] => {
  let start = 0
  let end = items.length
  const after = query.get("after")
  const before = query.get("before")
  if (after !== null) {
    let idx = -1
    items.forEach((t, i) => {
      if (idOf(t) === after) idx = i
    })
    if (idx < 0) return []
    start = idx + 1
  }
  if (before !== null) {
    const idx = items.findIndex((t) => idOf(t) === before)
    if (idx < 0) return []
    end = Math.min(end, idx)
  }
  const rawLimit = query.get("limit")
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 0) throw validationError(["query", "limit"], "Input should be a valid integer", rawLimit)
  const range = items.slice(start, Math.max(start, end))
  return keepNewest || (before !== null && after === null) ? range.slice(Math.max(0, range.length - limit)) : range.slice(0, limit)
}

export class Routes {
  constructor(
    private readonly store: FakeStore,
    private readonly engine: Engine
  ) {}

  /** Handle a route; false = no such route (the caller answers 404/405). */
  handle(ctx: RequestCtx): boolean | "method" {
    const s = ctx.segments
    const m = ctx.method
    const [a, b, c, d, e, f] = s
    if (s.length === 1 && a === "health") return this.only(ctx, "GET", () => ({ version: SERVER_VERSION, status: "ok" }))
    if (a === "models" && s.length === 1) return this.only(ctx, "GET", () => this.store.models.map((h) => this.store.serializeModel(h)))
    if (a === "tools" && s.length === 1) return this.only(ctx, "GET", () => SERVER_TOOLS.map((t) => this.store.serializeTool(t.name)))
    if (a === "tools" && b === "add-base-tools" && s.length === 2) return this.only(ctx, "POST", () => SERVER_TOOLS.map((t) => this.store.serializeTool(t.name)))
    if (a === "runs" && b !== undefined && s.length === 2) return this.only(ctx, "GET", () => this.run(b))
    if (a === "blocks") {
      if (s.length === 1) return m === "GET" ? this.reply(ctx, this.listBlocks(ctx)) : m === "POST" ? this.reply(ctx, this.createBlock(bodyOf(ctx))) : "method"
      if (s.length === 2 && b !== undefined) {
        if (m === "GET") return this.reply(ctx, this.store.serializeBlock(blockOf(this.store, b)))
        if (m === "PATCH") return this.reply(ctx, this.store.serializeBlock(this.updateBlock(blockOf(this.store, b), bodyOf(ctx))))
        if (m === "DELETE") {
          blockOf(this.store, b)
          this.store.deleteBlock(b)
          return this.reply(ctx, { message: `Block id=${b} successfully deleted` })
        }
        return "method"
      }
      return false
    }
    if (a !== "agents") return false
    if (s.length === 1) return m === "GET" ? this.reply(ctx, this.listAgents(ctx.query)) : m === "POST" ? this.reply(ctx, this.createAgent(bodyOf(ctx))) : "method"
    if (b === undefined) return false
    if (s.length === 2) {
      if (m === "GET") return this.reply(ctx, this.store.serializeAgent(agentOf(this.store, b), new Set(ctx.query.getAll("include"))))
      if (m === "PATCH") return this.reply(ctx, this.updateAgent(agentOf(this.store, b), bodyOf(ctx)))
      if (m === "DELETE") {
        agentOf(this.store, b)
        this.store.deleteAgent(b)
        this.engine.forget(b)
        return this.reply(ctx, { message: `Agent id=${b} successfully deleted` })
      }
      return "method"
    }
    if (c === "reset-messages" && s.length === 3) {
      if (m !== "PATCH") return "method"
      const agent = agentOf(this.store, b)
      agent.messages = agent.messages.filter((msg) => msg["message_type"] === "system_message").slice(0, 1)
      agent.pending = null
      agent.lastStopReason = null
      this.engine.forget(agent.id)
      return this.reply(ctx, this.store.serializeAgent(agent, "all"))
    }
    if (c === "summarize" && s.length === 3) {
      if (m !== "POST") return "method"
      // Compaction: the history stays listable; the server reports the context's message counts.
      const agent = agentOf(this.store, b)
      agent.compactions = (agent.compactions ?? 0) + 1
      const before = agent.messages.length
      return this.reply(ctx, { num_messages_before: before, num_messages_after: Math.min(before, 2), summary: "The earlier conversation, summarised." })
    }
    if (c === "tools" && s.length === 3) return this.only(ctx, "GET", () => agentOf(this.store, b).tools.map((t) => this.store.serializeTool(t)))
    if (c === "tools" && s.length === 5 && e !== undefined && (d === "attach" || d === "detach" || d === "approval")) {
      if (m !== "PATCH") return "method"
      const agent = agentOf(this.store, b)
      if (d === "approval") {
        const required = optBool(bodyOf(ctx), "requires_approval")
        if (required === undefined) throw validationError(["body", "requires_approval"], "Field required", ctx.body)
        agent.toolRules = agent.toolRules.filter((r) => !(isRecord(r) && r["type"] === "requires_approval" && r["tool_name"] === e))
        if (required) agent.toolRules.push({ type: "requires_approval", tool_name: e, prompt_template: null })
        return this.reply(ctx, this.store.serializeAgent(agent, "all"))
      }
      if (!isValidId("tool", e)) throw validationError(["path", "tool_id"], "Value error, Tool ID must be 'tool-' followed by a UUID4", e)
      const name = [...this.store.toolIds.entries()].find(([, id]) => id === e)?.[0]
      if (name === undefined) throw httpError(404, `Tool with id ${e} not found`)
      if (d === "attach" && !agent.tools.includes(name)) agent.tools.push(name)
      if (d === "detach") agent.tools = agent.tools.filter((t) => t !== name)
      return this.reply(ctx, this.store.serializeAgent(agent, "all"))
    }
    if (c === "core-memory" && d === "blocks") {
      if (s.length === 4) {
        return this.only(ctx, "GET", () => {
          const agent = agentOf(this.store, b)
          return paginate(this.store.agentBlocks(agent), (x) => x.id, ctx.query, 50).map((x) => this.store.serializeBlock(x))
        })
      }
      if (s.length === 6 && (e === "attach" || e === "detach") && f !== undefined) {
        if (m !== "PATCH") return "method"
        const agent = agentOf(this.store, b)
        const block = blockOf(this.store, f)
        if (e === "attach" && !agent.blockIds.includes(block.id)) agent.blockIds.push(block.id)
        if (e === "detach") agent.blockIds = agent.blockIds.filter((id) => id !== block.id)
        agent.updatedAt = isoDate()
        return this.reply(ctx, this.store.serializeAgent(agent, "all"))
      }
      if (s.length === 5 && e !== undefined) {
        const agent = agentOf(this.store, b)
        const block = this.store.agentBlock(agent, e)
        if (m !== "GET" && m !== "PATCH") return "method"
        if (!block) throw httpError(404, `No block with label '${e}' found for agent '${agent.id}'`)
        return this.reply(ctx, this.store.serializeBlock(m === "GET" ? block : this.updateBlock(block, bodyOf(ctx))))
      }
    }
    return false
  }

  private reply(ctx: RequestCtx, body: unknown): true {
    sendJson(ctx.res, 200, body)
    return true
  }

  private only(ctx: RequestCtx, method: string, produce: () => unknown): true | "method" {
    return ctx.method === method ? this.reply(ctx, produce()) : "method"
  }

  private run(id: string): Json {
    if (!isValidId("run", id)) throw validationError(["path", "run_id"], "Value error, Run ID must be 'run-' followed by a UUID4", id)
    const run = this.store.runs.get(id)
    if (!run) throw httpError(404, "Run not found")
    return this.store.serializeRun(run)
  }

  private listAgents(query: URLSearchParams): Json[] {
    const include = new Set(query.getAll("include"))
    const tags = query.getAll("tags")
    const matchAll = query.get("match_all_tags") === "true"
    const name = query.get("name")
    const text = query.get("query_text")?.toLowerCase()
    const desc = (query.get("order") ?? (query.get("ascending") === "true" ? "asc" : "desc")) === "desc"
    let agents = [...this.store.agents.values()]
    if (desc) agents.reverse()
    if (name !== null) agents = agents.filter((ag) => ag.name === name)
    if (text !== undefined) agents = agents.filter((ag) => ag.name.toLowerCase().includes(text))
    if (tags.length > 0) {
      agents = agents.filter((ag) => (matchAll ? tags.every((t) => ag.tags.includes(t)) : tags.some((t) => ag.tags.includes(t))))
    }
    return paginate(agents, (ag) => ag.id, query, 50).map((ag) => this.store.serializeAgent(ag, include))
  }

  private listBlocks(ctx: RequestCtx): Json[] {
    const label = ctx.query.get("label")
    const tags = ctx.query.getAll("tags")
    let blocks = [...this.store.blocks.values()]
    if (ctx.query.get("order") === "desc") blocks.reverse()
    if (label !== null) blocks = blocks.filter((x) => x.label === label)
    if (tags.length > 0) blocks = blocks.filter((x) => tags.some((t) => x.tags.includes(t)))
    return paginate(blocks, (x) => x.id, ctx.query, 50).map((x) => this.store.serializeBlock(x))
  }

  private createBlock(body: Json): Json {
    const label = optString(body, "label")
    const value = optString(body, "value")
    if (label === undefined) throw validationError(["body", "label"], "Field required", body)
    if (value === undefined) throw validationError(["body", "value"], "Field required", body)
    const block = this.store.createBlock({ label, value, description: optString(body, "description") ?? null, read_only: optBool(body, "read_only") ?? false, ...this.limitOf(body) })
    const tags = optStrings(body, "tags")
    if (tags) block.tags = tags
    if (isRecord(body["metadata"])) block.metadata = body["metadata"]
    return this.store.serializeBlock(block)
  }

  private limitOf(body: Json): { limit?: number } {
    const limit = optNumber(body, "limit")
    return limit === undefined ? {} : { limit }
  }

  private updateBlock(block: FakeBlock, body: Json): FakeBlock {
    const value = optString(body, "value")
    const label = optString(body, "label")
    const description = optString(body, "description")
    const limit = optNumber(body, "limit")
    const readOnly = optBool(body, "read_only")
    if (value !== undefined) block.value = value
    if (label !== undefined) block.label = label
    if (description !== undefined) block.description = description
    if (limit !== undefined) block.limit = limit
    if (readOnly !== undefined) block.read_only = readOnly
    if (isRecord(body["metadata"])) block.metadata = body["metadata"]
    const tags = optStrings(body, "tags")
    if (tags) block.tags = tags
    return block
  }

  private checkModel(model: string): void {
    if (!model.includes("/")) throw httpError(400, `Invalid model handle '${model}': expected the format 'provider/model-name'`)
    if (!this.store.models.includes(model)) throw httpError(404, `Handle ${model} not found, must be one of ${pyList([...this.store.models])}`)
  }

  private toolNames(body: Json, current: ReadonlyArray<string>): string[] {
    const names = [...current]
    const add = (n: string): void => {
      if (!names.includes(n)) names.push(n)
    }
    const byName = optStrings(body, "tools") ?? []
    const missing = byName.filter((n) => !SERVER_TOOLS.some((t) => t.name === n))
    if (missing.length > 0) throw httpError(400, `Tools not found by name: ${pyList(missing)}`)
    byName.forEach(add)
    for (const id of optStrings(body, "tool_ids") ?? []) {
      const entry = [...this.store.toolIds.entries()].find(([, tid]) => tid === id)
      if (!entry) throw httpError(404, `Tool with id ${id} not found`)
      add(entry[0])
    }
    return names
  }

  private blockIdsOf(body: Json): string[] | undefined {
    const ids = optStrings(body, "block_ids")
    for (const id of ids ?? []) if (!this.store.blocks.has(id)) throw httpError(404, `Block not found: ${id}`)
    return ids
  }

  private createAgent(body: Json): Json {
    const name = optString(body, "name")
    if (name !== undefined && !NAME.test(name)) throw validationError(["body", "name"], "String should match pattern '^[\\w '\\-]+$'", name)
    const model = optString(body, "model")
    if (model !== undefined) this.checkModel(model)
    const agentType = optString(body, "agent_type") ?? "letta_v1_agent"
    const system = optString(body, "system")
    const toolRules: unknown[] = Array.isArray(body["tool_rules"]) ? body["tool_rules"] : []
    const base = optBool(body, "include_base_tools") ?? true
    const tools = this.toolNames(body, base ? BASE_TOOLS_V1 : [])
    const blockIds = this.blockIdsOf(body) ?? []
    const rawBlocks = body["memory_blocks"] ?? []
    if (!Array.isArray(rawBlocks)) throw validationError(["body", "memory_blocks"], "Input should be a valid list", rawBlocks)
    const specs = rawBlocks.map((spec, i) => {
      if (!isRecord(spec) || typeof spec["label"] !== "string" || typeof spec["value"] !== "string") {
        throw validationError(["body", "memory_blocks", i], "Field required: label and value", spec)
      }
      return spec
    })
    const created = specs.map((spec) =>
      this.store.createBlock({
        label: String(spec["label"]),
        value: String(spec["value"]),
        description: optString(spec, "description") ?? null,
        read_only: optBool(spec, "read_only") ?? false,
        ...this.limitOf(spec)
      })
    )
    const agent = this.store.createAgent({
      ...(name !== undefined ? { name } : {}),
      ...(model !== undefined ? { model } : {}),
      ...(system !== undefined ? { system } : {}),
      agentType,
      description: optString(body, "description") ?? null,
      blockIds: [...created.map((x) => x.id), ...blockIds.filter((id) => !created.some((x) => x.id === id))],
      tags: optStrings(body, "tags") ?? [],
      tools,
      toolRules
    })
    if (isRecord(body["metadata"])) agent.metadata = body["metadata"]
    return this.store.serializeAgent(agent, "all")
  }

  private updateAgent(agent: FakeAgent, body: Json): Json {
    const name = optString(body, "name")
    if (name !== undefined && !NAME.test(name)) throw validationError(["body", "name"], "String should match pattern '^[\\w '\\-]+$'", name)
    const model = optString(body, "model")
    if (model !== undefined) this.checkModel(model)
    const blockIds = this.blockIdsOf(body)
    const tools = body["tools"] !== undefined || body["tool_ids"] !== undefined ? this.toolNames(body, []) : undefined
    if (name !== undefined) agent.name = name
    if (model !== undefined) agent.model = model
    const system = optString(body, "system")
    if (system !== undefined) agent.system = system
    const description = optString(body, "description")
    if (description !== undefined) agent.description = description
    const tags = optStrings(body, "tags")
    if (tags) agent.tags = tags
    if (blockIds) agent.blockIds = blockIds
    if (tools) agent.tools = tools
    const toolRules: unknown = body["tool_rules"]
    if (Array.isArray(toolRules)) agent.toolRules = [...toolRules]
    if (isRecord(body["metadata"])) agent.metadata = body["metadata"]
    agent.updatedAt = isoDate()
    return this.store.serializeAgent(agent, "all")
  }
}
