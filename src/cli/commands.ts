/**
 * The command tree, each command with its handler: `letta [flags] [prompt]`, `letta agents list`,
 * `letta models`, `letta memory show|set|history|revert`, `letta skills list|pending|accept|reject`; and `letta mcp …`,
 * which has flags of its own (mcp/command.ts). `cli` takes the whole argv (node and the script
 * first) and fails with a `DescribedFailure` or @effect/cli's ValidationError (see exit.ts).
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import type * as ValidationError from "@effect/cli/ValidationError"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { isLettaFailure, type LettaFailure, UsageError } from "../domain/errors.js"
import type { AllSettings } from "../domain/settings.js"
import { withPlainConsole } from "../layers/plainConsole.js"
import { listAgents } from "../programs/agentsCommand.js"
import { describeFailure } from "../programs/failure.js"
import { parseLabel, setMemory, showMemory } from "../programs/memoryCommand.js"
import { revertMemory, showMemoryHistory } from "../programs/memoryHistoryCommand.js"
import { listModels } from "../programs/modelsCommand.js"
import { listSkills } from "../programs/skillsCommand.js"
import { AgentBackend, type BackendFlags } from "../services/AgentBackend.js"
import { Stdin } from "../services/Stdin.js"
import { VERSION } from "../version.js"
import { prepareArgs } from "./args.js"
import { DescribedFailure } from "./exit.js"
import { completionScript } from "./completions.js"
import { runRoot } from "./root.js"
import { rootOptions } from "./runConfig.js"

export const rootCommand = Command.make("letta", rootOptions, runRoot)

/** The root's flags the subcommands use (given before or after the subcommand). */
const rootFlags = Effect.map(rootCommand, (config): BackendFlags => ({ backend: config.backend, settingsFile: Option.map(config.settings, (file) => file.trim()) }))

/** Runs `body` on the chosen backend's LettaApi. */
const withApi = <A, E, R>(body: (settings: AllSettings) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const { apiLayer, settings } = yield* Effect.flatMap(AgentBackend, (backend) => Effect.flatMap(rootFlags, (flags) => backend.choose(flags)))
    return yield* body(settings).pipe(Effect.provide(apiLayer))
  })

/** The new text for `letta memory set`: the file, else piped stdin (never an empty value). */
const readMemoryText = (file: Option.Option<string>) =>
  Effect.gen(function* () {
    const text = Option.isSome(file)
      ? yield* Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFileString(file.value)).pipe(
          Effect.mapError((error) => new UsageError({ message: `Cannot read ${file.value}: ${error.message}` }))
        )
      : yield* Effect.flatMap(Stdin, (stdin) =>
          stdin.isTTY
            ? new UsageError({ message: "Give the new text with --file <path> or pipe it in: letta memory set human < notes.md" })
            : Effect.map(stdin.readAll(), Option.getOrElse(() => ""))
        )
    if (text.trim().length === 0) return yield* new UsageError({ message: "The new text is empty; refusing to erase the block." })
    return text
  })

const label = Args.text({ name: "label" })
const skillName = Args.text({ name: "name" })

/** The review of skill proposals loads only when asked for. */
const skillProposals = Effect.promise(() => import("../programs/skillProposalsCommand.js"))

/** The leaf commands; `makeCli` puts them in the tree (tests swap handlers with Command.withHandler). */
export const commands = {
  root: rootCommand,
  agentsList: Command.make("list", {}, () => withApi(() => listAgents)),
  models: Command.make("models", {}, () => withApi(() => listModels)),
  memoryShow: Command.make("show", { label: Args.optional(label) }, ({ label }) =>
    Effect.gen(function* () {
      const parsed = Option.isSome(label) ? Option.some(yield* parseLabel(label.value)) : Option.none()
      yield* withApi((settings) => showMemory(parsed, settings))
    })
  ),
  memorySet: Command.make("set", { label, file: Options.file("file", { exists: "yes" }).pipe(Options.optional) }, ({ file, label }) =>
    Effect.gen(function* () {
      const parsed = yield* parseLabel(label)
      const text = yield* readMemoryText(file)
      yield* withApi((settings) => setMemory(parsed, text, settings))
    })
  ),
  memoryHistory: Command.make("history", { label }, ({ label }) =>
    Effect.flatMap(parseLabel(label), (parsed) => withApi((settings) => showMemoryHistory(parsed, settings)))
  ),
  memoryRevert: Command.make("revert", { label, change: Args.integer({ name: "n" }) }, ({ change, label }) =>
    Effect.flatMap(parseLabel(label), (parsed) => withApi((settings) => revertMemory(parsed, change, settings)))
  ),
  skillsList: Command.make("list", {}, () => listSkills),
  skillsPending: Command.make("pending", {}, () => Effect.flatMap(skillProposals, (command) => command.showPendingProposals)),
  skillsAccept: Command.make("accept", { name: skillName }, ({ name }) => Effect.flatMap(skillProposals, (command) => command.acceptSkillProposal(name))),
  skillsReject: Command.make("reject", { name: skillName }, ({ name }) => Effect.flatMap(skillProposals, (command) => command.rejectSkillProposal(name))),
  /** `letta init`: the root command headless with `/init` as its prompt. */
  init: Command.make("init", {}, () => Effect.flatMap(rootCommand, (config) => runRoot({ ...config, prompt: true, words: ["/init"] })))
}

