/**
 * The local backend when things go wrong (LOCAL-BACKEND.md §1–4, §6): every provider error
 * kind, a wrong or missing model, the backend choice, a database from a newer letta. What the
 * user sees, what the provider received, and that the next run works.
 */
import Database from "better-sqlite3"
import { createHash } from "node:crypto"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseLines, type Sandbox } from "../support/e2e.js"
import {
  agentIdsIn,
  ANTHROPIC_KEY,
  isolatedEnv,
  jsonResult,
  lettaRunner,
  OPENAI_KEY,
  type ProviderName,
  toolResultsOf,
  userTextsOf,
  writeUserSettings,
  useLocalSandbox
} from "../support/localE2e.js"

let sandbox: Sandbox
let closed: number
const start = useLocalSandbox((each, port) => {
  sandbox = each
  closed = port
})

const dbPath = () => join(sandbox.home, ".letta", "local", "letta.db")

/** No stack trace, no key on any output. */
const expectClean = (result: { stdout: string; stderr: string }) => {
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/)
  for (const key of [ANTHROPIC_KEY, OPENAI_KEY]) expect(result.stdout + result.stderr).not.toContain(key)
}

/** The agents `letta agents list` shows (with the same environment as the test's runs). */
const listedAgents = async (letta: ReturnType<typeof lettaRunner>) => {
  const list = await letta(["agents", "list"])
  expect(list.code).toBe(0)
  return agentIdsIn(list.stdout)
}

