/**
 * `letta [flags] [prompt]`: checks the flags, then runs one prompt headless or the interactive
 * session on a terminal, each with the layers it needs.
 */
import { resolve } from "node:path"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { RunConfig } from "../domain/config.js"
import { UsageError } from "../domain/errors.js"
import type { AllSettings, ExtraSettings } from "../domain/settings.js"
import { PermissionPolicyRules } from "../layers/PermissionPolicyRules.js"
import { ApprovalQueueMemory } from "../layers/ApprovalQueueMemory.js"
import { PrompterInk } from "../layers/PrompterInk.js"
import { projectExtensions } from "../layers/projectExtensions.js"
import { askOnTerminal } from "../layers/ProjectTrustSettings.js"
import { PrompterHeadless } from "../layers/PrompterHeadless.js"
import { learningPrompt } from "../programs/learning/builtInPrompts.js"
import { reflectAfterRun } from "../programs/learning/reflectAfterRun.js"
import { SearchAuto } from "../layers/SearchAuto.js"
import { ShellNode } from "../layers/ShellNode.js"
import { IMPLEMENTED_TOOLS, makeToolsLayer } from "../layers/ToolsRegistry.js"
import { isMcpToolsEntry } from "../mcp/names.js"
import { headlessReport, withMcpServers } from "../mcp/session.js"
import { withCustomCommand } from "../programs/customCommands/headless.js"
import { runHeadless } from "../programs/headless.js"
import { hookNotices, hookReporter } from "../programs/hookReports.js"
import { makeUiStore, runInteractive } from "../programs/interactive/index.js"
import { readPrompt } from "../programs/readPrompt.js"
import { AgentBackend } from "../services/AgentBackend.js"
import type { HookRun } from "../services/Hooks.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { Stdin } from "../services/Stdin.js"
import { Workspace } from "../services/Workspace.js"
import { type Parsed, toRunConfig } from "./runConfig.js"

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

const toolsLayer = (loaded: ReadonlyArray<string> | undefined) => makeToolsLayer(loaded).pipe(Layer.provideMerge(ShellNode), Layer.provide(SearchAuto))

export const runRoot = (parsed: Parsed) =>
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
    const typed = yield* readPrompt(config.promptWords)
    // `/remember <note>` and `/init` become the message the agent gets (programs/learning).
    const prompt = (yield* learningPrompt(typed)) ?? typed
    const { apiLayer, extra, settings } = yield* Effect.flatMap(AgentBackend, (backend) => backend.choose(config, config.verbose))

    const policyLayer = yield* permissionPolicy(config, settings, extra)
    // Project trust (headless: --trust-project or stored) and hooks; nothing to load without them.
    const extensionLayer = yield* projectExtensions(extensionOptions(config, settings, hookReporter(config.outputFormat, yield* Output)))
    const output = yield* Output
    const mcp = { config, settings, paths: (yield* Settings).paths, projectDir: process.cwd(), report: headlessReport(config.outputFormat, output), connect: "now" as const }
    const runLayer = Layer.mergeAll(apiLayer, withMcpServers(toolsLayer(loaded), mcp), PrompterHeadless)
    // The policy is built first (outermost): a rule it cannot understand stops the run before
    // any network call.
    // `/name args` naming a custom command runs it (programs/customCommands).
    // `--reflect`: once the answer is out, a bounded reflection pass (programs/learning).
    const afterwards = config.reflect === true ? reflectAfterRun(config.outputFormat) : Effect.void
    yield* withCustomCommand(prompt, (text, model) => Effect.zipRight(runHeadless(config, text, settings, 0, model), afterwards)).pipe(Effect.provide(runLayer), Effect.provide(extensionLayer), Effect.provide(policyLayer))
  })

/** `letta` on a terminal (the TUI's libraries load only then: see platform/terminalUi.ts). */
const runInteractiveMode = (config: RunConfig, loaded: ReadonlyArray<string> | undefined) =>
  Effect.gen(function* () {
    const { apiLayer, extra, settings } = yield* Effect.flatMap(AgentBackend, (backend) => backend.choose(config))
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
      PrompterInk.pipe(Layer.provideMerge(ApprovalQueueMemory))
    )
    yield* runInteractive(config, settings, ui, extra).pipe(Effect.provide(runLayer), Effect.provide(extensionLayer), Effect.provide(policyLayer))
  })
