import Letta from "@letta-ai/letta-client"
import { spawn } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { afterEach, describe, expect, it } from "vitest"
import { FakeLettaServer, type FakeServerOptions } from "./support/fakeServer.js"

type Json = Record<string, unknown>

let servers: FakeLettaServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})

const start = async (options: FakeServerOptions = {}): Promise<FakeLettaServer> => {
  const server = await FakeLettaServer.start(options)
  servers.push(server)
  return server
}

const sdk = (server: FakeLettaServer, apiKey: string | null = null): Letta =>
  new Letta({ baseURL: server.url, apiKey, maxRetries: 0, timeout: 10_000 })

const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

/** Collect a stream of the SDK into plain objects. */
const collect = async (stream: AsyncIterable<unknown>): Promise<Json[]> => {
  const out: Json[] = []
  for await (const chunk of stream) if (isJson(chunk)) out.push(chunk)
  return out
}

interface RawSse {
  readonly status: number
  readonly text: string
  readonly frames: string[]
}

/** POST with raw fetch and read the whole SSE body (tolerating a reset connection). */
const rawPost = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawSse> => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-stainless-package-version": "1.12.1", ...headers },
    body: JSON.stringify(body)
  })
  let text = ""
  const reader = res.body?.getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      if (!reader) break
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // connection reset mid-stream
  }
  return { status: res.status, text, frames: text.split("\n\n").filter((f) => f.length > 0) }
}

const dataOf = (frames: ReadonlyArray<string>): unknown[] =>
  frames.filter((f) => f.startsWith("data: ") && f !== "data: [DONE]").map((f): unknown => JSON.parse(f.slice(6)))

const user = (text: string): Json => ({ type: "message", role: "user", content: text })

const newAgent = async (client: Letta, extra: Json = {}): Promise<string> => {
  const agent = await client.agents.create({ name: "tester", include_base_tools: false, ...extra })
  return agent.id
}

