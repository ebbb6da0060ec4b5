import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import type { AgentChoice } from "../../src/domain/config.js"
import { ApiError, UnknownModel } from "../../src/domain/errors.js"
import type { AgentInfo, BlockInfo, CreateAgentBody } from "../../src/domain/letta.js"
import type { AllSettings, LocalSettings, ProjectSettings, UserSettings } from "../../src/domain/settings.js"
import { resolveSession, trustedAgent } from "../../src/programs/session.js"
import { LettaApi, type LettaApiShape } from "../../src/services/LettaApi.js"
import { Settings } from "../../src/services/Settings.js"
import { Workspace } from "../../src/services/Workspace.js"
import { collectingOutput } from "../support/testLayers.js"

const SERVER = "http://fake"

/** An in-memory server: agents and blocks by id, every call counted. */
const memoryServer = (seed: { agents?: Array<AgentInfo>; blocks?: Array<BlockInfo>; withoutBaseTools?: boolean } = {}) => {
  let baseTools = seed.withoutBaseTools !== true
  const agents = new Map((seed.agents ?? []).map((a) => [a.id, a]))
  const blocks = new Map((seed.blocks ?? []).map((b) => [b.id, b]))
  const calls: Array<string> = []
  const created: Array<CreateAgentBody> = []
  let counter = 0
  const missing = (operation: string) => new ApiError({ kind: "http", status: 404, operation, streamStarted: false })
  const shape: LettaApiShape = {
    baseUrl: SERVER,
    isCloud: false,
    backend: "cloud",
    displayName: SERVER,
    retrieveAgent: (id) =>
      Effect.suspend(() => {
        calls.push(`retrieveAgent ${id}`)
        const agent = agents.get(id)
        return agent === undefined ? Effect.fail(missing("look up the agent")) : Effect.succeed(agent)
      }),
    createAgent: (body) =>
      Effect.suspend(() => {
        calls.push("createAgent")
        if (!baseTools) {
          return Effect.fail(
            new ApiError({ kind: "http", status: 400, detail: "Tools not found by name: memory", operation: "create", streamStarted: false })
          )
        }
        return Effect.succeed(body)
      }).pipe(
        Effect.map((body) => {
        created.push(body)
          const agent: AgentInfo = { id: `agent-${++counter}`, model: body.model ?? "server/default" }
          agents.set(agent.id, agent)
          return agent
        })
      ),
    addBaseTools: Effect.sync(() => {
      calls.push("addBaseTools")
      baseTools = true
    }),
    updateAgentModel: (id, model) =>
      Effect.sync(() => {
        calls.push(`updateAgentModel ${model}`)
        const agent = { ...agents.get(id)!, model }
        agents.set(id, agent)
        return agent
      }),
    listAgents: () => Effect.die("unused"),
    listModels: Effect.sync(() => {
      calls.push("listModels")
      return [{ handle: "a/one" }, { handle: "b/two" }]
    }),
    defaultModel: Effect.succeed(undefined),
    checkModel: (handle) =>
      Effect.suspend(() => {
        calls.push("listModels")
        const available = ["a/one", "b/two"]
        return available.includes(handle) ? Effect.succeed(handle) : Effect.fail(new UnknownModel({ model: handle, available }))
      }),
    blockHistory: () => Effect.die("unused"),
    revertBlock: () => Effect.die("unused"),
    retrieveBlock: (id) =>
      Effect.suspend(() => {
        calls.push(`retrieveBlock ${id}`)
        const block = blocks.get(id)
        return block === undefined ? Effect.fail(missing("look up a memory block")) : Effect.succeed(block)
      }),
    createBlock: (body) =>
      Effect.sync(() => {
        calls.push(`createBlock ${body.label}`)
        const block: BlockInfo = { id: `block-${++counter}`, label: body.label, value: body.value }
        blocks.set(block.id, block)
        return block
      }),
    updateBlockValue: () => Effect.die("unused"),
    sendMessage: () => Effect.die("unused"),
    cancelRuns: () => Effect.die("unused"),
    listMessages: () => Effect.die("unused"),
    compact: () => Effect.die("unused"),
    deleteAgent: () => Effect.die("unused"),
    resetMessages: () => Effect.die("unused")
  }
  return { layer: Layer.succeed(LettaApi, shape), calls, created, agents }
}

