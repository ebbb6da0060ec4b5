/**
 * The flag table, in-process: each flag of the root command, on the real command tree, reaches
 * the root handler as the RunConfig it means (seen where the handler hands it to the backend).
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import * as Option from "effect/Option"
import { describe, expect, it } from "vitest"
import { FLAGS } from "../../src/cli/flags.js"
import type { RunConfig } from "../../src/domain/config.js"
import { type CliOptions, runCli, STOPPED, tempProject } from "../support/cliHarness.js"

/** The RunConfig the root handler built for `letta ...args`. */
const configOf = async (args: ReadonlyArray<string>, options: CliOptions = {}): Promise<RunConfig> => {
  const run = await runCli(args, { ...options, stopAtBackend: true })
  expect(run.message, `letta ${args.join(" ")}`).toBe(`letta: ${STOPPED}`)
  expect(run.code).toBe(1)
  expect(run.chosen).toHaveLength(1)
  return run.chosen[0] as RunConfig
}

const DEFAULTS: RunConfig = {
  headless: true,
  promptWords: ["hi"],
  outputFormat: "text",
  agent: { _tag: "New" },
  model: Option.none(),
  tools: Option.none(),
  allowedTools: [],
  disallowedTools: [],
  permissionMode: "default",
  backend: Option.none(),
  maxTurns: Option.none(),
  appendSystemPrompt: Option.none(),
  addDirs: [],
  settingsFile: Option.none(),
  verbose: false,
  reflect: false,
  trustProject: false,
  mcpConfigs: [],
  strictMcpConfig: false
}

/** Each spelling, given after `-p` and before the prompt `hi`, and the part of the RunConfig it sets. */
const TABLE: ReadonlyArray<readonly [ReadonlyArray<string>, Partial<RunConfig>]> = [
  [["--continue"], { agent: { _tag: "Continue" } }],
  [["-c"], { agent: { _tag: "Continue" } }],
  [["--agent", " agent-9 "], { agent: { _tag: "Explicit", agentId: "agent-9" } }],
  [["-a", "agent-9"], { agent: { _tag: "Explicit", agentId: "agent-9" } }],
  [["--resume", "agent-42"], { agent: { _tag: "Explicit", agentId: "agent-42" } }],
  [["-r", "agent-42"], { agent: { _tag: "Explicit", agentId: "agent-42" } }],
  [["--new"], { agent: { _tag: "New" } }],
  [["--model", "openai/gpt-5"], { model: Option.some("openai/gpt-5") }],
  [["-m", " openai/gpt-5 "], { model: Option.some("openai/gpt-5") }],
  [["--backend", "local"], { backend: Option.some("local") }],
  [["--backend=cloud"], { backend: Option.some("cloud") }],
  [["--append-system-prompt", " be brief "], { appendSystemPrompt: Option.some("be brief") }],
  [["--append-system-prompt", "  "], { appendSystemPrompt: Option.none() }],
  [["--output-format", "json"], { outputFormat: "json" }],
  [["--output-format=stream-json"], { outputFormat: "stream-json" }],
  [["--max-turns", "3"], { maxTurns: Option.some(3) }],
  [["--verbose"], { verbose: true }],
  [["--reflect"], { reflect: true }],
  [["--tools", "Read, Grep"], { tools: Option.some(["Read", "Grep"]) }],
  [["--tools", ""], { tools: Option.some([]) }],
  [["--allowedTools", "Bash(a,b),Read"], { allowedTools: ["Bash(a,b)", "Read"] }],
  [["--disallowedTools", "Bash(curl:*)"], { disallowedTools: ["Bash(curl:*)"] }],
  [["--permission-mode", "plan"], { permissionMode: "plan" }],
  [["--yolo"], { permissionMode: "bypassPermissions" }],
  [["--dangerously-skip-permissions"], { permissionMode: "bypassPermissions" }],
  [["--yolo", "--permission-mode", "bypassPermissions"], { permissionMode: "bypassPermissions" }],
  [["--add-dir", ".", "--add-dir", " . "], { addDirs: [".", "."] }],
  [["--settings", " extra.json "], { settingsFile: Option.some("extra.json") }],
  [["--trust-project"], { trustProject: true }],
  [["--mcp-config", "a.json", "--mcp-config", "b.json"], { mcpConfigs: ["a.json", "b.json"] }],
  [["--strict-mcp-config"], { strictMcpConfig: true }]
]