describe("provider errors", () => {
  it("429 with retry-after: the retry is announced, then the turn succeeds", async () => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue({ error: { status: 429, message: "Number of request tokens has exceeded your per-minute rate limit", retryAfter: "1" } }, { text: "Made it after the retry." })
    const result = await letta(["-p", "hi", "--model", provider.model])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Made it after the retry.\n")
    expect(result.stderr).toMatch(/HTTP 429.*retrying in 1\.0 s \(attempt 2 of 3\)/)
    expect(result.durationMs).toBeGreaterThanOrEqual(900)
    expect(calls()).toHaveLength(2)
    // The same request, sent again.
    expect(calls()[1]!.body).toEqual(calls()[0]!.body)
    expectClean(result)
    // The retried message is in the history once.
    provider.fake.enqueue({ text: "next" })
    expect((await letta(["-p", "and then?", "--continue"])).code).toBe(0)
    expect(userTextsOf(provider.kind, calls().at(-1)!)).toEqual(["hi", "and then?"])
  })

  it("401 from Anthropic names ANTHROPIC_API_KEY; from OpenAI, OPENAI_API_KEY; exit 1, not retried", async () => {
    const anthropic = await start("anthropic")
    anthropic.provider.fake.enqueue({ error: { status: 401, message: "invalid x-api-key" } })
    const a = await anthropic.letta(["-p", "hi", "--model", anthropic.provider.model])
    expect(a.code).toBe(1)
    expect(a.stdout).toBe("")
    expect(a.stderr).toContain("HTTP 401")
    expect(a.stderr).toContain("invalid x-api-key")
    expect(a.stderr).toContain("ANTHROPIC_API_KEY")
    expect(a.stderr).not.toContain("retrying")
    expect(anthropic.calls()).toHaveLength(1)
    expectClean(a)

    const openai = await start("openai")
    openai.provider.fake.enqueue({ error: { status: 401, message: "Incorrect API key provided: sk-test-****cdef." } })
    const o = await openai.letta(["-p", "hi", "--model", openai.provider.model, "--output-format", "json"])
    expect(o.code).toBe(1)
    expect(o.stderr).toContain("OPENAI_API_KEY")
    expect(o.stderr).toContain("Incorrect API key provided")
    expect(jsonResult(o.stdout)).toMatchObject({ type: "result", is_error: true, subtype: "error_during_execution" })
    expect(String(jsonResult(o.stdout)["result"])).toContain("OPENAI_API_KEY")
    expect(openai.calls()).toHaveLength(1)
    expectClean(o)
  })

  it("400 shows the provider's own message, exit 1, not retried", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue({ error: { status: 400, message: "Invalid 'input[0].content': string too long. Expected a string with maximum length 10485760." } })
    const result = await letta(["-p", "hi", "--model", provider.model])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("HTTP 400")
    expect(result.stderr).toContain("Invalid 'input[0].content': string too long.")
    expect(calls()).toHaveLength(1)
    expectClean(result)
  })

  it("529 overloaded: retried three times, then exit 1 naming the provider", async () => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue(...[1, 2, 3].map(() => ({ error: { status: 529, message: "Overloaded" } })))
    const result = await letta(["-p", "hi", "--model", provider.model, "--output-format", "stream-json"])
    expect(result.code).toBe(1)
    expect(calls()).toHaveLength(3)
    expect(result.stderr.match(/retrying in/g)).toHaveLength(2)
    expect(result.stderr).toContain("HTTP 529")
    expect(result.stderr).toContain("Overloaded")
    expect(result.stderr).toContain("anthropic")
    const lines = parseLines(result.stdout)
    expect(lines.filter((l) => l["type"] === "retry")).toHaveLength(2)
    expect(lines.at(-1)).toMatchObject({ type: "result", is_error: true })
    expectClean(result)
  })

  it("500 once from a Chat Completions server: retried, then the turn succeeds", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue({ error: { status: 500, message: "llama runner process has terminated" } }, { text: "Recovered." })
    const result = await letta(["-p", "hi", "--model", provider.model])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Recovered.\n")
    expect(result.stderr).toMatch(/HTTP 500.*retrying in/)
    expect(calls()).toHaveLength(2)
  })

  it("500 after a client tool ran: the approval is retried once, its result is not duplicated", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue({ toolCalls: [{ id: "call_ls", name: "LS", arguments: {} }] }, { error: { status: 500, message: "upstream exploded" } }, { text: "listed" })
    const result = await letta(["-p", "look", "--model", provider.model])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("listed\n")
    expect(result.stderr.match(/retrying in/g)).toHaveLength(1)
    expect(calls()).toHaveLength(3)
    expect(toolResultsOf(provider.kind, calls()[2]!).map((r) => r.id)).toEqual(["call_ls"])
    expect(calls()[2]!.body).toEqual(calls()[1]!.body)
  })

  it("500 after a memory edit ran in-process is never replayed: exit 1, the edit is kept once", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_mem", name: "memory_insert", arguments: { label: "human", new_string: "Drinks green tea." } }] },
      { error: { status: 500, message: "upstream exploded" } }
    )
    const result = await letta(["-p", "I drink green tea", "--model", provider.model])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("upstream exploded")
    expect(result.stderr).not.toContain("retrying")
    expect(calls()).toHaveLength(2)
    const show = await letta(["memory", "show", "human"])
    expect(show.stdout.split("Drinks green tea.")).toHaveLength(2)

    provider.fake.enqueue({ text: "fine now" })
    const next = await letta(["-p", "again", "--continue"])
    expect(next.code).toBe(0)
    expect(toolResultsOf(provider.kind, calls().at(-1)!).map((r) => r.id)).toEqual(["call_mem"])
    expect(userTextsOf(provider.kind, calls().at(-1)!)).toEqual(["I drink green tea", "again"])
  })

  it("a provider that stopped listening: retried, then a clear message naming it (exit 1)", async () => {
    const { provider, letta } = await start("anthropic")
    provider.fake.enqueue({ text: "first" })
    expect((await letta(["-p", "hi", "--model", provider.model])).code).toBe(0)
    await provider.fake.close()
    const result = await letta(["-p", "hi again", "--continue"])
    expect(result.code).toBe(1)
    expect(result.stderr.match(/retrying in/g)).toHaveLength(2)
    expect(result.stderr).toContain("Cannot reach the model provider anthropic")
    expect(result.stderr).toContain("ANTHROPIC_BASE_URL")
    expectClean(result)
  })

  it("Ollama or LM Studio not running: a clear message, exit 1, no agent created", async () => {
    const letta = lettaRunner(sandbox, isolatedEnv(closed))
    const result = await letta(["-p", "hi", "--model", "ollama/qwen3"])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("Cannot reach the model provider ollama")
    expect(result.stderr).toContain(`127.0.0.1:${closed}`)
    expect(result.stderr).toContain("ollama serve")
    expectClean(result)
    const lmstudio = await letta(["-p", "hi", "--model", "lmstudio/qwen/qwen3-4b"])
    expect(lmstudio.code).toBe(1)
    expect(lmstudio.stderr).toContain("Cannot reach the model provider lmstudio")
    expect(lmstudio.stderr).toContain("lms server start")
    expect(await listedAgents(letta)).toEqual([])
  })

  it.each<ProviderName>(["ollama", "openai", "anthropic"])("%s: a failure mid-stream ends the turn (exit 1, never replayed); the next turn works", async (name) => {
    const { provider, letta, calls } = await start(name)
    provider.fake.enqueue({ text: "This answer will break off somewhere in the middle.", chunkSize: 4, streamErrorAfterChunks: 4 })
    const result = await letta(["-p", "tell me a story", "--model", provider.model, "--output-format", "json"])
    expect(result.code).toBe(1)
    expect(calls()).toHaveLength(1)
    expect(result.stderr).not.toContain("retrying")
    expect(result.stderr).toMatch(new RegExp(`${name}|model provider`))
    expect(jsonResult(result.stdout)).toMatchObject({ is_error: true })
    expectClean(result)

    provider.fake.enqueue({ text: "A complete answer." })
    const next = await letta(["-p", "try again", "--continue"])
    expect(next.stderr).toBe("")
    expect(next.code).toBe(0)
    expect(next.stdout).toBe("A complete answer.\n")
    // The user message of the failed turn stays in history.
    expect(userTextsOf(provider.kind, calls()[1]!)).toEqual(["tell me a story", "try again"])
  })
})

