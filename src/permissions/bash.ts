/**
 * Shell analysis for Bash permission rules: a command line is parsed with a
 * real Bash parser (unbash: pure TypeScript, no WASM, loaded lazily) and flattened into every
 * simple command it would run — in lists, pipelines, subshells, compound commands, `$(…)` and
 * backticks, `bash -c` / `sh -c` strings and stdin scripts, `eval` arguments, and behind
 * wrappers such as `env`, `nohup`, `timeout`, `xargs`, `find -exec` and `sudo`
 * (bashWrappers.ts, bashBuiltins.ts).
 *
 * Whatever cannot be known statically makes a command (or the whole line) "opaque": a program
 * name computed at run time, parse errors, function definitions, coproc,
 * and text bash evaluates a second time (bashReevaluated.ts). Opaque commands are never allowed
 * by a Bash exact or prefix rule; deny rules still see their visible words, and count them as
 * possibly matching (bashPossibleDeny.ts).
 *
 * This file holds the analysis' types, the parser and the walk over the syntax tree; words are
 * read in bashWords.ts and redirections in bashRedirects.ts.
 */
import * as Effect from "effect/Effect"
import type { Command, ParsedScript, Script, SyntaxNode } from "unbash"
import { variableNameProblem } from "./bashArithmetic.js"
import { type RedirectInfo, redirectInfo } from "./bashRedirects.js"
import { reevaluationProblem } from "./bashReevaluated.js"
import { trustedVariables, trustNothing } from "./bashTaint.js"
import { shellWord, staticValue } from "./bashWords.js"
import { unwrapCommand } from "./bashWrappers.js"

/** A word of a command: its value when it is static text, else its source text. */
export interface ShellWord {
  readonly text: string
  readonly static: boolean
}

/** What a wrapper runs (`nohup X`, `bash -c "X"`, `find -exec X ;`, `sudo X`). */
export type InnerCommands =
  /** Runs the command as if written directly: allowed when the inner command is. */
  | { readonly _tag: "Transparent"; readonly command: SimpleCommand; readonly argsAppended: boolean }
  /** Runs the commands on data it finds (`find -exec`): needs the outer AND the inner allowed. */
  | { readonly _tag: "Guarded"; readonly commands: ReadonlyArray<SimpleCommand>; readonly argsAppended: boolean }
  /** Runs with other privileges or elsewhere (`sudo`): only a rule for the whole command allows it. */
  | { readonly _tag: "SelfOnly"; readonly candidates: ReadonlyArray<SimpleCommand> }
  /** A script in a string (`bash -c`, `eval`). */
  | { readonly _tag: "Script"; readonly analysis: ShellAnalysis }

/**
 * Where a command's standard input comes from, when that matters (a shell reading its script):
 * a static here-document or here-string, or something only known at run time (a pipe, a file
 * under /dev). Undefined: the Bash tool's own stdin, which is empty.
 */
export type StdinSource =
  | { readonly _tag: "Static"; readonly text: string }
  | { readonly _tag: "Unknown"; readonly what: string }

export interface SimpleCommand {
  /** The command's source text. */
  readonly source: string
  /** Leading `NAME=value` assignments, as words. */
  readonly assignments: ReadonlyArray<ShellWord>
  /** argv as written: the program first. Empty for an assignment-only command. */
  readonly words: ReadonlyArray<ShellWord>
  /** Canonical redirections (`>out`, `2>&1`, `<<EOF…`), including those of enclosing groups. */
  readonly redirects: ReadonlyArray<string>
  /** It redirects output into a file other than /dev/null (or otherwise writes files). */
  readonly writes: boolean
  /** Why it cannot be judged statically, if it cannot. */
  readonly opaque: string | undefined
  readonly inner: InnerCommands | undefined
  readonly stdin: StdinSource | undefined
}

export interface ShellAnalysis {
  readonly source: string
  /** Every simple command of the line, nested substitutions included (not wrapper contents). */
  readonly commands: ReadonlyArray<SimpleCommand>
  /** Why the line as a whole cannot be judged statically, if it cannot. */
  readonly opaque: string | undefined
  /** The line printed in normal form (for exact whole-line rules); undefined when unparsable. */
  readonly printed: string | undefined
}

export interface ShellParser {
  readonly parse: (source: string) => ParsedScript
  readonly print: (script: Script) => string
  readonly forEachChild: (node: SyntaxNode, callback: (child: SyntaxNode) => void) => void
}

