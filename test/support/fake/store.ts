/** In-memory state of the fake server (agents, blocks, runs, models, tools) and its wire serialisers. */
import type { FakeAgent, FakeAgentInit, FakeBlock, FakeBlockInit, FakeRun, HistoryEntry } from "./types.js"
import { isoDate, newId, otidFor, type Json } from "./util.js"

export const DEFAULT_MODELS: ReadonlyArray<string> = ["anthropic/claude-sonnet-4-5-20250929", "openai/gpt-5"]
export const DEFAULT_SYSTEM = "You are a helpful assistant."
export const DEFAULT_BLOCK_LIMIT = 100_000
export const SERVER_VERSION = "0.16.8"

/** Server tools a fresh server knows by name (§5.1, §14). */
export const SERVER_TOOLS: ReadonlyArray<{ readonly name: string; readonly type: string; readonly description: string }> = [
  { name: "memory", type: "letta_memory_core", description: "Edit memory blocks (create, str_replace, insert, delete, rename)." },
  { name: "memory_replace", type: "letta_memory_core", description: "Replace an exact, unique string in a memory block." },
  { name: "memory_insert", type: "letta_memory_core", description: "Insert text at a line of a memory block." },
  { name: "memory_rethink", type: "letta_memory_core", description: "Rewrite a memory block entirely." },
  { name: "conversation_search", type: "letta_core", description: "Search prior conversation history." },
  { name: "web_search", type: "letta_builtin", description: "Search the web." },
  { name: "fetch_webpage", type: "letta_builtin", description: "Fetch a web page as text." }
]
export const BASE_TOOLS_V1: ReadonlyArray<string> = ["conversation_search", "memory_insert", "memory_replace"]

const PROVIDER_TYPES = new Set([
  "anthropic", "azure", "baseten", "bedrock", "cerebras", "deepseek", "google_ai", "google_vertex", "groq",
  "letta", "minimax", "mistral", "moonshot", "ollama", "openai", "openrouter", "together", "vllm", "xai", "zai"
])
const ENDPOINT_TYPES = new Set([
  "openai", "anthropic", "google_ai", "google_vertex", "azure", "groq", "ollama", "vllm", "baseten", "minimax",
  "moonshot", "mistral", "together", "bedrock", "deepseek", "xai", "zai", "openrouter"
])

const providerOf = (handle: string): string => handle.slice(0, Math.max(0, handle.indexOf("/")))
const modelOf = (handle: string): string => handle.slice(handle.indexOf("/") + 1)
const contextWindowOf = (provider: string): number =>
  provider === "anthropic" ? 200_000 : provider.startsWith("google") ? 1_048_576 : 128_000

export class FakeStore {
  readonly agents = new Map<string, FakeAgent>()
  readonly blocks = new Map<string, FakeBlock>()
  readonly runs = new Map<string, FakeRun>()
  readonly toolIds = new Map<string, string>(SERVER_TOOLS.map((t) => [t.name, newId("tool")]))
  private readonly createdAtMs = new Map<string, number>()
  private lastStampMs = 0

  constructor(
    readonly models: ReadonlyArray<string>,
    readonly defaultModel: string
  ) {}

  private stamp(id: string): string {
    // Strictly increasing creation times keep "newest first" well defined.
    const ms = Math.max(Date.now(), this.lastStampMs + 1)
    this.lastStampMs = ms
    this.createdAtMs.set(id, ms)
    return isoDate(ms)
  }

  createBlock(init: Partial<FakeBlockInit> = {}): FakeBlock {
    const id = init.id ?? newId("block")
    const block: FakeBlock = {
      id,
      label: init.label ?? "block",
      value: init.value ?? "",
      description: init.description ?? null,
      limit: init.limit ?? DEFAULT_BLOCK_LIMIT,
      read_only: init.read_only ?? false,
      metadata: {},
      tags: [],
      createdAt: this.stamp(id)
    }
    this.blocks.set(id, block)
    return block
  }

