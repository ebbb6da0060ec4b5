/**
 * Bash rules compiled for matching against analysed command lines: the compiled form, the
 * compilation of a rule's specifier, and the word comparisons shared by the allow matcher
 * (bashAllowMatch.ts), the deny/ask matcher (bashDenyMatch.ts) and bashOpaqueParts.ts.
 */
import { describeRule, type PermissionRule } from "./rules.js"
import { analyseCommandWith, type ShellAnalysis, type ShellParser, type ShellWord, type SimpleCommand } from "./bash.js"
import { systemProgram } from "./bashProgramNames.js"
import { wordKey } from "./bashWords.js"

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
export const allowKeys = (command: SimpleCommand): ReadonlyArray<string> => {
  const [program, ...rest] = command.words
  return [...command.assignments, ...(program === undefined ? [] : [programWord(program)]), ...rest].map(wordKey)
}

export const startsWith = (keys: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean =>
  prefix.length <= keys.length && prefix.every((key, index) => keys[index] === key)

export const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
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

export const lineMatch = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): CompiledBashRule | undefined =>
  analysis.printed === undefined
    ? undefined
    : rules.find((rule) => rule._tag === "Exact" && rule.line !== undefined && rule.line === analysis.printed)

export const firstDefined = <A, B>(items: ReadonlyArray<A>, f: (item: A) => B | undefined): B | undefined => {
  for (const item of items) {
    const result = f(item)
    if (result !== undefined) return result
  }
  return undefined
}

/** `Bash(git diff:*) (--allowedTools), Bash(ls:*) (local settings)`. */
export const describeBashRules = (rules: ReadonlyArray<CompiledBashRule>): string =>
  rules.map((compiled) => describeRule(compiled.rule)).join(", ")
