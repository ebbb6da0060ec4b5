/**
 * End-to-end helpers for the local backend (LOCAL-BACKEND.md §6): the built binary with no
 * LETTA_* variables, a scripted fake model provider, and readers for what the provider received
 * in each wire format. Every other provider variable is cleared, and Ollama / LM Studio point at
 * a closed port, so nothing on the machine (a real Ollama, a real key) leaks into a test.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { join } from "node:path"
import { FakeProvider, type FakeProviderOptions, type ProviderKind, type RecordedRequest } from "./fakeProviders/index.js"
import { afterEach, beforeEach } from "vitest"
import { makeSandbox, runLetta, type RunOptions, type RunResult, type Sandbox } from "./e2e.js"

export { FakeProvider }
export type { ProviderKind, RecordedRequest }

/** A port nothing listens on (bound, then released). */
export const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** No keys, no base URLs, local servers unreachable: each test adds exactly what it means. */
export const isolatedEnv = (closed: number): Record<string, string | undefined> => ({
  ANTHROPIC_API_KEY: undefined,
  ANTHROPIC_BASE_URL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  GROQ_API_KEY: undefined,
  LETTA_BACKEND: undefined,
  OLLAMA_HOST: `127.0.0.1:${closed}`,
  LMSTUDIO_BASE_URL: `http://127.0.0.1:${closed}/v1`
})

/** The providers the tests drive: the three built-in wire APIs and a custom one from the settings. */
export type ProviderName = "ollama" | "lmstudio" | "openai" | "anthropic" | "groq"

export const KIND_OF: Readonly<Record<ProviderName, ProviderKind>> = {
  ollama: "openai-chat",
  lmstudio: "openai-chat",
  openai: "openai-responses",
  anthropic: "anthropic",
  groq: "openai-chat"
}

const LMSTUDIO_MODEL = "qwen/qwen3-4b"

export const OPENAI_KEY = "sk-test-openai-0123456789abcdef"
export const ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef"
export const GROQ_KEY = "gsk-test-0123456789abcdef"

export interface Provider {
  readonly name: ProviderName
  readonly kind: ProviderKind
  readonly fake: FakeProvider
  /** What letta needs in its environment to reach the fake. */
  readonly env: Record<string, string>
  /** What the user passes to --model. */
  readonly model: string
  /** The handle letta reports for it. */
  readonly handle: string
  /** The model name on the wire. */
  readonly wireModel: string
}

/** Writes (merges) `~/.letta/settings.json` of the sandbox. */
export const writeUserSettings = (sandbox: Sandbox, settings: Record<string, unknown>): void => {
  const dir = join(sandbox.home, ".letta")
  mkdirSync(dir, { recursive: true })
  const path = join(dir, "settings.json")
  let current: Record<string, unknown> = {}
  try {
    current = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>
  } catch {
    current = {}
  }
  writeFileSync(path, JSON.stringify({ ...current, ...settings }, null, 2))
}

/** Starts a fake for `name` (a custom provider's entry goes into the sandbox's user settings). */
export const startProvider = async (
  name: ProviderName,
  sandbox: Sandbox,
  options: FakeProviderOptions & { readonly customContextWindow?: number } = {}
): Promise<Provider> => {
  const kind = KIND_OF[name]
  const fake = await FakeProvider.start(kind, name === "lmstudio" && options.models === undefined ? { ...options, models: [LMSTUDIO_MODEL] } : options)
  switch (name) {
    case "ollama":
      return { name, kind, fake, env: { OLLAMA_HOST: fake.origin }, model: "ollama/qwen3", handle: "ollama/qwen3:latest", wireModel: "qwen3:latest" }
    case "lmstudio": {
      const model = options.models?.[0] ?? LMSTUDIO_MODEL
      return { name, kind, fake, env: { LMSTUDIO_BASE_URL: fake.baseUrl }, model: `lmstudio/${model}`, handle: `lmstudio/${model}`, wireModel: model }
    }
    case "openai":
      return { name, kind, fake, env: { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: OPENAI_KEY }, model: "openai/gpt-5", handle: "openai/gpt-5", wireModel: "gpt-5" }
    case "anthropic":
      return {
        name,
        kind,
        fake,
        env: { ANTHROPIC_BASE_URL: fake.origin, ANTHROPIC_API_KEY: ANTHROPIC_KEY },
        model: "anthropic/claude-sonnet-4-5",
        handle: "anthropic/claude-sonnet-4-5",
        wireModel: "claude-sonnet-4-5"
      }
    case "groq":
      writeUserSettings(sandbox, {
        providers: {
          groq: {
            api: "openai-chat",
            baseUrl: fake.baseUrl,
            apiKeyEnv: "GROQ_API_KEY",
            ...(options.customContextWindow === undefined ? {} : { contextWindow: options.customContextWindow })
          }
        }
      })
      return { name, kind, fake, env: { GROQ_API_KEY: GROQ_KEY }, model: "groq/llama-3.3-70b", handle: "groq/llama-3.3-70b", wireModel: "llama-3.3-70b" }
  }
}