/** Settings held in memory; `writes` counts updates per file. */
const memorySettings = (initial: Partial<AllSettings> = {}) => {
  const state = { user: initial.user ?? {}, project: initial.project ?? {}, local: initial.local ?? {} }
  const writes = { user: 0, project: 0, local: 0 }
  const layer = Layer.succeed(Settings, {
    paths: { user: "u", project: "p", local: "l" },
    load: Effect.sync(() => ({ ...state })),
    updateUser: (f: (s: UserSettings) => UserSettings) => Effect.sync(() => ((writes.user += 1), (state.user = f(state.user)))),
    updateProject: (f: (s: ProjectSettings) => ProjectSettings) =>
      Effect.sync(() => ((writes.project += 1), (state.project = f(state.project)))),
    updateLocal: (f: (s: LocalSettings) => LocalSettings) => Effect.sync(() => ((writes.local += 1), (state.local = f(state.local)))),
    modifyUser: <E, R>(f: (s: UserSettings) => Effect.Effect<UserSettings, E, R>) =>
      Effect.tap(f(state.user), (next) => ((writes.user += 1), (state.user = next))),
    modifyProject: <E, R>(f: (s: ProjectSettings) => Effect.Effect<ProjectSettings, E, R>) =>
      Effect.tap(f(state.project), (next) => ((writes.project += 1), (state.project = next))),
    checkWritable: Effect.void,
    holdAgent: () => Effect.void,
    agentHolders: () => Effect.succeed([])
  })
  return { layer, state, writes }
}

const workspace = Layer.succeed(Workspace, { projectDir: "/home/me/my project!", homeDir: "/home/me" })

const resolve = (
  choice: AgentChoice,
  server: ReturnType<typeof memoryServer>,
  settings: ReturnType<typeof memorySettings>,
  model: Option.Option<string> = Option.none(),
  output: ReturnType<typeof collectingOutput> = collectingOutput()
) =>
  Effect.gen(function* () {
    const loaded = yield* Effect.flatMap(Settings, (s) => s.load)
    return yield* resolveSession(choice, model, loaded)
  }).pipe(Effect.provide(Layer.mergeAll(server.layer, settings.layer, workspace, output.layer)))

