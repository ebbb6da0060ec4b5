/**
 * Syntax whose text bash evaluates a second time, wherever it appears in a line: arithmetic
 * (`(( … ))`, `for (( … ))`, `$(( … ))`, `$[ … ]`, the operands of `[[ … -eq … ]]`), array
 * subscripts and slices in `${…}`, indirect expansion (`${!x}`), prompt expansion (`${x@P}`) and
 * `[[ -v … ]]`. Each is judged by bashArithmetic.ts; what cannot be proven inert makes the line
 * unclear.
 */
import type { ParameterExpansionPart, SyntaxNode, TestExpression, Word } from "unbash"
import { arithmeticProblem, subscriptProblem, variableNameProblem } from "./bashArithmetic.js"
import { codeVariableProblem } from "./bashVariables.js"

/** Arithmetic comparisons of `[[ ]]`: both operands are evaluated as arithmetic. */
const ARITHMETIC_TESTS = new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"])

/** What bash sees of a word: its value when static, else its text without one layer of "…". */
const wordText = (word: Word, staticValue: (word: Word) => string | undefined): string => {
  const value = staticValue(word)
  if (value !== undefined) return value
  const text = word.text
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text
}

type StaticValue = (word: Word) => string | undefined
/** Variables whose value is known to be harmless (see bashTaint.ts). */
type Trusted = (name: string) => boolean

const testProblem = (expression: TestExpression, staticValue: StaticValue, trusted: Trusted): string | undefined => {
  switch (expression.type) {
    case "TestBinary":
      if (!ARITHMETIC_TESTS.has(expression.operator)) return undefined
      return (
        arithmeticProblem(wordText(expression.left, staticValue), trusted) ?? arithmeticProblem(wordText(expression.right, staticValue), trusted)
      )
    case "TestUnary": {
      if (expression.operator !== "-v") return undefined
      const name = staticValue(expression.operand)
      return name === undefined ? "[[ -v … ]] of a name only known at run time" : variableNameProblem(name)
    }
    case "TestLogical":
      for (const operand of expression.operands) {
        const problem = testProblem(operand, staticValue, trusted)
        if (problem !== undefined) return problem
      }
      return undefined
    case "TestNot":
      return testProblem(expression.operand, staticValue, trusted)
    case "TestGroup":
      return testProblem(expression.expression, staticValue, trusted)
  }
}

const parameterProblem = (node: ParameterExpansionPart, staticValue: StaticValue, trusted: Trusted): string | undefined => {
  const index = node.index === undefined ? undefined : wordText(node.index, staticValue)
  const listsAll = index === "@" || index === "*"
  if (node.prefix === "!" && node.operation?.type !== "Names" && !listsAll) {
    return `the indirect expansion ${node.text} evaluates a name only known at run time`
  }
  if (index !== undefined && !listsAll) {
    const problem = subscriptProblem(index, trusted)
    if (problem !== undefined) return `${node.text}: ${problem}`
  }
  const operation = node.operation
  // `${PS4=…}`, `${BASH_ENV:=…}` assign the variable.
  if (operation?.type === "Default" && operation.operator.endsWith("=")) {
    const problem = codeVariableProblem(node.parameter)
    if (problem !== undefined) return `${node.text}: ${problem}`
  }
  if (operation?.type === "Transform" && operation.operand.text.includes("P")) {
    return `the prompt expansion ${node.text} runs the substitutions in the value`
  }
  if (operation?.type === "Slice") {
    for (const word of [operation.offset, operation.length]) {
      const problem = word === undefined ? undefined : arithmeticProblem(wordText(word, staticValue), trusted)
      if (problem !== undefined) return `${node.text}: ${problem}`
    }
  }
  return undefined
}

/** Why a node's text would be evaluated again into something unknown, or undefined. */
export const reevaluationProblem = (node: SyntaxNode, source: string, staticValue: StaticValue, trusted: Trusted): string | undefined => {
  switch (node.type) {
    case "ArithmeticCommand":
      return arithmeticProblem(node.body, trusted)
    case "ArithmeticFor": {
      // The header as written (an expression the parser could not read still runs), as one
      // comma-joined text so `i=0` in the initializer counts as set for the test and update.
      const header = /\(\(([\s\S]*)\)\)/.exec(source.slice(node.pos, node.body.pos))
      return header === null ? "an arithmetic for loop that could not be read" : arithmeticProblem(header[1]!.replaceAll(";", ","), trusted)
    }
    case "ArithmeticExpansion": {
      const text = node.text
      const inner = text.startsWith("$((") ? text.slice(3, -2) : text.startsWith("$[") ? text.slice(2, -1) : undefined
      return inner === undefined ? `the arithmetic ${text} could not be read` : arithmeticProblem(inner, trusted)
    }
    case "TestCommand":
      return testProblem(node.expression, staticValue, trusted)
    case "ParameterExpansion":
      return parameterProblem(node, staticValue, trusted)
    case "For":
    case "Select":
      return codeVariableProblem(node.name.text)
    case "Redirect":
    case "HereDoc":
    case "HereString": {
      // `{name}>file` assigns a descriptor number to name: its subscript is evaluated.
      const descriptor = node.descriptor
      if (descriptor?.type !== "FileDescriptorVariable") return undefined
      const problem = variableNameProblem(descriptor.name) ?? codeVariableProblem(descriptor.name.split("[")[0]!)
      return problem === undefined ? undefined : `the descriptor variable {${descriptor.name}}: ${problem}`
    }
    default:
      return undefined
  }
}
