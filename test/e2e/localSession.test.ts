/**
 * The local backend through a session's life (LOCAL-BACKEND.md §1–4): --max-turns, interrupts
 * and SIGKILL (mid-turn, or while a client tool runs) leave an agent the next run can continue, --model switches a running agent to
 * another provider with its history, `letta memory set` reaches the context, and the providers'
 * quirks (thinking signatures, the output limit, broken tool arguments, no usage) come out right.
 */
import Database from "better-sqlite3"
import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseLines, type Sandbox } from "../support/e2e.js"
import type { ScriptedReply } from "../support/fakeProviders/index.js"
import {
  isolatedEnv,
  jsonResult,
  lettaRunner,
  systemOf,
  toolCallsOf,
  toolResultsOf,
  userTextsOf,
  waitFor,
  useLocalSandbox
} from "../support/localE2e.js"

let sandbox: Sandbox
let closed: number
const start = useLocalSandbox((each, port) => {
  sandbox = each
  closed = port
})

const dbPath = () => join(sandbox.home, ".letta", "local", "letta.db")

const runStatuses = (): ReadonlyArray<string> => {
  const db = new Database(dbPath(), { readonly: true })
  try {
    return (db.prepare("SELECT status FROM runs ORDER BY created_at, rowid").all() as Array<{ status: string }>).map((row) => row.status)
  } finally {
    db.close()
  }
}

describe("stopping a turn", () => {
  it("--max-turns stops after that many model steps (exit 1); the next --continue goes on cleanly", async () => {
    const { provider, letta, calls } = await start("ollama")
    const kind = provider.kind
    provider.fake.enqueue({ toolCalls: [{ id: "call_ls", name: "LS", arguments: {} }] })
    const result = await letta(["-p", "look around", "--model", provider.model, "--max-turns", "1", "--output-format", "json"])
    expect(result.code).toBe(1)
    expect(jsonResult(result.stdout)).toMatchObject({ subtype: "error_max_turns", is_error: true, num_turns: 1 })
    expect(result.stderr).toContain("--max-turns limit of 1")
    // No second step of the user's turn: whatever reached the provider after the first call is
    // the clean-up that answers the call left open.
    for (const call of calls().slice(1)) {
      expect(toolResultsOf(kind, call).map((r) => r.output).join("\n")).toContain("--max-turns limit (1) was reached")
    }

    provider.fake.enqueue({ text: "Carrying on." })
    const next = await letta(["-p", "go on", "--continue", "--output-format", "json"])
    expect(next.stderr).toBe("")
    expect(next.code).toBe(0)
    expect(jsonResult(next.stdout)["result"]).toBe("Carrying on.")
    const last = calls().at(-1)!
    expect(userTextsOf(kind, last)).toEqual(["look around", "go on"])
    // The call left open was answered, so every provider accepts the history.
    expect(toolCallsOf(kind, last)).toEqual([{ id: "call_ls", name: "LS" }])
    expect(toolResultsOf(kind, last)).toEqual([{ id: "call_ls", output: expect.stringContaining("--max-turns limit (1) was reached") }])
  })

  it("SIGINT mid-turn: exit 130, the run is cancelled, the next --continue works", async () => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue({ text: "an answer that never finishes", hang: true })
    const interrupted = await letta(["-p", "start", "--model", provider.model], {
      onSpawn: (child) => {
        void waitFor(() => calls().length >= 1, 10_000, "the model call")
          .then(() => new Promise((resolve) => setTimeout(resolve, 150)))
          .then(() => child.kill("SIGINT"))
          .catch(() => child.kill("SIGKILL"))
      }
    })
    expect(interrupted.code).toBe(130)
    expect(interrupted.stdout).toBe("")
    expect(interrupted.stderr).toContain("interrupted")
    expect(interrupted.durationMs).toBeLessThan(8_000)
    expect(runStatuses()).toEqual(["cancelled"])

    provider.fake.enqueue({ text: "Here again." })
    const next = await letta(["-p", "again", "--continue"])
    expect(next.code).toBe(0)
    expect(next.stdout).toBe("Here again.\n")
    expect(userTextsOf(provider.kind, calls().at(-1)!)).toEqual(["start", "again"])
    expect(runStatuses()).toEqual(["cancelled", "completed"])
  })
})

