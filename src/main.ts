/**
 * Entry point: parse the command line, choose the layers, run the program, turn the outcome
 * into an exit code. No other file picks layers.
 */
import { homedir } from "node:os"
import { resolve } from "node:path"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type CommonFlags, makeCli, type Parsed, toRunConfig } from "./cli.js"
import { describeCliError } from "./cliErrors.js"
import { chooseBackend } from "./domain/backend.js"
import type { RunConfig } from "./domain/config.js"
import { connectionFromEnv } from "./domain/connection.js"
import { maskUrlCredentials, redactSecrets } from "./domain/redaction.js"
import { registerSecretVariables, settingsKeyVariables } from "./domain/secretVariables.js"
import { type LettaFailure, UsageError } from "./domain/errors.js"
import { type AllSettings, type ExtraSettings, layerUserSettings } from "./domain/settings.js"
import { FileSystemNode } from "./layers/FileSystemNode.js"
import { LettaApiHttp } from "./layers/LettaApiHttp.js"
import { OutputNode } from "./layers/OutputNode.js"
import { PermissionPolicyRules } from "./layers/PermissionPolicyRules.js"
import { PrompterInk } from "./layers/PrompterInk.js"
import { projectExtensions } from "./layers/projectExtensions.js"
import { askOnTerminal } from "./layers/ProjectTrustSettings.js"
import { hookNotices, hookReporter } from "./programs/hookReports.js"
import type { HookRun } from "./services/Hooks.js"
import { withPlainConsole } from "./layers/plainConsole.js"
import { PrompterHeadless } from "./layers/PrompterHeadless.js"
import { readSettingsFile, SettingsFiles } from "./layers/SettingsFiles.js"
import { ShellNode } from "./layers/ShellNode.js"
import { killAllNow } from "./layers/shellNode/tracker.js"
import { StdinNode } from "./layers/StdinNode.js"
import { IMPLEMENTED_TOOLS, makeToolsLayer } from "./layers/ToolsLive.js"
import { describeFailure, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_SUCCESS, EXIT_USAGE } from "./programs/failure.js"
import { listAgents } from "./programs/agentsCommand.js"
import { runHeadless } from "./programs/headless.js"
import { isMcpToolsEntry } from "./mcp/names.js"
import { headlessReport, withMcpServers } from "./mcp/session.js"
import { Output } from "./services/Output.js"
import { withCustomCommand } from "./programs/customCommands/headless.js"
import { parseLabel, setMemory, showMemory } from "./programs/memoryCommand.js"
import { revertMemory, showMemoryHistory } from "./programs/memoryHistoryCommand.js"
import { listModels } from "./programs/modelsCommand.js"
import { listSkills } from "./programs/skillsCommand.js"
import { makeUiStore, runInteractive } from "./programs/interactive/index.js"
import { readPrompt } from "./programs/prompt.js"
import { ApprovalScreen } from "./services/ApprovalScreen.js"
import { Settings } from "./services/Settings.js"
import { Stdin } from "./services/Stdin.js"
import { Workspace } from "./services/Workspace.js"

const workspaceLayer = Layer.sync(Workspace, () => ({ projectDir: process.cwd(), homeDir: homedir() }))
// What @effect/cli and the tools use of the platform; NodeContext.layer would also build a
// worker manager and a command executor (~5 ms of start-up) that nothing here uses.
const platformLayer = Layer.mergeAll(FileSystemNode, NodePath.layer, NodeTerminal.layer)
const baseLayer = Layer.mergeAll(platformLayer, workspaceLayer, StdinNode, OutputNode)
const settingsLayer = SettingsFiles.pipe(Layer.provide(baseLayer))

/** Where the agents live, for error messages, once known. */
let serverForMessages = maskUrlCredentials(process.env["LETTA_BASE_URL"] ?? "https://api.letta.com")

/**
 * The settings files, the backend (LOCAL-BACKEND.md §1: flag, LETTA_BACKEND, the `backend`
 * setting, else cloud when LETTA_API_KEY or LETTA_BASE_URL is set) and its LettaApi layer.
 * The local backend's modules load only when it is chosen.
 */
