/**
 * `letta agents list`, `letta models`, `letta skills list` and `letta mcp …`, in-process: each
 * dispatches to its program with the root flags it was given, and prints what the scripted
 * server (or the settings, or the project's files) hold.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { describe, expect, it } from "vitest"
import { AGENT_TAG } from "../../src/domain/memory.js"
import { apiWith, runCli, tempProject } from "../support/cliHarness.js"
import { httpError } from "../support/testLayers.js"

describe("letta agents list", () => {
  it("asks for letta's agents and prints them as a table; --backend and --settings reach the backend", async () => {
    const queries: Array<unknown> = []
    const api = apiWith({
      listAgents: (query) =>
        Effect.sync(() => {
          queries.push(query)
          return [
            { id: "agent-2", name: "second", model: "openai/gpt-5", created_at: "2025-01-02T03:04:05.000Z" },
            { id: "agent-1", name: null, model: null, llm_config: { model: null, handle: "anthropic/claude", model_endpoint_type: null }, created_at: null }
          ]
        })
    })
    const run = await runCli(["--backend", "local", "agents", "list", "--settings", " extra.json "], { api })
    expect(run).toMatchObject({ code: 0, message: "", stderr: "" })
    expect(run.stdout).toBe(
      [
        "ID       NAME    MODEL             CREATED",
        "agent-2  second  openai/gpt-5      2025-01-02 03:04:05",
        "agent-1          anthropic/claude",
        ""
      ].join("\n")
    )
    expect(queries).toEqual([{ tags: [AGENT_TAG], limit: 50 }])
    expect(run.chosen).toEqual([{ backend: Option.some("local"), settingsFile: Option.some("extra.json") }])
  })

  it("none yet: says so on stderr, stdout stays empty", async () => {
    const run = await runCli(["agents", "list"], { api: apiWith({ listAgents: () => Effect.succeed([]) }) })
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "No agents created by letta on http://fake yet.\n" })
    expect(run.chosen).toEqual([{ backend: Option.none(), settingsFile: Option.none() }])
  })

  it("alone or with an unknown subcommand: a usage error, the backend never asked", async () => {
    const alone = await runCli(["agents"])
    expect(alone).toMatchObject({ code: 2, stdout: "", chosen: [], message: "letta: 'letta agents' needs a subcommand: 'letta agents list'.\nRun 'letta --help' for usage." })
    const unknown = await runCli(["agents", "lis"])
    expect(unknown).toMatchObject({ code: 2, message: "letta: Unknown subcommand 'lis' for 'letta agents'; use 'letta agents list'.\nRun 'letta --help' for usage." })
  })
})

describe("letta models", () => {
  it("prints each model with its context window and note", async () => {
    const model = { handle: null, model: null, name: null, display_name: null, provider_type: null, context_window: null }
    const api = apiWith({
      listModels: Effect.succeed([
        { ...model, handle: "openai/gpt-5", context_window: 400_000 },
        { ...model, handle: "ollama/qwen3", available: false, note: "start ollama first" },
        { ...model, handle: null, name: "no handle: not listed" }
      ])
    })
    const run = await runCli(["models", "--backend", "cloud"], { api })
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout).toBe(["MODEL         CONTEXT  NOTE", "openai/gpt-5  391k", "ollama/qwen3           start ollama first", ""].join("\n"))
    expect(run.chosen).toEqual([{ backend: Option.some("cloud"), settingsFile: Option.none() }])
  })

  it("a server failure is described with the server, exit 1", async () => {
    const run = await runCli(["models"], { api: apiWith({ listModels: Effect.fail(httpError(503, "down for maintenance")) }) })
    expect(run).toMatchObject({ code: 1, stdout: "", message: "letta: The Letta server failed (HTTP 503) while trying to send the message: down for maintenance" })
  })
})

describe("letta skills list", () => {
  it("lists the project's skills, no backend needed", async () => {
    const workspace = tempProject()
    const dir = join(workspace.projectDir, ".letta", "skills", "deploy")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "SKILL.md"), "---\nname: deploy\ndescription: Ships the app.\n---\nSteps.\n")
    const run = await runCli(["skills", "list"], { workspace })
    workspace.remove()
    expect(run).toMatchObject({ code: 0, stderr: "", chosen: [] })
    expect(run.stdout).toBe(`deploy  project  ${join(".letta", "skills", "deploy", "SKILL.md")}\n    Ships the app.\n`)
  })

  it("none: says how to add one", async () => {
    const run = await runCli(["skills", "list"])
    expect(run).toMatchObject({ code: 0, chosen: [] })
    expect(run.stdout).toMatch(/^No skills\. A skill is a folder with a SKILL\.md/)
  })
})

describe("letta mcp", () => {
  it("list with no servers says how to add one", async () => {
    const run = await runCli(["mcp", "list"])
    expect(run).toMatchObject({ code: 0, stderr: "", chosen: [] })
    expect(run.stdout).toBe("No MCP servers configured. Add one with: letta mcp add <name> -- <command> [args...]\n")
  })

  it("add writes the user settings; remove takes it out again", async () => {
    const added = await runCli(["mcp", "add", "-e", "TOKEN=x", "srv", "--", "node", "server.js", "--port", "1"])
    expect(added).toMatchObject({ code: 0, message: "" })
    expect(added.stdout).toMatch(/^Added stdio MCP server srv to .*\/home\/\.letta\/settings\.json\n$/)
    expect(added.settings.user.mcpServers).toEqual({ srv: { command: "node", args: ["server.js", "--port", "1"], env: { TOKEN: "x" } } })

    const removed = await runCli(["mcp", "remove", "srv"], { settings: added.settings })
    expect(removed).toMatchObject({ code: 0, message: "" })
    expect(removed.stdout).toMatch(/^Removed MCP server srv from .*\/home\/\.letta\/settings\.json\n$/)
    expect(removed.settings.user.mcpServers).toEqual({})
  })

  it("list shows a server that cannot start as failed", async () => {
    const run = await runCli(["mcp", "list"], { settings: { user: { mcpServers: { broken: { command: "/nonexistent/letta-test-server" } } } } })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^broken {2}stdio {2}failed: .+ {2}\(.+\)\n$/)
  })

  // Each ends with "Run 'letta mcp --help' for usage." alone (not the general hint too).
  it("its own usage errors", async () => {
    const remove = await runCli(["mcp", "remove", "nope"])
    expect(remove.code).toBe(2)
    expect(remove.message).toBe("letta: No MCP server nope in your or the project's settings.\nRun 'letta mcp --help' for usage.")
    const unknown = await runCli(["mcp", "ls"])
    expect(unknown.code).toBe(2)
    expect(unknown.message).toBe(
      "letta: Unknown subcommand 'ls' for 'letta mcp'; use 'letta mcp list', 'letta mcp add' or 'letta mcp remove'.\nRun 'letta mcp --help' for usage."
    )
  })
})
