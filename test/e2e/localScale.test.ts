/**
 * The local backend under pressure (LOCAL-BACKEND.md §3–4, §6): compaction with a tiny context
 * window keeps every request under the window while old words stay searchable, and ten letta
 * processes started at once on a database that does not exist yet all succeed.
 */
import Database from "better-sqlite3"
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { Sandbox } from "../support/e2e.js"
import type { RecordedRequest, ScriptedReply } from "../support/fakeProviders/index.js"
import {
  agentIdsIn,
  bodyText,
  jsonResult,
  type Provider,
  systemOf,
  toolNamesOf,
  toolResultsOf,
  userTextsOf,
  useLocalSandbox,
  writeUserSettings
} from "../support/localE2e.js"

let sandbox: Sandbox
const start = useLocalSandbox((each) => {
  sandbox = each
})

const dbPath = () => join(sandbox.home, ".letta", "local", "letta.db")

/** The database is whole: integrity, foreign keys, and no run left running. */
const expectConsistentDatabase = () => {
  const db = new Database(dbPath(), { readonly: true })
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    expect(db.pragma("foreign_key_check")).toEqual([])
    expect(db.prepare("SELECT COUNT(*) AS n FROM runs WHERE status = 'running'").get()).toEqual({ n: 0 })
  } finally {
    db.close()
  }
}

describe("compaction", () => {
  const WINDOW = 4_000
  // A long-winded summary (about 750 tokens): it must still fit beside what compaction kept.
  const SUMMARY = `Summary of the earlier turns: the user sent numbered turns padded with filler${", and so on".repeat(270)}.`

  it("a tiny window: every request stays under it, old turns are summarised, old words are still found", async () => {
    const { provider, letta, calls } = await start("groq", { customContextWindow: WINDOW })
    const kind = provider.kind
    const isSummaryCall = (request: RecordedRequest) => toolNamesOf(kind, request).length === 0
    const reply = (request: RecordedRequest): ScriptedReply => {
      if (isSummaryCall(request)) return { text: SUMMARY }
      const last = userTextsOf(kind, request).at(-1) ?? ""
      if (last.startsWith("what was the deploy code")) {
        return toolResultsOf(kind, request).length === 0
          ? { toolCalls: [{ id: "call_search", name: "conversation_search", arguments: { query: "zebra-quartz-42" } }] }
          : { text: "The deploy code was zebra-quartz-42." }
      }
      return { text: `Noted ${last.slice(0, 12)}. ${"y".repeat(300)}` }
    }
    provider.fake.enqueue(...Array.from({ length: 60 }, () => reply))

    const filler = "x".repeat(400)
    const prompts = [`turn 0: the deploy code is zebra-quartz-42. ${filler}`, ...Array.from({ length: 8 }, (_, i) => `turn ${i + 1}: ${filler}`)]
    for (const [index, prompt] of prompts.entries()) {
      const result = await letta(["-p", prompt, "--model", provider.model, "--tools", "", ...(index === 0 ? [] : ["--continue"])])
      expect(result.stderr).toBe("")
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^Noted turn/)
      // Whatever was compacted, the model sees the message it is answering.
      const answered = calls().filter((call) => !isSummaryCall(call)).at(-1)!
      expect(userTextsOf(kind, answered).at(-1)).toBe(prompt)
    }
    // One message larger than the whole window is cut in the context, never sent whole.
    const huge = `turn 9: ${"h".repeat(30_000)}`
    const big = await letta(["-p", huge, "--continue", "--tools", ""])
    expect(big.code).toBe(0)
    expect(bodyText(calls().at(-1)!)).toMatch(/characters cut/)

    const search = await letta(["-p", "what was the deploy code?", "--continue", "--tools", ""])
    expect(search.stderr).toBe("")
    expect(search.code).toBe(0)
    expect(search.stdout).toBe("The deploy code was zebra-quartz-42.\n")

    const all = calls()
    for (const call of all) {
      expect(JSON.stringify(call.body).length / 4).toBeLessThan(WINDOW)
      const body = call.body as { max_tokens?: number; max_completion_tokens?: number }
      expect(body.max_completion_tokens ?? body.max_tokens ?? 0).toBeLessThanOrEqual(WINDOW / 4)
    }
    // Summaries were made by the model…
    const summaries = all.filter(isSummaryCall)
    expect(summaries.length).toBeGreaterThan(0)
    expect(systemOf(kind, summaries[0]!)).toMatch(/condense/)
    // …and stand in for the old turns: the last requests no longer carry turn 0, only the summary.
    const agentCalls = all.filter((call) => !isSummaryCall(call))
    const lastTurn = agentCalls.at(-1)!
    expect(userTextsOf(kind, lastTurn).some((text) => text.includes("<summary>") && text.includes("Summary of the earlier turns"))).toBe(true)
    expect(userTextsOf(kind, lastTurn).some((text) => text.includes("turn 0:"))).toBe(false)
    expect(userTextsOf(kind, agentCalls[0]!)).toEqual([prompts[0]])
    // The memory blocks are never compacted.
    expect(systemOf(kind, lastTurn)).toContain("<memory_blocks>")
    expect(systemOf(kind, lastTurn)).toContain("<human>")
    // conversation_search still finds the summarised turn.
    const found = toolResultsOf(kind, lastTurn).find((result) => result.id === "call_search")
    expect(found?.output).toContain("the deploy code is zebra-quartz-42")
    expectConsistentDatabase()
  })

  it("an automatic compaction runs the PreCompact hooks first (trigger auto), with the session's id", async () => {
    const { provider, letta, calls } = await start("groq", { customContextWindow: WINDOW })
    const seen = join(sandbox.root, "precompact.jsonl")
    writeUserSettings(sandbox, { hooks: { PreCompact: [{ matcher: "auto", hooks: [{ type: "command", command: `cat >> '${seen}'; echo >> '${seen}'` }] }] } })
    const isSummaryCall = (request: RecordedRequest) => toolNamesOf(provider.kind, request).length === 0
    provider.fake.enqueue(...Array.from({ length: 20 }, () => (request: RecordedRequest): ScriptedReply => (isSummaryCall(request) ? { text: "Short summary." } : { text: "Noted." })))
    for (let turn = 0; turn < 6; turn++) {
      const result = await letta(["-p", `turn ${turn}: ${"x".repeat(2_000)}`, "--model", provider.model, "--tools", "", ...(turn === 0 ? [] : ["--continue"])])
      expect(result.code).toBe(0)
    }
    const summaries = calls().filter(isSummaryCall).length
    expect(summaries).toBeGreaterThan(0)
    const runs = existsSync(seen) ? readFileSync(seen, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) : []
    expect(runs).toHaveLength(summaries)
    expect(runs[0]).toMatchObject({ hook_event_name: "PreCompact", trigger: "auto" })
    expect(String(runs[0]!["session_id"])).toMatch(/^agent-/)
  })
})

