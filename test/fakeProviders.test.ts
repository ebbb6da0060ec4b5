/**
 * The scripted fake provider servers (test/support/fakeProviders): each wire API streams what a
 * real client needs (fragments accumulate to the scripted text and tool arguments), reports usage
 * the provider's way, answers errors in the provider's format and serves the model listings.
 * Responses and Anthropic events are also decoded with the schemas of @effect/ai-openai and
 * @effect/ai-anthropic, and those clients are run against the fakes end to end.
 */
import { AnthropicClient, AnthropicLanguageModel } from "@effect/ai-anthropic"
import { MessageStreamEvent } from "@effect/ai-anthropic/AnthropicClient"
import { OpenAiClient, OpenAiLanguageModel } from "@effect/ai-openai"
import { ResponseStreamEvent } from "@effect/ai-openai/OpenAiClient"
import { LanguageModel, Tool, Toolkit } from "@effect/ai"
import { FetchHttpClient } from "@effect/platform"
import { Chunk, Effect, Layer, Redacted, Schema, Stream } from "effect"
import { build } from "esbuild"
import { createParser, type EventSourceMessage } from "eventsource-parser"
import { spawn } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { afterEach, describe, expect, it } from "vitest"
import { FakeProvider, NO_REPLY_LEFT, type FakeProviderOptions, type ProviderKind } from "./support/fakeProviders/index.js"

type Json = Record<string, any>

let providers: FakeProvider[] = []
afterEach(async () => {
  await Promise.all(providers.map((p) => p.close()))
  providers = []
})

const start = async (kind: ProviderKind, options?: FakeProviderOptions): Promise<FakeProvider> => {
  const provider = await FakeProvider.start(kind, options)
  providers.push(provider)
  return provider
}

const KINDS: ReadonlyArray<ProviderKind> = ["openai-chat", "openai-responses", "anthropic"]

/** A model call as the kind's real clients send it. */
const call = (provider: FakeProvider, extra: Json = {}, headers: Record<string, string> = {}): Promise<Response> => {
  const messages = [{ role: "user", content: "Say hello" }]
  const post = (url: string, body: Json, h: Record<string, string>) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...h, ...headers }, body: JSON.stringify({ ...body, ...extra }) })
  switch (provider.kind) {
    case "openai-chat":
      return post(`${provider.baseUrl}/chat/completions`, { model: "qwen3:latest", messages, stream: true, stream_options: { include_usage: true } }, {})
    case "openai-responses":
      return post(`${provider.baseUrl}/responses`, { model: "gpt-5", input: messages, stream: true }, { authorization: "Bearer sk-test" })
    case "anthropic":
      return post(`${provider.baseUrl}/v1/messages`, { model: "claude-sonnet-4-5", max_tokens: 1024, messages, stream: true }, {
        "x-api-key": "sk-ant-test",
        "anthropic-version": "2023-06-01"
      })
  }
}

const readSse = async (res: Response): Promise<EventSourceMessage[]> => {
  const events: EventSourceMessage[] = []
  const parser = createParser({ onEvent: (event) => events.push(event) })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parser.feed(decoder.decode(value, { stream: true }))
  }
  return events
}

/** What a client makes of one streamed answer. */
interface Accumulated {
  text: string
  reasoning: string
  textFragments: number
  toolCalls: Array<{ id: string; name: string; arguments: string; fragments: number }>
  /** Normalised: stop | length | tool_calls. */
  finish: string | undefined
  usage: { input: number; output: number } | null
  last: Json
}

const decodeResponsesEvent = Schema.decodeUnknownSync(ResponseStreamEvent)
const decodeAnthropicEvent = Schema.decodeUnknownSync(MessageStreamEvent)

