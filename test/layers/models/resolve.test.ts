/**
 * Which model a handle names (LOCAL-BACKEND.md §2): providers, keys, local servers probed,
 * context windows from the setting, the server, the catalogue or the fallback; the default
 * model; the listing.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FakeProvider } from "../../support/fakeProviders/index.js"
import { closedPort, modelsFor, resolveEither, resolveOrThrow } from "./support.js"

let ollama: FakeProvider
let lmstudio: FakeProvider
let gateway: FakeProvider
let deadOrigin: string

beforeAll(async () => {
  ollama = await FakeProvider.start("openai-chat", { models: ["qwen3-coder:30b", "qwen3", "nomic-embed-text"], contextWindow: 65_536 })
  lmstudio = await FakeProvider.start("openai-chat", { models: ["qwen/qwen3-4b", "openai/gpt-oss-20b"], contextWindow: 8_192 })
  gateway = await FakeProvider.start("openai-chat", { models: ["llama-3.3-70b", "mystery-model"] })
  deadOrigin = `127.0.0.1:${await closedPort()}`
})
afterAll(async () => {
  await Promise.all([ollama.close(), lmstudio.close(), gateway.close()])
})

const hostOf = (fake: FakeProvider) => fake.origin.replace(/^http:\/\//, "")
const offline = () => ({ OLLAMA_HOST: deadOrigin, LMSTUDIO_BASE_URL: `http://${deadOrigin}/v1` })

describe("resolve", () => {
  it("rejects a handle without a provider", async () => {
    const result = await resolveEither(await modelsFor(offline()), "claude-sonnet-4-5")
    expect(Either.isLeft(result) && result.left._tag === "UnknownModel" && result.left.reason).toContain("provider/model")
  })

  it("rejects an unknown provider, listing the built-in and custom ones", async () => {
    const models = await modelsFor(offline(), { groq: { api: "openai-chat", baseUrl: gateway.baseUrl, apiKeyEnv: "GROQ_API_KEY" } })
    const result = await resolveEither(models, "mistral/large")
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result) || result.left._tag !== "UnknownModel") return
    expect(result.left.reason).toContain('no provider "mistral"')
    expect(result.left.reason).toContain("anthropic, openai, ollama, lmstudio")
    expect(result.left.reason).toContain("groq")
  })

  it("names the variable to set when a provider's key is missing", async () => {
    const result = await resolveEither(await modelsFor(offline()), "openai/gpt-5")
    expect(Either.isLeft(result) && result.left._tag === "UnknownModel" && result.left.reason).toContain("OPENAI_API_KEY")
  })

  it("knows the windows of well-known hosted models, and keeps the reply budget under a quarter", async () => {
    const models = await modelsFor({ ...offline(), ANTHROPIC_API_KEY: "k", OPENAI_API_KEY: "k" })
    expect(await resolveOrThrow(models, "anthropic/claude-sonnet-4-5")).toEqual({
      handle: "anthropic/claude-sonnet-4-5",
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      contextWindow: 200_000,
      maxOutputTokens: 50_000
    })
    expect(await resolveOrThrow(models, "anthropic/claude-opus-4-1-20250805")).toMatchObject({ contextWindow: 200_000, maxOutputTokens: 32_000 })
    expect(await resolveOrThrow(models, "openai/gpt-4.1")).toMatchObject({ contextWindow: 1_047_576, maxOutputTokens: 32_768 })
    expect(await resolveOrThrow(models, "openai/gpt-5-mini")).toMatchObject({ contextWindow: 400_000, maxOutputTokens: 100_000 })
    expect(await resolveOrThrow(models, "openai/gpt-4o-2024-08-06")).toMatchObject({ contextWindow: 128_000, maxOutputTokens: 16_384 })
    expect(await resolveOrThrow(models, "openai/some-future-model")).toMatchObject({ contextWindow: 32_768, maxOutputTokens: 8_192 })
  })

  it("probes Ollama (OLLAMA_HOST without a scheme): x is x:latest, the window is the server's", async () => {
    const models = await modelsFor({ OLLAMA_HOST: hostOf(ollama) })
    expect(await resolveOrThrow(models, "ollama/qwen3")).toEqual({
      handle: "ollama/qwen3:latest",
      provider: "ollama",
      model: "qwen3:latest",
      contextWindow: 65_536,
      maxOutputTokens: 16_384
    })
    expect(await resolveOrThrow(models, "ollama/qwen3:latest")).toMatchObject({ handle: "ollama/qwen3:latest" })
    expect(await resolveOrThrow(models, "ollama/qwen3-coder:30b")).toMatchObject({ contextWindow: 65_536 })
    expect(ollama.requests.some((request) => request.path === "/api/show")).toBe(true)
  })

  it("says how to get a model Ollama does not have, with the ones it has", async () => {
    const result = await resolveEither(await modelsFor({ OLLAMA_HOST: hostOf(ollama) }), "ollama/llama9")
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result) || result.left._tag !== "UnknownModel") return
    expect(result.left.reason).toContain("ollama pull llama9:latest")
    expect(result.left.available).toContain("ollama/qwen3:latest")
    expect(result.left.available).not.toContain("ollama/nomic-embed-text:latest")
  })

  it("fails clearly when Ollama is not running", async () => {
    const result = await resolveEither(await modelsFor(offline()), "ollama/qwen3")
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result) || result.left._tag !== "ApiError") return
    expect(result.left).toMatchObject({ kind: "connection", streamStarted: false })
    expect(result.left.service).toContain("ollama")
    expect(result.left.hint).toContain("ollama serve")
  })

  it("probes LM Studio: the model must be there; the window is the one LM Studio reports", async () => {
    const models = await modelsFor({ LMSTUDIO_BASE_URL: lmstudio.baseUrl })
    expect(await resolveOrThrow(models, "lmstudio/qwen/qwen3-4b")).toEqual({
      handle: "lmstudio/qwen/qwen3-4b",
      provider: "lmstudio",
      model: "qwen/qwen3-4b",
      contextWindow: 8_192,
      maxOutputTokens: 2_048
    })
    const missing = await resolveEither(models, "lmstudio/other")
    expect(Either.isLeft(missing) && missing.left._tag === "UnknownModel" && missing.left.available).toContain("lmstudio/qwen/qwen3-4b")
    const down = await resolveEither(await modelsFor(offline()), "lmstudio/qwen/qwen3-4b")
    expect(Either.isLeft(down) && down.left._tag === "ApiError" && down.left.hint).toContain("LM Studio")
  })

  it("custom providers: the contextWindow setting wins; else the catalogue; else 32768", async () => {
    const models = await modelsFor(
      { GROQ_API_KEY: "gk" },
      {
        groq: { api: "openai-chat", baseUrl: gateway.baseUrl, apiKeyEnv: "GROQ_API_KEY", contextWindow: 131_072 },
        local: { api: "openai-chat", baseUrl: gateway.baseUrl },
        router: { api: "openai-responses", baseUrl: gateway.baseUrl }
      }
    )
    expect(await resolveOrThrow(models, "groq/llama-3.3-70b")).toMatchObject({ contextWindow: 131_072, maxOutputTokens: 32_768 })
    expect(await resolveOrThrow(models, "router/anthropic/claude-sonnet-4.5")).toMatchObject({ model: "anthropic/claude-sonnet-4.5", contextWindow: 200_000 })
    expect(await resolveOrThrow(models, "local/mystery-model")).toMatchObject({ contextWindow: 32_768, maxOutputTokens: 8_192 })
    const noKey = await resolveEither(await modelsFor({}, { groq: { api: "openai-chat", baseUrl: gateway.baseUrl, apiKeyEnv: "GROQ_API_KEY" } }), "groq/x")
    expect(Either.isLeft(noKey) && noKey.left._tag === "UnknownModel" && noKey.left.reason).toContain("GROQ_API_KEY")
  })

  it("never lets a custom provider replace a built-in one (a project could redirect a key)", async () => {
    const models = await modelsFor(
      { ANTHROPIC_API_KEY: "secret", ANTHROPIC_BASE_URL: `http://${deadOrigin}` },
      { anthropic: { api: "anthropic", baseUrl: gateway.origin, apiKeyEnv: "ANTHROPIC_API_KEY" } }
    )
    const model = await resolveOrThrow(models, "anthropic/claude-sonnet-4-5")
    const result = await Effect.runPromise(Effect.either(Effect.scoped(models.stream(model, { system: "", messages: [], tools: [], maxOutputTokens: 10 }))))
    expect(Either.isLeft(result) && result.left.service).toBe(`the model provider anthropic (http://${deadOrigin})`)
    expect(gateway.requests.some((request) => request.headers["x-api-key"] === "secret")).toBe(false)
  })
})

describe("defaultModel", () => {
  it("prefers a provider with a key: anthropic, then openai", async () => {
    expect(await Effect.runPromise((await modelsFor({ ...offline(), ANTHROPIC_API_KEY: "a", OPENAI_API_KEY: "o" })).defaultModel)).toBe("anthropic/claude-sonnet-4-5")
    expect(await Effect.runPromise((await modelsFor({ ...offline(), OPENAI_API_KEY: "o" })).defaultModel)).toBe("openai/gpt-5")
  })

  it("else the first chat model of a reachable Ollama, else of LM Studio", async () => {
    expect(await Effect.runPromise((await modelsFor({ OLLAMA_HOST: hostOf(ollama), LMSTUDIO_BASE_URL: lmstudio.baseUrl })).defaultModel)).toBe(
      "ollama/qwen3-coder:30b"
    )
    expect(await Effect.runPromise((await modelsFor({ OLLAMA_HOST: deadOrigin, LMSTUDIO_BASE_URL: lmstudio.baseUrl })).defaultModel)).toBe(
      "lmstudio/qwen/qwen3-4b"
    )
  })

  it("else fails with NoModelAvailable, quickly", async () => {
    const started = Date.now()
    const result = await Effect.runPromise(Effect.either((await modelsFor(offline())).defaultModel))
    expect(Either.isLeft(result) && result.left._tag).toBe("NoModelAvailable")
    expect(Date.now() - started).toBeLessThan(2_500)
  })
})

describe("list", () => {
  it("lists the catalogue (available by key) and what reachable servers report", async () => {
    const models = await modelsFor(
      { ANTHROPIC_API_KEY: "a", OLLAMA_HOST: hostOf(ollama), LMSTUDIO_BASE_URL: lmstudio.baseUrl },
      { gw: { api: "openai-chat", baseUrl: gateway.baseUrl, contextWindow: 99_000 } }
    )
    const listing = await Effect.runPromise(models.list)
    const byHandle = new Map(listing.map((entry) => [entry.handle, entry]))
    expect(byHandle.get("anthropic/claude-sonnet-4-5")).toMatchObject({ source: "catalogue", available: true, contextWindow: 200_000 })
    expect(byHandle.get("openai/gpt-5")).toMatchObject({ source: "catalogue", available: false, contextWindow: 400_000 })
    expect(byHandle.get("openai/gpt-5")?.note).toContain("OPENAI_API_KEY")
    expect(byHandle.get("ollama/qwen3:latest")).toMatchObject({ source: "server", available: true, contextWindow: 65_536 })
    expect(byHandle.has("ollama/nomic-embed-text:latest")).toBe(false)
    expect(byHandle.get("lmstudio/qwen/qwen3-4b")).toMatchObject({ source: "server", contextWindow: 8_192 })
    expect(byHandle.get("gw/llama-3.3-70b")).toMatchObject({ source: "server", contextWindow: 99_000 })
  })

  it("leaves out servers that do not answer", async () => {
    const listing = await Effect.runPromise((await modelsFor(offline())).list)
    expect(listing.every((entry) => entry.source === "catalogue")).toBe(true)
    expect(listing.every((entry) => !entry.available)).toBe(true)
  })
})