let loading: Promise<ShellParser> | undefined

/** The parser, imported on first use only (start-up time matters). */
export const loadShellParser: Effect.Effect<ShellParser> = Effect.promise(() => {
  loading ??= Promise.all([import("unbash"), import("unbash/printer")]).then(([parser, printer]) => ({
    parse: parser.parse,
    print: printer.print,
    forEachChild: parser.forEachChild
  }))
  return loading
})

/** How deep `bash -c "bash -c …"` and `$( $( … ) )` may nest before we give up (opaque). */
export const MAX_DEPTH = 8

// ---------------------------------------------------------------------------------------------
// The walk

interface WalkContext {
  readonly parser: ShellParser
  readonly depth: number
  readonly commands: Array<SimpleCommand>
  /** Reasons the line is opaque. */
  readonly problems: Array<string>
  /** Variables whose value arithmetic may evaluate without running anything (bashTaint.ts). */
  readonly trusted: (name: string) => boolean
}

/** What a command gets from the groups, loops and pipelines around it. */
interface Inherited {
  readonly redirects: ReadonlyArray<RedirectInfo>
  readonly stdin: StdinSource | "file" | undefined
}

const NOTHING: Inherited = { redirects: [], stdin: undefined }

/** Redirections apply left to right: the last one that redirects stdin decides it. */
const withRedirects = (inherited: Inherited, own: ReadonlyArray<RedirectInfo>): Inherited => {
  let stdin = inherited.stdin
  for (const redirect of own) if (redirect.stdin !== undefined) stdin = redirect.stdin
  return { redirects: [...inherited.redirects, ...own], stdin }
}

const FROM_PIPE: StdinSource = { _tag: "Unknown", what: "a pipe" }

const isNodeWithScript = (
  node: SyntaxNode
): node is Extract<SyntaxNode, { type: "CommandExpansion" | "ArithmeticCommandExpansion" | "ProcessSubstitution" }> =>
  node.type === "CommandExpansion" || node.type === "ArithmeticCommandExpansion" || node.type === "ProcessSubstitution"

const visitScript = (script: ParsedScript, source: string, context: WalkContext, inherited: Inherited = NOTHING): void => {
  for (const error of script.errors ?? []) context.problems.push(`the shell parser reports: ${error.message}`)
  const own = script.source ?? source
  for (const statement of script.commands) visit(statement, inherited, own, context)
}

/** `>(cmd)` reads what the line writes into it: for cmd, that is data from a pipe. */
const FROM_OUTPUT_SUBSTITUTION: Inherited = { redirects: [], stdin: { _tag: "Unknown", what: "a process substitution" } }

const visit = (node: SyntaxNode, inherited: Inherited, source: string, context: WalkContext): void => {
  if (isNodeWithScript(node)) {
    if (node.script === undefined) {
      context.problems.push("a command substitution the parser could not read")
      return
    }
    if (context.depth >= MAX_DEPTH) {
      context.problems.push("substitutions nested too deeply")
      return
    }
    // `<(cmd)` and `>(cmd)` run cmd like `$(cmd)`; the word they leave is a /dev/fd path, only
    // known at run time, so `source <(…)` or `bash <(…)` is unclear where it is used.
    const inherited = node.type === "ProcessSubstitution" && node.operator === ">" ? FROM_OUTPUT_SUBSTITUTION : NOTHING
    visitScript(node.script, source, { ...context, depth: context.depth + 1 }, inherited)
    return
  }
  const problem = reevaluationProblem(node, source, staticValue, context.trusted)
  if (problem !== undefined) context.problems.push(problem)
  switch (node.type) {
    case "Command":
      visitCommand(node, inherited, source, context)
      return
    case "Redirected": {
      for (const redirect of node.redirects) visit(redirect, NOTHING, source, context)
      visit(node.command, withRedirects(inherited, node.redirects.map(redirectInfo)), source, context)
      return
    }
    case "Pipeline":
      for (const prefix of node.prefixes) visit(prefix, inherited, source, context)
      node.commands.forEach((command, index) =>
        visit(command, index === 0 ? inherited : { redirects: inherited.redirects, stdin: FROM_PIPE }, source, context)
      )
      return
    case "Function":
      context.problems.push("it defines a shell function")
      break
    case "Coproc":
      context.problems.push("it starts a coprocess")
      break
    default:
      break
  }
  context.parser.forEachChild(node, (child) => visit(child, inherited, source, context))
}