const accumulateChat = (events: ReadonlyArray<EventSourceMessage>): Accumulated => {
  const out: Accumulated = { text: "", reasoning: "", textFragments: 0, toolCalls: [], finish: undefined, usage: null, last: {} }
  expect(events.at(-1)?.data).toBe("[DONE]")
  for (const event of events.slice(0, -1)) {
    expect(event.event).toBeUndefined()
    const chunk = JSON.parse(event.data) as Json
    expect(chunk["object"]).toBe("chat.completion.chunk")
    expect(typeof chunk["id"]).toBe("string")
    expect(typeof chunk["created"]).toBe("number")
    expect(chunk["model"]).toBe("qwen3:latest")
    out.last = chunk
    if (chunk["usage"] !== null && chunk["usage"] !== undefined) {
      expect(chunk["choices"]).toEqual([])
      out.usage = { input: chunk["usage"].prompt_tokens, output: chunk["usage"].completion_tokens }
      expect(chunk["usage"].total_tokens).toBe(out.usage.input + out.usage.output)
      continue
    }
    const choice = chunk["choices"][0]
    expect(choice.index).toBe(0)
    const delta = choice.delta as Json
    if (typeof delta["content"] === "string" && delta["content"] !== "") {
      out.text += delta["content"]
      out.textFragments++
    }
    if (typeof delta["reasoning_content"] === "string") out.reasoning += delta["reasoning_content"]
    for (const tc of (delta["tool_calls"] ?? []) as Json[]) {
      const existing = out.toolCalls[tc["index"]]
      if (existing === undefined) {
        expect(tc["type"]).toBe("function")
        out.toolCalls[tc["index"]] = { id: tc["id"], name: tc["function"].name, arguments: tc["function"].arguments, fragments: 0 }
      } else {
        expect(tc["id"]).toBeUndefined()
        existing.arguments += tc["function"].arguments
        existing.fragments++
      }
    }
    if (choice.finish_reason !== null) out.finish = choice.finish_reason
  }
  return out
}

const accumulateResponses = (events: ReadonlyArray<EventSourceMessage>): Accumulated => {
  const out: Accumulated = { text: "", reasoning: "", textFragments: 0, toolCalls: [], finish: undefined, usage: null, last: {} }
  const byOutputIndex = new Map<number, Accumulated["toolCalls"][number]>()
  events.forEach((event, i) => {
    const data = JSON.parse(event.data) as Json
    expect(event.event).toBe(data["type"])
    expect(data["sequence_number"]).toBe(i)
    decodeResponsesEvent(data) // throws when @effect/ai-openai could not read it
    out.last = data
    switch (data["type"]) {
      case "response.output_text.delta":
        out.text += data["delta"]
        out.textFragments++
        break
      case "response.reasoning_summary_text.delta":
        out.reasoning += data["delta"]
        break
      case "response.output_item.added":
        if (data["item"].type === "function_call") {
          const tc = { id: data["item"].call_id, name: data["item"].name, arguments: "", fragments: 0 }
          byOutputIndex.set(data["output_index"], tc)
          out.toolCalls.push(tc)
        }
        break
      case "response.function_call_arguments.delta": {
        const tc = byOutputIndex.get(data["output_index"])!
        tc.arguments += data["delta"]
        tc.fragments++
        break
      }
      case "response.function_call_arguments.done":
        expect(data["arguments"]).toBe(byOutputIndex.get(data["output_index"])!.arguments)
        break
      case "response.completed":
      case "response.incomplete": {
        const response = data["response"] as Json
        out.finish = data["type"] === "response.incomplete" ? "length" : out.toolCalls.length > 0 ? "tool_calls" : "stop"
        out.usage = response["usage"] === null ? null : { input: response["usage"].input_tokens, output: response["usage"].output_tokens }
        break
      }
    }
  })
  expect(events[0]?.event).toBe("response.created")
  return out
}

const accumulateAnthropic = (events: ReadonlyArray<EventSourceMessage>): Accumulated => {
  const out: Accumulated = { text: "", reasoning: "", textFragments: 0, toolCalls: [], finish: undefined, usage: null, last: {} }
  const blocks = new Map<number, Json>()
  let input = 0
  for (const event of events) {
    const data = JSON.parse(event.data) as Json
    expect(event.event).toBe(data["type"])
    decodeAnthropicEvent(data) // throws when @effect/ai-anthropic could not read it
    out.last = data
    switch (data["type"]) {
      case "message_start":
        input = data["message"].usage.input_tokens
        break
      case "content_block_start":
        blocks.set(data["index"], data["content_block"])
        if (data["content_block"].type === "tool_use")
          out.toolCalls.push({ id: data["content_block"].id, name: data["content_block"].name, arguments: "", fragments: 0 })
        break
      case "content_block_delta": {
        const delta = data["delta"] as Json
        if (delta["type"] === "text_delta") {
          out.text += delta["text"]
          out.textFragments++
        } else if (delta["type"] === "thinking_delta") out.reasoning += delta["thinking"]
        else if (delta["type"] === "input_json_delta") {
          const tc = out.toolCalls.at(-1)!
          tc.arguments += delta["partial_json"]
          if (delta["partial_json"] !== "") tc.fragments++
        }
        break
      }
      case "message_delta": {
        const reason = data["delta"].stop_reason
        out.finish = reason === "end_turn" ? "stop" : reason === "max_tokens" ? "length" : reason === "tool_use" ? "tool_calls" : reason
        out.usage = { input, output: data["usage"].output_tokens }
        break
      }
    }
  }
  expect(events[0]?.event).toBe("message_start")
  expect(events.some((e) => e.event === "ping")).toBe(true)
  return out
}