type Leaves = typeof commands

/** The leaf commands, with handlers needing `R` and failing with `E`. */
export type Commands<R, E> = {
  readonly [K in keyof Leaves]: Leaves[K] extends Command.Command<infer Name, infer _R, infer _E, infer A> ? Command.Command<Name, R, E, A> : never
}

type Handled<T> = T extends Command.Command<infer _N, infer R, infer E, infer _A> ? { readonly R: R; readonly E: E } : never
/** What the handlers of `leaves` need (the root's flags are the tree's own) and how they fail. */
type ContextOf<L> = Exclude<Handled<L[keyof L]>["R"], Command.Command.Context<"letta">>
type ErrorOf<L> = Handled<L[keyof L]>["E"]

/** Runs the command tree on argv (node and the script first); `letta mcp …` is not its. */
export const makeCli = <L extends Commands<any, any>>(leaves: L): ((argv: ReadonlyArray<string>) => Effect.Effect<void, ErrorOf<L> | UsageError | ValidationError.ValidationError, ContextOf<L>>) => {
  const agents = Command.make("agents").pipe(Command.withSubcommands([leaves.agentsList]))
  const memory = Command.make("memory").pipe(Command.withSubcommands([leaves.memoryShow, leaves.memorySet, leaves.memoryHistory, leaves.memoryRevert]))
  const skills = Command.make("skills").pipe(Command.withSubcommands([leaves.skillsList, leaves.skillsPending, leaves.skillsAccept, leaves.skillsReject]))
  const config = { name: "letta", version: VERSION }
  // Built on first use: a run needs one of the two.
  const withTree = () => Command.run(Command.withSubcommands(leaves.root, [agents, leaves.models, memory, skills, leaves.init]), config)
  const rootOnly = () => Command.run(leaves.root, config)
  return (argv: ReadonlyArray<string>) =>
    Either.match(prepareArgs(argv.slice(2)), {
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

const runTree = makeCli(commands)

/** `letta mcp …` has flags of its own; its code loads only when it runs. */
const runCommandLine = (argv: ReadonlyArray<string>) =>
  argv[2] === "mcp" ? Effect.flatMap(Effect.promise(() => import("../mcp/command.js")), (command) => command.runMcpCommand(argv.slice(3))) : runTree(argv)

/** @effect/cli prints a rejected command line itself; `conclude` says it in one line instead. */
const withoutCliErrorPrint = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Console.consoleWith((current) => Effect.withConsole(effect, { ...current, error: () => Effect.void }))

/**
 * Each failure in words, naming the server the run used (known only once it is chosen). The
 * type admits only LettaFailure and @effect/cli's ValidationError: an error with no message
 * of its own is a compile error here, not an "internal error" at run time.
 */
const describeFailures = <A, R>(effect: Effect.Effect<A, LettaFailure | ValidationError.ValidationError, R>) =>
  Effect.catchIf(effect, isLettaFailure, (failure) =>
    Effect.flatMap(Effect.flatMap(AgentBackend, (backend) => backend.serverForMessages), (server) => new DescribedFailure({ report: describeFailure(failure, server) }))
  )

/** The program: `letta` on argv, with its output as plain text; it fails only with a `DescribedFailure` or a ValidationError. */
export const cli = (argv: ReadonlyArray<string>) => runCommandLine(argv).pipe(describeFailures, withoutCliErrorPrint, withPlainConsole)
