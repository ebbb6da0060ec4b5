/**
 * The permission engine (PRODUCT.md §5.2–§5.4). Precedence, first match wins:
 *
 *   1. deny rules (every source)
 *   2. the mode: plan denies the edit family, Bash and KillBash, and ExitPlanMode asks (the user
 *      approves the plan; an allow rule for ExitPlanMode lets a headless run leave plan mode);
 *      bypassPermissions allows everything; acceptEdits allows the edit family inside the
 *      project and `additionalDirectories`
 *   3. allow rules (--allowedTools, session, settings)
 *   4. ask rules (settings)
 *   5. defaults: Read/Glob/Grep/LS inside the project or an additional directory, TodoWrite,
 *      BashOutput and Skill: allow; everything else: ask
 *
 * Two refinements:
 * - of step 1: a Bash line with a part the analysis cannot see through (e.g. `$CMD` as a
 *   program) while Bash deny rules with specifiers exist is never allowed by a mode or rule,
 *   because the deny rule might have matched it: it asks, and bypassPermissions (which never
 *   asks) denies it. The decision carries `possibleDeny`.
 * - of steps 2 and 3: a write (edit family) to a file that changes the rules
 *   (../permissions/protectedPaths.ts) is not allowed by acceptEdits nor by an allow rule that
 *   does not name the file: it asks, with `protectedFile`. bypassPermissions still allows it.
 */
import { join, resolve } from "node:path"
import { FileSystem } from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import type { PermissionMode } from "../domain/config.js"
import type { RuleError } from "../domain/errors.js"
import type { HiddenBy, PermissionDecision, PermissionQuery, PossibleDeny, SearchFilter } from "../domain/permissions.js"
import type { AllSettings, Permissions } from "../domain/settings.js"
import { analyseCommand, type ShellAnalysis } from "../permissions/bash.js"
import { possibleDenyMatch } from "../permissions/bashPossibleDeny.js"
import { bashAllowedBy, bashMatchesAny, type CompiledBashRule } from "../permissions/bashRules.js"
import { isInside } from "../domain/paths.js"
import { insideAny, matchesPath, pathArguments, realPathOf, type ResolvedPath, resolvePath } from "../permissions/paths.js"
import { namesProtected, type ProtectedPlaces, type Protection, protectionOfAny } from "../permissions/protectedPaths.js"
import { type CompiledRule, compileRuleText, loadRuleSet, type RuleSet } from "../permissions/ruleSet.js"
import { describeRule, EDIT_FAMILY, FILE_TOOLS, governs, READ_FAMILY } from "../permissions/rules.js"
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

/** What the rules are matched against. */
interface CallFacts {
  readonly toolName: string
  /** File tools: every path the call touches. */
  readonly paths: ReadonlyArray<ResolvedPath> | undefined
  /** Bash: the analysed command line (only when some Bash rule needs it). */
  readonly shell: ShellAnalysis | undefined
}

const allow = (decidedBy: string): PermissionDecision => ({ _tag: "Allow", decidedBy })
const ask = (decidedBy: string): PermissionDecision => ({ _tag: "Ask", decidedBy })
const deny = (decidedBy: string, reason: string): PermissionDecision => ({ _tag: "Deny", decidedBy, reason })

/** The deny rule might match: `Bash(rm:*) (project settings) might match: eval runs text as a command`. */
const mightMatch = (unsure: PossibleDeny): string => `${unsure.rule} might match: ${unsure.construct}`

const askProtected = (guard: Protection): PermissionDecision => ({
  _tag: "Ask",
  decidedBy: `protected file: ${guard.shown} is ${guard.why}`,
  protectedFile: { path: guard.shown, why: guard.why }
})

const PLAN_DENIED = new Set([...EDIT_FAMILY, "Bash", "KillBash"])

const isSpecificBash = (rule: CompiledRule): boolean => rule.bash !== undefined && rule.bash._tag !== "Any"

const bashRulesOf = (rules: ReadonlyArray<CompiledRule>): ReadonlyArray<CompiledBashRule> =>
  rules.flatMap((rule) => (rule.bash === undefined ? [] : [rule.bash]))

const everyPath = (facts: CallFacts, test: (path: string) => boolean): boolean =>
  facts.paths !== undefined && facts.paths.length > 0 && facts.paths.every((path) => path.real.every(test))