describe("FakeLettaServer: REST", () => {
  it("serves health, models and 404s", async () => {
    const server = await start()
    const client = sdk(server)
    expect(await client.health()).toEqual({ version: "0.16.8", status: "ok" })
    const models = await client.models.list()
    expect(models.map((m) => m.handle)).toEqual(["anthropic/claude-sonnet-4-5-20250929", "openai/gpt-5"])
    expect(models[0]).toMatchObject({ model: "claude-sonnet-4-5-20250929", provider_type: "anthropic", context_window: 200000 })
    const noSlash = await fetch(`${server.url}/v1/models`)
    expect(noSlash.status).toBe(200)
    const missing = await fetch(`${server.url}/v1/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: "Not Found" })
  })

  it("creates blocks and agents and honours include on retrieve", async () => {
    const server = await start()
    const client = sdk(server)
    const block = await client.blocks.create({ label: "project", value: "Uses npm test.", description: "what we know" })
    expect(block.id).toMatch(/^block-[0-9a-f-]{36}$/)
    expect(block).toMatchObject({ label: "project", limit: 100000, read_only: false })
    const created = await client.agents.create({
      name: "letta-code",
      model: "openai/gpt-5",
      block_ids: [block.id],
      memory_blocks: [{ label: "human", value: "" }],
      tools: ["memory"],
      include_base_tools: false,
      tags: ["origin:letta-code"]
    })
    expect(created.id).toMatch(/^agent-/)
    expect(created.blocks.map((b) => b.label)).toEqual(["human", "project"])

    const bare = await client.agents.retrieve(created.id)
    expect(bare).toMatchObject({ blocks: [], tools: [], tags: [], sources: [], agent_type: "letta_v1_agent", model: "openai/gpt-5" })
    expect(bare.llm_config.handle).toBe("openai/gpt-5")
    expect(bare.memory.blocks).toEqual([])
    expect(bare.pending_approval).toBeNull()

    const full = await client.agents.retrieve(created.id, { include: ["agent.blocks", "agent.tools", "agent.tags"] })
    expect(full.blocks.map((b) => b.label)).toEqual(["human", "project"])
    expect(full.tools.map((t) => t.name)).toEqual(["memory"])
    expect(full.tags).toEqual(["origin:letta-code"])

    const byLabel = await client.agents.blocks.retrieve("project", { agent_id: created.id })
    expect(byLabel.value).toBe("Uses npm test.")
    await client.agents.blocks.update("project", { agent_id: created.id, value: "Uses vitest." })
    expect(server.block(block.id)?.value).toBe("Uses vitest.")
    await client.agents.blocks.detach(block.id, { agent_id: created.id })
    expect(server.agent(created.id)?.blockIds).toHaveLength(1)
    await client.agents.blocks.attach(block.id, { agent_id: created.id })
    const listed = await client.agents.blocks.list(created.id)
    expect(listed.getPaginatedItems().map((b) => b.label)).toEqual(["human", "project"])

    const withBase = await client.agents.create({})
    expect(withBase.tools.map((t) => t.name).sort()).toEqual(["conversation_search", "memory_insert", "memory_replace"])
    expect(withBase.model).toBe("anthropic/claude-sonnet-4-5-20250929")
  })

  it("validates agent creation", async () => {
    const server = await start()
    const client = sdk(server)
    await expect(client.agents.create({ model: "openai/nope" })).rejects.toMatchObject({ status: 404 })
    await expect(client.agents.create({ model: "gpt-5" })).rejects.toMatchObject({ status: 400 })
    await expect(client.agents.create({ tools: ["Bash"] })).rejects.toMatchObject({
      status: 400,
      error: { detail: expect.stringContaining("Tools not found by name:") }
    })
    await expect(client.agents.create({ block_ids: ["block-00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({ status: 404 })
    await expect(client.agents.create({ name: "bad/name" })).rejects.toMatchObject({ status: 422 })
  })

  it("validates path ids: malformed 422, unknown 404", async () => {
    const server = await start()
    const client = sdk(server)
    await expect(client.agents.retrieve("agent-doesnotexist")).rejects.toMatchObject({ status: 422 })
    await expect(client.agents.retrieve("agent-7b1c8a52-3f4e-4d6a-9b8c-1d2e3f4a5b6c")).rejects.toMatchObject({
      status: 404,
      error: { detail: "Agent not found" }
    })
    await expect(client.blocks.retrieve("block-nope")).rejects.toMatchObject({ status: 422 })
    await expect(client.blocks.retrieve("block-7b1c8a52-3f4e-4d6a-9b8c-1d2e3f4a5b6c")).rejects.toMatchObject({ status: 404 })
    const agentId = await newAgent(client)
    await expect(client.agents.blocks.retrieve("missing", { agent_id: agentId })).rejects.toMatchObject({ status: 404 })
    await expect(client.runs.retrieve("run-7b1c8a52-3f4e-4d6a-9b8c-1d2e3f4a5b6c")).rejects.toMatchObject({ status: 404 })
  })

  it("paginates agent lists with after until an empty page (newest first)", async () => {
    const server = await start()
    const client = sdk(server)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await newAgent(client, { name: `a${i}`, tags: i % 2 === 0 ? ["even"] : ["odd"] }))
    const seen: string[] = []
    for await (const agent of client.agents.list({ limit: 2 })) seen.push(agent.id)
    expect(seen).toEqual([...ids].reverse())
    const asc = await client.agents.list({ order: "asc", limit: 10 })
    expect(asc.getPaginatedItems().map((a) => a.id)).toEqual(ids)
    const even = await client.agents.list({ tags: ["even"], match_all_tags: true, include: ["agent.tags"] })
    expect(even.getPaginatedItems().map((a) => a.tags)).toEqual([["even"], ["even"], ["even"]])
    expect(server.requests.filter((r) => r.path === "/v1/agents/" && r.method === "GET").length).toBe(6)
  })

  it("requires the API key when configured (health stays open)", async () => {
    const server = await start({ apiKey: "sekret" })
    expect((await fetch(`${server.url}/v1/health/`)).status).toBe(200)
    await expect(sdk(server).agents.list()).rejects.toMatchObject({ status: 401, error: { detail: "Unauthorized" } })
    const page = await sdk(server, "sekret").agents.list({ limit: 1 })
    expect(page.getPaginatedItems()).toEqual([])
  })
})

describe("FakeLettaServer: turns", () => {
  it("streams a token-mode turn with reasoning and text", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    const text = "Hello there, this is a longer reply 🙂 with an emoji."
    server.enqueue([{ reasoning: "Thinking about it.", text }])
    server.resetCounters()
    const stream = await client.agents.messages.create(agentId, { messages: [{ role: "user", content: "hi" }], streaming: true, stream_tokens: true }, { maxRetries: 0 })
    const chunks = await collect(stream)
    expect(chunks[0]).toMatchObject({ message_type: "ping", run_id: expect.stringMatching(/^run-/) })
    const assistant = chunks.filter((c) => c["message_type"] === "assistant_message")
    expect(assistant.length).toBeGreaterThan(5)
    expect(assistant.map((c) => c["content"]).join("")).toBe(text)
    expect(new Set(assistant.map((c) => c["id"])).size).toBe(1)
    expect(new Set(assistant.map((c) => c["otid"])).size).toBe(1)
    const reasoning = chunks.filter((c) => c["message_type"] === "reasoning_message")
    expect(reasoning.map((c) => c["reasoning"]).join("")).toBe("Thinking about it.")
    expect(reasoning[0]?.["otid"]).not.toBe(assistant[0]?.["otid"])
    expect(reasoning[0]?.["id"]).toBe(assistant[0]?.["id"])
    expect(Object.keys(assistant[0] ?? {})).toEqual(["id", "date", "name", "message_type", "otid", "sender_id", "step_id", "is_err", "seq_id", "run_id", "content"])
    expect(String(assistant[0]?.["date"])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
    const tail = chunks.slice(-2)
    expect(tail[0]).toEqual({ message_type: "stop_reason", stop_reason: "end_turn" })
    expect(tail[1]).toMatchObject({ message_type: "usage_statistics", step_count: 1, prompt_tokens: 100, completion_tokens: assistant.length + reasoning.length })
    expect(server.requestsBeforeFirstToken()).toBe(1)

    const history = await client.agents.messages.list(agentId)
    expect(history.getPaginatedItems().map((m) => m.message_type)).toEqual(["system_message", "user_message", "reasoning_message", "assistant_message"])
    const run = await client.runs.retrieve(String(chunks[0]?.["run_id"]))
    expect(run).toMatchObject({ status: "completed", stop_reason: "end_turn" })
  })

  it("answers non-streaming with a LettaResponse and the default reply", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    const response = await client.agents.messages.create(agentId, { input: "hi" }, { maxRetries: 0 })
    expect(response.messages.map((m) => m.message_type)).toEqual(["assistant_message"])
    expect(response.messages[0]).toMatchObject({ content: "Hello from fake Letta" })
    expect(response.stop_reason).toEqual({ message_type: "stop_reason", stop_reason: "end_turn" })
    expect(response.usage).toMatchObject({ step_count: 1, prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 })
    const bad = await fetch(`${server.url}/v1/agents/${agentId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [user("x")], stream_tokens: true })
    })
    expect(bad.status).toBe(422)
    const empty = await fetch(`${server.url}/v1/agents/${agentId}/messages`, { method: "POST", body: JSON.stringify({ messages: [] }) })
    expect(empty.status).toBe(422)
    const noType = await fetch(`${server.url}/v1/agents/${agentId}/messages`, {
      method: "POST",
      body: JSON.stringify({ messages: [{ approvals: [{ type: "approval", tool_call_id: "c", approve: false }] }] })
    })
    expect(noType.status).toBe(422)
  })

  it("runs the client-tool approval flow with conflicts and id checks", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    let seen: ReadonlyArray<Json> = []
    server.enqueue([
      { text: "I'll list the files.", toolCalls: [{ name: "Bash", arguments: { command: "ls" }, id: "call_1" }, { name: "Read", arguments: { file_path: "README.md" }, id: "call_2" }] },
      ({ approvals }) => {
        seen = approvals
        return { text: `Saw ${String(approvals[0]?.["tool_return"])}` }
      }
    ])
    const body = { streaming: true as const, stream_tokens: true, client_tools: [{ name: "Bash", parameters: { type: "object" } }] }
    const first = await collect(await client.agents.messages.create(agentId, { ...body, messages: [{ role: "user", content: "list" }] }, { maxRetries: 0 }))
    const deltas = first.filter((c) => c["message_type"] === "approval_request_message")
    const args = new Map<string, string>()
    for (const d of deltas) {
      const call = d["tool_calls"]
      if (!isJson(call)) throw new Error("token-mode tool_calls must be an object")
      expect(call).toHaveProperty("name")
      expect(call).toHaveProperty("arguments")
      const id = String(call["tool_call_id"])
      args.set(id, (args.get(id) ?? "") + (typeof call["arguments"] === "string" ? call["arguments"] : ""))
    }
    expect(JSON.parse(args.get("call_1") ?? "")).toEqual({ command: "ls" })
    expect(JSON.parse(args.get("call_2") ?? "")).toEqual({ file_path: "README.md" })
    expect(deltas[0]?.["otid"]).toBe(deltas[0]?.["id"])
    expect(first.find((c) => c["message_type"] === "stop_reason")).toEqual({ message_type: "stop_reason", stop_reason: "requires_approval" })

    const agent = await client.agents.retrieve(agentId, { include: ["agent.pending_approval"] })
    expect(agent.last_stop_reason).toBe("requires_approval")
    expect(agent.pending_approval?.tool_calls).toHaveLength(2)

    // A new message while pending: 409 when not streaming, in-stream CONFLICT when streaming.
    await expect(client.agents.messages.create(agentId, { messages: [{ role: "user", content: "again" }] }, { maxRetries: 0 })).rejects.toMatchObject({
      status: 409,
      error: { detail: { code: "PENDING_APPROVAL", pending_request_id: agent.pending_approval?.id } }
    })
    const conflict = await rawPost(`${server.url}/v1/agents/${agentId}/messages`, { ...body, messages: [user("again")] })
    expect(conflict.status).toBe(200)
    const errorFrame = conflict.frames.find((f) => f.startsWith("event: error"))
    const errorData: unknown = JSON.parse((errorFrame ?? "").split("\ndata: ")[1] ?? "{}")
    expect(errorData).toMatchObject({ message_type: "error_message", error_type: "internal_error", message: expect.stringMatching(/^CONFLICT: Cannot send a new message/) })
    expect(conflict.frames.at(-1)).toBe("data: [DONE]")
    await expect(collect(await client.agents.messages.create(agentId, { ...body, messages: [{ role: "user", content: "x" }] }, { maxRetries: 0 }))).rejects.toMatchObject({
      status: undefined
    })

    // Answering only one of two ids fails.
    const partial = { type: "approval" as const, approvals: [{ type: "tool" as const, tool_call_id: "call_1", status: "success" as const, tool_return: "README.md\nsrc\n" }] }
    await expect(client.agents.messages.create(agentId, { messages: [partial] }, { maxRetries: 0 })).rejects.toMatchObject({
      status: 400,
      error: { detail: "Invalid tool call IDs. Expected '['call_1', 'call_2']', but received '['call_1']'." }
    })
    const partialStream = await rawPost(`${server.url}/v1/agents/${agentId}/messages`, { ...body, messages: [partial] })
    expect(partialStream.text).toContain("Invalid tool call IDs")

    const answer = {
      type: "approval" as const,
      approvals: [
        { type: "tool" as const, tool_call_id: "call_1", status: "success" as const, tool_return: "README.md\nsrc\n" },
        { type: "approval" as const, tool_call_id: "call_2", approve: false, reason: "User declined" }
      ]
    }
    const second = await collect(await client.agents.messages.create(agentId, { ...body, messages: [answer] }, { maxRetries: 0 }))
    expect(second.filter((c) => c["message_type"] === "tool_return_message")).toEqual([])
    expect(second.filter((c) => c["message_type"] === "assistant_message").map((c) => c["content"]).join("")).toBe("Saw README.md\nsrc\n")
    expect(second.find((c) => c["message_type"] === "stop_reason")).toMatchObject({ stop_reason: "end_turn" })
    expect(seen).toHaveLength(2)

    const history = (await client.agents.messages.list(agentId)).getPaginatedItems()
    expect(history.map((m) => m.message_type)).toEqual([
      "system_message",
      "user_message",
      "assistant_message",
      "approval_request_message",
      "approval_response_message",
      "tool_return_message",
      "tool_return_message",
      "assistant_message"
    ])
    expect(history[6]).toMatchObject({ status: "error", tool_return: "Error: request to call tool denied. User reason: User declined" })

    // Nothing pending any more: a different approval is a 400.
    await expect(
      client.agents.messages.create(agentId, { messages: [{ type: "approval", approvals: [{ tool_call_id: "call_9", approve: false }] }] }, { maxRetries: 0 })
    ).rejects.toMatchObject({ status: 400, error: { detail: expect.stringContaining("No tool call is currently awaiting approval") } })
  })

  it("echoes client results in step mode and accepts [approval, message] together", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.setPendingApproval(agentId, [{ name: "Bash", arguments: { command: "rm -rf /" }, id: "call_x" }])
    server.enqueue([{ text: "Fresh start." }])
    const response = await client.agents.messages.create(
      agentId,
      {
        messages: [
          { type: "approval", approvals: [{ type: "approval", tool_call_id: "call_x", approve: false, reason: "session was interrupted" }] },
          { role: "user", content: "hello again" }
        ]
      },
      { maxRetries: 0 }
    )
    expect(response.messages.map((m) => m.message_type)).toEqual(["tool_return_message", "assistant_message"])
    expect(response.stop_reason.stop_reason).toBe("end_turn")
    expect(server.agent(agentId)?.pending).toBeNull()

    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: "{\"command\": \"ls\"}", id: "call_s" }] }, { text: "ok" }])
    const stepMode = await collect(await client.agents.messages.stream(agentId, { messages: [{ role: "user", content: "ls" }] }, { maxRetries: 0 }))
    const request = stepMode.find((c) => c["message_type"] === "approval_request_message")
    expect(request?.["tool_calls"]).toEqual([{ name: "Bash", arguments: "{\"command\": \"ls\"}", tool_call_id: "call_s" }])
    const cont = await collect(
      await client.agents.messages.stream(
        agentId,
        { messages: [{ type: "tool_return", tool_returns: [{ type: "tool", tool_call_id: "call_s", status: "success", tool_return: "a\nb" }] }] },
        { maxRetries: 0 }
      )
    )
    expect(cont.filter((c) => c["message_type"] !== "ping").map((c) => c["message_type"])).toEqual([
      "tool_return_message",
      "assistant_message",
      "stop_reason",
      "usage_statistics"
    ])
  })

  it("executes memory tools server-side and continues the loop", async () => {
    const server = await start()
    const client = sdk(server)
    const block = await client.blocks.create({ label: "project", value: "Run npm test.\nUse pnpm." })
    const agentId = await newAgent(client, { block_ids: [block.id], tools: ["memory", "memory_replace"] })
    server.enqueue([
      { serverToolCalls: [{ name: "memory_replace", arguments: { label: "project", old_string: "npm test", new_string: "npm run test:unit" } }] },
      { serverToolCalls: [{ name: "memory_replace", arguments: { label: "project", old_string: "yarn", new_string: "x" } }] },
      { serverToolCalls: [{ name: "memory", arguments: { command: "insert", path: "/memories/project", insert_text: "First line.", insert_line: 0 } }] },
      { text: "Updated memory." }
    ])
    const response = await client.agents.messages.create(agentId, { input: "remember" }, { maxRetries: 0 })
    const types = response.messages.map((m) => m.message_type)
    expect(types).toEqual(["tool_call_message", "tool_return_message", "tool_call_message", "tool_return_message", "tool_call_message", "tool_return_message", "assistant_message"])
    const returns = response.messages.filter((m) => m.message_type === "tool_return_message")
    expect(returns[0]).toMatchObject({ status: "success", tool_return: "Run npm run test:unit.\nUse pnpm." })
    expect(returns[1]).toMatchObject({
      status: "error",
      tool_return: "No replacement was performed, old_string `yarn` did not appear verbatim in memory block with label `project`."
    })
    expect(server.block(block.id)?.value).toBe("First line.\nRun npm run test:unit.\nUse pnpm.")
    expect((await client.agents.blocks.retrieve("project", { agent_id: agentId })).value).toBe("First line.\nRun npm run test:unit.\nUse pnpm.")
    expect(response.usage.step_count).toBe(4)

    server.enqueue([{ serverToolCalls: [{ name: "memory_replace", arguments: { label: "project", old_string: "e", new_string: "v" } }] }])
    const multi = await client.agents.messages.create(agentId, { input: "again" }, { maxRetries: 0 })
    expect(multi.messages[1]).toMatchObject({ status: "error", tool_return: expect.stringContaining("Multiple occurrences of old_string `e` in lines [1, 2, 3]") })
  })

  it("pauses server tools under a requires_approval rule and runs them when approved", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client, {
      memory_blocks: [{ label: "human", value: "Name: ?" }],
      tools: ["memory_replace"],
      tool_rules: [{ type: "requires_approval", tool_name: "memory_replace" }]
    })
    server.enqueue([
      { serverToolCalls: [{ name: "memory_replace", arguments: { label: "human", old_string: "?", new_string: "Ada" }, id: "call_m" }] },
      { text: "Noted." }
    ])
    const body = { streaming: true as const, stream_tokens: true }
    const first = await collect(await client.agents.messages.create(agentId, { ...body, messages: [{ role: "user", content: "I am Ada" }] }, { maxRetries: 0 }))
    expect(first.find((c) => c["message_type"] === "stop_reason")?.["stop_reason"]).toBe("requires_approval")
    const second = await collect(
      await client.agents.messages.create(agentId, { ...body, messages: [{ type: "approval", approval_request_id: "call_m", approve: true }] }, { maxRetries: 0 })
    )
    expect(second.find((c) => c["message_type"] === "tool_return_message")).toMatchObject({ status: "success", tool_return: "Name: Ada" })
    expect(second.find((c) => c["message_type"] === "stop_reason")?.["stop_reason"]).toBe("end_turn")

    // include_return_message_types filters the output (stop/usage always come).
    server.enqueue([{ reasoning: "hmm", text: "only this" }])
    const filtered = await client.agents.messages.create(agentId, { input: "x", include_return_message_types: ["assistant_message"] }, { maxRetries: 0 })
    expect(filtered.messages.map((m) => m.message_type)).toEqual(["assistant_message"])

    // reset-messages keeps memory, drops history.
    await client.agents.messages.reset(agentId, { add_default_initial_messages: false })
    expect(server.agent(agentId)?.messages.map((m) => m["message_type"])).toEqual(["system_message"])
  })

  it("rejects streaming=true from a hand-rolled client without the SDK header (server quirk)", async () => {
    const server = await start()
    const agentId = server.createAgentDirect().id
    const res = await fetch(`${server.url}/v1/agents/${agentId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "curl/8" },
      body: JSON.stringify({ messages: [user("x")], streaming: true })
    })
    expect(res.status).toBe(422)
    const viaStreamRoute = await rawPost(`${server.url}/v1/agents/${agentId}/messages/stream`, { messages: [user("x")] }, { "user-agent": "curl/8" })
    expect(viaStreamRoute.status).toBe(200)
  })

  it("stops with max_steps when the budget runs out while calling tools", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client, { memory_blocks: [{ label: "notes", value: "" }] })
    const insert = { serverToolCalls: [{ name: "memory_insert", arguments: { label: "notes", new_string: "x" } }] }
    server.enqueue([insert, insert, insert, { text: "done" }])
    const response = await client.agents.messages.create(agentId, { input: "go", max_steps: 2 }, { maxRetries: 0 })
    expect(response.stop_reason.stop_reason).toBe("max_steps")
    expect(response.usage.step_count).toBe(2)
  })

  it("cancels a running stream and a paused run", async () => {
    const server = await start({ pingIntervalMs: 40 })
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.enqueue([{ delayMs: 5_000, text: "too late" }])
    const stream = await client.agents.messages.create(agentId, { messages: [{ role: "user", content: "slow" }], streaming: true, stream_tokens: true }, { maxRetries: 0 })
    const chunks: Json[] = []
    const started = Date.now()
    for await (const chunk of stream) {
      if (!isJson(chunk)) continue
      chunks.push(chunk)
      if (chunks.length === 3) {
        const result = await client.agents.messages.cancel(agentId, {}, { maxRetries: 0 })
        expect(Object.values(result)).toEqual(["cancelled"])
      }
    }
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(chunks.slice(0, 3).every((c) => c["message_type"] === "ping")).toBe(true)
    expect(chunks.at(-1)).toEqual({ message_type: "stop_reason", stop_reason: "cancelled" })
    expect(server.cancels).toEqual([{ agentId, runIds: undefined }])
    await expect(client.agents.messages.cancel(agentId, {}, { maxRetries: 0 })).rejects.toMatchObject({ status: 409 })
    const runId = String(chunks[0]?.["run_id"])
    expect(server.run(runId)?.status).toBe("cancelled")

    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command: "ls" }, id: "call_p" }] }])
    const paused = await client.agents.messages.create(agentId, { input: "ls" }, { maxRetries: 0 })
    const pausedRun = String(paused.messages[0]?.run_id)
    expect(await client.agents.messages.cancel(agentId, { run_ids: [pausedRun] }, { maxRetries: 0 })).toEqual({ [pausedRun]: "cancelled" })
    expect(server.agent(agentId)?.pending).toBeNull()
    const last = server.agent(agentId)?.messages.at(-1)
    expect(last).toMatchObject({ tool_return: "Error: request to call tool denied. User reason: The user cancelled the request, so the tool call was denied." })
  })

  it("reports LLM errors in-stream and honours forced stop reasons", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.enqueue([{ streamError: { error_type: "llm_rate_limit", message: "Rate limited by provider", detail: "429" } }], [{ text: "cut", stopReason: "max_tokens_exceeded" }])
    const errored = await rawPost(`${server.url}/v1/agents/${agentId}/messages/stream`, { messages: [user("x")] })
    expect(errored.frames.slice(-3)).toEqual([
      `data: {"message_type":"stop_reason","stop_reason":"llm_api_error"}`,
      expect.stringMatching(/^event: error\ndata: \{"message_type":"error_message","run_id":"run-[^"]+","error_type":"llm_rate_limit","message":"Rate limited by provider","detail":"429","seq_id":null\}$/),
      "data: [DONE]"
    ])
    const ping = dataOf(errored.frames)[0]
    const runId = isJson(ping) ? ping["run_id"] : undefined
    expect(await client.runs.retrieve(String(runId))).toMatchObject({ status: "failed", stop_reason: "llm_api_error", metadata: { error: { type: "llm_rate_limit" } } })
    const forced = await client.agents.messages.create(agentId, { input: "y" }, { maxRetries: 0 })
    expect(forced.stop_reason.stop_reason).toBe("max_tokens_exceeded")
  })

  it("paginates history with after/before and keeps pages chronological", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    for (let i = 0; i < 3; i++) await client.agents.messages.create(agentId, { input: `m${i}` }, { maxRetries: 0 })
    const all = (await client.agents.messages.list(agentId)).getPaginatedItems()
    expect(all).toHaveLength(7)
    const newest = (await client.agents.messages.list(agentId, { limit: 2, order: "desc" })).getPaginatedItems()
    expect(newest.map((m) => m.id)).toEqual(all.slice(-2).map((m) => m.id))
    const oldest = (await client.agents.messages.list(agentId, { limit: 2, order: "asc" })).getPaginatedItems()
    expect(oldest.map((m) => m.id)).toEqual(all.slice(0, 2).map((m) => m.id))
    const afterSecond = (await client.agents.messages.list(agentId, { after: all[1]?.id ?? "", order: "asc" })).getPaginatedItems()
    expect(afterSecond.map((m) => m.id)).toEqual(all.slice(2).map((m) => m.id))
    const seen: string[] = []
    for await (const m of client.agents.messages.list(agentId, { limit: 3, order: "asc" })) seen.push(m.id)
    expect(seen).toEqual(all.map((m) => m.id))
    const users = (await client.agents.messages.list(agentId, { include_return_message_types: ["user_message"] })).getPaginatedItems()
    expect(users.map((m) => (m.message_type === "user_message" ? m.content : null))).toEqual(["m0", "m1", "m2"])
  })

  it("streams 100 000 token events (speed is measured by npm run bench, not here)", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.enqueue([{ text: "abcd".repeat(100_000), tokenCount: 100_000 }])
    const result = await rawPost(`${server.url}/v1/agents/${agentId}/messages`, { messages: [user("go")], streaming: true, stream_tokens: true })
    expect(result.frames.length).toBe(1 + 100_000 + 3)
    expect(result.frames.at(-2)).toContain('"completion_tokens":100000')
  })

  it("sends pings while a step is delayed", async () => {
    const server = await start({ pingIntervalMs: 30 })
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.enqueue([{ delayMs: 200, text: "ok" }])
    const result = await rawPost(`${server.url}/v1/agents/${agentId}/messages/stream`, { messages: [user("go")] })
    const pings = dataOf(result.frames).filter((d) => isJson(d) && d["message_type"] === "ping")
    expect(pings.length).toBeGreaterThanOrEqual(3)
  })
})

describe("FakeLettaServer: faults", () => {
  it("injects http and rate-limit faults on matching routes", async () => {
    const server = await start()
    const client = sdk(server)
    const agentId = await newAgent(client)
    server.injectFault({ kind: "http", status: 503, route: "messages", times: 2 })
    server.injectFault({ kind: "rate_limit", retryAfterSeconds: 7, route: "models" })
    expect((await fetch(`${server.url}/v1/agents/${agentId}`)).status).toBe(200)
    const url = `${server.url}/v1/agents/${agentId}/messages`
    const first = await rawPost(url, { messages: [user("a")] })
    expect(first.status).toBe(503)
    expect(JSON.parse(first.text)).toEqual({ detail: "Service Unavailable" })
    expect((await rawPost(url, { messages: [user("a")] })).status).toBe(503)
    expect((await rawPost(url, { messages: [user("a")] })).status).toBe(200)
    const limited = await fetch(`${server.url}/v1/models/`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get("retry-after")).toBe("7")
    expect((await fetch(`${server.url}/v1/models/`)).status).toBe(200)
  })

  it("resets the connection mid-stream", async () => {
    const server = await start()
    const agentId = (server.createAgentDirect({ name: "x" })).id
    server.enqueue([{ text: "a fairly long reply that needs many token events" }])
    server.injectFault({ kind: "reset_mid_stream", afterEvents: 3 })
    const result = await rawPost(`${server.url}/v1/agents/${agentId}/messages`, { messages: [user("go")], streaming: true, stream_tokens: true })
    expect(result.status).toBe(200)
    expect(result.frames).toHaveLength(3)
    expect(result.text).not.toContain("[DONE]")
  })

  it("ends without a stop reason, or with a malformed event", async () => {
    const server = await start()
    const agentId = server.createAgentDirect().id
    const url = `${server.url}/v1/agents/${agentId}/messages/stream`
    server.injectFault({ kind: "no_stop_reason" })
    const noStop = await rawPost(url, { messages: [user("go")] })
    expect(noStop.frames.at(-1)).toBe("data: [DONE]")
    expect(noStop.text).not.toContain("stop_reason")
    expect(noStop.text).not.toContain("usage_statistics")
    server.injectFault({ kind: "malformed_event" })
    const malformed = await rawPost(url, { messages: [user("go")] })
    expect(malformed.frames).toContain("data: {not json")
    expect(malformed.frames.at(-1)).toBe("data: [DONE]")
  })

  it("delays the first byte of the next messages POST", async () => {
    const server = await start()
    const agentId = server.createAgentDirect().id
    server.injectFault({ kind: "slow_first_byte", ms: 300 })
    const t0 = performance.now()
    expect((await fetch(`${server.url}/v1/agents/${agentId}`)).status).toBe(200)
    expect(performance.now() - t0).toBeLessThan(250)
    const t1 = performance.now()
    const res = await fetch(`${server.url}/v1/agents/${agentId}/messages`, { method: "POST", body: JSON.stringify({ input: "x" }) })
    expect(res.status).toBe(200)
    expect(performance.now() - t1).toBeGreaterThanOrEqual(290)
  })
})

describe("fakeServerMain", () => {
  it("starts from the CLI, runs the demo script and stops on SIGTERM", async () => {
    const { build } = await import("esbuild")
    const dir = await mkdtemp(join(tmpdir(), "fake-server-"))
    const outfile = join(dir, "fake-server.mjs")
    try {
      await build({ entryPoints: ["test/support/fakeServerMain.ts"], outfile, bundle: true, platform: "node", format: "esm", logLevel: "silent" })
      const child = spawn(process.execPath, [outfile, "--script", "demo", "--api-key", "k"], { stdio: ["ignore", "pipe", "inherit"] })
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
      try {
        const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once("line", resolve))
        const parsed: unknown = JSON.parse(line)
        const url = isJson(parsed) ? String(parsed["url"]) : ""
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        const client = new Letta({ baseURL: url, apiKey: "k", maxRetries: 0 })
        const agent = await client.agents.create({})
        const first = await client.agents.messages.create(agent.id, { input: "what is this?" }, { maxRetries: 0 })
        expect(first.messages.map((m) => m.message_type)).toEqual(["reasoning_message", "assistant_message", "approval_request_message"])
        const request = first.messages[2]
        const calls = request?.message_type === "approval_request_message" ? request.tool_calls : undefined
        const callId = Array.isArray(calls) ? (calls[0]?.tool_call_id ?? "") : ""
        const second = await client.agents.messages.create(
          agent.id,
          { messages: [{ type: "approval", approvals: [{ type: "tool", tool_call_id: callId, status: "success", tool_return: "README.md\nsrc" }] }] },
          { maxRetries: 0 }
        )
        const reply = second.messages.find((m) => m.message_type === "assistant_message")
        expect(reply?.message_type === "assistant_message" ? reply.content : "").toBe("I ran `ls` for you. It printed:\nREADME.md\nsrc\nDone.")
      } finally {
        child.kill("SIGTERM")
        expect(await exited).toBe(0)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