describe("concurrency", () => {
  const echo = (kind: Provider["kind"]) => (request: RecordedRequest): ScriptedReply => ({
    text: `answer to ${userTextsOf(kind, request).at(-1) ?? "?"}`,
    delayMs: 50
  })

  it("ten runs at once on a database that does not exist yet all succeed; then five at once on one agent", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue(...Array.from({ length: 30 }, () => echo(provider.kind)))
    const projects = Array.from({ length: 10 }, (_, i) => {
      const dir = join(sandbox.root, `project-${i}`)
      mkdirSync(dir)
      return dir
    })
    const results = await Promise.all(
      projects.map((cwd, i) => letta(["-p", `question ${i}`, "--model", provider.model, "--output-format", "json"], { cwd, timeoutMs: 40_000 }))
    )
    for (const [i, result] of results.entries()) {
      expect(result.stderr).toBe("")
      expect(result.code).toBe(0)
      expect(jsonResult(result.stdout)["result"]).toBe(`answer to question ${i}`)
    }
    const agents = results.map((result) => String(jsonResult(result.stdout)["agent_id"]))
    expect(new Set(agents).size).toBe(10)
    expect(calls()).toHaveLength(10)

    const list = await letta(["agents", "list"])
    expect(list.code).toBe(0)
    expect(new Set(agentIdsIn(list.stdout))).toEqual(new Set(agents))

    // Five processes at once on the same agent, by --agent.
    const target = agents[0]!
    const same = await Promise.all(
      [0, 1, 2, 3, 4].map((j) => letta(["-p", `again ${j}`, "--agent", target, "--output-format", "json"], { cwd: projects[0]!, timeoutMs: 40_000 }))
    )
    // (Each run's context holds whatever the others had committed by then, so which message the
    // echo answers is not fixed; that each run got a whole answer is.)
    for (const result of same) {
      expect(result.stderr).toBe("")
      expect(result.code).toBe(0)
      expect(jsonResult(result.stdout)).toMatchObject({ agent_id: target, result: expect.stringMatching(/^answer to again [0-4]$/) })
    }
    // Everything they said is in that agent's history.
    const final = await letta(["-p", "summing up", "--agent", target], { cwd: projects[0]! })
    expect(final.code).toBe(0)
    const history = userTextsOf(provider.kind, calls().at(-1)!)
    expect(history[0]).toBe("question 0")
    expect([...history].sort()).toEqual(["again 0", "again 1", "again 2", "again 3", "again 4", "question 0", "summing up"])
    expectConsistentDatabase()
  })
})