/** A rule that matches the call in the "any part matches" sense (deny and ask). */
const matchAny = (rules: ReadonlyArray<CompiledRule>, facts: CallFacts): CompiledRule | undefined => {
  const relevant = rules.filter((rule) => governs(rule.rule, facts.toolName))
  for (const rule of relevant) {
    switch (rule.rule._tag) {
      case "AnyCall":
        return rule
      case "PathGlob": {
        const matcher = rule.path
        if (matcher === undefined || facts.paths === undefined) continue
        if (facts.paths.some((path) => [path.lexical, ...path.real].some((p) => matchesPath(matcher, p)))) return rule
        continue
      }
      default:
        continue
    }
  }
  if (facts.toolName === "Bash" && facts.shell !== undefined) {
    const bashRules = relevant.filter((rule) => rule.bash !== undefined)
    const hit = bashMatchesAny(facts.shell, bashRulesOf(bashRules))
    if (hit !== undefined) return bashRules.find((rule) => rule.bash === hit)
  }
  return undefined
}

/** A file that changes the rules, per path of the call (edit family only). */
type GuardOf = (path: ResolvedPath) => Protection | undefined

/**
 * The rules that together allow the call, or undefined. A protected path is covered only by a
 * rule that also names it (so never by a bare rule).
 */
const allowedBy = (rules: ReadonlyArray<CompiledRule>, facts: CallFacts, guardOf: GuardOf): ReadonlyArray<CompiledRule> | undefined => {
  const relevant = rules.filter((rule) => governs(rule.rule, facts.toolName))
  const bare = relevant.find((rule) => rule.rule._tag === "AnyCall")
  const guarded = facts.paths?.some((path) => guardOf(path) !== undefined) ?? false
  if (bare !== undefined && !guarded) return [bare]
  if (facts.toolName === "Bash") {
    if (facts.shell === undefined) return undefined
    const bashRules = relevant.filter((rule) => rule.bash !== undefined)
    const hits = bashAllowedBy(facts.shell, bashRulesOf(bashRules))
    return hits?.flatMap((hit) => bashRules.filter((rule) => rule.bash === hit))
  }
  if (!FILE_TOOLS.includes(facts.toolName) || facts.paths === undefined || facts.paths.length === 0) return undefined
  // Every real path the call touches must be covered (the lexical spelling proves nothing).
  const used: Array<CompiledRule> = []
  for (const path of facts.paths) {
    const guard = guardOf(path)
    const covers = (r: CompiledRule, real: string) =>
      guard === undefined
        ? r.rule._tag === "AnyCall" || (r.path !== undefined && matchesPath(r.path, real))
        : r.path !== undefined && matchesPath(r.path, real) && namesProtected(r.rule, guard)
    for (const real of path.real) {
      const rule = relevant.find((r) => covers(r, real))
      if (rule === undefined) return undefined
      if (!used.includes(rule)) used.push(rule)
    }
  }
  return used
}

const describeAll = (rules: ReadonlyArray<CompiledRule>): string => rules.map((rule) => describeRule(rule.rule)).join(", ")

const expandHome = (path: string, home: string): string =>
  path === "~" ? home : path.startsWith("~/") ? join(home, path.slice(2)) : path

/** The rule set with the `--settings` file's rules and directories and the `--add-dir` ones. */
const withExtras = (rules: RuleSet, config: RulesPolicyConfig, dirs: { readonly projectDir: string; readonly homeDir: string }) =>
  Effect.gen(function* () {
    const extra = config.extraSettings
    const added: Array<CompiledRule> = []
    for (const effect of ["deny", "allow", "ask"] as const) {
      for (const text of extra?.permissions?.[effect] ?? []) added.push(yield* compileRuleText(text, "--settings", effect, dirs, extra?.path))
    }
    const directories = [...rules.directories]
    for (const dir of [...(extra?.permissions?.additionalDirectories ?? []), ...(config.addDirs ?? [])]) {
      const real = yield* realPathOf(resolve(dirs.projectDir, expandHome(dir, dirs.homeDir)))
      if (!directories.includes(real)) directories.push(real)
    }
    const result: RuleSet = {
      deny: [...rules.deny, ...added.filter((rule) => rule.effect === "deny")],
      allow: [...rules.allow, ...added.filter((rule) => rule.effect === "allow")],
      ask: [...rules.ask, ...added.filter((rule) => rule.effect === "ask")],
      directories
    }
    return result
  })

