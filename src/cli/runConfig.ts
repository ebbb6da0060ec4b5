/**
 * The root command's flags as @effect/cli options, and the RunConfig made from them with the
 * cross-flag checks the parser cannot express.
 */
import * as Args from "@effect/cli/Args"
import type * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type AgentChoice, BACKENDS, OUTPUT_FORMATS, PERMISSION_MODES, type RunConfig } from "../domain/config.js"
import { UsageError } from "../domain/errors.js"
import { splitRuleList } from "../permissions/rules.js"

/** "a, b,c" → ["a","b","c"]; commas inside parentheses belong to a rule: "Bash(a,b),Read". */
export const splitList = splitRuleList

export const rootOptions = {
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
  reflect: Options.boolean("reflect"),
  trustProject: Options.boolean("trust-project"),
  mcpConfig: Options.text("mcp-config").pipe(Options.repeated),
  strictMcpConfig: Options.boolean("strict-mcp-config"),
  words: Args.text({ name: "prompt" }).pipe(Args.repeated)
}

export type Parsed = Command.Command.ParseConfig<typeof rootOptions>

/** Cross-flag checks the parser cannot express. */
export const toRunConfig = (parsed: Parsed, stdinIsTTY: boolean): Effect.Effect<RunConfig, UsageError> =>
  Effect.gen(function* () {
    const chosen = [parsed.continue && "--continue", Option.isSome(parsed.agent) && "--agent", parsed.resume && "--resume", parsed.new && "--new"].filter(
      (flag): flag is string => typeof flag === "string"
    )
    if (chosen.length > 1) return yield* new UsageError({ message: `${chosen.join(" and ")} cannot be used together.` })
    // No flag means a new agent; `--new` says so explicitly.
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
      reflect: parsed.reflect,
      trustProject: parsed.trustProject,
      mcpConfigs: parsed.mcpConfig,
      strictMcpConfig: parsed.strictMcpConfig
    }
  })