const accumulate = (kind: ProviderKind, events: ReadonlyArray<EventSourceMessage>): Accumulated =>
  kind === "openai-chat" ? accumulateChat(events) : kind === "openai-responses" ? accumulateResponses(events) : accumulateAnthropic(events)

const stream = async (provider: FakeProvider, extra?: Json): Promise<Accumulated> => {
  const res = await call(provider, extra)
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/)
  return accumulate(provider.kind, await readSse(res))
}

describe.each(KINDS)("fake %s provider", (kind) => {
  it("streams reasoning then text in fragments, with a usage estimate", async () => {
    const provider = await start(kind)
    const text = "Hello there, from a fake provider! ✨"
    provider.enqueue({ reasoning: "The user wants a greeting.", text })
    const got = await stream(provider)
    expect(got.text).toBe(text)
    expect(got.reasoning).toBe("The user wants a greeting.")
    expect(got.textFragments).toBe(Math.ceil(Array.from(text).length / 8))
    expect(got.toolCalls).toEqual([])
    expect(got.finish).toBe("stop")
    expect(got.usage!.input).toBeGreaterThan(0)
    expect(got.usage!.output).toBeGreaterThan(0)
    expect(provider.modelCalls()).toHaveLength(1)
  })

  it("streams tool calls with arguments split into fragments", async () => {
    const provider = await start(kind)
    const customId = kind === "anthropic" ? "toolu_custom" : "call_custom"
    provider.enqueue({
      text: "Let me look.",
      chunkSize: 3,
      toolCalls: [
        { name: "Read", arguments: { file_path: "src/main.ts", limit: 20 } },
        { id: customId, name: "Bash", arguments: '{"command": "ls' }
      ]
    })
    const got = await stream(provider)
    expect(got.text).toBe("Let me look.")
    expect(got.toolCalls.map((c) => c.name)).toEqual(["Read", "Bash"])
    expect(got.toolCalls[0]!.arguments).toBe(JSON.stringify({ file_path: "src/main.ts", limit: 20 }))
    expect(got.toolCalls[0]!.fragments).toBe(Math.ceil(got.toolCalls[0]!.arguments.length / 3))
    expect(got.toolCalls[0]!.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(got.toolCalls[1]).toMatchObject({ id: customId, arguments: '{"command": "ls' })
    expect(got.finish).toBe("tool_calls")
  })

  it("reports the scripted usage, or none (Anthropic: zeros)", async () => {
    const provider = await start(kind)
    provider.enqueue({ text: "a", usage: { input: 1234, output: 56 } }, { text: "b", usage: null })
    expect((await stream(provider)).usage).toEqual({ input: 1234, output: 56 })
    const none = await stream(provider)
    expect(none.text).toBe("b")
    if (kind === "anthropic") expect(none.usage).toEqual({ input: 0, output: 0 })
    else expect(none.usage).toBeNull()
  })

  it("reports finish length the provider's way", async () => {
    const provider = await start(kind)
    provider.enqueue({ text: "truncated answ", finish: "length" })
    const got = await stream(provider)
    expect(got.finish).toBe("length")
    if (kind === "openai-responses") {
      expect(got.last["type"]).toBe("response.incomplete")
      expect(got.last["response"].incomplete_details).toEqual({ reason: "max_output_tokens" })
    }
  })

  it("answers a scripted error with retry-after in the provider's format", async () => {
    const provider = await start(kind)
    provider.enqueue({ error: { status: 429, retryAfter: "7" } }, { error: { status: 400, type: "invalid_request_error", message: "prompt is too long" } })
    const res = await call(provider)
    expect(res.status).toBe(429)
    expect(res.headers.get("retry-after")).toBe("7")
    expect(res.headers.get("content-type")).toBe("application/json")
    const body = (await res.json()) as Json
    if (kind === "anthropic") {
      expect(body).toMatchObject({ type: "error", error: { type: "rate_limit_error", message: expect.any(String) } })
      expect(res.headers.get("request-id")).toBe(body["request_id"])
    } else {
      expect(body).toEqual({ error: { message: expect.any(String), type: "requests", param: null, code: "rate_limit_exceeded" } })
    }
    const bad = await call(provider)
    expect(bad.status).toBe(400)
    const badBody = (await bad.json()) as Json
    expect(kind === "anthropic" ? badBody["error"] : badBody["error"]).toMatchObject({ type: "invalid_request_error", message: "prompt is too long" })
  })

  it("fails loudly when no scripted reply is left", async () => {
    const provider = await start(kind)
    const res = await call(provider)
    expect(res.status).toBe(500)
    const body = (await res.json()) as Json
    expect(body["error"].message).toBe(NO_REPLY_LEFT)
    expect(body["error"].type).toBe(kind === "anthropic" ? "api_error" : "server_error")
  })

  it("fails mid-stream the provider's way", async () => {
    const provider = await start(kind)
    provider.enqueue({ text: "This answer will not finish.", streamErrorAfterChunks: 3 })
    const res = await call(provider)
    expect(res.status).toBe(200)
    if (kind === "openai-chat") {
      await expect(readSse(res)).rejects.toThrow()
      return
    }
    const events = await readSse(res)
    expect(events).toHaveLength(4)
    const last = JSON.parse(events[3]!.data) as Json
    if (kind === "anthropic") {
      expect(events[3]!.event).toBe("error")
      expect(last).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } })
      decodeAnthropicEvent(last)
    } else {
      expect(events[3]!.event).toBe("response.failed")
      expect(last).toMatchObject({ sequence_number: 3, response: { status: "failed", error: { code: "server_error" } } })
      decodeResponsesEvent(last)
    }
  })

  it("hangs after the first event until closed, and waits delayMs", async () => {
    const provider = await start(kind)
    provider.enqueue({ text: "late", delayMs: 150 }, { text: "never", hang: true })
    const t0 = Date.now()
    expect((await stream(provider)).text).toBe("late")
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    const res = await call(provider)
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toMatch(/^(event: \S+\n)?data: /)
    const pending = reader.read()
    const raced = await Promise.race([pending.then(() => "data"), new Promise((r) => setTimeout(() => r("waiting"), 100))])
    expect(raced).toBe("waiting")
    await provider.close()
    await expect(pending).rejects.toThrow()
  })

  it("answers non-streamed calls with the whole message", async () => {
    const provider = await start(kind)
    provider.enqueue({ text: "Done.", toolCalls: [{ id: "call_1", name: "Read", arguments: { file_path: "a" } }], usage: { input: 10, output: 5 } })
    const res = await call(provider, { stream: false })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    if (kind === "openai-chat") {
      expect(body).toMatchObject({
        object: "chat.completion",
        choices: [
          {
            message: { role: "assistant", content: "Done.", tool_calls: [{ id: "call_1", type: "function", function: { name: "Read", arguments: '{"file_path":"a"}' } }] },
            finish_reason: "tool_calls"
          }
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }
      })
    } else if (kind === "openai-responses") {
      expect(body).toMatchObject({ object: "response", status: "completed", usage: { input_tokens: 10, output_tokens: 5 } })
      expect(body["output"].map((o: Json) => o["type"])).toEqual(["message", "function_call"])
      decodeResponsesEvent({ type: "response.completed", sequence_number: 0, response: body })
    } else {
      expect(body).toMatchObject({
        type: "message",
        content: [
          { type: "text", text: "Done." },
          { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "a" } }
        ],
        stop_reason: "tool_use",
        usage: { input_tokens: 10, output_tokens: 5 }
      })
    }
  })

  it("records every request and hands function scripts the request", async () => {
    const provider = await start(kind)
    provider.enqueue((request) => ({ text: `You said: ${request.body.messages?.[0]?.content ?? request.body.input?.[0]?.content}` }))
    await fetch(`${provider.baseUrl}${kind === "anthropic" ? "/v1" : ""}/models`)
    expect((await stream(provider)).text).toBe("You said: Say hello")
    expect(provider.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/models",
      `POST ${kind === "openai-chat" ? "/v1/chat/completions" : kind === "openai-responses" ? "/v1/responses" : "/v1/messages"}`
    ])
    expect(provider.modelCalls()).toHaveLength(1)
    expect(provider.modelCalls()[0]!.headers["content-type"]).toBe("application/json")
    const unknown = await fetch(`${provider.origin}/v2/nothing`)
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as Json)["error"]).toBeDefined()
  })
})

