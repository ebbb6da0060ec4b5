// The local backend's store and context compiler on a big history (LOCAL-BACKEND.md §7), run by
// bench/local.mjs: bundled from src with esbuild (better-sqlite3 left external) and spawned as
//
//   node local-store.mjs build <db> <messages>   creates the database; prints {"agentId", …}
//   node local-store.mjs open <db>               one open + migration, timed in a fresh process
//   node local-store.mjs measure <db> <agentId>  compileContext and conversation_search, medians
//
// Everything timed goes through the real code: LocalStoreSqlite, compileContext, runServerTool.
import { performance } from "node:perf_hooks"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type { AgentRecord, MessageBody, NewMessage } from "../src/domain/localState.js"
import Database from "better-sqlite3"
import { compileContext, type Summariser } from "../src/layers/localBackend/context.js"
import { ftsQuery, ftsQueryAny } from "../src/layers/localBackend/conversationSearch.js"
import { MEMORY_TOOL_SPECS } from "../src/layers/localBackend/memoryTools.js"
import { runServerTool, SEARCH_TOOL } from "../src/layers/localBackend/serverTools.js"
import { LocalStoreSqlite } from "../src/layers/LocalStoreSqlite.js"
import { allToolSpecs } from "../src/layers/ToolsRegistry.js"
import { LocalStore } from "../src/services/LocalStore.js"
import type { ModelTool, ResolvedModel } from "../src/services/Models.js"

const [mode, path, arg] = process.argv.slice(2)
if (path === undefined) throw new Error("usage: local-store.mjs build|open|measure <db> …")

const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// ── synthetic history ───────────────────────────────────────────────────────────────────────────

/** Deterministic (mulberry32), so every bench run builds the same database. */
let seed = 0x5eed
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// A vocabulary with a Zipf-like spread: a few words in most messages, most words in few.
const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "pe", "do", "gra", "zen", "tor", "qua", "bli", "fen"]
const COMMON = ["the", "file", "function", "test", "error", "update", "config", "value", "return", "change", "build", "import"]
const VOCABULARY = [
  ...COMMON,
  ...Array.from({ length: 20_000 }, (_, i) => {
    let word = ""
    let n = i + 17
    do {
      word += SYLLABLES[n % SYLLABLES.length]
      n = Math.floor(n / SYLLABLES.length)
    } while (n > 0)
    return word
  })
]
const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!
const sentence = (words: number) => Array.from({ length: words }, word).join(" ")
const between = (low: number, high: number) => low + Math.floor(random() * (high - low))

/** One user turn: the request, a tool call, its result, the answer (4 messages). */
const turn = (index: number): ReadonlyArray<MessageBody> => {
  const callId = `call_${index}`
  const user: MessageBody = { _tag: "user", text: `${sentence(between(5, 40))}?` }
  const call: MessageBody = {
    _tag: "assistant",
    text: sentence(between(0, 25)),
    reasoning: [],
    toolCalls: [{ id: callId, name: "Read", arguments: JSON.stringify({ file_path: `src/${word()}/${word()}.ts` }), runBy: "client" }]
  }
  const lines = Array.from({ length: between(3, 40) }, (_, line) => `${String(line + 1).padStart(6)}\t${sentence(between(2, 12))}`)
  const result: MessageBody = { _tag: "tool", toolCallId: callId, toolName: "Read", status: "success", output: lines.join("\n") }
  const answer: MessageBody = { _tag: "assistant", text: sentence(between(10, 120)), reasoning: [], toolCalls: [] }
  return [user, call, result, answer]
}

// ── the agent ───────────────────────────────────────────────────────────────────────────────────

const SYSTEM = `You are a coding agent. ${sentence(1_500)}`

/** A large-window model (Anthropic's 200k), the worst case for how much history one step reads. */
const MODEL: ResolvedModel = { handle: "anthropic/claude-sonnet-4-5", provider: "anthropic", model: "claude-sonnet-4-5", contextWindow: 200_000, maxOutputTokens: 50_000 }
/** compileContext's compaction threshold (a share of the window). */
const COMPACT_AT = 0.75