const prepare = (common: CommonFlags, verbose = false) =>
  Effect.gen(function* () {
    const workspace = yield* Workspace
    const files = yield* Effect.flatMap(Settings, (s) => s.load)
    // `--settings <file>`: laid over the user's settings for this run, never written.
    const extraPath = Option.map(common.settingsFile, (file) => resolve(workspace.projectDir, file))
    const extra: ExtraSettings | undefined = Option.isSome(extraPath)
      ? { path: extraPath.value, settings: yield* readSettingsFile(extraPath.value) }
      : undefined
    const settings: AllSettings = extra === undefined ? files : { ...files, user: layerUserSettings(files.user, extra.settings) }
    registerSecretVariables(settingsKeyVariables(settings, extra))
    const backend = yield* Either.match(chooseBackend(common.backend, process.env, settings.user.backend), { onLeft: Effect.fail, onRight: Effect.succeed })
    if (backend === "cloud") {
      const connection = yield* Either.match(connectionFromEnv(process.env), { onLeft: Effect.fail, onRight: Effect.succeed })
      serverForMessages = connection.baseUrl
      // --verbose: the request log LETTA_DEBUG=1 gives, too.
      return { settings, extra, apiLayer: LettaApiHttp(verbose ? { ...connection, debug: true } : connection) }
    }
    const local = yield* Effect.promise(() => import("./layers/localStack.js"))
    serverForMessages = `the local backend (${local.localDatabasePath(workspace.homeDir)})`
    return { settings, extra, apiLayer: local.localBackendLayer({ homeDir: workspace.homeDir, env: process.env, settings }) }
  })

/** `--add-dir`: each must be a directory (relative ones to the project, `~/` to the home). */
const checkAddDirs = (dirs: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const workspace = yield* Workspace
    for (const dir of dirs) {
      const path = resolve(workspace.projectDir, dir === "~" || dir.startsWith("~/") ? workspace.homeDir + dir.slice(1) : dir)
      const info = yield* Effect.option(fs.stat(path))
      if (Option.isNone(info) || info.value.type !== "Directory") {
        return yield* new UsageError({ message: `--add-dir ${dir}: ${Option.isNone(info) ? "no such directory" : "not a directory"}.` })
      }
    }
  })

/** The permission policy from the flags, all three settings files and a `--settings` file. */
const permissionPolicy = (config: RunConfig, settings: AllSettings, extra: ExtraSettings | undefined) =>
  Effect.map(Settings, (store) =>
    PermissionPolicyRules({
      mode: config.permissionMode,
      allowedTools: config.allowedTools,
      disallowedTools: config.disallowedTools,
      settings,
      settingsPaths: store.paths,
      addDirs: config.addDirs,
      ...(extra === undefined ? {} : { extraSettings: { path: extra.path, permissions: extra.settings.permissions } })
    })
  )

/** What the hooks and trust layers need to know of this run. */
const extensionOptions = (config: RunConfig, settings: AllSettings, report: (run: HookRun) => Effect.Effect<void>) => ({
  settings,
  trustFlag: config.trustProject === true,
  sessionSource: config.agent._tag === "New" ? "startup" : "resume",
  report,
  interactive: false
})

const toolsLayer = (loaded: ReadonlyArray<string> | undefined) => makeToolsLayer(loaded).pipe(Layer.provide(ShellNode))

