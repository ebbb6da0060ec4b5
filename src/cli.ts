/**
 * The command line (PRODUCT.md §1) as an @effect/cli command: flags in, a typed RunConfig out.
 * What to do with the RunConfig is main.ts's business.
 *
 * Before @effect/cli sees the arguments, `prepareArgs` reads them against the one table of flags
 * (`FLAGS`, which the help text and the completion scripts are made from too):
 * - a boolean flag never takes a value: @effect/cli's booleans would take a following
 *   `yes`/`no`/`1`/`off`… as theirs (`letta -c -p yes` lost its prompt), so each is passed on as
 *   `--name=true`, which the framework reads without looking at the next word;
 * - prompt words are never a subcommand: only a FIRST word naming one (`letta agents list`)
 *   selects the command tree; otherwise the root command parses alone, so `letta -p what are
 *   models` is a prompt;
 * - `--help`, `--completions` and the subcommands' own usage errors are answered here (the
 *   framework's help is 150 lines of boilerplate; its completions are wrong), and the framework's
 *   `--wizard` and `--log-level` are not offered.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { type AgentChoice, BACKENDS, type Backend, OUTPUT_FORMATS, PERMISSION_MODES, type RunConfig } from "./domain/config.js"
import { UsageError } from "./domain/errors.js"
import { completionScript, COMPLETION_SHELLS, type CompletionShell, FLAGS, type FlagSpec, helpText, SUBCOMMANDS } from "./cliHelp.js"
import { splitRuleList } from "./permissions/rules.js"
import { VERSION } from "./version.js"

/** "a, b,c" → ["a","b","c"]; commas inside parentheses belong to a rule: "Bash(a,b),Read". */
export const splitList = splitRuleList

/** What `--resume` takes as an agent id (anything else after it is a prompt word). */
const AGENT_ID = /^agent-[\w-]+$/

const SPELLINGS = new Map<string, FlagSpec>()
for (const flag of FLAGS) {
  for (const name of [flag.long, ...(flag.short === undefined ? [] : [flag.short]), ...(flag.aliases ?? [])]) SPELLINGS.set(name, flag)
}

/** @effect/cli flags the framework would add by itself, refused here. */
const NOT_OFFERED: Readonly<Record<string, string>> = {
  "--wizard": "Unknown option: --wizard",
  "--log-level": "Unknown option: --log-level (use --verbose, or LETTA_DEBUG=1, for diagnostics)"
}

const options = {
  prompt: Options.boolean("prompt").pipe(Options.withAlias("p")),
  outputFormat: Options.choice("output-format", OUTPUT_FORMATS).pipe(Options.withDefault("text" as const)),
  continue: Options.boolean("continue").pipe(Options.withAlias("c")),
  agent: Options.text("agent").pipe(Options.withAlias("a"), Options.optional),
  resume: Options.boolean("resume").pipe(Options.withAlias("r")),
  new: Options.boolean("new"),
  model: Options.text("model").pipe(Options.withAlias("m"), Options.optional),
  tools: Options.text("tools").pipe(Options.optional),
  allowedTools: Options.text("allowedTools").pipe(Options.optional),
  disallowedTools: Options.text("disallowedTools").pipe(Options.optional),
  permissionMode: Options.choice("permission-mode", PERMISSION_MODES).pipe(Options.optional),
  yolo: Options.boolean("yolo"),
  backend: Options.choice("backend", BACKENDS).pipe(Options.optional),
  maxTurns: Options.integer("max-turns").pipe(Options.optional),
  appendSystemPrompt: Options.text("append-system-prompt").pipe(Options.optional),
  addDir: Options.text("add-dir").pipe(Options.repeated),
  settings: Options.text("settings").pipe(Options.optional),
  verbose: Options.boolean("verbose"),
  trustProject: Options.boolean("trust-project"),
  mcpConfig: Options.text("mcp-config").pipe(Options.repeated),
  strictMcpConfig: Options.boolean("strict-mcp-config"),
  words: Args.text({ name: "prompt" }).pipe(Args.repeated)
}

export type Parsed = Command.Command.ParseConfig<typeof options>

/** What the command line asks for, decided before @effect/cli parses it. */
export type Prepared =
  | { readonly _tag: "Help"; readonly text: string }
  | { readonly _tag: "Completions"; readonly shell: CompletionShell }
  /** `args` for @effect/cli (without node and the script); `subcommand` selects the command tree. */
  | { readonly _tag: "Parse"; readonly args: ReadonlyArray<string>; readonly subcommand: string | undefined }

