import { describe, expect, it } from "vitest"
import { maskUrlCredentials, redactDeep, redactSecrets, StreamRedactor } from "../../src/domain/redaction.js"
import { TokenRedaction } from "../../src/programs/render/tokenRedaction.js"
import { registerSecretVariables, secretValues, secretVariables, settingsKeyVariables } from "../../src/domain/secretVariables.js"
import { toolEnvironment } from "../../src/layers/shellNode/toolEnvironment.js"

describe("maskUrlCredentials", () => {
  it("hides user and password of any URL in a message", () => {
    expect(maskUrlCredentials(`bad URL: "http://alice:s3cret@host:99999".`)).toBe(`bad URL: "http://***@host:99999".`)
    expect(maskUrlCredentials("got ftp://tok@files.example/x")).toBe("got ftp://***@files.example/x")
    expect(maskUrlCredentials("https://u:p@ss@host/")).toBe("https://***@host/")
    expect(maskUrlCredentials(`got "alice:s3cret@localhost:8283"`)).toBe(`got "***@localhost:8283"`)
  })
  it("leaves URLs without credentials and e-mail-like text alone", () => {
    for (const text of ["http://localhost:8283/v1", "git@github.com:org/repo.git", "see https://app.letta.com", "a@b"]) {
      expect(maskUrlCredentials(text)).toBe(text)
    }
  })
})

describe("redactSecrets", () => {
  it("hides every occurrence, raw and JSON-escaped", () => {
    expect(redactSecrets("k=sk-abc123 again sk-abc123", ["sk-abc123"])).toBe("k=*** again ***")
    expect(redactSecrets(JSON.stringify({ e: 'a"b\\c-key' }), ['a"b\\c-key'])).toBe('{"e":"***"}')
  })
  it("redactDeep copies only what changes and keeps functions", () => {
    const f = () => 1
    const value = { a: "x sk-abc123", b: [{ c: "sk-abc123" }], f, n: 3, same: { s: "ok" } }
    const out = redactDeep(value, ["sk-abc123"])
    expect(out).toEqual({ a: "x ***", b: [{ c: "***" }], f, n: 3, same: { s: "ok" } })
    expect(out.same).toBe(value.same)
    expect(value.a).toBe("x sk-abc123")
  })
})

describe("secret variables and the tool environment", () => {
  it("drops the Letta key, the provider keys and settings-named key variables, never PATH", () => {
    registerSecretVariables(
      settingsKeyVariables({
        user: { providers: { gw: { api: "openai-chat", baseUrl: "http://x", apiKeyEnv: "GATEWAY_TOKEN" } } },
        project: { providers: { bad: { api: "openai-chat", baseUrl: "http://x", apiKeyEnv: "PATH" } } },
        local: {}
      })
    )
    expect(secretVariables().has("PATH")).toBe(false)
    const env = toolEnvironment({ PATH: "/bin", LETTA_API_KEY: "k1", ANTHROPIC_API_KEY: "k2", OPENAI_API_KEY: "k3", GATEWAY_TOKEN: "k4", OTHER: "ok" })
    expect(env).toEqual({ PATH: "/bin", OTHER: "ok" })
    expect(secretValues({ LETTA_API_KEY: " sk-long-key ", GATEWAY_TOKEN: "gw-token-1", OTHER: "not-secret" })).toEqual([" sk-long-key ", "sk-long-key", "gw-token-1"])
  })
})

describe("a key streamed in pieces", () => {
  const secret = "sk-split-secret-42"
  it("StreamRedactor holds back a possible start of a key until it knows", () => {
    const r = new StreamRedactor(() => [secret])
    const pieces = ["key: s", "k-spl", "it-secret-4", "2 done, sk", "i"].map((p) => r.write(p))
    expect(pieces.join("") + r.flush()).toBe("key: *** done, ski")
    expect(pieces.join("")).not.toContain("sk-")
  })
  it("stream-json chunks: text, reasoning and tool-call arguments never show a key or its start", () => {
    const saved = process.env["LETTA_API_KEY"]
    process.env["LETTA_API_KEY"] = secret
    try {
      const t = new TokenRedaction()
      const text = `say ${secret}!`
      const out: Array<Record<string, unknown>> = []
      for (let i = 0; i < text.length; i += 3) out.push(...t.chunk({ message_type: "assistant_message", id: "m1", content: text.slice(i, i + 3) }))
      const args = JSON.stringify({ command: `echo ${secret}` })
      for (let i = 0; i < args.length; i += 5) {
        out.push(...t.chunk({ message_type: "approval_request_message", id: "m2", tool_call: { name: i === 0 ? "Bash" : null, tool_call_id: i === 0 ? "c1" : null, arguments: args.slice(i, i + 5) } }))
      }
      out.push(...t.chunk({ message_type: "stop_reason", stop_reason: "requires_approval" }), ...t.end())
      const printed = out.map((o) => JSON.stringify(o)).join("\n")
      expect(printed).not.toContain("sk-sp")
      const content = out.filter((o) => o["message_type"] === "assistant_message").map((o) => o["content"]).join("")
      expect(content).toBe("say ***!")
      const argText = out.filter((o) => o["message_type"] === "approval_request_message").map((o) => (o["tool_call"] as { arguments: string }).arguments).join("")
      expect(JSON.parse(argText)).toEqual({ command: "echo ***" })
      expect(out.at(-1)).toEqual({ message_type: "stop_reason", stop_reason: "requires_approval" })
    } finally {
      if (saved === undefined) delete process.env["LETTA_API_KEY"]
      else process.env["LETTA_API_KEY"] = saved
    }
  })
})