describe("model listings", () => {
  it("Chat Completions server: OpenAI, Ollama and LM Studio listings", async () => {
    const provider = await start("openai-chat", { models: ["qwen3", "qwen/qwen3-coder-30b"], contextWindow: 65536 })
    expect(provider.baseUrl).toBe(`${provider.origin}/v1`)
    const get = async (path: string, init?: RequestInit) => (await fetch(`${provider.origin}${path}`, init)).json() as Promise<Json>
    expect(await get("/v1/models")).toEqual({
      object: "list",
      data: [
        { id: "qwen3", object: "model", created: expect.any(Number), owned_by: expect.any(String) },
        { id: "qwen/qwen3-coder-30b", object: "model", created: expect.any(Number), owned_by: expect.any(String) }
      ]
    })
    const tags = await get("/api/tags")
    expect(tags["models"].map((m: Json) => [m["name"], m["model"]])).toEqual([
      ["qwen3:latest", "qwen3:latest"],
      ["qwen/qwen3-coder-30b:latest", "qwen/qwen3-coder-30b:latest"]
    ])
    expect(tags["models"][0].details).toMatchObject({ format: "gguf", family: "qwen3" })
    const show = await get("/api/show", { method: "POST", body: JSON.stringify({ model: "qwen3:latest" }) })
    const arch = show["model_info"]["general.architecture"]
    expect(arch).toBe("qwen3")
    expect(show["model_info"][`${arch}.context_length`]).toBe(65536)
    expect(show["capabilities"]).toContain("tools")
    const missing = await fetch(`${provider.origin}/api/show`, { method: "POST", body: JSON.stringify({ model: "nope" }) })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: "model 'nope' not found" })
    expect(await get("/api/v0/models")).toEqual({
      object: "list",
      data: [
        expect.objectContaining({ id: "qwen3", object: "model", type: "llm", max_context_length: 65536, state: "loaded" }),
        expect.objectContaining({ id: "qwen/qwen3-coder-30b", type: "llm", max_context_length: 65536 })
      ]
    })
    expect(await get("/api/v0/models/qwen/qwen3-coder-30b")).toMatchObject({ id: "qwen/qwen3-coder-30b", max_context_length: 65536 })
    expect(await get("/api/version")).toEqual({ version: expect.any(String) })
    expect(await (await fetch(`${provider.origin}/`)).text()).toBe("Ollama is running")
    expect(provider.modelCalls()).toHaveLength(0)
    expect(provider.requests).toHaveLength(8)
  })

  it("Responses server: OpenAI listing", async () => {
    const provider = await start("openai-responses")
    const res = await fetch(`${provider.baseUrl}/models`)
    expect(await res.json()).toEqual({ object: "list", data: [{ id: "gpt-5", object: "model", created: expect.any(Number), owned_by: "system" }] })
    expect((await fetch(`${provider.baseUrl}/models/gpt-5`)).status).toBe(200)
    const missing = await fetch(`${provider.baseUrl}/models/gpt-0`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as Json)["error"]).toMatchObject({ code: "model_not_found" })
    expect((await fetch(`${provider.origin}/api/tags`)).status).toBe(404)
  })

  it("Anthropic server: Anthropic listing", async () => {
    const provider = await start("anthropic", { models: ["claude-sonnet-4-5", "claude-haiku-4-5"] })
    expect(provider.baseUrl).toBe(provider.origin)
    const res = await fetch(`${provider.baseUrl}/v1/models`, { headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" } })
    expect(await res.json()).toEqual({
      data: [
        { type: "model", id: "claude-sonnet-4-5", display_name: expect.any(String), created_at: expect.any(String) },
        { type: "model", id: "claude-haiku-4-5", display_name: expect.any(String), created_at: expect.any(String) }
      ],
      has_more: false,
      first_id: "claude-sonnet-4-5",
      last_id: "claude-haiku-4-5"
    })
  })
})