/** Flags that do not reach a RunConfig: answered before (help, version, completions) or `memory set`'s. */
const NOT_RUN_CONFIG = ["--help", "--version", "--completions", "--file", "--prompt"]

describe("the flag table reaches the root handler as its RunConfig", () => {
  it("every flag of FLAGS (each spelling) has a row here", () => {
    const tested = new Set(TABLE.flatMap(([args]) => args.map((arg) => arg.split("=")[0]!)))
    for (const flag of FLAGS.filter((f) => !NOT_RUN_CONFIG.includes(f.long))) {
      for (const spelling of [flag.long, ...(flag.short === undefined ? [] : [flag.short]), ...(flag.aliases ?? [])]) {
        expect(tested.has(spelling), spelling).toBe(true)
      }
    }
  })

  it("-p hi alone gives the defaults", async () => {
    expect(await configOf(["-p", "hi"])).toEqual(DEFAULTS)
    expect(await configOf(["--prompt", "hi"])).toEqual(DEFAULTS)
  })

  for (const [flags, expected] of TABLE) {
    it(`letta -p ${flags.join(" ")} hi`, async () => {
      expect(await configOf(["-p", ...flags, "hi"])).toEqual({ ...DEFAULTS, ...expected })
    })
  }

  it("an --add-dir is resolved against the project (and must be a directory there)", async () => {
    const workspace = tempProject()
    mkdirSync(join(workspace.projectDir, "lib"))
    expect((await configOf(["-p", "--add-dir", "lib", "hi"], { workspace })).addDirs).toEqual(["lib"])
    const missing = await runCli(["-p", "--add-dir", "nope", "hi"], { workspace, stopAtBackend: true })
    expect(missing).toMatchObject({ code: 2, message: "letta: --add-dir nope: no such directory.\nRun 'letta --help' for usage.", chosen: [] })
    workspace.remove()
  })

  it("without -p: a terminal is the interactive session; piped stdin is headless", async () => {
    expect(await configOf([])).toEqual({ ...DEFAULTS, headless: false, promptWords: [] })
    expect(await configOf(["-c", "fix", "it"])).toEqual({ ...DEFAULTS, headless: false, promptWords: ["fix", "it"], agent: { _tag: "Continue" } })
    expect(await configOf(["hi"], { stdin: { isTTY: false, text: "context" } })).toEqual(DEFAULTS)
  })

  it("boolean flags never take the next word: it is the prompt's", async () => {
    for (const flag of ["-c", "--verbose", "--yolo", "--trust-project", "--strict-mcp-config", "--new"]) {
      expect((await configOf(["-p", flag, "yes"])).promptWords, flag).toEqual(["yes"])
    }
    expect(await configOf(["-c", "-p", "no", "thanks"])).toMatchObject({ agent: { _tag: "Continue" }, promptWords: ["no", "thanks"] })
    expect(await configOf(["-cp", "off"])).toMatchObject({ agent: { _tag: "Continue" }, headless: true, promptWords: ["off"] })
  })

  it("prompt words that name a command are the prompt; -- makes anything a prompt word", async () => {
    expect((await configOf(["-p", "what", "are", "models"])).promptWords).toEqual(["what", "are", "models"])
    expect((await configOf(["-p", "please", "list", "agents"])).promptWords).toEqual(["please", "list", "agents"])
    expect((await configOf(["-p", "--", "memory", "show"])).promptWords).toEqual(["memory", "show"])
    expect(await configOf(["-p", "--", "--yolo", "now"])).toMatchObject({ permissionMode: "default", promptWords: ["--yolo", "now"] })
  })
})
