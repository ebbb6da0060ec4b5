/**
 * Builtins that run text as code, or evaluate a word again, by means other than `-c`:
 * - code: `eval [--] …`, `trap [--] 'handler' SIG`, `alias name='…'`, `mapfile -C callback`,
 *   `compgen -C`/`complete -C`, `source /dev/stdin`: a static string is analysed as a script,
 *   anything else is unclear; `hash -p`, `enable -f`, `fc` (re-runs history) and `bind -x` are
 *   unclear.
 * - arithmetic and names: `let`, `declare -i`/`-n`, the names `read`, `mapfile`, `printf -v`,
 *   `getopts`, `wait -p`, `unset`, `test -v` and the declaration builtins assign (a subscript is
 *   evaluated), and assignments anywhere (`a['$(…)']=1`, `PS4='$(…)'`, `BASH_ENV=…`).
 */
import { posix } from "node:path"
import { arithmeticProblem, subscriptProblem, variableNameProblem } from "./bashArithmetic.js"
import { codeVariableProblem } from "./bashVariables.js"
import type { InnerCommands, ShellAnalysis, ShellWord, SimpleCommand, StdinSource } from "./bash.js"

export type Nested = (script: string) => ShellAnalysis

export interface Unwrapped {
  readonly inner?: InnerCommands
  readonly opaque?: string
  readonly writes?: boolean
}

const script = (text: string, nested: Nested): Unwrapped => ({ inner: { _tag: "Script", analysis: nested(text) } })

// ---------------------------------------------------------------------------------------------
// Assignments

/** Prompts: a static value without substitutions is inert. */
const PROMPTS = new Set(["PS0", "PS1", "PS2", "PS3", "PS4"])

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([\s\S]*?)\])?\+?=([\s\S]*)$/

/**
 * An assignment word (`NAME=value`, `a[i]=v`, `a=([k]=v)`), static or as written. Returns a
 * script to analyse (PROMPT_COMMAND's value), a problem, or nothing.
 */
