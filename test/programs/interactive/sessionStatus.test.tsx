/** Issue 12, feature 3: /compact, /status (/cost) and the status line under the input. */
import { Effect, Layer } from "effect"
import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import type { RunConfig } from "../../../src/domain/config.js"
import { ApiError } from "../../../src/domain/errors.js"
import { App } from "../../../src/programs/interactive/App.js"
import { matchCommands, parseInput } from "../../../src/programs/interactive/slashCommands.js"
import { statusLines } from "../../../src/programs/interactive/panels.js"
import { contextUse, sessionStatus, SessionStatus } from "../../../src/programs/interactive/sessionStatus.js"
import { contextWindowOf, runCommand, type SessionState } from "../../../src/programs/interactive/runSlashCommand.js"
import { makeUiStore, type UiStore } from "../../../src/programs/interactive/store.js"
import { RunStats } from "../../../src/programs/render/runStats.js"
import { type CompactResult, LettaApi, type LettaApiShape } from "../../../src/services/LettaApi.js"
import { Settings } from "../../../src/services/Settings.js"
import { eventually, plain } from "../../support/ink.js"
import { chunk, policy, scriptedApi } from "../../support/testLayers.js"

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
})

const usage = (contextTokens: number) => ({
  _tag: "ServerMessage" as const,
  chunk: chunk({ message_type: "usage_statistics", prompt_tokens: 100, completion_tokens: 10, total_tokens: 110, step_count: 1, context_tokens: contextTokens })
})

describe("the session status", () => {
  it("takes the context's size from the usage statistics; formats it against the window", () => {
    const status = new SessionStatus()
    let notified = 0
    status.subscribe(() => notified++)
    expect(contextUse(status.getSnapshot())).toBeUndefined()
    status.update({ contextWindow: 200_000 })
    expect(contextUse(status.getSnapshot())).toBe("200k context")
    status.observe(usage(12_345))
    expect(contextUse(status.getSnapshot())).toBe("12k/200k context (6%)")
    status.update({ contextWindow: undefined })
    expect(contextUse(status.getSnapshot())).toBe("12k context")
    status.update({ contextWindow: undefined })
    expect(notified).toBe(3)
  })

  it("finds a model's window in the model list by handle", () => {
    const models = [{ handle: "openai/gpt-4o", model: "gpt-4o", name: null, display_name: null, provider_type: "openai", context_window: 128_000 }]
    expect(contextWindowOf(models, "openai/gpt-4o")).toBe(128_000)
    expect(contextWindowOf(models, "openai/other")).toBeUndefined()
    expect(contextWindowOf(models, undefined)).toBeUndefined()
  })

  it("/compact, /status and /cost are commands the menu offers", () => {
    expect(parseInput("/compact")).toEqual({ _tag: "Command", name: "compact", args: "" })
    expect(parseInput("/status")).toMatchObject({ _tag: "Command", name: "status" })
    expect(parseInput("/cost")).toMatchObject({ _tag: "Command", name: "cost" })
    expect(matchCommands("/co").map((c) => c.name)).toEqual(["compact", "cost"])
  })
})

describe("/status panel", () => {
  it("shows the agent, backend, model, mode, the context used of the window, tokens and steps", () => {
    const stats = new RunStats()
    stats.observe(usage(50_000))
    stats.observe(usage(60_000))
    const lines = statusLines({
      agentId: "agent-1",
      agentName: "letta-proj",
      backend: "local",
      serverUrl: "the local backend (/db)",
      mode: "acceptEdits",
      status: { model: "ollama/qwen3", contextTokens: 60_000, contextWindow: 128_000 },
      stats,
      wallMs: 61_000
    })
    const text = lines.map((line) => line.text).join("\n")
    expect(text).toContain("agent-1 (letta-proj)")
    expect(text).toContain("ollama/qwen3")
    expect(text).toContain("acceptEdits")
    expect(text).toContain("60,000 of 128,000 tokens (47%)")
    expect(text).toContain("200 in · 20 out")
    expect(text).toContain("2 model steps")
    expect(text).toContain("1m 1s wall")
  })

  it("says when the context's size is not known yet", () => {
    const lines = statusLines({
      agentId: "agent-1",
      agentName: undefined,
      backend: "cloud",
      serverUrl: "http://fake",
      mode: "default",
      status: { model: undefined, contextTokens: undefined, contextWindow: 8_192 },
      stats: new RunStats(),
      wallMs: 0
    })
    expect(lines.map((line) => line.text).join("\n")).toContain("not known yet (the next reply reports it) · window 8,192 tokens")
  })
})