const usage = (message: string) => Either.left(new UsageError({ message }))

/**
 * Reads the arguments (without node and the script) against `FLAGS`: see the module comment.
 * Words after `--` are prompt words, whatever they look like.
 */
export const prepareArgs = (args: ReadonlyArray<string>): Either.Either<Prepared, UsageError> => {
  const out: Array<string> = []
  const seenBooleans = new Set<string>()
  let help = false
  let completions: string | undefined
  /** The words that are not flags or flags' values, with where they went in `out`. */
  const positional: Array<{ readonly word: string; readonly at: number; readonly forced: boolean }> = []
  const pushBoolean = (flag: FlagSpec) => {
    if (seenBooleans.has(flag.long)) return
    seenBooleans.add(flag.long)
    out.push(`${flag.long}=true`)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--") {
      for (const word of args.slice(i + 1)) positional.push({ word, at: -1, forced: true })
      out.push(...args.slice(i))
      break
    }
    const [name, inlineValue] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]
    const notOffered = NOT_OFFERED[name]
    if (notOffered !== undefined) return usage(notOffered)
    const flag = SPELLINGS.get(name)
    if (flag === undefined) {
      // A cluster of short flags (`-cp`): each on its own; only the last may take a value.
      const cluster = /^-[A-Za-z]{2,}$/.test(arg) ? [...arg.slice(1)].map((c) => SPELLINGS.get(`-${c}`)) : []
      if (cluster.length > 0 && cluster.every((f, index) => f !== undefined && (f.value === undefined || index === cluster.length - 1))) {
        const last = cluster[cluster.length - 1]!
        for (const f of cluster.slice(0, -1)) {
          if (f!.long === "--help") help = true
          else pushBoolean(f!)
        }
        if (last.value === undefined) {
          if (last.long === "--help") help = true
          else pushBoolean(last)
          continue
        }
        // The cluster ends with a value flag: handled below as that flag.
        i = handleValue(args, i, last, undefined, out)
        if (i < 0) return usage(`${last.long} needs a value.`)
        continue
      }
      // A typo must not become a prompt word (`--` lets a prompt start with a dash).
      if (/^--?[A-Za-z][\w-]*(=.*)?$/.test(arg)) return usage(`Unknown option: ${arg}`)
      if (!arg.startsWith("-") || arg === "-") positional.push({ word: arg, at: out.length, forced: false })
      out.push(arg)
      continue
    }
    if (flag.long === "--resume") {
      // `-r <agent-id>` is `--agent <agent-id>`; a word that is not an agent id stays a prompt word.
      const id = inlineValue ?? (AGENT_ID.test(args[i + 1] ?? "") ? args[i + 1] : undefined)
      if (inlineValue !== undefined && !AGENT_ID.test(inlineValue)) return usage(`--resume takes an agent id, e.g. agent-1234… (got "${inlineValue}").`)
      if (id === undefined) pushBoolean(flag)
      else {
        out.push("--agent", id)
        if (inlineValue === undefined) i += 1
      }
      continue
    }
    if (flag.value === undefined) {
      if (inlineValue !== undefined) return usage(`${flag.long} takes no value (got "${arg}").`)
      if (flag.long === "--help") help = true
      else if (flag.long === "--version") out.push(arg)
      else pushBoolean(flag)
      continue
    }
    if (flag.long === "--completions") {
      completions = inlineValue ?? args[i + 1]
      if (completions === undefined) return usage("--completions needs a shell: bash, zsh or fish.")
      if (inlineValue === undefined) i += 1
      continue
    }
    i = handleValue(args, i, flag, inlineValue, out)
    if (i < 0) return usage(`${flag.long} needs a value.`)
  }

  const [first, second] = positional
  const subcommand = first !== undefined && !first.forced && Object.hasOwn(SUBCOMMANDS, first.word) ? first.word : undefined
  if (help) return Either.right({ _tag: "Help", text: helpText(subcommand) })
  if (completions !== undefined) {
    const shell = completions === "sh" ? "bash" : completions
    if (!(COMPLETION_SHELLS as ReadonlyArray<string>).includes(shell)) {
      return usage(`--completions must be one of ${COMPLETION_SHELLS.join(", ")} (got "${completions}").`)
    }
    return Either.right({ _tag: "Completions", shell: shell as CompletionShell })
  }
  if (subcommand !== undefined) {
    const known = SUBCOMMANDS[subcommand] ?? []
    if (known.length > 0) {
      const choices = known.map((name) => `'letta ${subcommand} ${name}'`).join(", ")
      if (second === undefined) return usage(`'letta ${subcommand}' needs a subcommand: ${choices}.`)
      if (!known.includes(second.word)) return usage(`Unknown subcommand '${second.word}' for 'letta ${subcommand}'; use ${choices}.`)
    }
    // Root flags the subcommands use (`letta agents list --backend local`) go before the subcommand.
    const at = first!.at
    const moved: Array<string> = []
    const rest: Array<string> = []
    for (let i = at + 1; i < out.length; i++) {
      const arg = out[i]!
      const name = arg.split("=")[0]!
      if (name === "--backend" || name === "--settings") {
        moved.push(arg)
        if (!arg.includes("=") && i + 1 < out.length) moved.push(out[++i]!)
      } else rest.push(arg)
    }
    return Either.right({ _tag: "Parse", args: [...out.slice(0, at), ...moved, subcommand, ...rest], subcommand })
  }
  return Either.right({ _tag: "Parse", args: out, subcommand: undefined })
}