describe("resolveSession", () => {
  it.effect("a first run creates three blocks and an agent, and remembers them", () =>
    Effect.gen(function* () {
      const server = memoryServer()
      const settings = memorySettings()
      const session = yield* resolve({ _tag: "New" }, server, settings)
      expect(session.created).toBe(true)
      expect(server.created[0]).toMatchObject({
        name: "letta-my project",
        tools: ["memory", "conversation_search"],
        tags: ["origin:letta-code", "project:/home/me/my project!"]
      })
      expect(server.created[0]?.block_ids).toHaveLength(3)
      expect(settings.state.user.globalSharedBlockIds).toEqual({ persona: expect.any(String), human: expect.any(String) })
      expect(settings.state.user.globalSharedBlockIdsByServer).toEqual({ [SERVER]: settings.state.user.globalSharedBlockIds })
      expect(settings.state.project.localSharedBlockIds?.project).toEqual(expect.any(String))
      expect(settings.state.project.localSharedBlockIdsByServer).toEqual({ [SERVER]: settings.state.project.localSharedBlockIds })
      expect(settings.state.local.lastAgentByServer).toEqual({ [SERVER]: session.agentId })
      expect(settings.state.user.lastAgent).toBe(session.agentId)
    })
  )

  it.effect("the default is a new agent, even when the project has a last agent; it attaches the shared blocks", () =>
    Effect.gen(function* () {
      const server = memoryServer({
        agents: [{ id: "agent-9", model: "a/one" }],
        blocks: [
          { id: "block-p", label: "persona", value: "" },
          { id: "block-h", label: "human", value: "" },
          { id: "block-j", label: "project", value: "" }
        ]
      })
      const settings = memorySettings({
        user: {
          lastAgent: "agent-9",
          lastAgentByServer: { [SERVER]: "agent-9" },
          globalSharedBlockIds: { persona: "block-p", human: "block-h" },
          globalSharedBlockIdsByServer: { [SERVER]: { persona: "block-p", human: "block-h" } }
        },
        project: { localSharedBlockIds: { project: "block-j" }, localSharedBlockIdsByServer: { [SERVER]: { project: "block-j" } } },
        local: { lastAgent: "agent-9", lastAgentByServer: { [SERVER]: "agent-9" } }
      })
      const session = yield* resolve({ _tag: "New" }, server, settings)
      expect(session.created).toBe(true)
      expect(session.agentId).not.toBe("agent-9")
      expect(server.calls).not.toContain("retrieveAgent agent-9")
      expect(server.created[0]?.block_ids).toEqual(["block-p", "block-h", "block-j"])
      expect(server.calls.filter((c) => c.startsWith("createBlock"))).toEqual([])
      expect(settings.state.local.lastAgentByServer).toEqual({ [SERVER]: session.agentId })
      // block ids unchanged: only lastAgent is written
      expect(settings.writes).toEqual({ user: 1, project: 0, local: 1 })
    })
  )

  it.effect("--continue: a known agent costs exactly one request and no settings write", () =>
    Effect.gen(function* () {
      const server = memoryServer({ agents: [{ id: "agent-9", model: "a/one" }] })
      const settings = memorySettings({
        user: { lastAgent: "agent-9", lastAgentByServer: { [SERVER]: "agent-9" } },
        local: { lastAgent: "agent-9", lastAgentByServer: { [SERVER]: "agent-9" } }
      })
      const session = yield* resolve({ _tag: "Continue" }, server, settings)
      expect(session).toMatchObject({ agentId: "agent-9", created: false, model: "a/one" })
      expect(server.calls).toEqual(["retrieveAgent agent-9"])
      expect(settings.writes).toEqual({ user: 0, project: 0, local: 0 })
    })
  )

  it.effect("--continue never tries an agent id stored for another server; a new agent keeps it", () =>
    Effect.gen(function* () {
      const server = memoryServer({ agents: [{ id: "agent-9" }] })
      const settings = memorySettings({ local: { lastAgent: "agent-9", lastAgentByServer: { "https://api.letta.com": "agent-9" } } })
      const error = yield* Effect.flip(resolve({ _tag: "Continue" }, server, settings))
      expect(error._tag).toBe("NoAgentToContinue")
      expect(server.calls).not.toContain("retrieveAgent agent-9")
      const session = yield* resolve({ _tag: "New" }, server, settings)
      expect(session.created).toBe(true)
      // the other server's id is kept
      expect(settings.state.local.lastAgentByServer?.["https://api.letta.com"]).toBe("agent-9")
    })
  )

  it.effect("--continue falls back to the user's last agent; none at all is an error", () =>
    Effect.gen(function* () {
      const server = memoryServer({ agents: [{ id: "agent-u" }] })
      const settings = memorySettings({ user: { lastAgentByServer: { [SERVER]: "agent-u" } } })
      const session = yield* resolve({ _tag: "Continue" }, server, settings)
      expect(session.agentId).toBe("agent-u")
      const error = yield* Effect.flip(resolve({ _tag: "Continue" }, memoryServer(), memorySettings()))
      expect(error._tag).toBe("NoAgentToContinue")
    })
  )

  it.effect("--agent with an unknown id fails and creates nothing", () =>
    Effect.gen(function* () {
      const server = memoryServer()
      const error = yield* Effect.flip(resolve({ _tag: "Explicit", agentId: "agent-x" }, server, memorySettings()))
      expect(error).toMatchObject({ _tag: "AgentNotFound", agentId: "agent-x", source: "flag" })
      expect(server.calls).toEqual(["retrieveAgent agent-x"])
    })
  )

  it.effect("blocks are checked and only missing ones are re-created", () =>
    Effect.gen(function* () {
      const server = memoryServer({ blocks: [{ id: "block-p", label: "persona", value: "" }, { id: "block-h", label: "human", value: "" }] })
      const settings = memorySettings({
        user: {
          globalSharedBlockIds: { persona: "block-p", human: "block-h" },
          globalSharedBlockIdsByServer: { [SERVER]: { persona: "block-p", human: "block-h" } }
        },
        project: { localSharedBlockIds: { project: "block-gone" }, localSharedBlockIdsByServer: { [SERVER]: { project: "block-gone" } } }
      })
      const output = collectingOutput()
      yield* resolve({ _tag: "New" }, server, settings, Option.none(), output)
      expect(server.calls.filter((c) => c.startsWith("createBlock"))).toEqual(["createBlock project"])
      expect(server.created[0]?.block_ids.slice(0, 2)).toEqual(["block-p", "block-h"])
      const replaced = settings.state.project.localSharedBlockIds?.project
      expect(replaced).not.toBe("block-gone")
      expect(settings.state.project.localSharedBlockIdsByServer).toEqual({ [SERVER]: { project: replaced } })
      expect(settings.writes.user).toBe(1) // lastAgent only; block ids unchanged
      expect(output.stderr.join("")).toContain('memory block "project" (block-gone) is gone from the server')
    })
  )

  it.effect("block ids are kept per server: another server's are neither checked, warned about nor replaced", () =>
    Effect.gen(function* () {
      const CLOUD = "https://api.letta.com"
      const server = memoryServer()
      const settings = memorySettings({
        user: {
          globalSharedBlockIds: { persona: "cloud-p", human: "cloud-h" },
          globalSharedBlockIdsByServer: { [CLOUD]: { persona: "cloud-p", human: "cloud-h", note: "kept" } },
          theme: "dark"
        },
        project: { localSharedBlockIds: { project: "cloud-j" }, localSharedBlockIdsByServer: { [CLOUD]: { project: "cloud-j" } } }
      })
      const output = collectingOutput()
      yield* resolve({ _tag: "New" }, server, settings, Option.none(), output)
      expect(server.calls.filter((c) => c.startsWith("retrieveBlock"))).toEqual([])
      expect(server.calls.filter((c) => c.startsWith("createBlock"))).toHaveLength(3)
      expect(output.stderr.join("")).toBe("")
      const user = settings.state.user
      const mine = user.globalSharedBlockIdsByServer?.[SERVER]
      expect(mine).toEqual({ persona: expect.stringMatching(/^block-/), human: expect.stringMatching(/^block-/) })
      expect(user.globalSharedBlockIdsByServer?.[CLOUD]).toEqual({ persona: "cloud-p", human: "cloud-h", note: "kept" })
      expect(user.globalSharedBlockIds).toEqual(mine) // the plain key follows the last write
      expect(user["theme"]).toBe("dark")
      const project = settings.state.project
      expect(project.localSharedBlockIdsByServer?.[CLOUD]).toEqual({ project: "cloud-j" })
      expect(project.localSharedBlockIdsByServer?.[SERVER]?.project).toMatch(/^block-/)
      expect(server.created[0]?.block_ids).toEqual([mine?.persona, mine?.human, project.localSharedBlockIdsByServer?.[SERVER]?.project])
    })
  )

  it.effect("a file from before per-server block ids: its plain ids are used and claimed for this server", () =>
    Effect.gen(function* () {
      const server = memoryServer({
        blocks: [
          { id: "block-p", label: "persona", value: "" },
          { id: "block-h", label: "human", value: "" },
          { id: "block-j", label: "project", value: "" }
        ]
      })
      const settings = memorySettings({
        user: { globalSharedBlockIds: { persona: "block-p", human: "block-h" } },
        project: { localSharedBlockIds: { project: "block-j" } }
      })
      yield* resolve({ _tag: "New" }, server, settings)
      expect(server.calls.filter((c) => c.startsWith("createBlock"))).toEqual([])
      expect(server.created[0]?.block_ids).toEqual(["block-p", "block-h", "block-j"])
      expect(settings.state.user.globalSharedBlockIdsByServer).toEqual({ [SERVER]: { persona: "block-p", human: "block-h" } })
      expect(settings.state.project.localSharedBlockIdsByServer).toEqual({ [SERVER]: { project: "block-j" } })
    })
  )

  it.effect("--model is validated, then used for a new agent or to switch an existing one", () =>
    Effect.gen(function* () {
      const bad = yield* Effect.flip(resolve({ _tag: "New" }, memoryServer(), memorySettings(), Option.some("z/none")))
      expect(bad).toMatchObject({ _tag: "UnknownModel", available: ["a/one", "b/two"] })

      const server = memoryServer({ agents: [{ id: "agent-9", model: "a/one" }] })
      const session = yield* resolve({ _tag: "Explicit", agentId: "agent-9" }, server, memorySettings(), Option.some("b/two"))
      expect(session.model).toBe("b/two")
      expect(server.calls).toContain("updateAgentModel b/two")
    })
  )

  it.effect("a server without its base tools gets them installed, then the agent is created", () =>
    Effect.gen(function* () {
      const server = memoryServer({ withoutBaseTools: true })
      const session = yield* resolve({ _tag: "New" }, server, memorySettings())
      expect(session.created).toBe(true)
      expect(server.calls.filter((c) => c === "createAgent" || c === "addBaseTools")).toEqual(["createAgent", "addBaseTools", "createAgent"])
    })
  )

  it.effect("a pending approval on the agent is handed to the turn", () =>
    Effect.gen(function* () {
      const server = memoryServer({
        agents: [
          {
            id: "agent-9",
            pending_approval: {
              message_type: "approval_request_message",
              tool_calls: [{ tool_call_id: "call-1", name: "Bash", arguments: '{"command":"ls"}' }]
            }
          }
        ]
      })
      const session = yield* resolve({ _tag: "Explicit", agentId: "agent-9" }, server, memorySettings())
      expect(session.pendingCalls).toEqual([{ toolCallId: "call-1", name: "Bash", arguments: '{"command":"ls"}' }])
    })
  )
})