/** Runs a slash command against a LettaApi whose compact() answers `compact`. */
const runWith = (ui: UiStore, name: string, compact: LettaApiShape["compact"]) => {
  const base = Effect.runSync(Effect.provide(LettaApi, scriptedApi([], { name: "letta-proj" }).layer))
  const state: SessionState = { agentId: "agent-1", model: "test/model", streamTokens: true, stats: new RunStats(), startedAt: Date.now() }
  const layer = Layer.mergeAll(Layer.succeed(LettaApi, { ...base, compact }), policy(() => ({ _tag: "Allow" }) as never, "plan"), Layer.succeed(Settings, {} as never))
  return Effect.runPromiseExit(Effect.provide(runCommand(name, { ui, state, config: {} as RunConfig }), layer))
}

describe("/compact and /status in the session", () => {
  const mount = () => {
    const store = Effect.runSync(makeUiStore("/project"))
    const app = render(<App store={store} theme={{ colour: false }} history={[]} />)
    cleanup = app.unmount
    return { store, screen: () => plain(app.lastFrame()) }
  }

  it("the status line under the input shows the mode, the model and the context used", async () => {
    const { store, screen } = mount()
    await eventually(() => expect(screen()).toContain("default mode (shift+tab to cycle) · /help"))
    const status = sessionStatus(store)
    status.update({ model: "anthropic/claude-sonnet-4-5", contextWindow: 200_000 })
    status.observe(usage(30_000))
    await eventually(() => expect(screen()).toContain("default mode (shift+tab to cycle) · anthropic/claude-sonnet-4-5 · 30k/200k context (15%) · /help"))
  })

  it("/compact asks the backend, reports the counts and forgets the context's size until the next reply", async () => {
    const { store, screen } = mount()
    sessionStatus(store).observe(usage(30_000))
    const calls: Array<string> = []
    const result: CompactResult = { messagesBefore: 42, messagesAfter: 3 }
    const exit = await runWith(store, "compact", (agentId) => Effect.sync(() => (calls.push(agentId), result)))
    expect(exit._tag).toBe("Success")
    expect(calls).toEqual(["agent-1"])
    expect(sessionStatus(store).getSnapshot().contextTokens).toBeUndefined()
    expect(store.isBusy).toBe(false)
    await eventually(() => expect(screen()).toContain("Conversation compacted: 42 messages in the context → 3"))
  })

  it("/compact with nothing to compact says so; a failure is the command's error", async () => {
    const { store, screen } = mount()
    await runWith(store, "compact", () => Effect.succeed({ messagesBefore: 0, messagesAfter: 0 }))
    await eventually(() => expect(screen()).toContain("Nothing to compact yet"))
    const failed = await runWith(store, "compact", () => Effect.fail(new ApiError({ kind: "http", status: 409, operation: "compact the conversation", detail: "busy", streamStarted: false })))
    expect(failed._tag).toBe("Failure")
    expect(store.isBusy).toBe(false)
  })

  it("/status and /cost print the panel", async () => {
    const { store, screen } = mount()
    sessionStatus(store).update({ model: "test/model", contextWindow: 100_000 })
    sessionStatus(store).observe(usage(25_000))
    await runWith(store, "cost", () => Effect.die("unused"))
    await eventually(() => expect(screen()).toContain("25,000 of 100,000 tokens (25%)"))
    expect(screen()).toContain("agent-1 (letta-proj)")
    expect(screen()).toContain("plan")
  })
})