/** A `letta` runner for one sandbox: isolated environment plus the provider's, never a LETTA_* variable. */
export const lettaRunner =
  (sandbox: Sandbox, baseEnv: Record<string, string | undefined>) =>
  (args: ReadonlyArray<string>, options: Partial<RunOptions> & { readonly extraEnv?: Record<string, string | undefined> } = {}): Promise<RunResult> =>
    runLetta(args, { timeoutMs: 20_000, ...options, sandbox, env: { ...baseEnv, ...options.extraEnv } })

// ── reading what the provider received ─────────────────────────────────────────────────────────

type Json = any

const textOf = (content: Json): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part: Json) => (typeof part === "string" ? part : typeof part?.text === "string" ? part.text : "")).join("")
      : ""

/** The system prompt a model call carried. */
export const systemOf = (kind: ProviderKind, request: RecordedRequest): string => {
  const body: Json = request.body
  switch (kind) {
    case "openai-chat":
      return (body.messages ?? []).filter((m: Json) => m.role === "system" || m.role === "developer").map((m: Json) => textOf(m.content)).join("\n")
    case "openai-responses":
      return [
        typeof body.instructions === "string" ? body.instructions : "",
        ...(Array.isArray(body.input) ? body.input : []).filter((m: Json) => m.role === "system" || m.role === "developer").map((m: Json) => textOf(m.content))
      ].join("\n")
    case "anthropic":
      return textOf(body.system)
  }
}

/** The texts of the user messages of a model call, in order (tool results left out). */
export const userTextsOf = (kind: ProviderKind, request: RecordedRequest): ReadonlyArray<string> => {
  const body: Json = request.body
  switch (kind) {
    case "openai-chat":
      return (body.messages ?? []).filter((m: Json) => m.role === "user").map((m: Json) => textOf(m.content))
    case "openai-responses":
      return (Array.isArray(body.input) ? body.input : []).filter((m: Json) => m.role === "user").map((m: Json) => textOf(m.content))
    case "anthropic":
      // Consecutive user turns are merged into one message (Anthropic wants roles to alternate):
      // each text block is one user text.
      return (body.messages ?? [])
        .filter((m: Json) => m.role === "user")
        .flatMap((m: Json) => (typeof m.content === "string" ? [m.content] : m.content.filter((p: Json) => p.type === "text").map((p: Json) => String(p.text))))
  }
}

/** The texts of the assistant messages of a model call, in order. */
export const assistantTextsOf = (kind: ProviderKind, request: RecordedRequest): ReadonlyArray<string> => {
  const body: Json = request.body
  switch (kind) {
    case "openai-chat":
      return (body.messages ?? []).filter((m: Json) => m.role === "assistant").map((m: Json) => textOf(m.content))
    case "openai-responses":
      return (Array.isArray(body.input) ? body.input : []).filter((m: Json) => m.role === "assistant").map((m: Json) => textOf(m.content))
    case "anthropic":
      return (body.messages ?? [])
        .filter((m: Json) => m.role === "assistant")
        .map((m: Json) => (typeof m.content === "string" ? m.content : m.content.filter((p: Json) => p.type === "text").map((p: Json) => p.text).join("")))
  }
}

export interface ToolResultSeen {
  readonly id: string
  readonly output: string
}

