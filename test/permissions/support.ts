/** Helpers for the permission engine's tests: a temp project, a policy over it, the shell parser. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Either, Layer } from "effect"
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { PermissionMode } from "../../src/domain/config.js"
import type { RuleError } from "../../src/domain/errors.js"
import type { PermissionDecision } from "../../src/domain/permissions.js"
import type { AllSettings, Permissions } from "../../src/domain/settings.js"
import { PermissionPolicyRules } from "../../src/layers/PermissionPolicyRules.js"
import { analyseCommandWith, loadShellParser, type ShellAnalysis, type ShellParser } from "../../src/permissions/bash.js"
import { type CompiledBashRule, compileBashRule } from "../../src/permissions/bashRules.js"
import { parseRule, type RuleSource } from "../../src/permissions/rules.js"
import { PermissionPolicy, type PermissionPolicyShape } from "../../src/services/PermissionPolicy.js"
import { Workspace } from "../../src/services/Workspace.js"

export interface TempDirs {
  readonly root: string
  readonly home: string
  readonly project: string
  readonly cleanup: () => void
}

export const makeDirs = (): TempDirs => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "letta-perm-")))
  const home = join(root, "home")
  const project = join(root, "project")
  mkdirSync(home)
  mkdirSync(project)
  return { root, home, project, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

export interface PolicyOptions {
  readonly mode?: PermissionMode
  readonly allowedTools?: ReadonlyArray<string>
  readonly disallowedTools?: ReadonlyArray<string>
  readonly user?: Permissions
  readonly project?: Permissions
  readonly local?: Permissions
}

const settingsOf = (options: PolicyOptions): AllSettings => ({
  user: options.user === undefined ? {} : { permissions: options.user },
  project: options.project === undefined ? {} : { permissions: options.project },
  local: options.local === undefined ? {} : { permissions: options.local }
})

export const buildPolicy = (dirs: TempDirs, options: PolicyOptions = {}): Effect.Effect<PermissionPolicyShape, RuleError> =>
  Effect.provide(
    PermissionPolicy,
    PermissionPolicyRules({
      mode: options.mode ?? "default",
      allowedTools: options.allowedTools ?? [],
      disallowedTools: options.disallowedTools ?? [],
      settings: settingsOf(options),
      settingsPaths: { user: join(dirs.home, ".letta/settings.json"), project: join(dirs.project, ".letta/settings.json"), local: join(dirs.project, ".letta/settings.local.json") }
    }).pipe(Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dirs.project, homeDir: dirs.home }))))
  )

export const makePolicy = (dirs: TempDirs, options: PolicyOptions = {}): Promise<PermissionPolicyShape> =>
  Effect.runPromise(buildPolicy(dirs, options))

export const policyError = (dirs: TempDirs, options: PolicyOptions): Promise<RuleError | undefined> =>
  Effect.runPromise(Effect.either(buildPolicy(dirs, options))).then((result) => (Either.isLeft(result) ? result.left : undefined))

export const decide = (
  policy: PermissionPolicyShape,
  toolName: string,
  args: Readonly<Record<string, unknown>> | undefined
): Promise<PermissionDecision> => Effect.runPromise(policy.decide({ toolName, args }))

export const bash = (policy: PermissionPolicyShape, command: string) => decide(policy, "Bash", { command })

let parser: ShellParser | undefined

export const shellParser = async (): Promise<ShellParser> => (parser ??= await Effect.runPromise(loadShellParser))

export const analyse = async (line: string): Promise<ShellAnalysis> => analyseCommandWith(await shellParser(), line)

export const bashRule = async (text: string, source: RuleSource = "--allowedTools"): Promise<CompiledBashRule> => {
  const parsed = parseRule(text, source)
  if (parsed._tag === "Error") throw new Error(parsed.problem)
  const compiled = compileBashRule(await shellParser(), parsed.rule)
  if (compiled._tag === "Error") throw new Error(compiled.problem)
  return compiled.compiled
}