describe("choosing a model", () => {
  it("--model with an unknown provider fails before any agent is created (exit 2)", async () => {
    const { letta, calls } = await start("ollama")
    const result = await letta(["-p", "hi", "--model", "unknownprovider/x"])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain('there is no provider "unknownprovider"')
    expect(result.stderr).toMatch(/anthropic, openai, ollama, lmstudio/)
    expectClean(result)
    expect(calls()).toHaveLength(0)
    expect(await listedAgents(letta)).toEqual([])
    expect(sandbox.settings("local")?.["lastAgentByServer"]).toBeUndefined()
  })

  it("--model ollama/missing-model names the models Ollama has, exit 2, no agent created", async () => {
    const { letta, calls } = await start("ollama", { models: ["qwen3", "llama3.2:3b"] })
    const result = await letta(["-p", "hi", "--model", "ollama/missing-model"])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain('has no model "missing-model:latest"')
    expect(result.stderr).toContain("ollama pull missing-model")
    expect(result.stderr).toContain("ollama/qwen3:latest")
    expectClean(result)
    expect(calls()).toHaveLength(0)
    expect(await listedAgents(letta)).toEqual([])
  })

  it("no model anywhere: exit 2 with the three ways to get going", async () => {
    const letta = lettaRunner(sandbox, isolatedEnv(closed))
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("ANTHROPIC_API_KEY")
    expect(result.stderr).toContain("OPENAI_API_KEY")
    expect(result.stderr).toContain("Ollama")
    expect(result.stderr).toContain("LM Studio")
    expect(result.stderr).toContain("LETTA_API_KEY")
    expectClean(result)
    expect(await listedAgents(letta)).toEqual([])
  })

  it("without --model: the first reachable local model is used", async () => {
    const { provider, letta, calls } = await start("ollama", { models: ["llama3.2:3b", "qwen3"] })
    provider.fake.enqueue({ text: "hi from the default" })
    // OLLAMA_HOST may lack its scheme, as the Ollama CLI allows.
    const result = await letta(["-p", "hi", "--output-format", "stream-json"], { extraEnv: { OLLAMA_HOST: provider.fake.origin.replace("http://", "") } })
    expect(result.code).toBe(0)
    expect(parseLines(result.stdout)[0]).toMatchObject({ type: "system", subtype: "init", model: "ollama/llama3.2:3b" })
    expect((calls()[0]!.body as { model: string }).model).toBe("llama3.2:3b")
  })

  it("without --model: the \"model\" setting, else the first provider key that is set", async () => {
    const anthropic = await start("anthropic")
    const openai = (await start("openai")).provider
    const both = lettaRunner(sandbox, { ...isolatedEnv(closed), ...anthropic.provider.env, ...openai.env })
    const onlyOpenai = lettaRunner(sandbox, { ...isolatedEnv(closed), ...openai.env })
    const init = async (letta: ReturnType<typeof lettaRunner>) => {
      const result = await letta(["-p", "hi", "--output-format", "stream-json"])
      expect(result.stderr).toBe("")
      expect(result.code).toBe(0)
      return parseLines(result.stdout)[0]?.["model"]
    }
    anthropic.provider.fake.enqueue({ text: "a" }, { text: "c" })
    openai.fake.enqueue({ text: "b" })
    expect(await init(both)).toBe("anthropic/claude-sonnet-4-5")
    expect(await init(onlyOpenai)).toBe("openai/gpt-5")
    writeUserSettings(sandbox, { model: "anthropic/claude-haiku-4-5" })
    expect(await init(both)).toBe("anthropic/claude-haiku-4-5")
    expect((anthropic.calls().at(-1)!.body as { model: string }).model).toBe("claude-haiku-4-5")
  })

  it("letta models lists the catalogue and the fake Ollama's models", async () => {
    const { letta } = await start("ollama", { models: ["qwen3", "llama3.2:3b"], contextWindow: 40_960 })
    const result = await letta(["models"])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/anthropic\/claude-sonnet-4-5\s.*ANTHROPIC_API_KEY/)
    expect(result.stdout).toMatch(/openai\/gpt-5\s.*OPENAI_API_KEY/)
    expect(result.stdout).toMatch(/ollama\/qwen3:latest\s+40k/)
    expect(result.stdout).toMatch(/ollama\/llama3\.2:3b\s+40k/)
  })

  it("--agent with an unknown id is an error (exit 1), never a new agent", async () => {
    const { letta, calls } = await start("ollama")
    const result = await letta(["-p", "hi", "--agent", "agent-00000000-0000-4000-8000-000000000000"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("agent-00000000-0000-4000-8000-000000000000 was not found")
    expect(calls()).toHaveLength(0)
    expect(await listedAgents(letta)).toEqual([])
  })
})

describe("choosing the backend", () => {
  it("--backend cloud without LETTA_API_KEY says the key is missing", async () => {
    const letta = lettaRunner(sandbox, isolatedEnv(closed))
    const result = await letta(["-p", "hi", "--backend", "cloud"])
    expect(result.code).not.toBe(0)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("LETTA_API_KEY is not set")
    expect(existsSync(dbPath())).toBe(false)
  })

  it("LETTA_BACKEND=bogus is a usage error (exit 2)", async () => {
    const letta = lettaRunner(sandbox, { ...isolatedEnv(closed), LETTA_BACKEND: "bogus" })
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('LETTA_BACKEND must be one of cloud, local (got "bogus")')
    expect(existsSync(dbPath())).toBe(false)
  })

  it("--backend local wins over LETTA_API_KEY", async () => {
    const { provider, letta } = await start("ollama")
    provider.fake.enqueue({ text: "local anyway" })
    const result = await letta(["-p", "hi", "--backend", "local", "--model", provider.model], { extraEnv: { LETTA_API_KEY: "sk-let-unused", LETTA_BASE_URL: `http://127.0.0.1:${closed}` } })
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("local anyway\n")
    expect(existsSync(dbPath())).toBe(true)
  })

  it("a database from a newer letta is refused with a clear message and left untouched", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue({ text: "first" })
    expect((await letta(["-p", "hi", "--model", provider.model])).code).toBe(0)
    const db = new Database(dbPath())
    db.pragma("user_version = 99")
    db.close()
    const hash = () => createHash("sha256").update(readFileSync(dbPath())).digest("hex")
    const before = hash()
    const callsBefore = calls().length

    const result = await letta(["-p", "hi again", "--continue"])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain(dbPath())
    expect(result.stderr).toMatch(/newer letta/)
    expect(result.stderr).toMatch(/not changed/)
    expectClean(result)
    const list = await letta(["agents", "list"])
    expect(list.code).toBe(1)
    expect(list.stderr).toMatch(/newer letta/)

    expect(hash()).toBe(before)
    const reopened = new Database(dbPath(), { readonly: true })
    expect(reopened.pragma("user_version", { simple: true })).toBe(99)
    reopened.close()
    expect(calls()).toHaveLength(callsBefore)
  })
})
