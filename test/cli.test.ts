/** The command line: the real parser on real argv, and `toRunConfig`. */
import * as Command from "@effect/cli/Command"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Option } from "effect"
import { prepareArgs } from "../src/cli/args.js"
import { commands, makeCli } from "../src/cli/commands.js"
import { FLAGS } from "../src/cli/flags.js"
import { type Parsed, toRunConfig } from "../src/cli/runConfig.js"
import type { BackendFlags as CommonFlags } from "../src/services/AgentBackend.js"

type Called =
  | { readonly _tag: "run"; readonly parsed: Parsed }
  | { readonly _tag: string; readonly common: CommonFlags; readonly args: ReadonlyArray<unknown> }

/** Runs `letta <args>` through the real command tree with handlers that only record what they were called with. */
const cli = (...args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    let called: Called | undefined
    const rootFlags = Effect.map(commands.root, (config): CommonFlags => ({ backend: config.backend, settingsFile: Option.map(config.settings, (file) => file.trim()) }))
    const record = (tag: string, ...rest: ReadonlyArray<unknown>) =>
      Effect.map(rootFlags, (common) => {
        called = { _tag: tag, common, args: rest }
      })
    const run = makeCli({
      root: Command.withHandler(commands.root, (parsed) =>
        Effect.sync(() => {
          called = { _tag: "run", parsed }
        })
      ),
      agentsList: Command.withHandler(commands.agentsList, () => record("agentsList")),
      models: Command.withHandler(commands.models, () => record("models")),
      memoryShow: Command.withHandler(commands.memoryShow, ({ label }) => record("memoryShow", label)),
      memorySet: Command.withHandler(commands.memorySet, ({ file, label }) => record("memorySet", label, file)),
      memoryHistory: Command.withHandler(commands.memoryHistory, ({ label }) => record("memoryHistory", label)),
      memoryRevert: Command.withHandler(commands.memoryRevert, ({ change, label }) => record("memoryRevert", label, change)),
      init: Command.withHandler(commands.init, () => record("init")),
      skillsPending: Command.withHandler(commands.skillsPending, () => record("skillsPending")),
      skillsAccept: Command.withHandler(commands.skillsAccept, ({ name }) => record("skillsAccept", name)),
      skillsReject: Command.withHandler(commands.skillsReject, ({ name }) => record("skillsReject", name)),
      skillsList: Command.withHandler(commands.skillsList, () =>
        Effect.sync(() => {
          called = { _tag: "skillsList", common: { backend: Option.none(), settingsFile: Option.none() }, args: [] }
        })
      )
    })
    yield* run(["node", "letta", ...args])
    return called
  }).pipe(Effect.provide(NodeContext.layer))

const parse = (...args: ReadonlyArray<string>) =>
  Effect.map(cli(...args), (called) => {
    if (called?._tag !== "run") throw new Error(`letta ${args.join(" ")} ran ${called?._tag}, not the root command`)
    return (called as { parsed: Parsed }).parsed
  })

const YES_NO_WORDS = ["yes", "no", "y", "n", "1", "0", "true", "false", "on", "off"]
const BOOLEAN_FLAGS = FLAGS.filter((flag) => flag.value === undefined && !["--help", "--version"].includes(flag.long)).flatMap((flag) => [
  flag.long,
  ...(flag.short === undefined ? [] : [flag.short]),
  ...(flag.aliases ?? [])
])

