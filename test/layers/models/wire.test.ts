/**
 * The three wire APIs against the scripted fake providers: streamed text, reasoning, tool calls
 * in fragments (arguments verbatim), usage present and absent, finish reasons, and every
 * provider error as the ApiError the turn pipeline retries or reports.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import type { ProviderSettings } from "../../../src/domain/settings.js"
import type { ModelsShape } from "../../../src/services/Models.js"
import { FakeProvider, type ProviderKind } from "../../support/fakeProviders/index.js"
import { call, closedPort, finish, modelsFor, reasoning, resolveOrThrow, simpleRequest, text, toolArguments } from "./support.js"

interface KindSetup {
  readonly kind: ProviderKind
  readonly handle: string
  readonly keyVar: string
  readonly env: (fake: FakeProvider, key?: string) => Record<string, string | undefined>
  readonly custom?: (fake: FakeProvider) => Record<string, ProviderSettings>
  readonly authOf: (headers: Readonly<Record<string, string>>) => string | undefined
  readonly auth: (key: string) => string
}

const KINDS: ReadonlyArray<KindSetup> = [
  {
    kind: "anthropic",
    handle: "anthropic/claude-sonnet-4-5",
    keyVar: "ANTHROPIC_API_KEY",
    env: (fake, key = "sk-ant-test") => ({ ANTHROPIC_BASE_URL: fake.origin, ANTHROPIC_API_KEY: key }),
    authOf: (headers) => headers["x-api-key"],
    auth: (key) => key
  },
  {
    kind: "openai-responses",
    handle: "openai/gpt-5",
    keyVar: "OPENAI_API_KEY",
    env: (fake, key = "sk-openai-test") => ({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: key }),
    authOf: (headers) => headers["authorization"],
    auth: (key) => `Bearer ${key}`
  },
  {
    kind: "openai-chat",
    handle: "vllm/qwen3-coder",
    keyVar: "VLLM_API_KEY",
    env: (_fake, key = "sk-vllm-test") => ({ VLLM_API_KEY: key }),
    custom: (fake) => ({ vllm: { api: "openai-chat", baseUrl: fake.baseUrl, apiKeyEnv: "VLLM_API_KEY" } }),
    authOf: (headers) => headers["authorization"],
    auth: (key) => `Bearer ${key}`
  }
]

describe.each(KINDS)("$kind", (setup) => {
  let fake: FakeProvider
  let models: ModelsShape

  beforeAll(async () => {
    fake = await FakeProvider.start(setup.kind, { models: ["qwen3-coder", "gpt-5", "claude-sonnet-4-5"] })
    models = await modelsFor(setup.env(fake), setup.custom?.(fake))
  })
  afterAll(() => fake.close())

  const resolved = () => resolveOrThrow(models, setup.handle)

  it("streams text in fragments, with the provider's usage and the key from the environment", async () => {
    fake.enqueue({ text: "Hello there, this is a streamed reply.", chunkSize: 5, usage: { input: 321, output: 17 } })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase).toBe("done")
    const events = outcome.phase === "done" ? outcome.events : []
    expect(text(events)).toBe("Hello there, this is a streamed reply.")
    expect(events.filter((event) => event._tag === "TextDelta").length).toBeGreaterThan(3)
    expect(finish(events)).toEqual({ _tag: "Finish", reason: "stop", usage: { inputTokens: 321, outputTokens: 17 } })
    const sent = fake.modelCalls().at(-1)!
    expect(setup.authOf(sent.headers)).toBe(setup.auth(setup.kind === "anthropic" ? "sk-ant-test" : setup.kind === "openai-chat" ? "sk-vllm-test" : "sk-openai-test"))
    expect(sent.body.stream).toBe(true)
  })

  it("streams reasoning before the text", async () => {
    fake.enqueue({ reasoning: "Let me think about this carefully.", text: "Done.", chunkSize: 6 })
    const outcome = await call(models, await resolved(), simpleRequest())
    const events = outcome.phase === "done" ? outcome.events : []
    expect(reasoning(events)).toBe("Let me think about this carefully.")
    expect(text(events)).toBe("Done.")
    const firstReasoning = events.findIndex((event) => event._tag === "ReasoningDelta")
    const firstText = events.findIndex((event) => event._tag === "TextDelta")
    expect(firstReasoning).toBeGreaterThanOrEqual(0)
    expect(firstReasoning).toBeLessThan(firstText)
    if (setup.kind === "anthropic") {
      // The thinking block's signature comes with it, for the replay.
      expect(events.some((event) => event._tag === "ReasoningDelta" && typeof event.signature === "string" && event.signature.length > 0)).toBe(true)
    }
  })

  it("passes tool-call arguments through verbatim, however they were fragmented", async () => {
    const args = '{"file_path": "/tmp/a b.txt",   "limit": 10, "nested": {"k": [1, 2.50, "\\u00e9"]}}'
    fake.enqueue({
      text: "Reading.",
      toolCalls: [
        { id: "call_one", name: "Read", arguments: args },
        { id: "call_two", name: "Bash", arguments: '{"command": "ls -la"}' }
      ],
      chunkSize: 3
    })
    const tools = [
      { name: "Read", description: "Read a file", parameters: { type: "object", properties: { file_path: { type: "string" } }, required: ["file_path"] } },
      { name: "Bash", description: "Run a command", parameters: { type: "object", properties: { command: { type: "string" } } } }
    ]
    const outcome = await call(models, await resolved(), simpleRequest({ tools }))
    const events = outcome.phase === "done" ? outcome.events : []
    expect(events.filter((event) => event._tag === "ToolCallStart")).toEqual([
      { _tag: "ToolCallStart", id: "call_one", name: "Read" },
      { _tag: "ToolCallStart", id: "call_two", name: "Bash" }
    ])
    expect(toolArguments(events, "call_one")).toBe(args)
    expect(toolArguments(events, "call_two")).toBe('{"command": "ls -la"}')
    expect(events.filter((event) => event._tag === "ToolCallDelta" && event.id === "call_one").length).toBeGreaterThan(5)
    expect(finish(events).reason).toBe("tool-calls")
    // Every start comes before its fragments.
    const startAt = events.findIndex((event) => event._tag === "ToolCallStart" && event.id === "call_one")
    const firstDelta = events.findIndex((event) => event._tag === "ToolCallDelta" && event.id === "call_one")
    expect(startAt).toBeLessThan(firstDelta)
    // The tools went out as given (JSON Schema untouched).
    const body = fake.modelCalls().at(-1)!.body
    const sentSchemas =
      setup.kind === "anthropic"
        ? body.tools.map((tool: any) => tool.input_schema)
        : setup.kind === "openai-responses"
          ? body.tools.map((tool: any) => tool.parameters)
          : body.tools.map((tool: any) => tool.function.parameters)
    expect(sentSchemas).toEqual(tools.map((tool) => tool.parameters))
  })

  it("passes invalid JSON arguments through as they came (the agent loop reports them to the model)", async () => {
    fake.enqueue({ toolCalls: [{ id: "call_bad", name: "Read", arguments: '{"file_path": "/x", oops' }], chunkSize: 4 })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase).toBe("done")
    const events = outcome.phase === "done" ? outcome.events : []
    expect(toolArguments(events, "call_bad")).toBe('{"file_path": "/x", oops')
  })

  it("reports no usage when the provider sends none", async () => {
    fake.enqueue({ text: "No usage here.", usage: null })
    const outcome = await call(models, await resolved(), simpleRequest())
    const events = outcome.phase === "done" ? outcome.events : []
    // The Anthropic Messages stream always carries usage (the fake sends zeros).
    expect(finish(events).usage).toEqual(setup.kind === "anthropic" ? { inputTokens: 0, outputTokens: 0 } : undefined)
  })

  it("reports finish length when the output limit was hit", async () => {
    fake.enqueue({ text: "This reply was cut", finish: "length" })
    const outcome = await call(models, await resolved(), simpleRequest())
    const events = outcome.phase === "done" ? outcome.events : []
    expect(text(events)).toBe("This reply was cut")
    expect(finish(events).reason).toBe("length")
  })

  it("replays a conversation with tool calls and results in the wire format", async () => {
    fake.enqueue({ text: "ok" })
    const verbatim = '{"command":  "echo hi"}'
    await call(
      models,
      await resolved(),
      simpleRequest({
        messages: [
          { role: "user", text: "Run it" },
          { role: "assistant", text: "Running.", toolCalls: [{ id: "call_r1", name: "Bash", arguments: verbatim }] },
          { role: "tool", toolCallId: "call_r1", toolName: "Bash", isError: false, output: "hi\n" },
          { role: "user", text: "Thanks" }
        ]
      })
    )
    const body = fake.modelCalls().at(-1)!.body
    if (setup.kind === "anthropic") {
      expect(body.system[0].text).toBe("You are a test.")
      expect(body.max_tokens).toBe(1024)
      expect(body.messages.map((message: any) => message.role)).toEqual(["user", "assistant", "user"])
      expect(body.messages[1].content).toEqual([
        { type: "text", text: "Running." },
        { type: "tool_use", id: "call_r1", name: "Bash", input: { command: "echo hi" } }
      ])
      expect(body.messages[2].content[0]).toEqual({ type: "tool_result", tool_use_id: "call_r1", content: "hi\n" })
      expect(body.messages[2].content[1].text).toBe("Thanks")
    } else if (setup.kind === "openai-responses") {
      expect(body.instructions).toBe("You are a test.")
      expect(body.store).toBe(false)
      expect(body.max_output_tokens).toBe(1024)
      expect(body.input).toEqual([
        { role: "user", content: "Run it" },
        { role: "assistant", content: "Running." },
        { type: "function_call", call_id: "call_r1", name: "Bash", arguments: verbatim },
        { type: "function_call_output", call_id: "call_r1", output: "hi\n" },
        { role: "user", content: "Thanks" }
      ])
    } else {
      expect(body.stream_options).toEqual({ include_usage: true })
      expect(body.max_tokens).toBe(1024)
      expect(body.messages).toEqual([
        { role: "system", content: "You are a test." },
        { role: "user", content: "Run it" },
        { role: "assistant", content: "Running.", tool_calls: [{ id: "call_r1", type: "function", function: { name: "Bash", arguments: verbatim } }] },
        { role: "tool", tool_call_id: "call_r1", content: "hi\n" },
        { role: "user", content: "Thanks" }
      ])
    }
  })

  it("turns 429 into a retryable ApiError with Retry-After, before the stream", async () => {
    fake.enqueue({ error: { status: 429, message: "Slow down please", retryAfter: "7" } })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase).toBe("request")
    if (outcome.phase !== "request") return
    expect(outcome.error).toMatchObject({ kind: "http", status: 429, retryAfterMs: 7000, detail: "Slow down please", streamStarted: false })
    const provider = setup.handle.split("/")[0]!
    expect(outcome.error.service).toBe(`the model provider ${provider} (${setup.kind === "anthropic" ? fake.origin : fake.baseUrl})`)
  })

  it("names the environment variable when the key is refused (401)", async () => {
    fake.enqueue({ error: { status: 401 } })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase).toBe("request")
    if (outcome.phase !== "request") return
    expect(outcome.error).toMatchObject({ kind: "http", status: 401, streamStarted: false })
    expect(outcome.error.hint).toContain(setup.keyVar)
    expect(outcome.error.detail).toBe("Invalid API key")
  })

  it("keeps 5xx (and Anthropic's 529 overloaded) as server errors", async () => {
    const status = setup.kind === "anthropic" ? 529 : 500
    fake.enqueue({ error: { status, message: "Overloaded right now" } })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase === "request" ? outcome.error : undefined).toMatchObject({ kind: "http", status, detail: "Overloaded right now", streamStarted: false })
    if (setup.kind === "anthropic" && outcome.phase === "request") expect(outcome.error.code).toBe("overloaded_error")
  })

  it("keeps the provider's message for a context-length error", async () => {
    const message = "prompt is too long: 250000 tokens > 200000 maximum"
    fake.enqueue({ error: { status: 400, message, type: setup.kind === "anthropic" ? "invalid_request_error" : "context_length_exceeded" } })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase === "request" ? outcome.error : undefined).toMatchObject({ kind: "http", status: 400, detail: message })
  })

  it("fails the stream (streamStarted) when the provider fails mid-stream", async () => {
    fake.enqueue({ text: "A long reply that will not finish because the server fails", chunkSize: 4, streamErrorAfterChunks: 5 })
    const outcome = await call(models, await resolved(), simpleRequest())
    expect(outcome.phase).toBe("stream")
    if (outcome.phase !== "stream") return
    expect(outcome.error.streamStarted).toBe(true)
    expect(outcome.error.kind).toBe("stream")
    expect(outcome.events.some((event) => event._tag === "Finish")).toBe(false)
    if (setup.kind === "anthropic") expect(outcome.error).toMatchObject({ code: "overloaded_error", detail: "Overloaded" })
    if (setup.kind === "openai-responses") expect(outcome.error.code).toBe("server_error")
  })

  it("reports a refused connection before the stream, with a hint", async () => {
    const port = await closedPort()
    const dead = { origin: `http://127.0.0.1:${port}`, baseUrl: `http://127.0.0.1:${port}/v1` } as FakeProvider
    const deadModels = await modelsFor(setup.env(dead), setup.custom?.(dead))
    const outcome = await call(deadModels, await resolveOrThrow(deadModels, setup.handle), simpleRequest())
    expect(outcome.phase).toBe("request")
    if (outcome.phase !== "request") return
    expect(outcome.error).toMatchObject({ kind: "connection", streamStarted: false, code: "ECONNREFUSED" })
    expect(outcome.error.hint?.length).toBeGreaterThan(0)
  })
})

describe("a missing key", () => {
  let fake: FakeProvider
  beforeEach(async () => {
    fake = await FakeProvider.start("anthropic")
    return () => fake.close()
  })

  it("fails the call without sending anything, naming the variable", async () => {
    const models = await modelsFor({ ANTHROPIC_BASE_URL: fake.origin })
    const outcome = await call(
      models,
      { handle: "anthropic/claude-sonnet-4-5", provider: "anthropic", model: "claude-sonnet-4-5", contextWindow: 200_000, maxOutputTokens: 1000 },
      simpleRequest()
    )
    expect(outcome.phase).toBe("request")
    if (outcome.phase === "request") expect(outcome.error.hint).toContain("ANTHROPIC_API_KEY")
    expect(fake.modelCalls()).toHaveLength(0)
  })
})
