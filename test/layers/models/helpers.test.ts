/** Small pure parts: OLLAMA_HOST spellings, Retry-After, provider error bodies, the catalogue. */
import { describe, expect, it } from "vitest"
import { lookupKnown, replyBudget } from "../../../src/layers/models/catalogue.js"
import { providerMessage, retryAfterMs } from "../../../src/layers/models/providerErrors.js"
import { anthropicBase, mergeProviders, ollamaOrigin, providerTable } from "../../../src/layers/models/providers.js"

describe("OLLAMA_HOST", () => {
  it.each([
    [undefined, "http://127.0.0.1:11434"],
    ["", "http://127.0.0.1:11434"],
    ["127.0.0.1:11434", "http://127.0.0.1:11434"],
    ["0.0.0.0", "http://0.0.0.0:11434"],
    ["gpu-box", "http://gpu-box:11434"],
    ["gpu-box:8080", "http://gpu-box:8080"],
    ["http://localhost", "http://localhost:80"],
    ["https://ollama.example.com", "https://ollama.example.com:443"],
    ["http://127.0.0.1:11434/", "http://127.0.0.1:11434"],
    ["example.com/ollama", "http://example.com:11434/ollama"],
    ["[::1]:11434", "http://[::1]:11434"]
  ])("%s → %s", (host, origin) => {
    expect(ollamaOrigin(host)).toBe(origin)
  })
})

describe("base URLs", () => {
  it("ANTHROPIC_BASE_URL is an origin; a trailing /v1 or slash is dropped", () => {
    expect(anthropicBase("https://gw.example.com/anthropic/")).toBe("https://gw.example.com/anthropic")
    expect(anthropicBase("http://127.0.0.1:9/v1")).toBe("http://127.0.0.1:9")
  })

  it("built-in providers read their variables; a key that is blank is no key", () => {
    const table = providerTable({ OPENAI_BASE_URL: "http://x/v1/", ANTHROPIC_API_KEY: "  ", LMSTUDIO_BASE_URL: "http://box:1234/v1" }, undefined)
    expect(table.find("openai")?.baseUrl).toBe("http://x/v1")
    expect(table.find("anthropic")?.apiKey).toBeUndefined()
    expect(table.find("ollama")?.baseUrl).toBe("http://127.0.0.1:11434/v1")
    expect(table.find("lmstudio")?.baseUrl).toBe("http://box:1234/v1")
  })

  it("a project may add providers but never redefine the user's (a cloned repository must not reroute a key)", () => {
    const merged = mergeProviders(
      { a: { api: "openai-chat", baseUrl: "http://user" } },
      { a: { api: "anthropic", baseUrl: "http://project" }, b: { api: "openai-chat", baseUrl: "http://b" } }
    )
    expect(merged["a"]?.baseUrl).toBe("http://user")
    expect(merged["b"]?.baseUrl).toBe("http://b")
  })
})

describe("Retry-After", () => {
  it("reads retry-after-ms first, then seconds, then an HTTP date", () => {
    expect(retryAfterMs({ "retry-after-ms": "1500", "retry-after": "9" })).toBe(1500)
    expect(retryAfterMs({ "retry-after": "2.5" })).toBe(2500)
    expect(retryAfterMs({ "retry-after": new Date(10_000).toUTCString() }, 4_000)).toBe(6_000)
    expect(retryAfterMs({ "retry-after": "soon" })).toBeUndefined()
    expect(retryAfterMs({})).toBeUndefined()
  })
})

describe("provider error bodies", () => {
  it("finds the message and code in each provider's shape", () => {
    expect(providerMessage('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')).toEqual({ detail: "Overloaded", code: "overloaded_error" })
    expect(providerMessage('{"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}}')).toEqual({ detail: "bad key", code: "invalid_api_key" })
    expect(providerMessage('{"error":"model \\"x\\" not found, try pulling it first"}')).toEqual({ detail: 'model "x" not found, try pulling it first', code: undefined })
    expect(providerMessage('{"object":"error","message":"max_model_len exceeded","type":"BadRequestError","code":400}')).toEqual({ detail: "max_model_len exceeded", code: "400" })
    expect(providerMessage("<html>502 Bad Gateway</html>")).toEqual({ detail: "<html>502 Bad Gateway</html>", code: undefined })
    expect(providerMessage("")).toEqual({ detail: undefined, code: undefined })
  })
})

describe("catalogue", () => {
  it("matches dated, dotted, gateway-prefixed and tagged names to their family", () => {
    expect(lookupKnown("claude-sonnet-4-5-20250929")?.contextWindow).toBe(200_000)
    expect(lookupKnown("anthropic/claude-sonnet-4.5")?.maxOutput).toBe(64_000)
    expect(lookupKnown("claude-opus-4-1")?.maxOutput).toBe(32_000)
    expect(lookupKnown("gpt-5.1-codex")?.contextWindow).toBe(400_000)
    expect(lookupKnown("gpt-5-chat-latest")?.contextWindow).toBe(128_000)
    expect(lookupKnown("qwen3-coder:30b")?.contextWindow).toBe(262_144)
    expect(lookupKnown("gpt-4o-mini")?.maxOutput).toBe(16_384)
    expect(lookupKnown("o3-mini")?.contextWindow).toBe(200_000)
    expect(lookupKnown("mystery")).toBeUndefined()
    expect(lookupKnown("o30")).toBeUndefined()
  })

  it("keeps the reply budget at most a quarter of the window", () => {
    expect(replyBudget(200_000, 64_000)).toBe(50_000)
    expect(replyBudget(400_000, 128_000)).toBe(100_000)
    expect(replyBudget(8_192, undefined)).toBe(2_048)
    expect(replyBudget(1_047_576, 32_768)).toBe(32_768)
  })
})