export const PermissionPolicyRules = (
  config: RulesPolicyConfig
): Layer.Layer<PermissionPolicy, RuleError, Workspace | FileSystem> =>
  Layer.effect(
    PermissionPolicy,
    Effect.gen(function* () {
      const workspace = yield* Workspace
      const fs = yield* FileSystem
      const dirs = { projectDir: workspace.projectDir, homeDir: workspace.homeDir }
      const loaded = yield* loadRuleSet(
        {
          allowedTools: config.allowedTools,
          disallowedTools: config.disallowedTools,
          settings: config.settings,
          ...(config.settingsPaths === undefined ? {} : { settingsPaths: config.settingsPaths })
        },
        dirs
      )
      const rules = yield* Effect.provideService(withExtras(loaded, config, dirs), FileSystem, fs)
      // Protected files are shown relative to the project or home, however a path reaches them.
      const bothSpellings = (dir: string) =>
        Effect.map(Effect.provideService(realPathOf(resolve(dir)), FileSystem, fs), (real) =>
          real === resolve(dir) ? [real] : [resolve(dir), real]
        )
      const places: ProtectedPlaces = { projectDirs: yield* bothSpellings(dirs.projectDir), homeDirs: yield* bothSpellings(dirs.homeDir) }
      const modeRef = yield* Ref.make(config.mode)
      const sessionRef = yield* Ref.make<ReadonlyArray<CompiledRule>>([])
      /** A custom command's `allowed-tools`, while its turn runs. */
      const scopedRef = yield* Ref.make<ReadonlyArray<CompiledRule>>([])
      const provideFs = Effect.provideService(FileSystem, fs)

      const gather = (query: PermissionQuery, needShell: boolean): Effect.Effect<CallFacts> =>
        Effect.gen(function* () {
          const raws = FILE_TOOLS.includes(query.toolName) ? pathArguments(query.toolName, query.args) : undefined
          const paths = raws === undefined ? undefined : yield* provideFs(Effect.forEach(raws, (raw) => resolvePath(dirs.projectDir, raw)))
          const command = query.args?.["command"]
          const shell =
            query.toolName === "Bash" && needShell && typeof command === "string" ? yield* analyseCommand(command) : undefined
          return { toolName: query.toolName, paths, shell }
        })

      /**
       * A line a specific Bash deny rule might match though it does not provably match: a part the
       * analysis cannot see through, or an unknown program handed the denied program's name.
       */
      const unsureDeny = (shell: ShellAnalysis): PossibleDeny | undefined => {
        const bashDeny = rules.deny.filter((r) => governs(r.rule, "Bash") && isSpecificBash(r))
        const found = possibleDenyMatch(shell, bashRulesOf(bashDeny))
        const rule = found === undefined ? undefined : bashDeny.find((r) => r.bash === found.rule)
        return rule === undefined || found === undefined ? undefined : { rule: describeRule(rule.rule), construct: found.construct }
      }

      /** Writes only: a file that changes the rules, judged by its written and real spellings. */
      const guardOf =
        (tool: string): GuardOf =>
        (path) =>
          EDIT_FAMILY.includes(tool) ? protectionOfAny([path.lexical, ...path.real], places) : undefined

      const insideWorkspace = (facts: CallFacts): boolean => everyPath(facts, (path) => insideAny(rules.directories, path))

      /** Allow rules in precedence order: CLI, session (and a command's), settings. */
      const currentAllowRules = Effect.zipWith(Ref.get(sessionRef), Ref.get(scopedRef), (session, scoped) => [
        ...rules.allow.filter((r) => r.rule.source === "--allowedTools"),
        ...session,
        ...scoped,
        ...rules.allow.filter((r) => r.rule.source !== "--allowedTools")
      ])

      const decide = (query: PermissionQuery): Effect.Effect<PermissionDecision> =>
        Effect.gen(function* () {
          const tool = query.toolName
          const allowRules = yield* currentAllowRules
          const needShell = tool === "Bash" && [...rules.deny, ...allowRules, ...rules.ask].some(isSpecificBash)
          const facts = yield* gather(query, needShell)

          // 1. Deny rules, from every source.
          const denied = matchAny(rules.deny, facts)
          if (denied !== undefined) {
            const name = describeRule(denied.rule)
            return deny(name, `Permission denied by rule ${name}`)
          }
          const unsure = facts.shell === undefined ? undefined : unsureDeny(facts.shell)
          const guards = guardOf(tool)
          const guard = facts.paths?.map(guards).find((found) => found !== undefined)

          // 2. The mode.
          const mode = yield* Ref.get(modeRef)
          switch (mode) {
            case "plan":
              if (PLAN_DENIED.has(tool)) {
                const planDenial = deny(
                  "plan mode",
                  `Plan mode is active: ${tool} is not allowed while planning. Research with read-only tools, then present the plan with ExitPlanMode.`
                )
                // Kept for `!cmd`, which ignores plan mode but must not run what a deny rule might match.
                return unsure === undefined ? planDenial : { ...planDenial, possibleDeny: unsure }
              }
              // Leaving plan mode is the user's call: the plan is shown for approval (headless: denied,
              // unless --allowedTools ExitPlanMode), so a plan-mode run stays read-only.
              if (tool === "ExitPlanMode" && !allowRules.some((r) => governs(r.rule, tool))) {
                return ask("plan mode: the plan needs the user's approval")
              }
              break
            case "bypassPermissions":
              // Nobody is asked in this mode, and the user's deny rule outranks the mode.
              if (unsure !== undefined) {
                return {
                  _tag: "Deny",
                  decidedBy: mightMatch(unsure),
                  reason: `Permission denied: the deny rule ${unsure.rule} might match this command and it cannot be checked (${unsure.construct}). bypassPermissions does not override deny rules; write the command out plainly.`,
                  possibleDeny: unsure
                }
              }
              return allow("bypassPermissions mode")
            case "acceptEdits":
              if (EDIT_FAMILY.includes(tool) && insideWorkspace(facts) && guard === undefined) return allow("acceptEdits mode")
              break
            case "default":
              break
          }
          if (unsure !== undefined) return { _tag: "Ask", decidedBy: mightMatch(unsure), possibleDeny: unsure }

          // 3. Allow rules: CLI, session, settings.
          const allowed = allowedBy(allowRules, facts, guards)
          if (allowed !== undefined && allowed.length > 0) return allow(describeAll(allowed))
          if (guard !== undefined) return askProtected(guard)

          // 4. Ask rules.
          const asked = matchAny(rules.ask, facts)
          if (asked !== undefined) return ask(describeRule(asked.rule))

          // 5. Defaults.
          if (READ_FAMILY.includes(tool)) {
            return insideWorkspace(facts)
              ? allow("default: reading inside the project")
              : ask("default: reading outside the project and additionalDirectories needs approval")
          }
          if (tool === "TodoWrite") return allow("default: TodoWrite")
          // Loads the skills letta itself lists (project ones must be inside the project).
          if (tool === "Skill") return allow("default: Skill reads a listed skill")
          if (tool === "BashOutput") return allow("default: BashOutput reads output of our own jobs")
          return ask("default: needs approval")
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

      /**
       * The same precedence as `decide` for a call naming one found file: deny rules, then (unless
       * bypassPermissions) ask rules not overridden by an allow rule. An ask rule that covers the
       * search root itself was already put to the user for this call, so it hides nothing.
       * The returned test is synchronous, for walks of tens of thousands of files. The walks do
       * not follow symlinks, so a found path is the file, spelled under the root as searched and
       * under its real path.
       */
      const searchFilter = (toolName: string, root: string): Effect.Effect<SearchFilter | undefined> =>
        Effect.gen(function* () {
          const pathRules = (list: ReadonlyArray<CompiledRule>) =>
            list.filter((rule) => rule.path !== undefined && governs(rule.rule, toolName))
          const denying = pathRules(rules.deny)
          const mode = yield* Ref.get(modeRef)
          if (denying.length === 0 && (mode === "bypassPermissions" || pathRules(rules.ask).length === 0)) return undefined
          const searched = yield* provideFs(resolvePath(dirs.projectDir, root))
          const roots = [searched.lexical, ...searched.real]
          const covers = (rule: CompiledRule, path: string) => rule.path !== undefined && matchesPath(rule.path, path)
          const asking =
            mode === "bypassPermissions" ? [] : pathRules(rules.ask).filter((rule) => !roots.some((path) => covers(rule, path)))
          const allowRules = (yield* currentAllowRules).filter((rule) => governs(rule.rule, toolName))
          const allowsAll = allowRules.some((rule) => rule.rule._tag === "AnyCall")
          return (found: string): HiddenBy | undefined => {
            const below = isInside(searched.lexical, found) ? found.slice(searched.lexical.length) : undefined
            const spellings = below === undefined ? [found] : [found, ...searched.real.map((real) => real + below)]
            const denied = denying.find((rule) => spellings.some((path) => covers(rule, path)))
            if (denied !== undefined) return { rule: describeRule(denied.rule), effect: "deny" }
            const asked = asking.find((rule) => spellings.some((path) => covers(rule, path)))
            if (asked === undefined || allowsAll) return undefined
            if (spellings.every((path) => allowRules.some((rule) => covers(rule, path)))) return undefined
            return { rule: describeRule(asked.rule), effect: "ask" }
          }
        })

      return {
        mode: Ref.get(modeRef),
        searchFilter,
        setMode: (mode) => Ref.set(modeRef, mode),
        decide,
        addSessionRule,
        withScopedRules
      }
    })
  )