  createAgent(init: Partial<FakeAgentInit> = {}): FakeAgent {
    const id = init.id ?? newId("agent")
    const createdAt = this.stamp(id)
    const system = init.system ?? DEFAULT_SYSTEM
    const agent: FakeAgent = {
      id,
      name: init.name ?? `agent-${id.slice(6, 14)}`,
      model: init.model ?? this.defaultModel,
      system,
      agentType: init.agentType ?? "letta_v1_agent",
      description: init.description ?? null,
      blockIds: [...(init.blockIds ?? [])],
      tags: [...(init.tags ?? [])],
      tools: [...(init.tools ?? [])],
      toolRules: [...(init.toolRules ?? [])],
      metadata: {},
      messages: [],
      pending: null,
      lastStopReason: null,
      createdAt,
      updatedAt: createdAt
    }
    agent.messages.push(systemMessage(system))
    this.agents.set(id, agent)
    return agent
  }

  createdMs(id: string): number {
    return this.createdAtMs.get(id) ?? 0
  }

  deleteBlock(id: string): void {
    this.blocks.delete(id)
    for (const agent of this.agents.values()) agent.blockIds = agent.blockIds.filter((b) => b !== id)
  }

  deleteAgent(id: string): void {
    this.agents.delete(id)
  }

  agentBlocks(agent: FakeAgent): FakeBlock[] {
    const out: FakeBlock[] = []
    for (const id of agent.blockIds) {
      const block = this.blocks.get(id)
      if (block) out.push(block)
    }
    return out
  }

  agentBlock(agent: FakeAgent, label: string): FakeBlock | undefined {
    return this.agentBlocks(agent).find((b) => b.label === label)
  }

  pendingApprovalMessage(agent: FakeAgent): HistoryEntry | null {
    const pending = agent.pending
    if (!pending) return null
    for (let i = agent.messages.length - 1; i >= 0; i--) {
      const m = agent.messages[i]
      if (m && m["id"] === pending.messageId && m["message_type"] === "approval_request_message") return m
    }
    return null
  }

  serializeBlock(block: FakeBlock): Json {
    return {
      id: block.id,
      label: block.label,
      value: block.value,
      limit: block.limit,
      description: block.description,
      read_only: block.read_only,
      metadata: block.metadata,
      tags: block.tags,
      is_template: false,
      template_name: null,
      template_id: null,
      base_template_id: null,
      deployment_id: null,
      entity_id: null,
      preserve_on_migration: false,
      hidden: null,
      project_id: null,
      created_by_id: null,
      last_updated_by_id: null
    }
  }

  serializeTool(name: string): Json {
    const info = SERVER_TOOLS.find((t) => t.name === name)
    const description = info?.description ?? null
    return {
      id: this.toolIds.get(name) ?? newId("tool"),
      name,
      tool_type: info?.type ?? "custom",
      description,
      source_type: "python",
      tags: [],
      json_schema: { name, description, parameters: { type: "object", properties: {}, required: [] } },
      args_json_schema: null,
      return_char_limit: 50_000,
      default_requires_approval: null,
      enable_parallel_execution: false,
      pip_requirements: null,
      npm_requirements: null,
      created_by_id: null,
      last_updated_by_id: null,
      metadata_: {}
    }
  }

  llmConfig(handle: string): Json {
    const provider = providerOf(handle)
    const model = modelOf(handle)
    return {
      model,
      display_name: model,
      model_endpoint_type: ENDPOINT_TYPES.has(provider) ? provider : "openai",
      model_endpoint: provider === "anthropic" ? "https://api.anthropic.com/v1" : "https://api.openai.com/v1",
      provider_name: provider,
      provider_category: "base",
      model_wrapper: null,
      context_window: contextWindowOf(provider),
      put_inner_thoughts_in_kwargs: false,
      handle,
      temperature: 0.7,
      max_tokens: null,
      enable_reasoner: true,
      reasoning_effort: null,
      max_reasoning_tokens: 0,
      frequency_penalty: null,
      compatibility_type: null,
      verbosity: null,
      tier: null,
      parallel_tool_calls: false
    }
  }

