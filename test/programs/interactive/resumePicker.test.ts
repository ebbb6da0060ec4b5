/** Issue 12, feature 2: the resume picker's list — this project's agents, first prompt and age. */
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import type { AgentInfo, LettaMessage } from "../../../src/domain/letta.js"
import { formatAge, pickerOptions, recentAgent, recentProjectAgents } from "../../../src/programs/interactive/resumePicker.js"
import { LettaApi } from "../../../src/services/LettaApi.js"
import { scriptedApi } from "../../support/testLayers.js"

const agent = (id: string, name: string, tags: ReadonlyArray<string>, created = "2026-01-01T00:00:00Z"): AgentInfo => ({ id, name, tags: [...tags], created_at: created })
const user = (text: string, date: string): LettaMessage => ({ message_type: "user_message", content: text, date }) as LettaMessage
const reply = (text: string, date: string): LettaMessage => ({ message_type: "assistant_message", content: text, date }) as LettaMessage

describe("the resume picker", () => {
  it("takes the first prompt of the recent history (reminders and alerts left out) and the newest message's date", () => {
    const entry = recentAgent(agent("agent-1", "letta-proj", []), [
      user('{"type":"heartbeat"}', "2026-01-02T00:00:00Z"),
      user("fix the login bug<system-reminder>be brief</system-reminder>", "2026-01-02T00:01:00Z"),
      reply("Done.", "2026-01-02T00:02:00Z"),
      user("thanks", "2026-01-02T00:03:00Z")
    ])
    expect(entry).toEqual({ id: "agent-1", name: "letta-proj", firstPrompt: "fix the login bug", lastUsed: Date.parse("2026-01-02T00:03:00Z") })
    expect(recentAgent(agent("agent-2", "x", []), [])).toMatchObject({ firstPrompt: undefined, lastUsed: Date.parse("2026-01-01T00:00:00Z") })
  })

  it("says the age in words and cuts a long prompt to one line", () => {
    expect([formatAge(5_000), formatAge(5 * 60_000), formatAge(3 * 3_600_000), formatAge(3 * 86_400_000)]).toEqual(["just now", "5m ago", "3h ago", "3d ago"])
    const now = Date.parse("2026-01-02T01:00:00Z")
    const options = pickerOptions(
      [
        { id: "agent-1", name: "a", firstPrompt: `explain\nthis ${"very ".repeat(20)}long thing`, lastUsed: now - 2 * 60_000 },
        { id: "agent-2", name: "b", firstPrompt: undefined, lastUsed: undefined }
      ],
      now
    )
    expect(options[0]!.label).toMatch(/^explain this very very .*…$/)
    expect(options[0]!.label.length).toBe(60)
    expect(options[0]!.hint).toBe("2m ago · agent-1")
    expect(options[1]).toEqual({ value: "agent-2", label: "(no messages yet)", hint: "agent-2" })
  })

  it("lists the agents tagged with this project, and older ones named after it, most recently used first", async () => {
    const queries: Array<ReadonlyArray<string>> = []
    const base = Effect.runSync(Effect.provide(LettaApi, scriptedApi([]).layer))
    const all = [
      agent("agent-a", "letta-proj", ["origin:letta-code", "project:/work/proj"]),
      agent("agent-b", "letta-proj", ["origin:letta-code"]),
      agent("agent-c", "letta-proj", ["origin:letta-code", "project:/elsewhere/proj"]),
      agent("agent-d", "letta-other", ["origin:letta-code"])
    ]
    const histories: Record<string, ReadonlyArray<LettaMessage>> = {
      "agent-a": [user("older work", "2026-01-02T00:00:00Z")],
      "agent-b": [user("newest work", "2026-01-03T00:00:00Z")]
    }
    const layer = Layer.succeed(LettaApi, {
      ...base,
      listAgents: ({ tags }) =>
        Effect.sync(() => {
          queries.push(tags)
          return all.filter((a) => tags.every((tag) => (a.tags ?? []).includes(tag)))
        }),
      listMessages: (agentId) => Effect.succeed(histories[agentId] ?? [])
    })
    const agents = await Effect.runPromise(Effect.provide(recentProjectAgents("/work/proj"), layer))
    expect(agents.map((a) => [a.id, a.firstPrompt])).toEqual([
      ["agent-b", "newest work"],
      ["agent-a", "older work"]
    ])
    expect(queries).toContainEqual(["origin:letta-code", "project:/work/proj"])
  })
})
