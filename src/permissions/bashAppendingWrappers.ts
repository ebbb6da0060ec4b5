/**
 * Programs that append what they read or find to the command they run: `xargs` (transparent,
 * with appended arguments) and `find -exec` (guarded: the outer and the inner command must both
 * be allowed). Input that becomes a program name or a script makes the command unclear.
 */
import type { InnerCommands, ShellWord, SimpleCommand } from "./bash.js"
import type { Nested, Unwrapped } from "./bashBuiltins.js"
import { programBaseName, systemProgram } from "./bashProgramNames.js"
import { skipOptions } from "./bashWrapperOptions.js"
import { FIND_EXEC, FIND_WRITES, runsCommands, set, XARGS_FLAGS, XARGS_WITH_VALUE } from "./bashWrapperTables.js"
import { child } from "./bashWrappers.js"

/** The command a chain of transparent wrappers finally runs (`nice env rm` → `rm`). */
const innermost = (command: SimpleCommand): SimpleCommand =>
  command.inner?._tag === "Transparent" ? innermost(command.inner.command) : command

/**
 * Words appended to a program that runs its arguments as a command (`xargs env`, `xargs sudo`,
 * `xargs bash`) become that command: nothing about it is known.
 */
const appendedBecomeCommand = (command: SimpleCommand): boolean => {
  const program = command.words[0]
  if (program === undefined || !program.static) return true
  const name = programBaseName(systemProgram(program.text))
  // `xargs xargs`: an xargs with no command of its own runs what it is given.
  if (name === "xargs" && xargsCommand(command.words).length === 0) return true
  if (command.inner?._tag === "Transparent") return appendedBecomeCommand(command.inner.command)
  return command.inner === undefined && runsCommands(name)
}

/** The command words of an xargs line (empty: xargs runs `echo`). */
const xargsCommand = (words: ReadonlyArray<ShellWord>): ReadonlyArray<ShellWord> => {
  const operand = skipOptions(words, 1, XARGS_FLAGS, set(...XARGS_WITH_VALUE, "-I", "-i", "--replace"))
  return typeof operand === "number" ? words.slice(operand) : []
}

/** `-I R`, `-IR`, `-i`, `--replace[=R]`: the text xargs replaces with its input. */
const replaceString = (words: ReadonlyArray<ShellWord>): string | undefined => {
  for (let index = 1; index < words.length; index++) {
    const text = words[index]!.text
    if (text === "-I") return words[index + 1]?.text ?? ""
    if (text.startsWith("-I")) return text.slice(2)
    if (text === "-i" || text === "--replace") return "{}"
    if (text.startsWith("-i")) return text.slice(2)
    if (text.startsWith("--replace=")) return text.slice("--replace=".length)
  }
  return undefined
}

export const unwrapXargs = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const operand = skipOptions(words, 1, XARGS_FLAGS, set(...XARGS_WITH_VALUE, "-I", "-i", "--replace"))
  const rest = xargsCommand(words)
  const innerWords = rest.length === 0 ? [{ text: "echo", static: true }] : rest
  const innerCommand = child(command, innerWords, nested, depth)
  const inner: InnerCommands = { _tag: "Transparent", command: innerCommand, argsAppended: true }
  if (typeof operand === "string") return { opaque: `xargs: ${operand}`, inner }
  const replacing = replaceString(words)
  // The input replaces text anywhere: in the program name or in a script, nothing about what
  // runs is known; in the arguments of a plain program it is only data (`xargs -I{} wc -l {}`).
  if (replacing !== undefined && (replacing === "" || innerWords[0]!.text.includes(replacing) || innermost(innerCommand).inner !== undefined)) {
    return { opaque: "xargs -I substitutes its input into the command", inner }
  }
  if (appendedBecomeCommand(innerCommand)) return { opaque: `xargs hands its input to ${innerWords[0]!.text}, which runs it as a command`, inner }
  return { inner }
}

export const unwrapFind = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const commands: Array<SimpleCommand> = []
  let writes = false
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (word.static && FIND_WRITES.has(word.text)) writes = true
    if (word.static && FIND_EXEC.has(word.text)) {
      let end = index + 1
      while (end < words.length && !(words[end]!.static && (words[end]!.text === ";" || words[end]!.text === "+"))) end += 1
      const execWords = words.slice(index + 1, end)
      if (execWords.length > 0) {
        const each = child(command, execWords, nested, depth)
        // `-exec {} x ;`, `-exec env {} ;`: the found file is the program.
        if (innermost(each).words[0]?.text.includes("{}") === true || (appendedBecomeCommand(each) && execWords.some((w) => w.text.includes("{}")))) {
          return { opaque: "find -exec runs the files it finds as programs", inner: { _tag: "Guarded", commands: [each], argsAppended: true } }
        }
        commands.push(each)
      }
      index = end + 1
      continue
    }
    index += 1
  }
  if (commands.length === 0) return { writes }
  return { writes, inner: { _tag: "Guarded", commands, argsAppended: true } }
}