describe("request validation", () => {
  it("Anthropic refuses a call without anthropic-version, keeping the script queued", async () => {
    const provider = await start("anthropic")
    provider.enqueue({ text: "ok" })
    const res = await fetch(`${provider.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "k" },
      body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [], stream: true })
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Json)["error"]).toMatchObject({ type: "invalid_request_error" })
    expect((await stream(provider)).text).toBe("ok")
  })

  it("refuses a body that is not JSON", async () => {
    const provider = await start("openai-chat")
    const res = await fetch(`${provider.baseUrl}/chat/completions`, { method: "POST", body: "{nope" })
    expect(res.status).toBe(400)
    expect(provider.requests[0]!.body).toBe("{nope")
  })
})

describe("real clients against the fakes", () => {
  const ReadTool = Tool.make("Read", { parameters: { file_path: Schema.String } })
  const toolkit = Toolkit.make(ReadTool)
  const handlers = toolkit.toLayer({ Read: () => Effect.void })

  const streamWith = (model: Layer.Layer<LanguageModel.LanguageModel>) =>
    Effect.runPromise(
      LanguageModel.streamText({ prompt: "Read a", toolkit, disableToolCallResolution: true }).pipe(
        Stream.runCollect,
        Effect.map(Chunk.toReadonlyArray),
        Effect.provide(Layer.mergeAll(model, handlers))
      )
    )

  const summarize = (parts: ReadonlyArray<any>) => ({
    text: parts.filter((p) => p.type === "text-delta").map((p) => p.delta).join(""),
    reasoning: parts.filter((p) => p.type === "reasoning-delta").map((p) => p.delta).join(""),
    toolCalls: parts.filter((p) => p.type === "tool-call").map((p) => ({ id: p.id, name: p.name, params: p.params })),
    finish: parts.find((p) => p.type === "finish")
  })

  it("@effect/ai-openai (Responses) reads text, reasoning, tool calls and usage", async () => {
    const provider = await start("openai-responses")
    provider.enqueue({ reasoning: "Think.", text: "Reading a.", toolCalls: [{ id: "call_9", name: "Read", arguments: { file_path: "a" } }], usage: { input: 40, output: 12 } })
    const client = OpenAiClient.layer({ apiKey: Redacted.make("sk-test"), apiUrl: provider.baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))
    const got = summarize(await streamWith(OpenAiLanguageModel.model("gpt-5").pipe(Layer.provide(client))))
    expect(got.text).toBe("Reading a.")
    expect(got.reasoning).toBe("Think.")
    expect(got.toolCalls).toEqual([{ id: "call_9", name: "Read", params: { file_path: "a" } }])
    expect(got.finish).toMatchObject({ reason: "tool-calls", usage: { inputTokens: 40, outputTokens: 12 } })
    expect(provider.modelCalls()[0]!.headers["authorization"]).toBe("Bearer sk-test")
  })

  it("@effect/ai-anthropic reads text, thinking, tool calls and usage", async () => {
    const provider = await start("anthropic")
    provider.enqueue({ reasoning: "Think.", text: "Reading a.", toolCalls: [{ id: "toolu_9", name: "Read", arguments: { file_path: "a" } }], usage: { input: 40, output: 12 } })
    const client = AnthropicClient.layer({ apiKey: Redacted.make("sk-ant"), apiUrl: provider.baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))
    const got = summarize(await streamWith(AnthropicLanguageModel.model("claude-sonnet-4-5").pipe(Layer.provide(client))))
    expect(got.text).toBe("Reading a.")
    expect(got.reasoning).toBe("Think.")
    expect(got.toolCalls).toEqual([{ id: "toolu_9", name: "Read", params: { file_path: "a" } }])
    expect(got.finish).toMatchObject({ reason: "tool-calls", usage: { inputTokens: 40, outputTokens: 12 } })
    expect(provider.modelCalls()[0]!.headers).toMatchObject({ "x-api-key": "sk-ant", "anthropic-version": "2023-06-01" })
  })
})

describe("fake provider CLI", () => {
  it("prints its URL, serves the named script and exits on SIGTERM", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fake-provider-"))
    try {
      const outfile = join(dir, "fake-provider.mjs")
      await build({ entryPoints: ["test/support/fakeProviders/main.ts"], outfile, bundle: true, platform: "node", format: "esm", logLevel: "silent" })
      const child = spawn(process.execPath, [outfile, "--kind", "openai-chat", "--script", "demo"], { stdio: ["ignore", "pipe", "pipe"] })
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
      const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once("line", resolve))
      const { url, origin } = JSON.parse(line) as { url: string; origin: string }
      expect(url).toBe(`${origin}/v1`)
      const res = await fetch(`${url}/chat/completions`, {
        method: "POST",
        body: JSON.stringify({ model: "qwen3:latest", messages: [{ role: "user", content: "hi" }], stream: true })
      })
      expect(accumulateChat(await readSse(res)).text).toBe("Hello from the fake provider.")
      child.kill("SIGTERM")
      expect(await exited).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
