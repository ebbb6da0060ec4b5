/**
 * Bash deny and ask rules against analysed command lines.
 *
 * DENY (and ASK): a line matches when ANY simple command — inside substitutions, `bash -c`,
 * `eval` and every wrapper included — matches, compared with and without its leading assignments
 * and with its program path reduced to the base name (`FOO=1 /bin/rm -rf x` matches
 * `Bash(rm -rf:*)`). Arguments that `xargs` or `find -exec` append are unknown, so a rule that
 * could match once they are appended matches.
 */
import type { ShellAnalysis, SimpleCommand } from "./bash.js"
import { programBaseName, systemProgram } from "./bashProgramNames.js"
import { type CompiledBashRule, firstDefined, lineMatch, sameKeys, startsWith } from "./bashRules.js"
import { wordKey } from "./bashWords.js"

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

/** The first rule that matches ANY command of the line (for deny and ask rules). */
export const bashMatchesAny = (analysis: ShellAnalysis, rules: ReadonlyArray<CompiledBashRule>): CompiledBashRule | undefined => {
  const any = rules.find((rule) => rule._tag === "Any")
  if (any !== undefined) return any
  return lineMatch(analysis, rules) ?? firstDefined(analysis.commands, (command) => matchCommand(command, rules, false))
}