  serializeModel(handle: string): Json {
    const provider = providerOf(handle)
    const model = modelOf(handle)
    const window = contextWindowOf(provider)
    return {
      handle,
      model,
      name: model,
      display_name: model,
      provider_type: PROVIDER_TYPES.has(provider) ? provider : "openai",
      provider_name: provider,
      provider_category: "base",
      model_endpoint_type: ENDPOINT_TYPES.has(provider) ? provider : "openai",
      model_endpoint: provider === "anthropic" ? "https://api.anthropic.com/v1" : "https://api.openai.com/v1",
      model_type: "llm",
      context_window: window,
      max_context_window: window,
      max_tokens: null,
      enable_reasoner: true,
      reasoning_effort: null,
      put_inner_thoughts_in_kwargs: false,
      parallel_tool_calls: false
    }
  }

  /** AgentState (§5.1). `include` selects the relationships (`agent.blocks`, …); "all" loads every one. */
  serializeAgent(agent: FakeAgent, include: ReadonlySet<string> | "all"): Json {
    const has = (rel: string): boolean => include === "all" || include.has(`agent.${rel}`)
    const blocks = has("blocks") ? this.agentBlocks(agent).map((b) => this.serializeBlock(b)) : []
    const messageIds: string[] = []
    for (const m of agent.messages) {
      const id = m["id"]
      if (typeof id === "string" && messageIds[messageIds.length - 1] !== id) messageIds.push(id)
    }
    return {
      id: agent.id,
      name: agent.name,
      agent_type: agent.agentType,
      description: agent.description,
      system: agent.system,
      llm_config: this.llmConfig(agent.model),
      model: agent.model,
      embedding: null,
      embedding_config: null,
      model_settings: null,
      compaction_settings: null,
      message_ids: messageIds,
      tool_rules: agent.toolRules,
      tags: has("tags") ? [...agent.tags] : [],
      blocks,
      tools: has("tools") ? agent.tools.map((t) => this.serializeTool(t)) : [],
      memory: { agent_type: agent.agentType, blocks, file_blocks: [], git_enabled: false, prompt_template: "" },
      sources: [],
      identities: [],
      identity_ids: [],
      tool_exec_environment_variables: [],
      secrets: [],
      metadata: agent.metadata,
      last_stop_reason: agent.lastStopReason,
      pending_approval: has("pending_approval") ? this.pendingApprovalMessage(agent) : null,
      last_run_completion: null,
      last_run_duration_ms: null,
      message_buffer_autoclear: false,
      enable_sleeptime: false,
      multi_agent_group: null,
      managed_group: null,
      response_format: null,
      timezone: "UTC",
      max_files_open: null,
      per_file_view_window_char_limit: null,
      hidden: null,
      project_id: null,
      template_id: null,
      base_template_id: null,
      deployment_id: null,
      entity_id: null,
      created_by_id: null,
      last_updated_by_id: null,
      created_at: agent.createdAt,
      updated_at: agent.updatedAt
    }
  }

  serializeRun(run: FakeRun): Json {
    return {
      id: run.id,
      agent_id: run.agentId,
      status: run.status,
      stop_reason: run.stopReason,
      background: run.background,
      conversation_id: null,
      created_at: run.createdAt,
      completed_at: run.completedAt,
      metadata: run.error ? { error: run.error } : {},
      request_config: null,
      callback_url: null,
      callback_sent_at: null,
      callback_status_code: null,
      callback_error: null,
      total_duration_ns: null,
      ttft_ns: null,
      base_template_id: null
    }
  }
}

/** The history envelope (§6.2 key order) of a stored message. */
export const envelope = (
  id: string,
  date: string,
  messageType: string,
  otid: string | null,
  stepId: string | null,
  runId: string | null
): Json => ({
  id,
  date,
  name: null,
  message_type: messageType,
  otid,
  sender_id: null,
  step_id: stepId,
  is_err: null,
  seq_id: null,
  run_id: runId
})

export const systemMessage = (content: string): HistoryEntry => {
  const id = newId("message")
  return { ...envelope(id, isoDate(), "system_message", otidFor(id, 0), null, null), content }
}
