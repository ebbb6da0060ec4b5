/**
 * Bash rules against analysed command lines.
 *
 * ALLOW: a line is allowed when EVERY simple command in it is allowed by some rule:
 * - `Bash(prefix:*)` covers a command whose words (leading `NAME=value` assignments included)
 *   begin with the prefix's words — whole words, so `npm run test:*` covers `npm run test` and
 *   `npm run test --watch` but not `npm run testx`. It never covers a command that writes a file
 *   through a redirection (`> out`), nor an opaque one, nor one that names a file that changes
 *   the rules (`cp x .letta/settings.json`) unless the prefix names it too (bashProtected.ts).
 * - `Bash(command)` covers a command with the same words and redirections (quoting and spacing
 *   may differ), or a whole line that prints the same in normal form.
 * - Wrappers: see bashWrappers.ts. A prefix rule for a wrapper (`env:*`, `nohup:*`, `xargs:*`,
 *   `bash:*`) does not cover the command it runs; a rule for that command does. `cd`/`pushd`/`popd`/`true`/`false`/`:` need no rule of their
 *   own inside a line that rules otherwise allow (they only move or do nothing), but a line made
 *   only of them is not auto-allowed.
 * - A program in a system directory (`/usr/bin/git`) counts as its name; other paths do not.
 *
 * DENY (and ASK): a line matches when ANY simple command — inside substitutions, `bash -c`,
 * `eval` and every wrapper included — matches, compared with and without its leading assignments
 * and with its program path reduced to the base name (`FOO=1 /bin/rm -rf x` matches
 * `Bash(rm -rf:*)`). Arguments that `xargs` or `find -exec` append are unknown, so a rule that
 * could match once they are appended matches.
 */
import { describeRule, type PermissionRule } from "./rules.js"
import {
  analyseCommandWith,
  type ShellAnalysis,
  type ShellParser,
  type ShellWord,
  type SimpleCommand,
  wordKey
} from "./bash.js"
import { namesProtected, touchesProtected } from "./bashProtected.js"
import { programBaseName, systemProgram } from "./bashWrappers.js"

export type CompiledBashRule =
  | { readonly _tag: "Any"; readonly rule: PermissionRule }
  | {
      readonly _tag: "Exact"
      readonly rule: PermissionRule
      /** The rule's line in normal form. */
      readonly line: string | undefined
      /** When the rule is one simple command: its words (assignments first) and redirections. */
      readonly command: { readonly keys: ReadonlyArray<string>; readonly redirects: ReadonlyArray<string> } | undefined
    }
  | { readonly _tag: "Prefix"; readonly rule: PermissionRule; readonly keys: ReadonlyArray<string> }

export type BashRuleCompile = { readonly _tag: "Ok"; readonly compiled: CompiledBashRule } | { readonly _tag: "Error"; readonly problem: string }

const programWord = (word: ShellWord): ShellWord => (word.static ? { text: systemProgram(word.text), static: true } : word)

/** The words an allow rule compares: assignments, the (system-normalised) program, its arguments. */
const allowKeys = (command: SimpleCommand): ReadonlyArray<string> => {
  const [program, ...rest] = command.words
  return [...command.assignments, ...(program === undefined ? [] : [programWord(program)]), ...rest].map(wordKey)
}

