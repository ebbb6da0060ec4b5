import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { LocalStoreSqlite } from "../../src/layers/LocalStoreSqlite.js"
import { newId, newUuid } from "../../src/layers/localStore/ids.js"
import { MIGRATIONS } from "../../src/layers/localStore/migrations.js"
import { LocalStore } from "../../src/services/LocalStore.js"

const withStore = <A, E>(path: string, body: Effect.Effect<A, E, LocalStore>) =>
  Effect.runPromise(Effect.scoped(Effect.provide(body, LocalStoreSqlite(path))))

const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "letta-store-"))
  return { dir, path: join(dir, "local", "letta.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

describe("LocalStoreSqlite", () => {
  it("creates agents with blocks, keeps every block value and the history", async () => {
    const db = tempDb()
    try {
      const result = await withStore(
        db.path,
        Effect.gen(function* () {
          const store = yield* LocalStore
          const block = yield* store.createBlock({ label: "human", value: "v1", description: "d", limit: 100 }, { kind: "create" })
          const agent = yield* store.createAgent({ name: "a", system: "s", model: "ollama/x", tags: ["t"], tools: ["memory"], blockIds: [block.id] })
          yield* store.editMemory(
            agent.id,
            (blocks) => ({ result: undefined, writes: [{ kind: "update", blockId: blocks[0]!.id, value: "v2" }] }),
            { kind: "tool", agentId: agent.id, tool: "memory_replace", toolCallId: "call_1" }
          )
          yield* store.setBlockValue(block.id, "v3", { kind: "user" })
          const history = yield* store.blockHistory(block.id)
          yield* store.commit(agent.id, [
            { id: "message-1", runId: undefined, otid: "o1", body: { _tag: "user", text: "hello zebra-quartz-42" } },
            { id: "message-2", runId: undefined, otid: undefined, body: { _tag: "assistant", text: "hi there", reasoning: [], toolCalls: [] } }
          ], { lastStopReason: "end_turn" })
          const window = yield* store.historyWindow(agent.id, 0, 1000, 1000)
          const small = yield* store.historyWindow(agent.id, 0, 8, 1000)
          const hits = yield* store.search(agent.id, { match: '"zebra" "quartz" "42"', roles: [], limit: 5 })
          const listed = yield* store.listAgents({ tags: ["t"], limit: 10 })
          return { history, window, small, hits, listed, seen: yield* store.hasOtid(agent.id, "o1") }
        })
      )
      expect(result.history.map((change) => [change.n, change.value, change.previous, change.source.kind])).toEqual([
        [3, "v3", "v2", "user"],
        [2, "v2", "v1", "tool"],
        [1, "v1", undefined, "create"]
      ])
      expect(result.window.messages.map((m) => m.id)).toEqual(["message-1", "message-2"])
      expect(result.window.more).toBe(false)
      expect(result.small.messages.map((m) => m.id)).toEqual(["message-2"])
      expect(result.small.more).toBe(true)
      expect(result.hits.map((hit) => hit.role)).toEqual(["user"])
      expect(result.listed).toHaveLength(1)
      expect(result.seen).toBe(true)
    } finally {
      db.cleanup()
    }
  })

  it("counts the history without summaries, also in a database from before the count was kept", async () => {
    const db = tempDb()
    try {
      // A schema-1 database with two agents' messages, written as that version wrote them.
      mkdirSync(join(db.dir, "local"))
      const raw = new Database(db.path)
      for (const statement of MIGRATIONS[0]!) raw.exec(statement)
      raw.pragma("user_version = 1")
      const at = new Date().toISOString()
      for (const id of ["agent-a", "agent-b"]) raw.prepare("INSERT INTO agents (id, name, system, model, tags, tools, created_at) VALUES (?, 'n', 's', 'ollama/x', '[]', '[]', ?)").run(id, at)
      const insert = raw.prepare("INSERT INTO messages (id, agent_id, role, created_at, body, search_text, tokens) VALUES (?, ?, ?, ?, ?, '', 1)")
      insert.run("message-a1", "agent-a", "user", at, JSON.stringify({ _tag: "user", text: "one" }))
      insert.run("message-a2", "agent-a", "summary", at, JSON.stringify({ _tag: "summary", text: "s", throughSeq: 1 }))
      insert.run("message-a3", "agent-a", "user", at, JSON.stringify({ _tag: "user", text: "two" }))
      insert.run("message-b1", "agent-b", "user", at, JSON.stringify({ _tag: "user", text: "three" }))
      raw.close()
      const counts = await withStore(
        db.path,
        Effect.gen(function* () {
          const store = yield* LocalStore
          const before = [yield* store.messageCount("agent-a"), yield* store.messageCount("agent-b")]
          yield* store.commit("agent-a", [
            { id: "message-a4", runId: undefined, otid: undefined, body: { _tag: "assistant", text: "four", reasoning: [], toolCalls: [] } },
            { id: "message-a5", runId: undefined, otid: undefined, body: { _tag: "summary", text: "s2", throughSeq: 4 } }
          ], {})
          return [...before, yield* store.messageCount("agent-a"), yield* store.messageCount("agent-unknown")]
        })
      )
      expect(counts).toEqual([2, 1, 3, 0])
    } finally {
      db.cleanup()
    }
  })

  it("ranks search results among the newest matches, newest first on equal scores", async () => {
    const db = tempDb()
    try {
      const texts = await withStore(
        db.path,
        Effect.gen(function* () {
          const store = yield* LocalStore
          const agent = yield* store.createAgent({ name: "a", system: "s", model: "ollama/x", tags: [], tools: [], blockIds: [] })
          const other = yield* store.createAgent({ name: "b", system: "s", model: "ollama/x", tags: [], tools: [], blockIds: [] })
          const message = (id: string, text: string) => ({ id, runId: undefined, otid: undefined, body: { _tag: "user" as const, text } })
          yield* store.commit(agent.id, [message("message-1", "zebra one"), message("message-2", "zebra two")], {})
          yield* store.commit(other.id, [message("message-3", "zebra three")], {})
          yield* store.commit(agent.id, [message("message-4", "zebra four")], {})
          return (yield* store.search(agent.id, { match: '"zebra"', roles: [], limit: 10 })).map((hit) => hit.text)
        })
      )
      expect(texts).toEqual(["zebra four", "zebra two", "zebra one"])
    } finally {
      db.cleanup()
    }
  })

  it("makes ids of version-4 UUIDs, never the same twice", () => {
    const ids = Array.from({ length: 1_000 }, () => newUuid())
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect(newId("agent")).toMatch(/^agent-[0-9a-f-]{36}$/)
  })

  it("refuses a database from a newer letta and leaves it unchanged", async () => {
    const db = tempDb()
    try {
      await withStore(db.path, Effect.void)
      const raw = new Database(db.path)
      raw.pragma("user_version = 99")
      raw.close()
      const exit = await Effect.runPromiseExit(Effect.scoped(Effect.provide(Effect.void, LocalStoreSqlite(db.path))))
      expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("newer letta")
      const again = new Database(db.path)
      expect(again.pragma("user_version", { simple: true })).toBe(99)
      again.close()
    } finally {
      db.cleanup()
    }
  })

  it("reports a file that is not a database as a store error", async () => {
    const db = tempDb()
    try {
      await withStore(db.path, Effect.void)
      rmSync(db.path)
      writeFileSync(db.path, "this is not a database, just some text that is long enough to have a header")
      const exit = await Effect.runPromiseExit(Effect.scoped(Effect.provide(Effect.void, LocalStoreSqlite(db.path))))
      expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("StoreError")
    } finally {
      db.cleanup()
    }
  })
})
