/**
 * Shells as wrappers: `bash -c 'script'`, a shell reading its script from stdin, and a script
 * string given to a wrapper option (`flock -c`). A static script is analysed; other shells'
 * scripts are analysed for deny rules only, and stay unclear.
 */
import type { ShellWord, SimpleCommand } from "./bash.js"
import { type Nested, scriptOperand, stdinScript, type Unwrapped } from "./bashBuiltins.js"
import { OTHER_SHELLS } from "./bashWrapperTables.js"
import { NONE } from "./bashWrappers.js"

export const shellScript = (name: string, script: ShellWord | null, nested: Nested): Unwrapped =>
  script === null
    ? { opaque: `${name}: an option without its command` }
    : script.static
      ? { inner: { _tag: "Script", analysis: nested(script.text) } }
      : { opaque: `${name} runs a command only known at run time`, inner: { _tag: "Script", analysis: nested(script.text) } }

/**
 * `bash -c 'script'`, and a shell that reads its script from stdin (no script operand, `-s`, or
 * `/dev/stdin`): a here-document or here-string is analysed; a pipe is unclear.
 */
export const unwrapShell = (command: SimpleCommand, name: string, nested: Nested): Unwrapped => {
  const words = command.words
  let index = 1
  let sawC = false
  let sawS = false
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) break
    const text = word.text
    if (text === "--" || text === "-") {
      if (text === "--") index += 1
      break
    }
    if (text === "-o" || text === "+o" || text === "-O" || text === "+O" || text === "--rcfile" || text === "--init-file") {
      index += 2
      continue
    }
    if (/^--[a-z-]+$/.test(text)) {
      index += 1
      continue
    }
    if (/^[-+][A-Za-z]+$/.test(text)) {
      if (text.startsWith("-") && text.includes("c")) sawC = true
      if (text.startsWith("-") && text.includes("s")) sawS = true
      index += 1
      continue
    }
    break
  }
  const operand = words[index]
  const other = OTHER_SHELLS.has(name)
  const judged = (result: Unwrapped): Unwrapped =>
    other && result.inner !== undefined ? { ...result, opaque: result.opaque ?? `${name} scripts are not Bash` } : result
  if (sawC) {
    if (operand === undefined) return { opaque: `${name} -c without a script` }
    return judged(shellScript(`${name} -c`, operand, nested))
  }
  if (sawS || operand === undefined) return judged(stdinScript(name, command.stdin, nested))
  // `bash script.sh`: a file's contents are not analysed ("names, not effects"); stdin and
  // other devices are.
  return judged(scriptOperand(name, operand, command.stdin, nested) ?? NONE)
}
