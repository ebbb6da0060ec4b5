/**
 * What a directory-wide search (Grep, Glob, LS) must leave out: the files a call naming them
 * would be denied or asked about by path rules. Pure, like ./decide.ts, with the same
 * precedence for one found file: deny rules, then (unless bypassPermissions) ask rules not
 * overridden by an allow rule. An ask rule that covers the search root itself was already put
 * to the user for this call, so it hides nothing.
 */
import type { PermissionMode } from "../domain/config.js"
import { isInside } from "../domain/paths.js"
import type { HiddenBy, SearchFilter } from "../domain/permissions.js"
import type { PolicyRules } from "./decide.js"
import { matchesPath, type ResolvedPath } from "./paths.js"
import type { CompiledRule } from "./ruleSet.js"
import { describeRule, governs } from "./rules.js"

const covers = (rule: CompiledRule, path: string): boolean => rule.path !== undefined && matchesPath(rule.path, path)

/**
 * The filter for a search by `toolName`, given the search root resolved (as written and real);
 * undefined when no rule can hide anything, so the caller need not even resolve the root.
 * The filter is synchronous, for walks of tens of thousands of files. The walks do not follow
 * symlinks, so a found path is the file, spelled under the root as searched and under its
 * real path.
 */
export const searchFilterOf = (
  rules: PolicyRules,
  mode: PermissionMode,
  toolName: string
): ((searched: ResolvedPath) => SearchFilter) | undefined => {
  const pathRules = (list: ReadonlyArray<CompiledRule>) => list.filter((rule) => rule.path !== undefined && governs(rule.rule, toolName))
  const denying = pathRules(rules.deny)
  if (denying.length === 0 && (mode === "bypassPermissions" || pathRules(rules.ask).length === 0)) return undefined
  return (searched) => {
    const roots = [searched.lexical, ...searched.real]
    const asking = mode === "bypassPermissions" ? [] : pathRules(rules.ask).filter((rule) => !roots.some((path) => covers(rule, path)))
    const allowRules = rules.allow.filter((rule) => governs(rule.rule, toolName))
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
  }
}
