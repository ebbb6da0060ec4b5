/**
 * The local backend keeps shared block ids in the settings files too: first runs started
 * together in a fresh home create one set of blocks in the database, and every agent gets them.
 */
import Database from "better-sqlite3"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { Sandbox } from "../support/e2e.js"
import { useLocalSandbox } from "../support/localE2e.js"

let sandbox: Sandbox
const start = useLocalSandbox((each) => {
  sandbox = each
})

describe("concurrent first runs on the local backend", () => {
  it("8 runs started together share one set of blocks", async () => {
    const { provider, letta } = await start("ollama")
    provider.fake.enqueue(...Array.from({ length: 8 }, () => ({ text: "Hi" })))
    const runs = await Promise.all(Array.from({ length: 8 }, () => letta(["-p", "hi", "--model", provider.model], { timeoutMs: 60_000 })))
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    const db = new Database(join(sandbox.home, ".letta", "local", "letta.db"), { readonly: true })
    try {
      const blocks = db.prepare("SELECT id, label FROM blocks").all() as Array<{ id: string; label: string }>
      expect(blocks.map((b) => b.label).sort()).toEqual(["human", "persona", "project"])
      const links = db.prepare("SELECT agent_id, block_id FROM agent_blocks").all() as Array<{ agent_id: string; block_id: string }>
      const agents = new Set(links.map((l) => l.agent_id))
      expect(agents.size).toBe(8)
      expect(new Set(links.map((l) => l.block_id))).toEqual(new Set(blocks.map((b) => b.id)))
    } finally {
      db.close()
    }
  }, 90_000)
})
