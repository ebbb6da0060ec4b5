/**
 * The permission decision: plain data in, a decision out (no services, no file system, no
 * state). The policy layer keeps the state (mode, session rules) and gathers the facts (real
 * paths, the analysed shell line); this module only judges them. Precedence, first match wins:
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
 *   (./protectedPaths.ts) is not allowed by acceptEdits nor by an allow rule that does not name
 *   the file: it asks, with `protectedFile`. bypassPermissions still allows it.
 */
import type { PermissionMode } from "../domain/config.js"
import type { PermissionDecision, PossibleDeny } from "../domain/permissions.js"
import type { ShellAnalysis } from "./bash.js"
import { possibleDenyMatch } from "./bashPossibleDeny.js"
import { bashAllowedBy } from "./bashAllowMatch.js"
import { bashMatchesAny } from "./bashDenyMatch.js"
import type { CompiledBashRule } from "./bashRules.js"
import { insideAny, matchesPath, type ResolvedPath } from "./paths.js"
import { namesProtected, type ProtectedPlaces, type Protection, protectionOfAny } from "./protectedPaths.js"
import type { CompiledRule } from "./ruleSet.js"
import { describeRule, EDIT_FAMILY, FILE_TOOLS, governs, READ_FAMILY } from "./rules.js"

/** The rules in force for one call. */
export interface PolicyRules {
  readonly deny: ReadonlyArray<CompiledRule>
  /** In precedence order: --allowedTools, session (and a running command's), settings. */
  readonly allow: ReadonlyArray<CompiledRule>
  readonly ask: ReadonlyArray<CompiledRule>
}

/** What the rules are judged against: the call, as the policy layer resolved it. */
export interface CallFacts {
  readonly toolName: string
  /** File tools: every path the call touches (undefined for other tools). */
  readonly paths: ReadonlyArray<ResolvedPath> | undefined
  /** Bash: the analysed command line (only when `needsShell` said a rule needs it). */
  readonly shell: ShellAnalysis | undefined
  /** The project directory and the additional ones, as real paths: "inside the project". */
  readonly directories: ReadonlyArray<string>
  /** Where the project and home directories are, for files that change the rules. */
  readonly places: ProtectedPlaces
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

/**
 * Whether judging a Bash call needs its line analysed: only when some rule names a command
 * (the shell parser is then loaded; bare Bash rules match without it).
 */
export const needsShell = (rules: PolicyRules, toolName: string): boolean =>
  toolName === "Bash" && [...rules.deny, ...rules.allow, ...rules.ask].some(isSpecificBash)

const bashRulesOf = (rules: ReadonlyArray<CompiledRule>): ReadonlyArray<CompiledBashRule> =>
  rules.flatMap((rule) => (rule.bash === undefined ? [] : [rule.bash]))

const everyPath = (facts: CallFacts, test: (path: string) => boolean): boolean =>
  facts.paths !== undefined && facts.paths.length > 0 && facts.paths.every((path) => path.real.every(test))

const insideWorkspace = (facts: CallFacts): boolean => everyPath(facts, (path) => insideAny(facts.directories, path))

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

/** Writes only: a file that changes the rules, judged by its written and real spellings. */
const guardOf =
  (facts: CallFacts): GuardOf =>
  (path) =>
    EDIT_FAMILY.includes(facts.toolName) ? protectionOfAny([path.lexical, ...path.real], facts.places) : undefined

/**
 * The rules that together allow the call, or undefined. A protected path is covered only by a
 * rule that also names it (so never by a bare rule).
 */
const allowedBy = (rules: ReadonlyArray<CompiledRule>, facts: CallFacts, guards: GuardOf): ReadonlyArray<CompiledRule> | undefined => {
  const relevant = rules.filter((rule) => governs(rule.rule, facts.toolName))
  const bare = relevant.find((rule) => rule.rule._tag === "AnyCall")
  const guarded = facts.paths?.some((path) => guards(path) !== undefined) ?? false
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
    const guard = guards(path)
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

/**
 * A line a specific Bash deny rule might match though it does not provably match: a part the
 * analysis cannot see through, or an unknown program handed the denied program's name.
 */
const unsureDeny = (denyRules: ReadonlyArray<CompiledRule>, shell: ShellAnalysis): PossibleDeny | undefined => {
  const bashDeny = denyRules.filter((r) => governs(r.rule, "Bash") && isSpecificBash(r))
  const found = possibleDenyMatch(shell, bashRulesOf(bashDeny))
  const rule = found === undefined ? undefined : bashDeny.find((r) => r.bash === found.rule)
  return rule === undefined || found === undefined ? undefined : { rule: describeRule(rule.rule), construct: found.construct }
}

/** Allow, ask or deny one call, and say what decided it. */
export const decide = (rules: PolicyRules, mode: PermissionMode, facts: CallFacts): PermissionDecision => {
  const tool = facts.toolName

  // 1. Deny rules, from every source.
  const denied = matchAny(rules.deny, facts)
  if (denied !== undefined) {
    const name = describeRule(denied.rule)
    return deny(name, `Permission denied by rule ${name}`)
  }
  const unsure = facts.shell === undefined ? undefined : unsureDeny(rules.deny, facts.shell)
  const guards = guardOf(facts)
  const guard = facts.paths?.map(guards).find((found) => found !== undefined)

  // 2. The mode.
  switch (mode) {
    case "plan":
      if (PLAN_DENIED.has(tool)) {
        const reason = `Plan mode is active: ${tool} is not allowed while planning. Research with read-only tools, then present the plan with ExitPlanMode.`
        // Kept for `!cmd`, which ignores plan mode but must not run what a deny rule might match.
        return unsure === undefined
          ? deny("plan mode", reason)
          : { _tag: "Deny", decidedBy: "plan mode", reason, possibleDeny: unsure }
      }
      // Leaving plan mode is the user's call: the plan is shown for approval (headless: denied,
      // unless --allowedTools ExitPlanMode), so a plan-mode run stays read-only.
      if (tool === "ExitPlanMode" && !rules.allow.some((r) => governs(r.rule, tool))) {
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
  const allowed = allowedBy(rules.allow, facts, guards)
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
}