const assignmentWord = (node: Extract<SyntaxNode, { type: "Assignment" }>): ShellWord => {
  if (node.value.type === "ArrayValue") return { text: node.text, static: false }
  const value = staticValue(node.value)
  if (value === undefined || node.index !== undefined) return { text: node.text, static: false }
  return { text: `${node.name}${node.append === true ? "+=" : "="}${value}`, static: true }
}

/**
 * `{name[…]}>file`: bash reads a braced word right before a redirection as a descriptor variable
 * and evaluates its subscript; the parser sees a word and a redirection.
 */
const descriptorVariableProblem = (node: Command): string | undefined => {
  const items = node.suffix
  for (let index = 0; index + 1 < items.length; index++) {
    const item = items[index]!
    const next = items[index + 1]!
    if (item.type !== "Word" || next.type === "Word" || next.type === "Assignment" || next.pos !== item.end) continue
    const braced = /^\{([\s\S]+)\}$/.exec(staticValue(item) ?? item.text)
    if (braced === null) continue
    const problem = variableNameProblem(braced[1]!)
    if (problem !== undefined) return `the descriptor variable ${item.text}: ${problem}`
  }
  return undefined
}

const visitCommand = (node: Command, inherited: Inherited, source: string, context: WalkContext): void => {
  // Substitutions anywhere in the command run too: collect them as commands of their own.
  context.parser.forEachChild(node, (child) => visit(child, NOTHING, source, context))
  const descriptor = descriptorVariableProblem(node)
  if (descriptor !== undefined) context.problems.push(descriptor)

  const assignments: Array<ShellWord> = []
  for (const item of node.prefix) if (item.type === "Assignment") assignments.push(assignmentWord(item))
  const words: Array<ShellWord> = []
  if (node.name !== undefined) words.push(shellWord(node.name))
  for (const argument of node.args) words.push(argument.type === "Assignment" ? assignmentWord(argument) : shellWord(argument))
  const { redirects, stdin } = withRedirects(inherited, node.redirects.map(redirectInfo))

  let opaque: string | undefined
  const program = words[0]
  if (program === undefined && assignments.length === 0) opaque = "a redirection without a command"
  else if (program !== undefined && !program.static) opaque = `the program name (${program.text}) is only known at run time`

  const base = {
    source: source.slice(node.pos, node.end),
    assignments,
    words,
    redirects: redirects.map((r) => r.canonical),
    writes: redirects.some((r) => r.writes),
    opaque,
    inner: undefined,
    stdin: stdin === "file" ? undefined : stdin
  }
  context.commands.push(opaque === undefined ? unwrapCommand(base, (script) => analyseNested(script, context)) : base)
}

/** Analyses a script found in a string (`bash -c`, `eval`), one level deeper. */
const analyseNested = (script: string, context: WalkContext): ShellAnalysis =>
  context.depth >= MAX_DEPTH
    ? { source: script, commands: [], opaque: "commands nested too deeply", printed: undefined }
    : analyseWith(context.parser, script, context.depth + 1)

const analyseWith = (parser: ShellParser, source: string, depth: number): ShellAnalysis => {
  let script: ParsedScript
  try {
    script = parser.parse(source)
  } catch (error) {
    return { source, commands: [], opaque: `the shell parser failed: ${error instanceof Error ? error.message : String(error)}`, printed: undefined }
  }
  // Only the line itself knows every way its variables are set; a script it hands on does not.
  const trusted = depth === 0 ? trustedVariables(script, source, parser.forEachChild) : trustNothing
  const context: WalkContext = { parser, depth, commands: [], problems: [], trusted }
  try {
    visitScript(script, source, context)
  } catch (error) {
    context.problems.push(`the command could not be analysed: ${error instanceof Error ? error.message : String(error)}`)
  }
  let printed: string | undefined
  if ((script.errors ?? []).length === 0) {
    try {
      printed = parser.print(script)
    } catch {
      printed = undefined
    }
  }
  return { source, commands: context.commands, opaque: context.problems[0], printed }
}

/** Parses and flattens a command line. */
export const analyseCommand = (source: string): Effect.Effect<ShellAnalysis> =>
  Effect.map(loadShellParser, (parser) => analyseWith(parser, source, 0))

/** Synchronous analysis for callers that already hold the parser (rule compilation, tests). */
export const analyseCommandWith = (parser: ShellParser, source: string): ShellAnalysis => analyseWith(parser, source, 0)
