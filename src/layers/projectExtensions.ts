/**
 * The layers for code the user's and the project's settings add to a run: ProjectTrust (asked
 * or read once) and, when some trusted settings file defines hooks, the Hooks engine.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { HOOK_EVENTS, type HooksSettings } from "../domain/hooks.js"
import type { AllSettings } from "../domain/settings.js"
import type { HookRun } from "../services/Hooks.js"
import { Output } from "../services/Output.js"
import { ProjectTrust } from "../services/ProjectTrust.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { HooksCommands } from "./HooksCommands.js"
import { projectCode } from "./projectTrust/projectCode.js"
import { decideProjectTrust } from "./ProjectTrustSettings.js"

export interface ExtensionOptions {
  readonly settings: AllSettings
  /** `--trust-project`. */
  readonly trustFlag: boolean
  /** Interactive mode: where skipped project code is told. */
  readonly tell?: (text: string) => Effect.Effect<void>
  /** Interactive mode: the trust question. */
  readonly ask?: (question: string) => Effect.Effect<boolean>
  /** SessionStart's source: `startup` for a new agent, `resume` otherwise. */
  readonly sessionSource: string
  readonly report: (run: HookRun) => Effect.Effect<void>
  readonly interactive: boolean
}

const defines = (hooks: HooksSettings | undefined): hooks is HooksSettings =>
  hooks !== undefined && HOOK_EVENTS.some((event) => (hooks[event] ?? []).length > 0)

export const projectExtensions = (options: ExtensionOptions) =>
  Effect.gen(function* () {
    const store = yield* Settings
    const workspace = yield* Workspace
    const output = yield* Output
    const trust = yield* decideProjectTrust({
      projectDir: workspace.projectDir,
      settings: options.settings,
      store,
      output,
      flag: options.trustFlag,
      ...(options.ask === undefined ? {} : { ask: options.ask }),
      ...(options.tell === undefined ? {} : { tell: options.tell })
    })
    const trustLayer = Layer.succeed(ProjectTrust, trust)
    const { user, project, local } = options.settings
    const projectHooks = projectCode(workspace.projectDir, options.settings, store.paths).filter((code) => code.kind === "hook")
    // User-level hooks always run; the project's only when it is trusted.
    const allowed = projectHooks.length === 0 || (yield* trust.allow(projectHooks))
    const sources = [user.hooks, ...(allowed ? [project.hooks, local.hooks] : [])].filter(defines)
    if (sources.length === 0) return trustLayer
    const hooks = HooksCommands({ sources, projectDir: workspace.projectDir, sessionSource: options.sessionSource, report: options.report, interactive: options.interactive })
    return Layer.merge(trustLayer, hooks)
  })
