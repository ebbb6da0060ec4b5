/**
 * Syntax whose text bash evaluates a second time, wherever it appears in a line: arithmetic
 * (`(( … ))`, `for (( … ))`, `$(( … ))`, `$[ … ]`, the operands of `[[ … -eq … ]]`), array
 * subscripts and slices in `${…}`, indirect expansion (`${!x}`), prompt expansion (`${x@P}`) and
 * `[[ -v … ]]`. Each is judged by bashArithmetic.ts; what cannot be proven inert makes the line
 * unclear.
 */
import type { ParameterExpansionPart, SyntaxNode, TestExpression, Word } from "unbash"
import { arithmeticProblem, subscriptProblem, variableNameProblem } from "./bashArithmetic.js"

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

const testProblem = (expression: TestExpression, staticValue: StaticValue): string | undefined => {
  switch (expression.type) {
    case "TestBinary":
      if (!ARITHMETIC_TESTS.has(expression.operator)) return undefined
      return (
        arithmeticProblem(wordText(expression.left, staticValue)) ?? arithmeticProblem(wordText(expression.right, staticValue))
      )
    case "TestUnary": {
      if (expression.operator !== "-v") return undefined
      const name = staticValue(expression.operand)
      return name === undefined ? "[[ -v … ]] of a name only known at run time" : variableNameProblem(name)
    }
    case "TestLogical":
      for (const operand of expression.operands) {
        const problem = testProblem(operand, staticValue)
        if (problem !== undefined) return problem
      }
      return undefined
    case "TestNot":
      return testProblem(expression.operand, staticValue)
    case "TestGroup":
      return testProblem(expression.expression, staticValue)
  }
}

const parameterProblem = (node: ParameterExpansionPart, staticValue: StaticValue): string | undefined => {
  const index = node.index === undefined ? undefined : wordText(node.index, staticValue)
  const listsAll = index === "@" || index === "*"
  if (node.prefix === "!" && node.operation?.type !== "Names" && !listsAll) {
    return `the indirect expansion ${node.text} evaluates a name only known at run time`
  }
  if (index !== undefined && !listsAll) {
    const problem = subscriptProblem(index)
    if (problem !== undefined) return `${node.text}: ${problem}`
  }
  const operation = node.operation
  if (operation?.type === "Transform" && operation.operand.text.includes("P")) {
    return `the prompt expansion ${node.text} runs the substitutions in the value`
  }
  if (operation?.type === "Slice") {
    for (const word of [operation.offset, operation.length]) {
      const problem = word === undefined ? undefined : arithmeticProblem(wordText(word, staticValue))
      if (problem !== undefined) return `${node.text}: ${problem}`
    }
  }
  return undefined
}

/** Why a node's text would be evaluated again into something unknown, or undefined. */
export const reevaluationProblem = (node: SyntaxNode, source: string, staticValue: StaticValue): string | undefined => {
  switch (node.type) {
    case "ArithmeticCommand":
      return arithmeticProblem(node.body)
    case "ArithmeticFor": {
      // The header as written (an expression the parser could not read still runs), as one
      // comma-joined text so `i=0` in the initializer counts as set for the test and update.
      const header = /\(\(([\s\S]*)\)\)/.exec(source.slice(node.pos, node.body.pos))
      return header === null ? "an arithmetic for loop that could not be read" : arithmeticProblem(header[1]!.replaceAll(";", ","))
    }
    case "ArithmeticExpansion": {
      const text = node.text
      const inner = text.startsWith("$((") ? text.slice(3, -2) : text.startsWith("$[") ? text.slice(2, -1) : undefined
      return inner === undefined ? `the arithmetic ${text} could not be read` : arithmeticProblem(inner)
    }
    case "TestCommand":
      return testProblem(node.expression, staticValue)
    case "ParameterExpansion":
      return parameterProblem(node, staticValue)
    default:
      return undefined
  }
}
