/**
 * Transparent wrappers (`nohup`, `nice`, `timeout`, `flock`, `script`…, and `env`): the command
 * they run is allowed exactly when the inner command is. Their tables are in bashWrapperTables.ts.
 */
import type { ShellWord, SimpleCommand } from "./bash.js"
import { type Nested, stdinScript, type Unwrapped } from "./bashBuiltins.js"
import { shellScript } from "./bashShellWrappers.js"
import { codeVariableProblem } from "./bashVariables.js"
import { scriptOptionValue, skipOptions } from "./bashWrapperOptions.js"
import { ENV_FLAGS, ENV_WITH_VALUE, set, type WrapperSpec } from "./bashWrapperTables.js"
import { child, NONE } from "./bashWrappers.js"

const isStatic = (words: ReadonlyArray<ShellWord>): boolean => words.every((word) => word.static)

export const unwrapWrapper = (command: SimpleCommand, name: string, spec: WrapperSpec, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const noCommand = spec.noCommand
  if (noCommand !== undefined && words.slice(1).some((w) => w.static && noCommand.has(w.text))) return NONE
  const script = spec.scriptOption === undefined ? undefined : scriptOptionValue(words, spec.scriptOption)
  if (script !== undefined) return { ...shellScript(name, script, nested), writes: spec.writesOperand === true }
  // `nice -10 cmd`: an old-style numeric option.
  let start = spec.leadingOperand === true ? 2 : 1
  if (name === "nice" && /^-\d+$/.test(words[1]?.text ?? "")) start = 2
  const operand = skipOptions(words, start, spec.flags ?? set(), spec.withValue ?? set(), spec.optionalValue)
  if (typeof operand === "string") return { opaque: `${name}: ${operand}` }
  if (!isStatic(words.slice(1, operand))) return { opaque: `${name}: options only known at run time` }
  const writing = spec.writing
  let writes = writing !== undefined && words.slice(1, operand).some((w) => [...writing].some((opt) => w.text === opt || w.text.startsWith(`${opt}=`)))
  let commandStart = operand + (spec.operandsBefore ?? 0)
  if (spec.numericOperandBefore === true && /^\d+$/.test(words[operand]?.text ?? "")) commandStart += 1
  if (spec.writesOperand === true && commandStart > operand) writes = true
  const rest = words.slice(commandStart)
  if (rest.length === 0) {
    if (spec.shellWithoutCommand !== true) return { writes }
    // `script`'s only operand is its typescript file; the shell it starts reads stdin.
    if (spec.writesOperand === true && words.length > operand) writes = !words.slice(operand).every((w) => w.static && w.text === "/dev/null")
    return { ...stdinScript(name, command.stdin, nested), writes }
  }
  if (name === "script") return { opaque: "script: an operand this analysis does not know", writes: true }
  return { writes, inner: { _tag: "Transparent", command: child(command, rest, nested, depth), argsAppended: false } }
}

export const unwrapEnv = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const assignments: Array<ShellWord> = []
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return { opaque: "env: arguments only known at run time" }
    const text = word.text
    if (text === "-S" || text.startsWith("-S") || text.startsWith("--split-string")) return { opaque: "env -S splits a string into a command" }
    if (text === "--") {
      index += 1
      break
    }
    if (ENV_FLAGS.has(text)) index += 1
    else if (ENV_WITH_VALUE.has(text)) index += 2
    else if (text.startsWith("--") && ENV_WITH_VALUE.has(text.split("=")[0] ?? "")) index += 1
    else if (text.startsWith("-")) return { opaque: `env: unknown option ${text}` }
    else if (/^[^=]+=/.test(text)) {
      // env takes any name, including ones the shell could not assign (`BASH_FUNC_f%%=() {…}`).
      const problem = codeVariableProblem(text.slice(0, text.indexOf("=")))
      if (problem !== undefined) return { opaque: `env: ${problem}` }
      assignments.push(word)
      index += 1
    } else break
  }
  const rest = words.slice(index)
  if (rest.length === 0) return NONE
  return { inner: { _tag: "Transparent", command: child(command, rest, nested, depth, assignments), argsAppended: false } }
}