/**
 * A value flag at `args[i]`: pushes it and its value to `out` as `--long value`; returns the
 * index of the last word used, or -1 when the value is missing (the end, or another flag).
 */
const handleValue = (args: ReadonlyArray<string>, i: number, flag: FlagSpec, inlineValue: string | undefined, out: Array<string>): number => {
  if (inlineValue !== undefined) {
    out.push(flag.long, inlineValue)
    return i
  }
  const value = args[i + 1]
  if (value === undefined || (value.startsWith("-") && SPELLINGS.has(value.split("=")[0]!))) return -1
  out.push(flag.long, value)
  return i + 1
}

/** Cross-flag checks the parser cannot express. */
export const toRunConfig = (parsed: Parsed, stdinIsTTY: boolean): Effect.Effect<RunConfig, UsageError> =>
  Effect.gen(function* () {
    const chosen = [parsed.continue && "--continue", Option.isSome(parsed.agent) && "--agent", parsed.resume && "--resume", parsed.new && "--new"].filter(
      (flag): flag is string => typeof flag === "string"
    )
    if (chosen.length > 1) return yield* new UsageError({ message: `${chosen.join(" and ")} cannot be used together.` })
    // No flag means a new agent (PRODUCT.md §1); `--new` says so explicitly.
    const headless = parsed.prompt || !stdinIsTTY
    if (parsed.resume && headless) {
      return yield* new UsageError({ message: "--resume without an agent id needs a terminal to pick from; headless, use -r <agent-id> or --continue." })
    }
    const agent: AgentChoice = parsed.continue
      ? { _tag: "Continue" }
      : parsed.resume
        ? { _tag: "Pick" }
      : Option.isSome(parsed.agent)
        ? { _tag: "Explicit", agentId: parsed.agent.value.trim() }
        : { _tag: "New" }
    if (agent._tag === "Explicit" && agent.agentId.length === 0) return yield* new UsageError({ message: "--agent needs an agent id." })

    if (parsed.yolo && Option.isSome(parsed.permissionMode) && parsed.permissionMode.value !== "bypassPermissions") {
      return yield* new UsageError({
        message: `--yolo means --permission-mode bypassPermissions; it cannot be combined with --permission-mode ${parsed.permissionMode.value}.`
      })
    }
    if (Option.isSome(parsed.maxTurns) && parsed.maxTurns.value < 1) {
      return yield* new UsageError({ message: `--max-turns must be at least 1 (got ${parsed.maxTurns.value}).` })
    }
    if (Option.isSome(parsed.model) && parsed.model.value.trim().length === 0) {
      return yield* new UsageError({ message: "--model needs a model handle, e.g. anthropic/claude-sonnet-4-5-20250929." })
    }
    if (parsed.addDir.some((dir) => dir.trim().length === 0)) return yield* new UsageError({ message: "--add-dir needs a directory." })
    if (Option.isSome(parsed.settings) && parsed.settings.value.trim().length === 0) {
      return yield* new UsageError({ message: "--settings needs a file." })
    }
    const list = (value: Option.Option<string>) => Option.match(value, { onNone: () => [], onSome: splitList })
    const appendSystemPrompt = Option.filter(Option.map(parsed.appendSystemPrompt, (text) => text.trim()), (text) => text.length > 0)
    return {
      headless,
      promptWords: parsed.words,
      outputFormat: parsed.outputFormat,
      agent,
      model: Option.map(parsed.model, (m) => m.trim()),
      tools: Option.map(parsed.tools, splitList),
      allowedTools: list(parsed.allowedTools),
      disallowedTools: list(parsed.disallowedTools),
      permissionMode: parsed.yolo ? "bypassPermissions" : Option.getOrElse(parsed.permissionMode, () => "default" as const),
      backend: parsed.backend,
      maxTurns: parsed.maxTurns,
      appendSystemPrompt,
      addDirs: parsed.addDir.map((dir) => dir.trim()),
      settingsFile: Option.map(parsed.settings, (file) => file.trim()),
      verbose: parsed.verbose,
      trustProject: parsed.trustProject,
      mcpConfigs: parsed.mcpConfig,
      strictMcpConfig: parsed.strictMcpConfig
    }
  })