const runMain = (parsed: Parsed) =>
  Effect.gen(function* () {
    const stdin = yield* Stdin
    const config = yield* toRunConfig(parsed, stdin.isTTY)
    const loaded = Option.getOrUndefined(config.tools)
    const unknown = (loaded ?? []).filter((name) => !IMPLEMENTED_TOOLS.includes(name) && !isMcpToolsEntry(name))
    if (unknown.length > 0) {
      return yield* new UsageError({
        message: `Unknown tool${unknown.length > 1 ? "s" : ""} in --tools: ${unknown.join(", ")}. Available: ${IMPLEMENTED_TOOLS.join(", ")}, and MCP tools as mcp__<server> or mcp__<server>__<tool>.`
      })
    }
    yield* checkAddDirs(config.addDirs)
    if (!config.headless) return yield* runInteractiveMode(config, loaded)
    const prompt = yield* readPrompt(config.promptWords)
    const { apiLayer, extra, settings } = yield* prepare(config, config.verbose)

    const policyLayer = yield* permissionPolicy(config, settings, extra)
    // Project trust (headless: --trust-project or stored) and hooks; nothing to load without them.
    const extensionLayer = yield* projectExtensions(extensionOptions(config, settings, hookReporter(config.outputFormat, yield* Output)))
    const output = yield* Output
    const mcp = { config, settings, paths: (yield* Settings).paths, projectDir: process.cwd(), report: headlessReport(config.outputFormat, output), connect: "now" as const }
    const runLayer = Layer.mergeAll(apiLayer, withMcpServers(toolsLayer(loaded), mcp), PrompterHeadless)
    // The policy is built first (outermost): a rule it cannot understand stops the run before
    // any network call.
    // `/name args` naming a custom command runs it (programs/customCommands).
    yield* withCustomCommand(prompt, (text, model) => runHeadless(config, text, settings, 0, model)).pipe(Effect.provide(runLayer), Effect.provide(extensionLayer), Effect.provide(policyLayer))
  })

/** `letta` on a terminal (the TUI's libraries load only then: see programs/interactive/load.ts). */
const runInteractiveMode = (config: RunConfig, loaded: ReadonlyArray<string> | undefined) =>
  Effect.gen(function* () {
    const { apiLayer, extra, settings } = yield* prepare(config)
    const ui = yield* makeUiStore(process.cwd())
    const policyLayer = yield* permissionPolicy(config, settings, extra)
    // Asked here, before the screen starts: trust this project's hooks and MCP servers?
    const extensionLayer = yield* projectExtensions({
      ...extensionOptions(config, settings, hookNotices((text, tone) => ui.addNotice(text, tone))),
      ask: askOnTerminal,
      tell: (text) => Effect.sync(() => ui.addNotice(text.replace(/^letta: /gm, ""), "dim")),
      interactive: true
    })
    const mcp = {
      config,
      settings,
      paths: (yield* Settings).paths,
      projectDir: process.cwd(),
      report: (notice: { readonly message: string }) => Effect.sync(() => ui.addNotice(notice.message, "warning")),
      connect: "background" as const
    }
    const runLayer = Layer.mergeAll(
      apiLayer,
      withMcpServers(toolsLayer(loaded), mcp),
      PrompterInk.pipe(Layer.provide(Layer.succeed(ApprovalScreen, ui)))
    )
    yield* runInteractive(config, settings, ui, extra).pipe(Effect.provide(runLayer), Effect.provide(extensionLayer), Effect.provide(policyLayer))
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

const withApi = <A, E, R>(common: CommonFlags, body: (settings: AllSettings) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const { apiLayer, settings } = yield* prepare(common)
    return yield* body(settings).pipe(Effect.provide(apiLayer))
  })

const cli = makeCli({
  run: runMain,
  agentsList: (common) => withApi(common, () => listAgents),
  models: (common) => withApi(common, () => listModels),
  memoryShow: (common, label) =>
    Effect.gen(function* () {
      const parsed = Option.isSome(label) ? Option.some(yield* parseLabel(label.value)) : Option.none()
      yield* withApi(common, (settings) => showMemory(parsed, settings))
    }),
  memorySet: (common, label, file) =>
    Effect.gen(function* () {
      const parsed = yield* parseLabel(label)
      const text = yield* readMemoryText(file)
      yield* withApi(common, (settings) => setMemory(parsed, text, settings))
    }),
  memoryHistory: (common, label) =>
    Effect.flatMap(parseLabel(label), (parsed) => withApi(common, (settings) => showMemoryHistory(parsed, settings))),
  memoryRevert: (common, label, change) =>
    Effect.flatMap(parseLabel(label), (parsed) => withApi(common, (settings) => revertMemory(parsed, change, settings))),
  skillsList: () => listSkills,
  mcp: (words) => Effect.flatMap(Effect.promise(() => import("./mcp/command.js")), (command) => command.runMcpCommand(words))
})

/** @effect/cli prints a rejected command line itself; `conclude` says it in one line instead. */
const withoutCliErrorPrint = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Console.consoleWith((current) => Effect.withConsole(effect, { ...current, error: () => Effect.void }))

const program = cli(process.argv).pipe(withoutCliErrorPrint, withPlainConsole, Effect.provide(Layer.merge(baseLayer, settingsLayer)))

const isLettaFailure = (error: unknown): error is LettaFailure =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string" && !ValidationError.isValidationError(error)

/** Exit code and message for how the program ended. */
const conclude = (exit: Exit.Exit<unknown, unknown>): { code: number; message: string } => {
  if (Exit.isSuccess(exit)) return { code: EXIT_SUCCESS, message: "" }
  if (Cause.isInterruptedOnly(exit.cause)) return { code: EXIT_INTERRUPTED, message: "letta: interrupted" }
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) {
    const error = failure.value
    if (ValidationError.isValidationError(error)) {
      return { code: EXIT_USAGE, message: `letta: ${describeCliError(error, process.argv.slice(2))}\nRun 'letta --help' for usage.` }
    }
    if (isLettaFailure(error)) {
      const report = describeFailure(error, serverForMessages)
      return { code: report.exitCode, message: report.message.length > 0 ? `letta: ${report.message}` : "" }
    }
  }
  const debug = process.env["LETTA_DEBUG"] === "1"
  const detail = debug ? Cause.pretty(exit.cause) : Cause.squash(exit.cause)
  return {
    code: EXIT_FAILURE,
    message: `letta: internal error: ${detail instanceof Error ? detail.message : String(detail)}${debug ? "" : "\nRe-run with LETTA_DEBUG=1 for details."}`
  }
}

