/**
 * Bash allow rules against analysed command lines.
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
 */
import type { ShellAnalysis, SimpleCommand } from "./bash.js"
import { hasOpaquePart } from "./bashOpaqueParts.js"
import { namesProtected, touchesProtected } from "./bashProtected.js"
import { allowKeys, type CompiledBashRule, lineMatch, sameKeys, startsWith } from "./bashRules.js"

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