describe("SIGKILL", () => {
  it("killed mid-turn (the provider stalls): the next --continue succeeds and keeps the user message", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue({ text: "warm" })
    expect((await letta(["-p", "warm up", "--model", provider.model])).code).toBe(0)

    provider.fake.enqueue({ text: "this reply never ends", hang: true })
    const killed = await letta(["-p", "start the long job", "--continue", "--output-format", "stream-json"], {
      onSpawn: (child) => {
        void waitFor(() => calls().length >= 2, 10_000, "the stalled model call")
          .then(() => new Promise((resolve) => setTimeout(resolve, 150)))
          .then(() => child.kill("SIGKILL"))
          .catch(() => child.kill("SIGKILL"))
      }
    })
    expect(killed.signal).toBe("SIGKILL")

    provider.fake.enqueue({ text: "Back again." })
    const next = await letta(["-p", "are you there?", "--continue", "--output-format", "json"])
    expect(next.stderr).toBe("")
    expect(next.code).toBe(0)
    expect(jsonResult(next.stdout)["result"]).toBe("Back again.")
    expect(userTextsOf(provider.kind, calls().at(-1)!)).toEqual(["warm up", "start the long job", "are you there?"])
    // The killed run is closed as failed; nothing is left running.
    const db = new Database(dbPath(), { readonly: true })
    const statuses = db.prepare("SELECT status FROM runs ORDER BY created_at").all() as Array<{ status: string }>
    expect(statuses.map((row) => row.status)).toEqual(["completed", "failed", "completed"])
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    db.close()
  })

  it.each(["json", "stream-json"] as const)("killed while a client tool runs: the next --continue (%s) denies it as interrupted and completes", async (format) => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue({ text: "Running it.", toolCalls: [{ id: "toolu_slow", name: "Bash", arguments: { command: "sleep 1; echo finished" } }] })
    const killed = await letta(["-p", "run the slow command", "--model", provider.model, "--allowedTools", "Bash", "--output-format", "stream-json"], {
      onSpawn: (child) => {
        let seen = ""
        child.stdout?.on("data", (chunk: Buffer | string) => {
          seen += String(chunk)
          if (seen.includes('"auto_approval"')) child.kill("SIGKILL")
        })
      }
    })
    expect(killed.signal).toBe("SIGKILL")
    expect(calls()).toHaveLength(1)

    provider.fake.enqueue({ text: "The command was interrupted; I will not rerun it." })
    const next = await letta(["-p", "what happened?", "--continue", "--output-format", format])
    expect(next.code).toBe(0)
    const final = format === "json" ? jsonResult(next.stdout) : parseLines(next.stdout).at(-1)!
    expect(final["result"]).toBe("The command was interrupted; I will not rerun it.")
    const last = calls().at(-1)!
    const results = toolResultsOf(provider.kind, last)
    expect(results).toHaveLength(1)
    expect(results[0]!.id).toBe("toolu_slow")
    expect(results[0]!.output).toContain("session was interrupted")
    expect(userTextsOf(provider.kind, last)).toEqual(["run the slow command", "what happened?"])
  })
})

describe("a crash at any moment", () => {
  it("SIGKILL at spread-out moments of multi-step turns: every next --continue succeeds with a well-formed history", async () => {
    const { provider, letta, calls } = await start("ollama")
    writeFileSync(join(sandbox.project, "f.txt"), "content\n")
    // Each turn: a memory edit, a client Read beside a search, a streamed text with an LS, then the answer.
    let n = 0
    const script = (): ScriptedReply => {
      n++
      switch (n % 4) {
        case 1:
          return { toolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: `fact ${n}` } }], delayMs: 60 }
        case 2:
          return { toolCalls: [{ name: "Read", arguments: { file_path: "f.txt" } }, { name: "conversation_search", arguments: { query: "fact" } }], delayMs: 60 }
        case 3:
          return { text: "y".repeat(200), chunkSize: 2, toolCalls: [{ name: "LS", arguments: {} }] }
        default:
          return { text: `done ${n}`, chunkSize: 3 }
      }
    }
    provider.fake.enqueue(...Array.from({ length: 200 }, () => script))
    expect((await letta(["-p", "start", "--model", provider.model])).code).toBe(0)
    for (const [i, delay] of [130, 190, 250, 310, 370, 430].entries()) {
      await letta(["-p", `kill me ${i}`, "--continue"], { onSpawn: (child) => void setTimeout(() => child.kill("SIGKILL"), delay) })
      const before = calls().length
      const next = await letta(["-p", `after ${i}`, "--continue"])
      expect(next.stderr).toBe("")
      expect(next.code).toBe(0)
      for (const call of calls().slice(before)) {
        // Every call has its result right after it, and no result is without its call.
        const messages = (call.body as { messages: Array<{ role: string; tool_call_id?: string; tool_calls?: Array<{ id: string }> }> }).messages
        messages.forEach((message, k) => {
          if (message.role === "tool") expect(["assistant", "tool"]).toContain(messages[k - 1]?.role)
          if (message.role === "assistant" && message.tool_calls !== undefined) {
            const ids = message.tool_calls.map((c) => c.id)
            expect(messages.slice(k + 1, k + 1 + ids.length).map((m) => m.tool_call_id)).toEqual(ids)
          }
        })
        expect(userTextsOf(provider.kind, call)).toContain(`after ${i}`)
      }
    }
    const db = new Database(dbPath(), { readonly: true })
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    expect(db.prepare("SELECT COUNT(*) AS n FROM runs WHERE status = 'running'").get()).toEqual({ n: 0 })
    db.close()
  })
})