/** What every subcommand gets from the root's flags (given before or after the subcommand). */
export interface CommonFlags {
  readonly backend: Option.Option<Backend>
  /** `--settings`: an extra settings file over the user's. */
  readonly settingsFile: Option.Option<string>
}

export interface CliHandlers<E, R> {
  readonly run: (parsed: Parsed) => Effect.Effect<void, E, R>
  readonly agentsList: (common: CommonFlags) => Effect.Effect<void, E, R>
  readonly models: (common: CommonFlags) => Effect.Effect<void, E, R>
  readonly memoryShow: (common: CommonFlags, label: Option.Option<string>) => Effect.Effect<void, E, R>
  readonly memorySet: (common: CommonFlags, label: string, file: Option.Option<string>) => Effect.Effect<void, E, R>
  readonly memoryHistory: (common: CommonFlags, label: string) => Effect.Effect<void, E, R>
  readonly memoryRevert: (common: CommonFlags, label: string, change: number) => Effect.Effect<void, E, R>
  readonly skillsList: () => Effect.Effect<void, E, R>
  /** `letta mcp …`: the words after `mcp` (its flags are its own; see mcp/command.ts). */
  readonly mcp?: (words: ReadonlyArray<string>) => Effect.Effect<void, E, R>
}

/**
 * The command tree: `letta [flags] [prompt]`, `letta agents list`, `letta models`,
 * `letta memory show|set|history|revert`. Takes the whole argv (node and the script first).
 */
export const makeCli = <E, R>(handlers: CliHandlers<E, R>) => {
  // The root command is a Tag its subcommands read the root's flags from; defined below.
  const common = Effect.suspend(() =>
    Effect.map(root, (config): CommonFlags => ({ backend: config.backend, settingsFile: Option.map(config.settings, (file) => file.trim()) }))
  )
  const agents = Command.make("agents").pipe(
    Command.withSubcommands([Command.make("list", {}, () => Effect.flatMap(common, handlers.agentsList))])
  )
  const models = Command.make("models", {}, () => Effect.flatMap(common, handlers.models))
  const label = Args.text({ name: "label" })
  const memory = Command.make("memory").pipe(
    Command.withSubcommands([
      Command.make("show", { label: Args.optional(label) }, ({ label }) => Effect.flatMap(common, (c) => handlers.memoryShow(c, label))),
      Command.make("set", { label, file: Options.file("file", { exists: "yes" }).pipe(Options.optional) }, ({ file, label }) =>
        Effect.flatMap(common, (c) => handlers.memorySet(c, label, file))
      ),
      Command.make("history", { label }, ({ label }) => Effect.flatMap(common, (c) => handlers.memoryHistory(c, label))),
      Command.make("revert", { label, change: Args.integer({ name: "n" }) }, ({ change, label }) =>
        Effect.flatMap(common, (c) => handlers.memoryRevert(c, label, change))
      )
    ])
  )
  const skills = Command.make("skills").pipe(Command.withSubcommands([Command.make("list", {}, () => handlers.skillsList())]))
  const root = Command.make("letta", options, handlers.run)
  const config = { name: "letta", version: VERSION }
  // Built on first use: a run needs one of the two.
  const withTree = () => Command.run(Command.withSubcommands(root, [agents, models, memory, skills]), config)
  const rootOnly = () => Command.run(root, config)
  return (argv: ReadonlyArray<string>) =>
    argv[2] === "mcp" && handlers.mcp !== undefined
      ? handlers.mcp(argv.slice(3))
      : Either.match(prepareArgs(argv.slice(2)), {
      onLeft: (error) => Effect.fail(error),
      onRight: (prepared) => {
        switch (prepared._tag) {
          case "Help":
            return Console.log(prepared.text)
          case "Completions":
            return Console.log(completionScript(prepared.shell))
          case "Parse": {
            const run = prepared.subcommand === undefined ? rootOnly() : withTree()
            return run([...argv.slice(0, 2), ...prepared.args])
          }
        }
      }
    })
}
