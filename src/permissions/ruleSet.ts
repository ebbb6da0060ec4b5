/**
 * Loading and compiling the rules of one run: settings files (user, project, local), CLI flags
 * and session approvals. A rule that cannot be understood is a RuleError (exit 2) before any
 * network call. The shell parser is only loaded when a Bash rule has a specifier.
 */
import type { FileSystem } from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import { join, resolve } from "node:path"
import { RuleError } from "../domain/errors.js"
import type { AllSettings, Permissions } from "../domain/settings.js"
import { loadShellParser } from "./bash.js"
import { type CompiledBashRule, compileBashRule } from "./bashRules.js"
import { compilePathMatcher, type PathMatcher, realPathOf } from "./paths.js"
import { parseRule, type PermissionRule, type RuleEffect, type RuleSource } from "./rules.js"

export interface CompiledRule {
  readonly rule: PermissionRule
  readonly effect: RuleEffect
  /** For path globs. */
  readonly path?: PathMatcher
  /** For every Bash rule (bare ones included). */
  readonly bash?: CompiledBashRule
}

export interface RuleSet {
  readonly deny: ReadonlyArray<CompiledRule>
  readonly allow: ReadonlyArray<CompiledRule>
  readonly ask: ReadonlyArray<CompiledRule>
  /** The project directory and `additionalDirectories`, as real paths. */
  readonly directories: ReadonlyArray<string>
}

export interface RuleInputs {
  readonly allowedTools: ReadonlyArray<string>
  readonly disallowedTools: ReadonlyArray<string>
  readonly settings: AllSettings
  /** The settings files, for error messages. */
  readonly settingsPaths?: { readonly user: string; readonly project: string; readonly local: string }
}

export interface Dirs {
  readonly projectDir: string
  readonly homeDir: string
}

interface RawRule {
  readonly text: string
  readonly source: RuleSource
  readonly effect: RuleEffect
  readonly location: string | undefined
}

const needsParser = (rule: PermissionRule): boolean => rule._tag === "BashExact" || rule._tag === "BashPrefix"

/** Compiles one parsed rule (the shell parser is loaded for Bash specifiers only). */
const compile = (
  rule: PermissionRule,
  effect: RuleEffect,
  dirs: Dirs,
  location: string | undefined
): Effect.Effect<CompiledRule, RuleError, FileSystem> =>
  Effect.gen(function* () {
    if (rule._tag === "PathGlob") {
      const path = yield* compilePathMatcher(rule.anchor, rule.pattern, dirs)
      return { rule, effect, path }
    }
    if (rule.tool !== "Bash") return { rule, effect }
    const shell = needsParser(rule) ? yield* loadShellParser : undefined
    const compiled = shell === undefined ? ({ _tag: "Ok", compiled: { _tag: "Any", rule } } as const) : compileBashRule(shell, rule)
    if (compiled._tag === "Error") {
      return yield* new RuleError({ rule: rule.text, source: rule.source, problem: compiled.problem, ...(location === undefined ? {} : { location }) })
    }
    return { rule, effect, bash: compiled.compiled }
  })

/** Parses and compiles one rule's text. */
export const compileRuleText = (
  text: string,
  source: RuleSource,
  effect: RuleEffect,
  dirs: Dirs,
  location?: string
): Effect.Effect<CompiledRule, RuleError, FileSystem> =>
  Effect.gen(function* () {
    const parsed = parseRule(text, source)
    if (parsed._tag === "Error") {
      return yield* new RuleError({ rule: text.trim(), source, problem: parsed.problem, ...(location === undefined ? {} : { location }) })
    }
    return yield* compile(parsed.rule, effect, dirs, location)
  })

const expandHome = (path: string, home: string): string =>
  path === "~" ? home : path.startsWith("~/") ? join(home, path.slice(2)) : path

/** All rules of the run, compiled; fails on the first rule that cannot be understood. */
export const loadRuleSet = (inputs: RuleInputs, dirs: Dirs): Effect.Effect<RuleSet, RuleError, FileSystem> =>
  Effect.gen(function* () {
    const { local, project, user } = inputs.settings
    const files = [
      { source: "user settings", permissions: user.permissions, location: inputs.settingsPaths?.user },
      { source: "project settings", permissions: project.permissions, location: inputs.settingsPaths?.project },
      { source: "local settings", permissions: local.permissions, location: inputs.settingsPaths?.local }
    ] as const
    const raw: Array<RawRule> = []
    for (const text of inputs.disallowedTools) raw.push({ text, source: "--disallowedTools", effect: "deny", location: undefined })
    for (const text of inputs.allowedTools) raw.push({ text, source: "--allowedTools", effect: "allow", location: undefined })
    for (const effect of ["deny", "allow", "ask"] as const) {
      for (const file of files) {
        for (const text of file.permissions?.[effect] ?? []) raw.push({ text, source: file.source, effect, location: file.location })
      }
    }
    const compiled = yield* Effect.forEach(raw, (r) => compileRuleText(r.text, r.source, r.effect, dirs, r.location))

    const directories = [yield* realPathOf(resolve(dirs.projectDir))]
    for (const file of files) {
      for (const dir of file.permissions?.additionalDirectories ?? []) {
        const real = yield* realPathOf(resolve(dirs.projectDir, expandHome(dir, dirs.homeDir)))
        if (!directories.includes(real)) directories.push(real)
      }
    }
    return {
      deny: compiled.filter((c) => c.effect === "deny"),
      allow: compiled.filter((c) => c.effect === "allow"),
      ask: compiled.filter((c) => c.effect === "ask"),
      directories
    }
  })

/** Rules and directories from the command line, on top of the settings files' ones. */
export interface ExtraRules {
  /** `--settings <file>`: its permissions, rules of source `--settings` (errors name the file). */
  readonly extraSettings?: { readonly path: string; readonly permissions: Permissions | undefined }
  /** `--add-dir`: more directories counted as inside, like `permissions.additionalDirectories`. */
  readonly addDirs?: ReadonlyArray<string>
}

/** The rule set with the `--settings` file's rules and directories and the `--add-dir` ones. */
export const withExtraRules = (rules: RuleSet, extras: ExtraRules, dirs: Dirs): Effect.Effect<RuleSet, RuleError, FileSystem> =>
  Effect.gen(function* () {
    const extra = extras.extraSettings
    const added: Array<CompiledRule> = []
    for (const effect of ["deny", "allow", "ask"] as const) {
      for (const text of extra?.permissions?.[effect] ?? []) added.push(yield* compileRuleText(text, "--settings", effect, dirs, extra?.path))
    }
    const directories = [...rules.directories]
    for (const dir of [...(extra?.permissions?.additionalDirectories ?? []), ...(extras.addDirs ?? [])]) {
      const real = yield* realPathOf(resolve(dirs.projectDir, expandHome(dir, dirs.homeDir)))
      if (!directories.includes(real)) directories.push(real)
    }
    return {
      deny: [...rules.deny, ...added.filter((rule) => rule.effect === "deny")],
      allow: [...rules.allow, ...added.filter((rule) => rule.effect === "allow")],
      ask: [...rules.ask, ...added.filter((rule) => rule.effect === "ask")],
      directories
    }
  })