describe("switching models", () => {
  it("--continue --model moves the agent to another provider with its whole history", async () => {
    const ollama = await start("ollama")
    const anthropic = (await start("anthropic")).provider
    const letta = lettaRunner(sandbox, { ...isolatedEnv(closed), ...ollama.provider.env, ...anthropic.env })
    writeFileSync(join(sandbox.project, "a.txt"), "alpha\n")
    ollama.provider.fake.enqueue(
      { reasoning: "I should read it.", text: "Reading.", toolCalls: [{ id: "call_a", name: "Read", arguments: { file_path: "a.txt" } }] },
      { text: "It says alpha." }
    )
    expect((await letta(["-p", "read a.txt", "--model", ollama.provider.model])).code).toBe(0)

    anthropic.fake.enqueue({ text: "Still here, now on Claude." })
    const switched = await letta(["-p", "what did it say?", "--continue", "--model", anthropic.model, "--output-format", "stream-json"])
    expect(switched.stderr).toBe("")
    expect(switched.code).toBe(0)
    const lines = parseLines(switched.stdout)
    expect(lines[0]).toMatchObject({ type: "system", subtype: "init", model: anthropic.handle })
    expect(lines.at(-1)).toMatchObject({ type: "result", result: "Still here, now on Claude." })
    expect(ollama.calls()).toHaveLength(2)
    const call = anthropic.fake.modelCalls()[0]!
    expect(userTextsOf("anthropic", call)).toEqual(["read a.txt", "what did it say?"])
    expect(toolCallsOf("anthropic", call)).toEqual([{ id: "call_a", name: "Read" }])
    expect(toolResultsOf("anthropic", call)).toEqual([{ id: "call_a", output: expect.stringContaining("alpha") }])
    // Reasoning without a signature (from another provider) is not replayed to Anthropic.
    expect(JSON.stringify(call.body)).not.toContain('"thinking"')

    // And the switch sticks: the next --continue is on Claude too.
    anthropic.fake.enqueue({ text: "Claude again." })
    expect((await letta(["-p", "and now?", "--continue"])).stdout).toBe("Claude again.\n")
    expect(ollama.calls()).toHaveLength(2)
  })
})

describe("memory set", () => {
  it("letta memory set reaches the next run's context and is recorded as the user's change", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue({ text: "one" }, { text: "two" })
    expect((await letta(["-p", "hi", "--model", provider.model])).code).toBe(0)
    const set = await letta(["memory", "set", "human"], { stdin: "Prefers terse answers; works in Rust.\n" })
    expect(set.code).toBe(0)
    expect((await letta(["-p", "hi again", "--continue"])).code).toBe(0)
    expect(systemOf(provider.kind, calls()[1]!)).toContain("Prefers terse answers; works in Rust.")
    const history = await letta(["memory", "history", "human"])
    expect(history.code).toBe(0)
    expect(history.stdout.trim().split("\n")[0]).toMatch(/^\s*2\s.*letta memory set.*Prefers terse answers/)
  })
})

describe("provider quirks", () => {
  it("anthropic: a thinking block goes back with its signature", async () => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue({ reasoning: "Let me think about the listing.", toolCalls: [{ id: "toolu_ls", name: "LS", arguments: {} }] }, { text: "Done." })
    const result = await letta(["-p", "list", "--model", provider.model])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Done.\n")
    const replayed = (calls()[1]!.body as { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> }).messages[1]!
    expect(replayed.role).toBe("assistant")
    expect(replayed.content[0]).toMatchObject({ type: "thinking", thinking: "Let me think about the listing.", signature: expect.stringMatching(/.+/) })
    expect(replayed.content[1]).toMatchObject({ type: "tool_use", id: "toolu_ls", name: "LS" })
  })

  it("a tool call cut off by the output limit stops the turn with a clear message", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue({ toolCalls: [{ id: "call_cut", name: "Write", arguments: '{"file_path":"big.txt","content":"aaaa' }], finish: "length" })
    const result = await letta(["-p", "write a big file", "--model", provider.model])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("output token limit")
    expect(calls()).toHaveLength(1)
    // Nothing was run from a truncated call.
    expect(existsSync(join(sandbox.project, "big.txt"))).toBe(false)
  })

  it("invalid tool arguments go back to the model as an error; missing usage is estimated", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue({ toolCalls: [{ id: "call_bad", name: "Read", arguments: "{not json" }], usage: null }, { text: "Sorry.", usage: null })
    const result = await letta(["-p", "read", "--model", provider.model, "--output-format", "json"])
    expect(result.code).toBe(0)
    const parsed = jsonResult(result.stdout)
    expect(parsed).toMatchObject({ result: "Sorry.", num_turns: 2 })
    expect(parsed["usage"]["input_tokens"]).toBeGreaterThan(0)
    expect(parsed["usage"]["output_tokens"]).toBeGreaterThan(0)
    expect(toolResultsOf(provider.kind, calls()[1]!)).toEqual([{ id: "call_bad", output: expect.stringMatching(/Invalid arguments for Read: not valid JSON/) }])
  })
})