const startsWith = (keys: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean =>
  prefix.length <= keys.length && prefix.every((key, index) => keys[index] === key)

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((key, index) => b[index] === key)

/** Parses a Bash rule's specifier as shell. */
export const compileBashRule = (parser: ShellParser, rule: PermissionRule): BashRuleCompile => {
  switch (rule._tag) {
    case "AnyCall":
      return { _tag: "Ok", compiled: { _tag: "Any", rule } }
    case "BashExact": {
      const analysis = analyseCommandWith(parser, rule.command)
      if (analysis.printed === undefined) {
        return { _tag: "Error", problem: `the command cannot be parsed as shell (${analysis.opaque ?? "syntax error"})` }
      }
      const only = analysis.commands.length === 1 && analysis.opaque === undefined ? analysis.commands[0] : undefined
      const command =
        only === undefined || only.opaque !== undefined ? undefined : { keys: allowKeys(only), redirects: only.redirects }
      return { _tag: "Ok", compiled: { _tag: "Exact", rule, line: analysis.printed, command } }
    }
    case "BashPrefix": {
      const analysis = analyseCommandWith(parser, rule.prefix)
      const only = analysis.commands[0]
      if (analysis.opaque !== undefined || analysis.commands.length !== 1 || only === undefined) {
        return {
          _tag: "Error",
          problem: `the prefix before :* must be one plain command (words only, no ;, &&, |, $(…) or redirections)${analysis.opaque === undefined ? "" : `: ${analysis.opaque}`}`
        }
      }
      if (only.redirects.length > 0) return { _tag: "Error", problem: "the prefix before :* cannot contain redirections" }
      if (![...only.assignments, ...only.words].every((word) => word.static)) {
        return { _tag: "Error", problem: "the prefix before :* must be literal words (no $variables, globs or substitutions)" }
      }
      return { _tag: "Ok", compiled: { _tag: "Prefix", rule, keys: allowKeys(only) } }
    }
    case "PathGlob":
      return { _tag: "Error", problem: "not a Bash rule" }
  }
}

// ---------------------------------------------------------------------------------------------
// Allow

const NEUTRAL = new Set(["cd", "pushd", "popd", "true", "false", ":"])

const isNeutral = (command: SimpleCommand): boolean => {
  const program = command.words[0]
  return (
    program !== undefined &&
    program.static &&
    NEUTRAL.has(program.text) &&
    command.assignments.length === 0 &&
    !command.writes &&
    command.inner === undefined
  )
}

const selfMatch = (
  command: SimpleCommand,
  rules: ReadonlyArray<CompiledBashRule>,
  argsAppended: boolean
): CompiledBashRule | undefined => {
  const keys = allowKeys(command)
  if (!argsAppended) {
    const exact = rules.find(
      (rule) =>
        rule._tag === "Exact" &&
        rule.command !== undefined &&
        sameKeys(rule.command.keys, keys) &&
        sameKeys(rule.command.redirects, command.redirects)
    )
    if (exact !== undefined) return exact
  }
  if (command.writes) return undefined
  // A command that names a file that changes the rules needs a rule that names it too.
  const guarded = touchesProtected(command)
  return rules.find(
    (rule) => rule._tag === "Prefix" && startsWith(keys, rule.keys) && (!guarded || rule.keys.some((key) => namesProtected(key.slice(1))))
  )
}

const allowCommand = (
  command: SimpleCommand,
  rules: ReadonlyArray<CompiledBashRule>,
  argsAppended: boolean
): ReadonlyArray<CompiledBashRule> | undefined => {
  if (command.opaque !== undefined) return undefined
  if (!argsAppended && isNeutral(command)) return []
  const self = selfMatch(command, rules, argsAppended)
  const inner = command.inner
  if (inner === undefined) return self === undefined ? undefined : [self]
  switch (inner._tag) {
    // A prefix rule for the wrapper itself (`env:*`, `xargs:*`, `bash:*`) does not cover what
    // it runs: only an exact rule for the whole command, or rules for the inner command, do.
    case "Transparent":
      if (self?._tag === "Exact") return [self]
      return command.writes ? undefined : allowCommand(inner.command, rules, argsAppended || inner.argsAppended)
    case "Script":
      if (self?._tag === "Exact") return [self]
      // `BASH_ENV=x bash -c …` runs x first: assignments on a shell make it a different thing.
      return command.writes || command.assignments.length > 0 ? undefined : allowCommands(inner.analysis, rules)
    case "Guarded": {
      if (self === undefined) return undefined
      if (self._tag === "Exact") return [self]
      const found: Array<CompiledBashRule> = [self]
      for (const each of inner.commands) {
        const allowed = allowCommand(each, rules, true)
        if (allowed === undefined) return undefined
        found.push(...allowed)
      }
      return found
    }
    case "SelfOnly":
      return self === undefined ? undefined : [self]
  }
}

/**
 * The rules that allow every command of the line (empty when it only runs `cd` and the like),
 * or undefined when some command is not allowed. Exact whole-line rules are not considered.
 */
export const allowCommands = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): ReadonlyArray<CompiledBashRule> | undefined => {
  if (analysis.opaque !== undefined) return undefined
  const found: Array<CompiledBashRule> = []
  for (const command of analysis.commands) {
    const allowed = allowCommand(command, rules, false)
    if (allowed === undefined) return undefined
    for (const rule of allowed) if (!found.includes(rule)) found.push(rule)
  }
  return found
}

const lineMatch = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): CompiledBashRule | undefined =>
  analysis.printed === undefined
    ? undefined
    : rules.find((rule) => rule._tag === "Exact" && rule.line !== undefined && rule.line === analysis.printed)

/** An exact whole-line rule allows a line only when everything in it could be analysed. */
const lineAllowed = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): CompiledBashRule | undefined =>
  hasOpaquePart(analysis) ? undefined : lineMatch(analysis, rules)

/** The rules that together allow every command of the line, or undefined when some command is not allowed. */
export const bashAllowedBy = (
  analysis: ShellAnalysis,
  rules: ReadonlyArray<CompiledBashRule>
): ReadonlyArray<CompiledBashRule> | undefined => {
  const any = rules.find((rule) => rule._tag === "Any")
  if (any !== undefined) return [any]
  const line = lineAllowed(analysis, rules)
  if (line !== undefined) return [line]
  const found = allowCommands(analysis, rules)
  // A line of nothing but `cd` and `true` is not something a rule allowed.
  return found === undefined || found.length === 0 ? undefined : found
}