/** The tool results a model call carried, in each API's own shape. */
export const toolResultsOf = (kind: ProviderKind, request: RecordedRequest): ReadonlyArray<ToolResultSeen> => {
  const body: Json = request.body
  switch (kind) {
    case "openai-chat":
      return (body.messages ?? []).filter((m: Json) => m.role === "tool").map((m: Json) => ({ id: String(m.tool_call_id), output: textOf(m.content) }))
    case "openai-responses":
      return (Array.isArray(body.input) ? body.input : [])
        .filter((m: Json) => m.type === "function_call_output")
        .map((m: Json) => ({ id: String(m.call_id), output: textOf(m.output) }))
    case "anthropic":
      return (body.messages ?? [])
        .filter((m: Json) => m.role === "user" && Array.isArray(m.content))
        .flatMap((m: Json) => m.content.filter((p: Json) => p.type === "tool_result"))
        .map((p: Json) => ({ id: String(p.tool_use_id), output: textOf(p.content) }))
  }
}

/** The tool calls (id, name) of the assistant messages a model call carried. */
export const toolCallsOf = (kind: ProviderKind, request: RecordedRequest): ReadonlyArray<{ id: string; name: string }> => {
  const body: Json = request.body
  switch (kind) {
    case "openai-chat":
      return (body.messages ?? [])
        .filter((m: Json) => m.role === "assistant" && Array.isArray(m.tool_calls))
        .flatMap((m: Json) => m.tool_calls.map((c: Json) => ({ id: String(c.id), name: String(c.function?.name) })))
    case "openai-responses":
      return (Array.isArray(body.input) ? body.input : []).filter((m: Json) => m.type === "function_call").map((m: Json) => ({ id: String(m.call_id), name: String(m.name) }))
    case "anthropic":
      return (body.messages ?? [])
        .filter((m: Json) => m.role === "assistant" && Array.isArray(m.content))
        .flatMap((m: Json) => m.content.filter((p: Json) => p.type === "tool_use"))
        .map((p: Json) => ({ id: String(p.id), name: String(p.name) }))
  }
}

/** The names of the tools offered in a model call. */
export const toolNamesOf = (kind: ProviderKind, request: RecordedRequest): ReadonlyArray<string> => {
  const tools: Json = (request.body as Json).tools ?? []
  return tools.map((tool: Json) => String(kind === "openai-chat" ? tool.function?.name : tool.name))
}

/** Everything the call carried, as text (for "does this word appear anywhere"). */
export const bodyText = (request: RecordedRequest): string => JSON.stringify(request.body)

/** What a user's `json` result object is. */
export const jsonResult = (stdout: string): Record<string, any> => JSON.parse(stdout) as Record<string, any>

/** The agent ids `letta agents list` prints. */
export const agentIdsIn = (stdout: string): ReadonlyArray<string> => [...stdout.matchAll(/agent-[0-9a-f-]{36}/g)].map((match) => match[0])

/** Waits until `check` holds (polling), or throws after `timeoutMs`. */
export const waitFor = async (check: () => boolean, timeoutMs: number, what: string): Promise<void> => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const AGENT_ID = /^agent-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * A test file's set-up: a fresh sandbox and closed port for each test (handed to `onEach`), and
 * `start(name)`: a fake provider for that test, closed after it, with a runner whose environment
 * reaches only that provider.
 */
export const useLocalSandbox = (onEach: (sandbox: Sandbox, closed: number) => void) => {
  let sandbox: Sandbox | undefined
  let closed = 0
  const providers: Array<Provider> = []
  beforeEach(async () => {
    sandbox = makeSandbox()
    closed = await closedPort()
    onEach(sandbox, closed)
  })
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((provider) => provider.fake.close()))
    sandbox?.cleanup()
  })
  return async (name: ProviderName, options: Parameters<typeof startProvider>[2] = {}) => {
    const provider = await startProvider(name, sandbox!, options)
    providers.push(provider)
    const letta = lettaRunner(sandbox!, { ...isolatedEnv(closed), ...provider.env })
    return { provider, letta, calls: () => provider.fake.modelCalls() }
  }
}
