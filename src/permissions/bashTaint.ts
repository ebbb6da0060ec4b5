/**
 * Which variables of a line may hold text that arithmetic would evaluate again. A variable the
 * line never sets comes from the user's environment (each Bash call is a fresh `bash -c`), and
 * one it sets only to numbers (`i=0`, `i=$((i+1))`, inside `(( … ))`, `let`,
 * `for i in 1 2 3`) holds a number; either is harmless in `[[ $i -lt 10 ]]` or `${a[$i]}`. Any
 * other mention of its name (`read i`, `for i in $(…)`, `printf -v i`, `i=$1`, even a comment)
 * taints it, as do the variables bash sets itself from data (`$_`, `BASH_REMATCH`, `REPLY`…).
 * A script the line hands to another shell or to eval trusts nothing: the line around it can
 * set its variables.
 */
import type { ParsedScript, SyntaxNode, Word } from "unbash"

/** Variables bash fills from data the line controls. */
const SET_BY_BASH = new Set([
  "_", "REPLY", "BASH_REMATCH", "OPTARG", "MAPFILE", "COPROC", "BASH_ARGV", "BASH_ARGV0", "BASH_COMMAND",
  "BASH_EXECUTION_STRING", "BASH_SOURCE", "FUNCNAME", "PWD", "OLDPWD", "DIRSTACK", "BASH_ALIASES", "BASH_CMDS",
  "COMP_LINE", "COMP_WORDS", "READLINE_LINE", "HISTFILE"
])

type Span = readonly [number, number]

const INTEGER = /^-?\d+$/

const isNumberWord = (word: Word): boolean =>
  (word.parts === undefined && INTEGER.test(word.value)) ||
  (word.parts?.length === 1 && word.parts[0]!.type === "ArithmeticExpansion") === true

/** The spans where a name's mention cannot set it to text: reads, arithmetic, numeric assignments. */
const harmlessSpans = (node: SyntaxNode, forEachChild: (node: SyntaxNode, f: (child: SyntaxNode) => void) => void, spans: Array<Span>): void => {
  switch (node.type) {
    // Substitutions are left as they are (their positions may index their own decoded text):
    // every name in them counts as a mention, which only ever trusts less.
    case "CommandExpansion":
    case "ProcessSubstitution":
    case "ArithmeticCommandExpansion":
      return
    case "ArithmeticCommand":
    case "ArithmeticExpansion":
      spans.push([node.pos, node.end])
      return
    case "ArithmeticFor":
      spans.push([node.pos, node.body.pos])
      break
    case "SimpleExpansion":
      spans.push([node.pos, node.end])
      return
    case "ParameterExpansion":
      // `${x:=…}` sets x; other forms only read it.
      if (!(node.operation?.type === "Default" && node.operation.operator.endsWith("="))) spans.push([node.parameterPos, node.parameterEnd])
      break
    case "Assignment":
      if (node.value.type === "Word" && node.index === undefined && isNumberWord(node.value)) {
        spans.push([node.pos, node.end])
        return
      }
      break
    case "For":
      if ((node.wordlist ?? []).length > 0 && (node.wordlist ?? []).every((word) => word.parts === undefined && INTEGER.test(word.value))) {
        spans.push([node.name.pos, node.name.end])
      }
      break
    case "Command":
      // `let` only ever stores numbers.
      if (node.name?.value === "let" && node.prefix.length === 0) {
        spans.push([node.pos, node.end])
        return
      }
      break
    default:
      break
  }
  forEachChild(node, (child) => harmlessSpans(child, forEachChild, spans))
}

/** The names of `source` (a whole line, parsed as `script`) whose value is a number or the user's. */
export const trustedVariables = (
  script: ParsedScript,
  source: string,
  forEachChild: (node: SyntaxNode, f: (child: SyntaxNode) => void) => void
): ((name: string) => boolean) => {
  const spans: Array<Span> = []
  harmlessSpans(script, forEachChild, spans)
  const characters = source.split("")
  for (const [start, end] of spans) for (let index = start; index < end && index < characters.length; index++) characters[index] = " "
  const rest = characters.join("")
  const verdicts = new Map<string, boolean>()
  return (name) => {
    let verdict = verdicts.get(name)
    if (verdict === undefined) {
      verdict = !SET_BY_BASH.has(name) && !new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(rest)
      verdicts.set(name, verdict)
    }
    return verdict
  }
}

/** For scripts handed on (`bash -c`, `eval`): the line around them may have set anything. */
export const trustNothing = (): boolean => false