const TOOLS: ReadonlyArray<ModelTool> = [
  ...allToolSpecs().map((spec) => ({ name: spec.name, description: spec.description, parameters: spec.parameters })),
  ...MEMORY_TOOL_SPECS
]

/** Timed calls per figure (after two warm-up calls); the figure is their median. */
const RUNS = Number(process.env["BENCH_STORE_RUNS"] ?? 25)

const summariser: Summariser = { summarise: (previous) => Effect.succeed(`${previous ?? ""} ${sentence(300)}`.trim()) }

const storeLayer = (db: string) => LocalStoreSqlite(db)

const getAgent = (agentId: string) =>
  Effect.flatMap(LocalStore, (store) => store.getAgent(agentId)).pipe(Effect.map((agent) => agent as AgentRecord))

const messageOf = (body: MessageBody, n: number): NewMessage => ({ id: `message-bench-${n}`, runId: undefined, otid: undefined, body })

const build = (total: number) =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    const blocks = []
    for (const label of ["persona", "human", "project", "skills"]) {
      blocks.push(yield* store.createBlock({ label, value: sentence(300), description: `The ${label} block. ${sentence(20)}`, limit: 20_000 }, { kind: "create" }))
    }
    const agent = yield* store.createAgent({
      name: "bench",
      system: SYSTEM,
      model: MODEL.handle,
      tags: ["origin:letta-code"],
      tools: ["memory", "memory_insert", "memory_replace", "memory_rethink", SEARCH_TOOL],
      blockIds: blocks.map((block) => block.id)
    })
    // Committed in big batches (one transaction each), the way the loop commits a step's messages.
    const BATCH = 4_000
    let n = 0
    let turns = 0
    while (n < total) {
      const batch: Array<NewMessage> = []
      while (batch.length < BATCH && n < total) {
        for (const body of turn(turns)) {
          if (n < total) batch.push(messageOf(body, n++))
        }
        turns++
      }
      yield* store.commit(agent.id, batch, {})
    }
    // Rare markers for the search rows: each in exactly 5 messages.
    yield* store.commit(
      agent.id,
      Array.from({ length: 5 }, (_, i) => messageOf({ _tag: "user", text: `remember the zebra-quartz-42 ticket ${sentence(10)}` }, n + i)),
      {}
    )
    n += 5
    // Compaction runs once (the first step on a long history); afterwards a summary stands in for
    // the older messages, as it would for an agent that has lived this long. Then the history
    // grows again to just under the point where the next compaction would start: the most a
    // step's context ever holds, so the slowest compile.
    const current = yield* getAgent(agent.id)
    let context = yield* compileContext(current, MODEL, TOOLS, summariser)
    // The smallest a big context gets: just after compaction (timed here, in this process).
    const afterCompaction: Array<number> = []
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now()
      const compiled = yield* compileContext(yield* getAgent(agent.id), MODEL, TOOLS, summariser)
      if (i >= 2) afterCompaction.push(performance.now() - started)
      if (compiled.tokens !== context.tokens) return yield* Effect.die(new Error("the context changed between two compiles"))
    }
    const smallest = { ms: median(afterCompaction), messages: context.request.messages.length, tokens: context.tokens }
    const fullAt = 0.9 * COMPACT_AT * MODEL.contextWindow
    while (context.tokens < fullAt) {
      const more: Array<NewMessage> = []
      while (more.length < 40) for (const body of turn(turns++)) more.push(messageOf(body, n++))
      yield* store.commit(agent.id, more, {})
      const next = yield* compileContext(current, MODEL, TOOLS, summariser)
      if (next.tokens < context.tokens) return yield* Effect.die(new Error("the history was compacted again while filling up"))
      context = next
    }
    return { agentId: agent.id, messages: yield* store.messageCount(agent.id), contextTokens: context.tokens, afterCompaction: smallest }
  })

const open = (db: string) =>
  Effect.gen(function* () {
    const started = performance.now()
    yield* Layer.build(storeLayer(db))
    return { openMs: performance.now() - started }
  }).pipe(Effect.scoped)