describe("trustedAgent (headless text/json fast path)", () => {
  const stored: AllSettings = {
    user: { lastAgentByServer: { [SERVER]: "agent-u" } },
    project: {},
    local: { lastAgentByServer: { [SERVER]: "agent-l", "https://api.letta.com": "agent-cloud" } }
  }

  it("--continue trusts the project's last agent, then the user's, on this server only", () => {
    expect(trustedAgent({ _tag: "Continue" }, Option.none(), stored, SERVER)).toBe("agent-l")
    expect(trustedAgent({ _tag: "Continue" }, Option.none(), { ...stored, local: {} }, SERVER)).toBe("agent-u")
    expect(trustedAgent({ _tag: "Continue" }, Option.none(), { ...stored, user: {} }, "http://other")).toBeUndefined()
  })

  it("a new agent (the default) and --agent are never trusted; nor is --continue with --model", () => {
    expect(trustedAgent({ _tag: "New" }, Option.none(), stored, SERVER)).toBeUndefined()
    expect(trustedAgent({ _tag: "Explicit", agentId: "agent-l" }, Option.none(), stored, SERVER)).toBeUndefined()
    expect(trustedAgent({ _tag: "Continue" }, Option.some("a/one"), stored, SERVER)).toBeUndefined()
  })
})
