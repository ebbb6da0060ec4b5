/**
 * The command line (PRODUCT.md §1) as an @effect/cli command: flags in, a typed RunConfig out.
 * What to do with the RunConfig is main.ts's business.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type AgentChoice, BACKENDS, type Backend, OUTPUT_FORMATS, PERMISSION_MODES, type RunConfig } from "./domain/config.js"
import { UsageError } from "./domain/errors.js"
import { VERSION } from "./version.js"

/** "a, b,c" → ["a","b","c"]; commas inside parentheses belong to a rule: "Bash(a,b),Read". */
export const splitList = (text: string): ReadonlyArray<string> => {
  const items: Array<string> = []
  let depth = 0
  let current = ""
  for (const char of text) {
    if (char === "(") depth += 1
    if (char === ")") depth = Math.max(0, depth - 1)
    if (char === "," && depth === 0) {
      items.push(current)
      current = ""
    } else {
      current += char
    }
  }
  items.push(current)
  return items.map((item) => item.trim()).filter((item) => item.length > 0)
}

const options = {
  prompt: Options.boolean("prompt").pipe(
    Options.withAlias("p"),
    Options.withDescription("Headless: run one prompt (the text after the flags, or stdin) and exit")
  ),
  outputFormat: Options.choice("output-format", OUTPUT_FORMATS).pipe(
    Options.withDefault("text" as const),
    Options.withDescription("Headless output: text (the answer), json (one result object) or stream-json (one line per event)")
  ),
  continue: Options.boolean("continue").pipe(
    Options.withAlias("c"),
    Options.withDescription("Resume the last agent (this project's, else yours on this server)")
  ),
  agent: Options.text("agent").pipe(
    Options.withAlias("a"),
    Options.withDescription("Use this agent id (an unknown id is an error)"),
    Options.optional
  ),
  new: Options.boolean("new").pipe(
    Options.withDescription("Start a new agent (the default without --continue or --agent; kept for scripts)")
  ),
  model: Options.text("model").pipe(
    Options.withAlias("m"),
    Options.withDescription("Model handle for a new agent, or to switch the agent to (e.g. anthropic/claude-sonnet-4-5-20250929)"),
    Options.optional
  ),
  tools: Options.text("tools").pipe(
    Options.withDescription('Comma-separated tools to offer the model (e.g. "Read,Bash"); "" offers none'),
    Options.optional
  ),
  allowedTools: Options.text("allowedTools").pipe(
    Options.withDescription('Comma-separated allow rules, e.g. "Bash(npm run test:*),Read"'),
    Options.optional
  ),
  disallowedTools: Options.text("disallowedTools").pipe(
    Options.withDescription('Comma-separated deny rules, e.g. "Bash(curl:*)"'),
    Options.optional
  ),
  permissionMode: Options.choice("permission-mode", PERMISSION_MODES).pipe(
    Options.withDescription("default | acceptEdits | plan | bypassPermissions"),
    Options.optional
  ),
  yolo: Options.boolean("yolo").pipe(Options.withDescription("Allow every tool call (same as --permission-mode bypassPermissions)")),
  backend: Options.choice("backend", BACKENDS).pipe(
    Options.withDescription("cloud (a Letta server) or local (agents on this machine, any model); default: cloud when LETTA_API_KEY or LETTA_BASE_URL is set"),
    Options.optional
  ),
  maxTurns: Options.integer("max-turns").pipe(
    Options.withDescription("Headless: stop after this many model steps"),
    Options.optional
  ),
  words: Args.text({ name: "prompt" }).pipe(Args.withDescription("The prompt (headless mode)"), Args.repeated)
}

export type Parsed = Command.Command.ParseConfig<typeof options>

/** The flags that take a value, by every spelling, to their long name. */
const VALUE_FLAGS: Readonly<Record<string, string>> = {
  "--output-format": "--output-format",
  "--agent": "--agent",
  "-a": "--agent",
  "--model": "--model",
  "-m": "--model",
  "--tools": "--tools",
  "--allowedTools": "--allowedTools",
  "--disallowedTools": "--disallowedTools",
  "--permission-mode": "--permission-mode",
  "--backend": "--backend",
  "--max-turns": "--max-turns"
}