export const assignmentEffect = (word: ShellWord, nested: Nested): Unwrapped | undefined => {
  const match = ASSIGNMENT.exec(word.text)
  if (match === null) return undefined
  const [, name, subscript, value] = match as unknown as [string, string, string | undefined, string]
  if (subscript !== undefined) {
    const problem = subscriptProblem(subscript)
    if (problem !== undefined) return { opaque: `the assignment ${clip(word.text)}: ${problem}` }
  }
  // `a=([k]=v …)`: each key is a subscript too.
  if (value.startsWith("(")) {
    for (const key of value.matchAll(/\[([^\]]*)\]\+?=/g)) {
      const problem = subscriptProblem(key[1]!)
      if (problem !== undefined) return { opaque: `the array ${clip(word.text)}: ${problem}` }
    }
  }
  if (PROMPTS.has(name)) {
    return !word.static || /[$`]/.test(value) ? { opaque: `${name} expands its value as a prompt, running any substitutions in it` } : undefined
  }
  if (name === "PROMPT_COMMAND") return word.static ? script(value, nested) : { opaque: "PROMPT_COMMAND runs a command only known at run time" }
  const problem = codeVariableProblem(name)
  return problem === undefined ? undefined : { opaque: problem }
}

const firstEffect = (words: ReadonlyArray<ShellWord>, nested: Nested): Unwrapped | undefined => {
  let found: Unwrapped | undefined
  for (const word of words) {
    const effect = assignmentEffect(word, nested)
    if (effect?.opaque !== undefined) return effect
    found ??= effect
  }
  return found
}

/** What the command's own leading assignments do (`PS4='$(…)' cmd`, `a[$i]=1`). */
export const assignmentsEffect = (command: SimpleCommand, nested: Nested): Unwrapped | undefined =>
  firstEffect(command.assignments, nested)

// ---------------------------------------------------------------------------------------------
// Builtins

/** Options up to the first operand or `--`: [options as written, index of the first operand]. */
const splitOptions = (words: ReadonlyArray<ShellWord>): readonly [ReadonlyArray<ShellWord>, number] => {
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) break
    if (word.text === "--") return [words.slice(1, index), index + 1]
    if (!/^[-+]./.test(word.text)) break
    index += 1
  }
  return [words.slice(1, index), index]
}

const nameProblem = (word: ShellWord | undefined, builtin: string): string | undefined => {
  if (word === undefined) return undefined
  if (!word.static) return `${builtin}: a variable name only known at run time`
  const problem = variableNameProblem(word.text) ?? codeVariableProblem(word.text.split("[")[0]!)
  return problem === undefined ? undefined : `${builtin}: ${problem}`
}

/** The value of option `flag` (`-v name` or `-vname`), wherever it is among the options. */
const optionValue = (words: ReadonlyArray<ShellWord>, flag: string, withValue: ReadonlySet<string>): ShellWord | undefined | null => {
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!
    if (!word.static || !word.text.startsWith("-") || word.text === "--") return undefined
    if (word.text === flag) return words[index + 1] ?? null
    if (word.text.startsWith(flag)) return { text: word.text.slice(flag.length), static: true }
    if (withValue.has(word.text)) index += 1
  }
  return undefined
}

/** Operands after options, where options in `withValue` take the next word. */
const operands = (words: ReadonlyArray<ShellWord>, withValue: ReadonlySet<string>): ReadonlyArray<ShellWord> => {
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (!word.static || !word.text.startsWith("-") || word.text === "-") break
    if (word.text === "--") {
      index += 1
      break
    }
    index += withValue.has(word.text) ? 2 : 1
  }
  return words.slice(index)
}

const DECLARATIONS = new Set(["declare", "typeset", "local", "export", "readonly"])

const declaration = (command: SimpleCommand, name: string, nested: Nested): Unwrapped | undefined => {
  const [options, first] = splitOptions(command.words)
  // `declare -i x` makes every later assignment to x arithmetic; `-n` makes x another name.
  if ((name === "declare" || name === "typeset" || name === "local") && options.some((o) => /^[-+][A-Za-z]*[in]/.test(o.text))) {
    return { opaque: `${name} ${options.map((o) => o.text).join(" ")} makes later assignments evaluate their text again` }
  }
  const rest = command.words.slice(first)
  for (const word of rest) {
    if (!word.static && !ASSIGNMENT.test(word.text)) return { opaque: `${name}: a name only known at run time` }
    // `declare -a a='(…)'`: bash parses a quoted array value again, substitutions included.
    const value = ASSIGNMENT.exec(word.text)?.[3]
    if (value !== undefined && (word.static ? value.startsWith("(") : /^["']\(/.test(value))) {
      return { opaque: `${name}: the quoted array value in ${clip(word.text)} is parsed again` }
    }
    if (!word.text.includes("=")) {
      const problem = nameProblem(word, name)
      if (problem !== undefined) return { opaque: problem }
    }
  }
  return firstEffect(rest, nested)
}

const READ_WITH_VALUE = new Set(["-a", "-d", "-i", "-n", "-N", "-p", "-t", "-u"])
const MAPFILE_WITH_VALUE = new Set(["-d", "-n", "-O", "-s", "-u", "-C", "-c"])

/**
 * A script operand that is not an ordinary file: stdin (`-`, `/dev/stdin`, `/dev/fd/0`,
 * `/proc/self/fd/0`, however spelled), or another device, descriptor or `~` form, which is only
 * known at run time. Undefined for an ordinary file (whose contents are not analysed).
 */
export const deviceScript = (text: string): "stdin" | "unknown" | undefined => {
  if (text === "-") return "stdin"
  if (text.startsWith("~")) return "unknown"
  const normal = posix.normalize(text).replace(/^\/+/, "/")
  if (/^\/(?:dev\/stdin|dev\/fd\/0|proc\/[^/]+\/fd\/0)$/.test(normal)) return "stdin"
  if (/^\/(?:dev|proc)(?:\/|$)/.test(normal)) return "unknown"
  return normal.split("/").some((segment) => segment === "dev" || segment === "proc") && normal.startsWith("..") ? "unknown" : undefined
}

/** A shell or `source` given a script operand: stdin is analysed, other devices are unclear. */
export const scriptOperand = (who: string, operand: ShellWord, stdin: StdinSource | undefined, nested: Nested): Unwrapped | undefined => {
  if (!operand.static) return { opaque: `${who} runs a script only known at run time (${clip(operand.text)})` }
  const device = deviceScript(operand.text)
  if (device === "stdin") return stdinScript(who, stdin, nested)
  return device === "unknown" ? { opaque: `${who} reads its commands from ${clip(operand.text)}` } : undefined
}

/** A shell's script read from stdin: analysed when static, else unclear. */
export const stdinScript = (who: string, stdin: StdinSource | undefined, nested: Nested): Unwrapped => {
  if (stdin === undefined) return {}
  switch (stdin._tag) {
    case "Static":
      return script(stdin.text, nested)
    case "Unknown":
      return { opaque: `${who} reads its commands from ${stdin.what}` }
  }
}

const codeOption = (command: SimpleCommand, name: string, flag: string, withValue: ReadonlySet<string>, nested: Nested): Unwrapped | undefined => {
  const code = optionValue(command.words, flag, withValue)
  if (code === undefined) return undefined
  if (code === null || !code.static) return { opaque: `${name} ${flag} runs a command only known at run time` }
  return script(code.text, nested)
}

type Handler = (command: SimpleCommand, name: string, nested: Nested) => Unwrapped | undefined

const HANDLERS: Readonly<Record<string, Handler>> = {
  eval: (command, _name, nested) => {
    const words = command.words.slice(1)
    const args = words[0]?.static === true && words[0].text === "--" ? words.slice(1) : words
    if (args.length === 0) return undefined
    if (args[0]!.static && args[0]!.text.startsWith("-")) return { opaque: `eval ${args[0]!.text}: an option eval does not have` }
    const inner = script(args.map((w) => w.text).join(" "), nested)
    return args.every((w) => w.static) ? inner : { ...inner, opaque: "eval of text only known at run time" }
  },
  trap: (command, _name, nested) => {
    const words = command.words
    let index = 1
    if (words[index]?.static === true && words[index]!.text === "--") index += 1
    const handler = words[index]
    // `trap -p`, `trap -l`, `trap SIG` (one word: resets the signal), `trap - SIG`: nothing runs.
    if (handler === undefined || words.length - index < 2) return undefined
    if (handler.static && (handler.text === "-" || handler.text === "")) return undefined
    if (handler.static && handler.text.startsWith("-")) return { opaque: `trap ${handler.text}: an option this analysis does not know` }
    return handler.static ? script(handler.text, nested) : { opaque: "a trap handler only known at run time" }
  },
  alias: (command, _name, nested) => {
    const definitions = operands(command.words, new Set()).filter((w) => !w.static || w.text.includes("="))
    if (definitions.some((w) => !w.static)) return { opaque: "an alias only known at run time" }
    if (definitions.length === 0) return undefined
    return script(definitions.map((w) => w.text.slice(w.text.indexOf("=") + 1)).join("\n"), nested)
  },
  hash: (command) =>
    command.words.some((w) => !w.static || /^-[A-Za-z]*p/.test(w.text)) ? { opaque: "hash -p makes a command name run another program" } : undefined,
  enable: (command) =>
    command.words.some((w) => !w.static || /^-[A-Za-z]*f/.test(w.text)) ? { opaque: "enable -f loads a shared library into the shell" } : undefined,
  fc: (command) => (command.words.some((w) => w.static && /^-[A-Za-z]*l/.test(w.text)) ? undefined : { opaque: "fc re-runs commands from the history" }),
  bind: (command) => (command.words.some((w) => !w.static || /^-[A-Za-z]*x/.test(w.text)) ? { opaque: "bind -x binds a command to a key" } : undefined),
  compgen: (command, name, nested) => codeOption(command, name, "-C", new Set(["-A", "-G", "-W", "-F", "-X", "-P", "-S", "-o"]), nested),
  complete: (command, name, nested) => codeOption(command, name, "-C", new Set(["-A", "-G", "-W", "-F", "-X", "-P", "-S", "-o"]), nested),
  let: (command) => {
    for (const word of command.words.slice(1)) {
      const problem = word.static ? arithmeticProblem(word.text) : `let of text only known at run time`
      if (problem !== undefined) return { opaque: `let: ${problem}` }
    }
    return undefined
  },
  read: (command) => {
    const array = optionValue(command.words, "-a", READ_WITH_VALUE)
    const names = [...(array === undefined || array === null ? [] : [array]), ...operands(command.words, READ_WITH_VALUE)]
    const problem = firstDefined(names, (word) => nameProblem(word, "read"))
    return problem === undefined ? undefined : { opaque: problem }
  },
  mapfile: (command, name, nested) => {
    const problem = nameProblem(operands(command.words, MAPFILE_WITH_VALUE)[0], name)
    if (problem !== undefined) return { opaque: problem }
    return codeOption(command, name, "-C", MAPFILE_WITH_VALUE, nested)
  },
  printf: (command) => {
    const target = optionValue(command.words, "-v", new Set())
    if (target === undefined) return undefined
    const problem = target === null ? undefined : nameProblem(target, "printf -v")
    return problem === undefined ? undefined : { opaque: problem }
  },
  getopts: (command) => {
    const problem = nameProblem(operands(command.words, new Set())[1], "getopts")
    return problem === undefined ? undefined : { opaque: problem }
  },
  wait: (command) => {
    const target = optionValue(command.words, "-p", new Set())
    const problem = target === undefined || target === null ? undefined : nameProblem(target, "wait -p")
    return problem === undefined ? undefined : { opaque: problem }
  },
  unset: (command) => {
    const problem = firstDefined(operands(command.words, new Set()), (word) => nameProblem(word, "unset"))
    return problem === undefined ? undefined : { opaque: problem }
  },
  test: (command) => {
    const words = command.words
    for (let index = 1; index < words.length - 1; index++) {
      if (words[index]!.static && words[index]!.text === "-v") {
        const problem = nameProblem(words[index + 1], "test -v")
        if (problem !== undefined) return { opaque: problem }
      }
    }
    return undefined
  },
  source: (command, name, nested) => {
    const file = operands(command.words, new Set())[0]
    return file === undefined ? undefined : scriptOperand(name, file, command.stdin, nested)
  }
}

const ALIASES: Readonly<Record<string, string>> = { readarray: "mapfile", ".": "source", "[": "test" }

/** What a builtin runs or re-evaluates; undefined when the program is not one of these. */
export const unwrapBuiltin = (command: SimpleCommand, name: string, nested: Nested): Unwrapped | undefined => {
  if (DECLARATIONS.has(name)) return declaration(command, name, nested) ?? {}
  const handler = HANDLERS[ALIASES[name] ?? name]
  return handler === undefined ? undefined : (handler(command, name, nested) ?? {})
}

const firstDefined = <A, B>(items: ReadonlyArray<A>, f: (item: A) => B | undefined): B | undefined => {
  for (const item of items) {
    const result = f(item)
    if (result !== undefined) return result
  }
  return undefined
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text)