const fiber = Effect.runFork(program)
let signals = 0
/** After a second signal, the cleanup (answering the server) gets this long before we exit anyway. */
const SECOND_SIGNAL_DEADLINE_MS = 5_000
const onSignal = (signal: NodeJS.Signals) => {
  signals += 1
  // The terminal is gone: writing to it must not crash the cleanup.
  if (signal === "SIGHUP") for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {})
  if (signals === 1) {
    fiber.unsafeInterruptAsFork(fiber.id())
    return
  }
  // A second signal while we clean up means "now" for the tool processes (SIGKILL instead of
  // their grace period), but the server still gets its answers; a third one exits at once.
  killAllNow()
  if (signals === 2) setTimeout(() => process.exit(EXIT_INTERRUPTED), SECOND_SIGNAL_DEADLINE_MS)
  else process.exit(EXIT_INTERRUPTED)
}
// SIGHUP (terminal closed) and SIGQUIT end the session like SIGTERM and Ctrl-C.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const) process.on(signal, onSignal)

fiber.addObserver((exit) => {
  const { code, message } = conclude(exit)
  if (message.length > 0) process.stderr.write(`${maskUrlCredentials(redactSecrets(message))}\n`)
  if (process.env["LETTA_DEBUG"] === "1") {
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`
    const usage = process.memoryUsage()
    process.stderr.write(
      `letta[debug]: exit ${code} after ${performance.now().toFixed(0)} ms; rss ${mib(usage.rss)}, heap ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)}, external ${mib(usage.external)}\n`
    )
  }
  // Let stdout drain before exiting (piped output must not be cut short).
  process.exitCode = code
  const exitNow = () => process.exit(code)
  if (process.stdout.writableLength === 0) exitNow()
  else {
    process.stdout.once("drain", exitNow)
    setTimeout(exitNow, 2_000).unref()
  }
})