describe("parsing: no prompt word is ever a flag's value (defect 3)", () => {
  it.effect("a yes/no-like word after any boolean flag is the prompt's first word", () =>
    Effect.gen(function* () {
      expect(BOOLEAN_FLAGS).toEqual(expect.arrayContaining(["-p", "--prompt", "-c", "--continue", "--new", "--yolo", "--verbose", "--dangerously-skip-permissions"]))
      for (const word of YES_NO_WORDS) {
        for (const flag of BOOLEAN_FLAGS) {
          // -c and --new cannot be combined; each boolean is tried after -p and on its own.
          const before = flag === "-p" || flag === "--prompt" ? [] : ["-p"]
          const parsed = yield* parse(...before, flag, word, "thanks")
          expect(parsed.words, `letta ${[...before, flag, word].join(" ")} thanks`).toEqual([word, "thanks"])
          expect(parsed.prompt).toBe(true)
        }
      }
    })
  )

  it.effect("letta -c -p yes: continue, headless, prompt 'yes'", () =>
    Effect.gen(function* () {
      const parsed = yield* parse("-c", "-p", "yes")
      expect(parsed).toMatchObject({ continue: true, prompt: true, words: ["yes"] })
      const config = yield* toRunConfig(parsed, true)
      expect(config).toMatchObject({ headless: true, promptWords: ["yes"], agent: { _tag: "Continue" } })
      expect((yield* parse("-p", "no", "thanks")).words).toEqual(["no", "thanks"])
      expect((yield* parse("-cp", "off")).words).toEqual(["off"])
      expect((yield* parse("yes", "-p")).words).toEqual(["yes"])
      const forced = yield* parse("-p", "--", "--yolo", "no")
      expect(forced.words).toEqual(["--yolo", "no"])
      expect((yield* toRunConfig(forced, true)).promptWords).toEqual(["--yolo", "no"])
      expect(yield* Effect.flip(cli("-p", "explain", "--bogus"))).toMatchObject({ _tag: "UsageError", message: "Unknown option: --bogus" })
    })
  )

  it.effect("the flags still mean what they say, given once or twice, in any order", () =>
    Effect.gen(function* () {
      const parsed = yield* parse("--yolo", "-p", "--verbose", "hi", "--dangerously-skip-permissions", "-c")
      expect(parsed).toMatchObject({ yolo: true, prompt: true, verbose: true, continue: true, new: false, words: ["hi"] })
      const none = yield* parse("hi")
      expect(none).toMatchObject({ yolo: false, prompt: false, verbose: false, continue: false, new: false, words: ["hi"] })
    })
  )

  it.effect("a boolean flag given a value is a usage error, never a silent false", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(cli("--continue=no", "-p", "hi"))
      expect(error).toMatchObject({ _tag: "UsageError", message: '--continue takes no value (got "--continue=no").' })
    })
  )

  it.effect("prompt words naming a command are still the prompt; only a first word selects a command", () =>
    Effect.gen(function* () {
      expect((yield* parse("-p", "what", "are", "models")).words).toEqual(["what", "are", "models"])
      expect((yield* parse("-p", "please", "list", "agents")).words).toEqual(["please", "list", "agents"])
      expect((yield* parse("-p", "--", "memory", "show")).words).toEqual(["memory", "show"])
      expect(yield* cli("--backend", "local", "agents", "list")).toMatchObject({ _tag: "agentsList", common: { backend: Option.some("local") } })
      expect(yield* cli("init", "--backend", "local")).toMatchObject({ _tag: "init", common: { backend: Option.some("local") } })
      expect((yield* parse("-p", "run", "init")).words).toEqual(["run", "init"])
      expect(yield* cli("skills", "pending")).toMatchObject({ _tag: "skillsPending" })
      expect(yield* cli("skills", "accept", "run-tests")).toMatchObject({ _tag: "skillsAccept", args: ["run-tests"] })
      expect(yield* cli("skills", "reject", "run-tests")).toMatchObject({ _tag: "skillsReject", args: ["run-tests"] })
      // Root flags the subcommands use may also come after them.
      expect(yield* cli("memory", "show", "human", "--backend", "cloud")).toMatchObject({
        _tag: "memoryShow",
        common: { backend: Option.some("cloud") },
        args: [Option.some("human")]
      })
    })
  )

  it.effect("value flags take the next word, whatever it is; a missing value is named", () =>
    Effect.gen(function* () {
      expect(yield* parse("-p", "--model", "yes", "hi")).toMatchObject({ model: Option.some("yes"), words: ["hi"] })
      expect(yield* parse("-p", "--append-system-prompt=be brief", "hi")).toMatchObject({ appendSystemPrompt: Option.some("be brief") })
      expect((yield* parse("-p", "--add-dir", "../a", "--add-dir", "/b", "hi")).addDir).toEqual(["../a", "/b"])
      for (const [args, message] of [
        [["-p", "hi", "--model"], "--model needs a value."],
        [["-p", "hi", "--agent", "--continue"], "--agent needs a value."],
        [["-p", "hi", "-m"], "--model needs a value."]
      ] as const) {
        expect(yield* Effect.flip(cli(...args))).toMatchObject({ _tag: "UsageError", message })
      }
    })
  )
})