const measure = async (db: string, agentId: string) => {
  const runtime = ManagedRuntime.make(storeLayer(db))
  const time = async <A>(effect: Effect.Effect<A, unknown, LocalStore>, runs = RUNS) => {
    const times: Array<number> = []
    let last: A | undefined
    for (let i = 0; i < runs + 2; i++) {
      const started = performance.now()
      last = await runtime.runPromise(effect)
      // The first two are warm-up (statement preparation, JIT).
      if (i >= 2) times.push(performance.now() - started)
    }
    if (process.env["BENCH_DEBUG"] === "1") process.stderr.write(`${median(times).toFixed(2)} ms\n`)
    return { ms: median(times), max: Math.max(...times), last: last as A }
  }
  const agent = await runtime.runPromise(getAgent(agentId))
  // BENCH_DEBUG=1: each store call a compile makes, timed alone (stderr).
  if (process.env["BENCH_DEBUG"] === "1") {
    const store = await runtime.runPromise(LocalStore)
    const summary = await runtime.runPromise(store.latestSummary(agentId, 0))
    const floor = summary?.body._tag === "summary" ? summary.body.throughSeq : 0
    for (const [label, effect] of [
      ["count", store.messageCount(agentId)],
      ["blocks", store.agentBlocks(agentId)],
      ["changedAt", store.memoryChangedAt(agentId)],
      ["summary", store.latestSummary(agentId, 0)],
      ["history", store.historyWindow(agentId, floor, 140_000, 70_000)]
    ] as const) {
      process.stderr.write(`${label}: `)
      await time(effect as Effect.Effect<unknown, unknown, never>)
    }
  }
  // A step's context: the agent as the loop reads it, then compileContext.
  const compiled = await time(Effect.flatMap(getAgent(agentId), (current) => compileContext(current, MODEL, TOOLS, summariser)))
  const search = (query: string) =>
    runServerTool(agent, { id: "call_search", name: SEARCH_TOOL, arguments: JSON.stringify({ query }), runBy: "server" })
  const queries: Array<[string, string]> = [
    ["a rare word", "zebra-quartz-42"],
    ["the commonest word", "the"],
    ["two common words", "function error"],
    ["a mid-frequency word", VOCABULARY[400]!],
    ["words never together (then any)", `zebra ${VOCABULARY[3000]}`]
  ]
  const searches = []
  for (const [label, query] of process.env["BENCH_ONLY"] === "compile" ? [] : queries) {
    const result = await time(search(query))
    const hits = /^Found (\d+)/.exec(result.last.output)?.[1] ?? "0"
    searches.push({ label, query, ms: result.ms, max: result.max, hits: Number(hits) })
  }
  await runtime.dispose()
  // How many messages hold each query's words (all of them, or any for the fallback), for the report.
  const raw = new Database(db, { readonly: true })
  const count = raw.prepare("SELECT COUNT(*) AS n FROM messages_fts WHERE messages_fts MATCH ?")
  for (const search of searches) {
    const all = ftsQuery(search.query)
    const any = ftsQueryAny(search.query)
    const n = all === undefined ? 0 : (count.get(all) as { n: number }).n
    Object.assign(search, { matching: n > 0 || any === undefined ? n : (count.get(any) as { n: number }).n })
  }
  raw.close()
  return {
    runs: RUNS,
    compile: { ms: compiled.ms, max: compiled.max, messages: compiled.last.request.messages.length, tokens: compiled.last.tokens, window: MODEL.contextWindow },
    searches
  }
}

const main = async () => {
  switch (mode) {
    case "build": {
      const started = performance.now()
      const result = await Effect.runPromise(Effect.scoped(Effect.flatMap(Layer.build(storeLayer(path)), (context) => Effect.provide(build(Number(arg ?? 100_000)), context))))
      return { ...result, buildMs: performance.now() - started }
    }
    case "open":
      return Effect.runPromise(open(path))
    case "measure":
      return measure(path, arg!)
    default:
      throw new Error(`unknown mode ${mode}`)
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)} ${JSON.stringify(error)}\n`)
    process.exit(1)
  }
)