// ---------------------------------------------------------------------------------------------
// Deny / ask

/** The spellings of a command a deny rule is compared with. */
const denyVariants = (command: SimpleCommand): ReadonlyArray<ReadonlyArray<string>> => {
  const [program, ...rest] = command.words
  const restKeys = rest.map(wordKey)
  const assignmentKeys = command.assignments.map(wordKey)
  if (program === undefined) return [assignmentKeys]
  const programs = program.static
    ? [...new Set([program.text, systemProgram(program.text), programBaseName(program.text)])].map((text) => wordKey({ text, static: true }))
    : [wordKey(program)]
  const variants: Array<ReadonlyArray<string>> = []
  for (const name of programs) {
    variants.push([name, ...restKeys])
    if (assignmentKeys.length > 0) variants.push([...assignmentKeys, name, ...restKeys])
  }
  return variants
}

const ruleMatchesCommand = (rule: CompiledBashRule, command: SimpleCommand, argsAppended: boolean): boolean => {
  switch (rule._tag) {
    case "Any":
      return true
    case "Exact": {
      const keys = rule.command?.keys
      if (keys === undefined) return false
      return denyVariants(command).some((variant) => (argsAppended ? startsWith(keys, variant) : sameKeys(variant, keys)))
    }
    case "Prefix":
      return denyVariants(command).some(
        (variant) => startsWith(variant, rule.keys) || (argsAppended && startsWith(rule.keys, variant))
      )
  }
}

const matchCommand = (
  command: SimpleCommand,
  rules: ReadonlyArray<CompiledBashRule>,
  argsAppended: boolean
): CompiledBashRule | undefined => {
  const direct = rules.find((rule) => ruleMatchesCommand(rule, command, argsAppended))
  if (direct !== undefined) return direct
  const inner = command.inner
  if (inner === undefined) return undefined
  switch (inner._tag) {
    case "Transparent":
      return matchCommand(inner.command, rules, argsAppended || inner.argsAppended)
    case "Guarded":
      return firstDefined(inner.commands, (each) => matchCommand(each, rules, true))
    case "SelfOnly":
      return firstDefined(inner.candidates, (each) => matchCommand(each, rules, argsAppended))
    case "Script":
      return bashMatchesAny(inner.analysis, rules)
  }
}

const firstDefined = <A, B>(items: ReadonlyArray<A>, f: (item: A) => B | undefined): B | undefined => {
  for (const item of items) {
    const result = f(item)
    if (result !== undefined) return result
  }
  return undefined
}

/** The first rule that matches ANY command of the line (for deny and ask rules). */
export const bashMatchesAny = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): CompiledBashRule | undefined => {
  const any = rules.find((rule) => rule._tag === "Any")
  if (any !== undefined) return any
  return lineMatch(analysis, rules) ?? firstDefined(analysis.commands, (command) => matchCommand(command, rules, false))
}

/** Whether anything in the line could not be judged statically (so a deny rule might miss it). */
export const hasOpaquePart = (analysis: ShellAnalysis): boolean =>
  analysis.opaque !== undefined || analysis.commands.some(commandHasOpaquePart)

const commandHasOpaquePart = (command: SimpleCommand): boolean => {
  if (command.opaque !== undefined) return true
  const inner = command.inner
  if (inner === undefined) return false
  switch (inner._tag) {
    case "Transparent":
      return commandHasOpaquePart(inner.command)
    case "Guarded":
      return inner.commands.some(commandHasOpaquePart)
    case "SelfOnly":
      return inner.candidates.some(commandHasOpaquePart)
    case "Script":
      return hasOpaquePart(inner.analysis)
  }
}

/** The first reason a line is opaque, for messages. */
export const opaqueReason = (analysis: ShellAnalysis): string | undefined =>
  analysis.opaque ?? firstDefined(analysis.commands, commandOpaqueReason)

const commandOpaqueReason = (command: SimpleCommand): string | undefined => {
  if (command.opaque !== undefined) return command.opaque
  const inner = command.inner
  if (inner === undefined) return undefined
  switch (inner._tag) {
    case "Transparent":
      return commandOpaqueReason(inner.command)
    case "Guarded":
      return firstDefined(inner.commands, commandOpaqueReason)
    case "SelfOnly":
      return firstDefined(inner.candidates, commandOpaqueReason)
    case "Script":
      return opaqueReason(inner.analysis)
  }
}

/** `Bash(git diff:*) (--allowedTools), Bash(ls:*) (local settings)`. */
export const describeBashRules = (rules: ReadonlyArray<CompiledBashRule>): string =>
  rules.map((compiled) => describeRule(compiled.rule)).join(", ")