describe("--resume / -r (issue 12, feature 2)", () => {
  it.effect("-r alone picks on a terminal; -r <agent-id> is --agent; a prompt word is never taken as its value", () =>
    Effect.gen(function* () {
      expect(yield* parse("-r")).toMatchObject({ resume: true, agent: Option.none() })
      expect(yield* parse("--resume")).toMatchObject({ resume: true })
      expect(yield* parse("-p", "-r", "agent-123e4567-e89b", "hi")).toMatchObject({ resume: false, agent: Option.some("agent-123e4567-e89b"), words: ["hi"] })
      expect(yield* parse("-p", "--resume=agent-1", "hi")).toMatchObject({ agent: Option.some("agent-1"), words: ["hi"] })
      expect(yield* parse("-r", "fix", "the", "bug")).toMatchObject({ resume: true, words: ["fix", "the", "bug"] })
      expect(yield* Effect.flip(cli("--resume=yes"))).toMatchObject({ _tag: "UsageError" })
    })
  )

  it.effect("the picker needs a terminal; -r conflicts with --continue and --new", () =>
    Effect.gen(function* () {
      expect((yield* toRunConfig(parsed({ prompt: false, resume: true }), true)).agent).toEqual({ _tag: "Pick" })
      expect(yield* Effect.flip(toRunConfig(parsed({ resume: true }), true))).toMatchObject({ message: expect.stringContaining("-r <agent-id>") })
      expect(yield* Effect.flip(toRunConfig(parsed({ prompt: false, resume: true }), false))).toMatchObject({ _tag: "UsageError" })
      expect(yield* Effect.flip(toRunConfig(parsed({ prompt: false, resume: true, continue: true }), true))).toMatchObject({ message: "--continue and --resume cannot be used together." })
    })
  )
})

const parsed = (overrides: Partial<Parsed> = {}): Parsed => ({
  prompt: true,
  outputFormat: "text",
  continue: false,
  agent: Option.none(),
  resume: false,
  new: false,
  backend: Option.none(),
  model: Option.none(),
  tools: Option.none(),
  allowedTools: Option.none(),
  disallowedTools: Option.none(),
  permissionMode: Option.none(),
  yolo: false,
  maxTurns: Option.none(),
  appendSystemPrompt: Option.none(),
  addDir: [],
  settings: Option.none(),
  verbose: false,
  reflect: false,
  trustProject: false,
  mcpConfig: [],
  strictMcpConfig: false,
  words: ["hi"],
  ...overrides
})

describe("toRunConfig: the agent choice", () => {
  it.effect("no flag means a new agent; --new (kept for scripts) means the same", () =>
    Effect.gen(function* () {
      expect((yield* toRunConfig(parsed(), true)).agent).toEqual({ _tag: "New" })
      expect((yield* toRunConfig(parsed({ new: true }), true)).agent).toEqual({ _tag: "New" })
    })
  )

  it.effect("--continue resumes; --agent names one", () =>
    Effect.gen(function* () {
      expect((yield* toRunConfig(parsed({ continue: true }), true)).agent).toEqual({ _tag: "Continue" })
      expect((yield* toRunConfig(parsed({ agent: Option.some(" agent-1 ") }), true)).agent).toEqual({ _tag: "Explicit", agentId: "agent-1" })
    })
  )

  it.effect("contradictory choices are usage errors", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(toRunConfig(parsed({ continue: true, new: true }), true))
      expect(error.message).toBe("--continue and --new cannot be used together.")
      const three = yield* Effect.flip(toRunConfig(parsed({ continue: true, new: true, agent: Option.some("agent-1") }), true))
      expect(three.message).toBe("--continue and --agent and --new cannot be used together.")
    })
  )
})

