/**
 * The permission policy over rules: the run's compiled rules, the mode and the session's rules
 * as state, and per call the facts the decision needs (paths resolved through the file system,
 * the Bash line analysed). The decision itself is ../permissions/decide.ts, a pure function.
 */
import { resolve } from "node:path"
import { FileSystem } from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import type { PermissionMode } from "../domain/config.js"
import type { RuleError } from "../domain/errors.js"
import type { PermissionDecision, PermissionQuery, SearchFilter } from "../domain/permissions.js"
import type { AllSettings, Permissions } from "../domain/settings.js"
import { analyseCommand } from "../permissions/bash.js"
import { type CallFacts, decide, needsShell, type PolicyRules } from "../permissions/decide.js"
import { pathArguments, realPathOf, resolvePath } from "../permissions/paths.js"
import type { ProtectedPlaces } from "../permissions/protectedPaths.js"
import { type CompiledRule, compileRuleText, loadRuleSet, withExtraRules } from "../permissions/ruleSet.js"
import { FILE_TOOLS } from "../permissions/rules.js"
import { searchFilterOf } from "../permissions/searchFilter.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { Workspace } from "../services/Workspace.js"

export interface RulesPolicyConfig {
  readonly mode: PermissionMode
  readonly allowedTools: ReadonlyArray<string>
  readonly disallowedTools: ReadonlyArray<string>
  readonly settings: AllSettings
  /** The settings files, named in rule errors. */
  readonly settingsPaths?: { readonly user: string; readonly project: string; readonly local: string }
  /** `--add-dir`: more directories counted as inside, like `permissions.additionalDirectories`. */
  readonly addDirs?: ReadonlyArray<string>
  /** `--settings <file>`: its permissions, rules of source `--settings` (errors name the file). */
  readonly extraSettings?: { readonly path: string; readonly permissions: Permissions | undefined }
}

export const PermissionPolicyRules = (
  config: RulesPolicyConfig
): Layer.Layer<PermissionPolicy, RuleError, Workspace | FileSystem> =>
  Layer.effect(
    PermissionPolicy,
    Effect.gen(function* () {
      const workspace = yield* Workspace
      const fs = yield* FileSystem
      const dirs = { projectDir: workspace.projectDir, homeDir: workspace.homeDir }
      const provideFs = Effect.provideService(FileSystem, fs)
      const loaded = yield* loadRuleSet(
        {
          allowedTools: config.allowedTools,
          disallowedTools: config.disallowedTools,
          settings: config.settings,
          ...(config.settingsPaths === undefined ? {} : { settingsPaths: config.settingsPaths })
        },
        dirs
      )
      const rules = yield* provideFs(withExtraRules(loaded, config, dirs))
      // Protected files are shown relative to the project or home, however a path reaches them.
      const bothSpellings = (dir: string) =>
        Effect.map(provideFs(realPathOf(resolve(dir))), (real) => (real === resolve(dir) ? [real] : [resolve(dir), real]))
      const places: ProtectedPlaces = { projectDirs: yield* bothSpellings(dirs.projectDir), homeDirs: yield* bothSpellings(dirs.homeDir) }
      const modeRef = yield* Ref.make(config.mode)
      const sessionRef = yield* Ref.make<ReadonlyArray<CompiledRule>>([])
      /** A custom command's `allowed-tools`, while its turn runs. */
      const scopedRef = yield* Ref.make<ReadonlyArray<CompiledRule>>([])

      /** The rules in force now; allow rules in precedence order: CLI, session (and a command's), settings. */
      const currentRules: Effect.Effect<PolicyRules> = Effect.zipWith(Ref.get(sessionRef), Ref.get(scopedRef), (session, scoped) => ({
        deny: rules.deny,
        allow: [
          ...rules.allow.filter((r) => r.rule.source === "--allowedTools"),
          ...session,
          ...scoped,
          ...rules.allow.filter((r) => r.rule.source !== "--allowedTools")
        ],
        ask: rules.ask
      }))

      const gather = (query: PermissionQuery, needShell: boolean): Effect.Effect<CallFacts> =>
        Effect.gen(function* () {
          const raws = FILE_TOOLS.includes(query.toolName) ? pathArguments(query.toolName, query.args) : undefined
          const paths = raws === undefined ? undefined : yield* provideFs(Effect.forEach(raws, (raw) => resolvePath(dirs.projectDir, raw)))
          const command = query.args?.["command"]
          const shell =
            query.toolName === "Bash" && needShell && typeof command === "string" ? yield* analyseCommand(command) : undefined
          return { toolName: query.toolName, paths, shell, directories: rules.directories, places }
        })

      const decideCall = (query: PermissionQuery): Effect.Effect<PermissionDecision> =>
        Effect.gen(function* () {
          const current = yield* currentRules
          const facts = yield* gather(query, needsShell(current, query.toolName))
          return decide(current, yield* Ref.get(modeRef), facts)
        })

      const addSessionRule = (text: string): Effect.Effect<void, RuleError> =>
        Effect.gen(function* () {
          const compiled = yield* provideFs(compileRuleText(text, "session", "allow", dirs))
          yield* Ref.update(sessionRef, (current) =>
            current.some((rule) => rule.rule.text === compiled.rule.text) ? current : [...current, compiled]
          )
        })

      const withScopedRules = <A, E, R>(texts: ReadonlyArray<string>, location: string, effect: Effect.Effect<A, E, R>) =>
        Effect.flatMap(
          provideFs(Effect.forEach(texts, (text) => compileRuleText(text, "allowed-tools", "allow", dirs, location))),
          (compiled) =>
            Effect.acquireUseRelease(
              Ref.update(scopedRef, (current) => [...current, ...compiled]),
              () => effect,
              () => Ref.update(scopedRef, (current) => current.filter((rule) => !compiled.includes(rule)))
            )
        )

      /** The search root is resolved only when some rule could hide a file. */
      const searchFilter = (toolName: string, root: string): Effect.Effect<SearchFilter | undefined> =>
        Effect.gen(function* () {
          const filterUnder = searchFilterOf(yield* currentRules, yield* Ref.get(modeRef), toolName)
          if (filterUnder === undefined) return undefined
          return filterUnder(yield* provideFs(resolvePath(dirs.projectDir, root)))
        })

      return {
        mode: Ref.get(modeRef),
        searchFilter,
        setMode: (mode) => Ref.set(modeRef, mode),
        decide: decideCall,
        addSessionRule,
        withScopedRules
      }
    })
  )