/** Cross-flag checks the parser cannot express. */
export const toRunConfig = (parsed: Parsed, stdinIsTTY: boolean): Effect.Effect<RunConfig, UsageError> =>
  Effect.gen(function* () {
    const chosen = [parsed.continue && "--continue", Option.isSome(parsed.agent) && "--agent", parsed.new && "--new"].filter(
      (flag): flag is string => typeof flag === "string"
    )
    if (chosen.length > 1) return yield* new UsageError({ message: `${chosen.join(" and ")} cannot be used together.` })
    // No flag means a new agent (PRODUCT.md §1); `--new` says so explicitly.
    const agent: AgentChoice = parsed.continue
      ? { _tag: "Continue" }
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
    // @effect/cli passes unknown flags through as prompt words; a typo must not become a prompt.
    const strayFlag = parsed.words.find((word) => /^--?[A-Za-z][\w-]*(=.*)?$/.test(word))
    if (strayFlag !== undefined) {
      // A value flag left last (`letta -p hi --model`) reaches here too.
      const needsValue = VALUE_FLAGS[strayFlag]
      return yield* new UsageError({ message: needsValue === undefined ? `Unknown option: ${strayFlag}` : `${needsValue} needs a value.` })
    }
    const list = (value: Option.Option<string>) => Option.match(value, { onNone: () => [], onSome: splitList })
    return {
      headless: parsed.prompt || !stdinIsTTY,
      promptWords: parsed.words,
      outputFormat: parsed.outputFormat,
      agent,
      model: Option.map(parsed.model, (m) => m.trim()),
      tools: Option.map(parsed.tools, splitList),
      allowedTools: list(parsed.allowedTools),
      disallowedTools: list(parsed.disallowedTools),
      permissionMode: parsed.yolo ? "bypassPermissions" : Option.getOrElse(parsed.permissionMode, () => "default" as const),
      backend: parsed.backend,
      maxTurns: parsed.maxTurns
    }
  })

export interface CliHandlers<E, R> {
  readonly run: (parsed: Parsed) => Effect.Effect<void, E, R>
  /** Subcommands get the root's `--backend` (given before the subcommand: `letta --backend local agents list`). */
  readonly agentsList: (backend: Option.Option<Backend>) => Effect.Effect<void, E, R>
  readonly models: (backend: Option.Option<Backend>) => Effect.Effect<void, E, R>
  readonly memoryShow: (backend: Option.Option<Backend>, label: Option.Option<string>) => Effect.Effect<void, E, R>
  readonly memorySet: (backend: Option.Option<Backend>, label: string, file: Option.Option<string>) => Effect.Effect<void, E, R>
  readonly memoryHistory: (backend: Option.Option<Backend>, label: string) => Effect.Effect<void, E, R>
  readonly memoryRevert: (backend: Option.Option<Backend>, label: string, change: number) => Effect.Effect<void, E, R>
}

/**
 * The command tree: `letta [flags] [prompt]`, `letta agents list`, `letta models`,
 * `letta memory show|set|history|revert`.
 */
export const makeCli = <E, R>(handlers: CliHandlers<E, R>) => {
  // The root command is a Tag its subcommands read the root's flags from; defined below.
  const backend = Effect.suspend(() => Effect.map(root, (config) => config.backend))
  const agents = Command.make("agents").pipe(
    Command.withDescription("Agents on the server (or the local backend)"),
    Command.withSubcommands([
      Command.make("list", {}, () => Effect.flatMap(backend, handlers.agentsList)).pipe(
        Command.withDescription("List the agents letta created (tag origin:letta-code), newest first")
      )
    ])
  )
  const models = Command.make("models", {}, () => Effect.flatMap(backend, handlers.models)).pipe(
    Command.withDescription("List the models a new agent can use (--model)")
  )
  const label = Args.text({ name: "label" }).pipe(Args.withDescription("persona, human or project"))
  const memory = Command.make("memory").pipe(
    Command.withDescription("The shared memory blocks"),
    Command.withSubcommands([
      Command.make("show", { label: Args.optional(label) }, ({ label }) => Effect.flatMap(backend, (b) => handlers.memoryShow(b, label))).pipe(
        Command.withDescription("Print the shared memory blocks (or one of them)")
      ),
      Command.make(
        "set",
        {
          label,
          file: Options.file("file", { exists: "yes" }).pipe(Options.withDescription("Read the new text from this file (default: stdin)"), Options.optional)
        },
        ({ file, label }) => Effect.flatMap(backend, (b) => handlers.memorySet(b, label, file))
      ).pipe(Command.withDescription("Replace a shared memory block's text")),
      Command.make("history", { label }, ({ label }) => Effect.flatMap(backend, (b) => handlers.memoryHistory(b, label))).pipe(
        Command.withDescription("List a block's changes, newest first, each with its number (local backend)")
      ),
      Command.make(
        "revert",
        { label, change: Args.integer({ name: "n" }).pipe(Args.withDescription("the change to undo, as `letta memory history` numbers it")) },
        ({ change, label }) => Effect.flatMap(backend, (b) => handlers.memoryRevert(b, label, change))
      ).pipe(Command.withDescription("Undo change n: the block gets back the value it had just before it (local backend)"))
    ])
  )
  const root = Command.make("letta", options, handlers.run).pipe(
    Command.withDescription("A stateful coding agent for your terminal: on a Letta server, or local with any model")
  )
  return Command.run(Command.withSubcommands(root, [agents, models, memory]), { name: "letta", version: VERSION })
}