describe("--help and usage errors (defect 10)", () => {
  const help = (...args: ReadonlyArray<string>) => {
    const prepared = prepareArgs(args)
    if (Either.isLeft(prepared) || prepared.right._tag !== "Help") throw new Error(`letta ${args.join(" ")} is not a help request`)
    return prepared.right.text
  }

  it("letta --help fits one screen: grouped flags, examples, environment, exit codes", () => {
    const text = help("--help")
    const lines = text.split("\n")
    expect(lines.length).toBeLessThanOrEqual(62)
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100)
    for (const flag of FLAGS.filter((f) => f.group !== "subcommand")) expect(text).toContain(flag.long)
    for (const alias of ["--dangerously-skip-permissions", "-p, --prompt", "-c, --continue"]) expect(text).toContain(alias)
    for (const heading of ["Usage", "Examples", "Agent", "Headless (-p)", "Tools and permissions", "Commands", "Environment", "Exit codes"]) {
      expect(lines).toContain(heading)
    }
    for (const variable of ["LETTA_API_KEY", "LETTA_BASE_URL", "LETTA_BACKEND", "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OLLAMA_HOST", "LMSTUDIO_BASE_URL"]) {
      expect(text).toContain(variable)
    }
    expect(text).toContain("130 interrupted")
    expect(text).not.toContain("A true or false value")
    expect(text).not.toContain("--wizard")
    expect(text).not.toContain("--log-level")
    // -h anywhere, as a cluster too, but never inside a flag's value or after --.
    expect(help("-p", "hi", "-h")).toBe(text)
    expect(help("-ch")).toBe(text)
    expect(Either.getOrThrow(prepareArgs(["-p", "--", "--help"]))._tag).toBe("Parse")
  })

  it("each command has its own short help; no framework usage lines like '$ list'", () => {
    expect(help("memory", "--help")).toContain("letta memory show [persona|human|project]")
    expect(help("memory", "show", "-h")).toBe(help("memory", "--help"))
    expect(help("agents", "list", "--help")).toContain("letta [--backend cloud|local] agents list")
    expect(help("models", "--help")).toContain("letta [--backend cloud|local] models")
    for (const command of ["agents", "models", "memory"]) expect(help(command, "--help")).not.toMatch(/^\$ /m)
  })

  it.effect("letta agents (or memory) alone is a usage error naming the subcommands; so is an unknown one", () =>
    Effect.gen(function* () {
      expect(yield* Effect.flip(cli("agents"))).toMatchObject({ _tag: "UsageError", message: "'letta agents' needs a subcommand: 'letta agents list'." })
      expect(yield* Effect.flip(cli("memory"))).toMatchObject({
        message: "'letta memory' needs a subcommand: 'letta memory show', 'letta memory set', 'letta memory history', 'letta memory revert'."
      })
      expect(yield* Effect.flip(cli("agents", "lst"))).toMatchObject({ message: "Unknown subcommand 'lst' for 'letta agents'; use 'letta agents list'." })
    })
  )

  it.effect("the framework's --wizard and --log-level are not offered, wherever they are given", () =>
    Effect.gen(function* () {
      expect(yield* Effect.flip(cli("--wizard"))).toMatchObject({ _tag: "UsageError", message: "Unknown option: --wizard" })
      for (const args of [["-p", "hi", "--log-level", "debug"], ["--log-level", "debug", "-p", "hi"], ["--log-level=debug"]]) {
        expect(yield* Effect.flip(cli(...args))).toMatchObject({ _tag: "UsageError", message: expect.stringContaining("Unknown option: --log-level") })
      }
    })
  )
})
