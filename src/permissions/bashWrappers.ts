/**
 * Programs that run other programs. For each we find the command it runs, so a deny rule on
 * `rm` holds for `nohup rm`, `env X=1 rm`, `xargs rm`, `find -exec rm`, `sudo rm` and
 * `bash -c "rm"`, and an allow rule only covers what actually runs.
 *
 * - transparent (`env`, `nohup`, `nice`, `time`, `timeout`, `stdbuf`, `command`, `builtin`,
 *   `exec`, `xargs`): allowed when the inner command is; `xargs` appends arguments it reads, so
 *   only a prefix rule can cover its inner command.
 * - guarded (`find -exec`): the outer command AND the inner command must be allowed.
 * - self-only (`sudo`, `doas`, `su`, `ssh`, `watch`, …): only a rule for the whole command line
 *   allows it; every command it might run is still checked against deny rules.
 * - scripts (`bash -c`, `sh -c`, `dash -c`, `eval`, `trap`): the string is parsed and analysed too;
 *   with leading assignments (`BASH_ENV=x bash -c …`) only an exact rule allows them.
 *   `zsh -c`, `ksh -c` and `fish -c` are analysed with the Bash parser for deny rules only (their
 *   syntax differs), so they are opaque.
 */
import { posix } from "node:path"
import type { InnerCommands, ShellAnalysis, ShellWord, SimpleCommand } from "./bash.js"

/** How deep wrappers may nest (`sudo env nohup …`) before we stop unwrapping (opaque). */
const MAX_WRAP_DEPTH = 8

const SYSTEM_DIRS = new Set(["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/opt/homebrew/bin"])

/**
 * `/usr/bin/curl` → `curl`: a program in a system directory is the program of that name.
 * Other paths (`./curl`, `/tmp/x/curl`) stay as written: they are different programs.
 */
export const systemProgram = (text: string): string => {
  if (!text.startsWith("/")) return text
  const normal = posix.normalize(text)
  const dir = posix.dirname(normal)
  const base = posix.basename(normal)
  return SYSTEM_DIRS.has(dir) && base.length > 0 ? base : text
}

/** The base name of any program path, for deny rules (`./x/rm` → `rm`). */
export const programBaseName = (text: string): string => {
  const base = posix.basename(text)
  return base.length > 0 ? base : text
}

type Nested = (script: string) => ShellAnalysis

interface Unwrapped {
  readonly inner?: InnerCommands
  readonly opaque?: string
  readonly writes?: boolean
}

const NONE: Unwrapped = {}

const isStatic = (words: ReadonlyArray<ShellWord>): boolean => words.every((word) => word.static)

/** A command the wrapper runs: the wrapper's assignments and redirections apply to it too. */
const child = (
  outer: SimpleCommand,
  words: ReadonlyArray<ShellWord>,
  nested: Nested,
  depth: number,
  extraAssignments: ReadonlyArray<ShellWord> = []
): SimpleCommand => {
  const program = words[0]
  const base: SimpleCommand = {
    source: words.map((word) => word.text).join(" "),
    assignments: [...outer.assignments, ...extraAssignments],
    words,
    redirects: outer.redirects,
    writes: outer.writes,
    opaque: program === undefined || program.static ? undefined : `the program name (${program.text}) is only known at run time`,
    inner: undefined
  }
  return base.opaque === undefined ? unwrapAt(base, nested, depth + 1) : base
}

/**
 * Skips options. `withValue` options take the next word (or `--opt=value`, `-oVALUE`);
 * `flags` take none. Returns the index of the first operand, or a reason it could not tell.
 */
const skipOptions = (
  words: ReadonlyArray<ShellWord>,
  start: number,
  flags: ReadonlySet<string>,
  withValue: ReadonlySet<string>
): number | string => {
  let index = start
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return index
    const text = word.text
    if (text === "--") return index + 1
    if (!text.startsWith("-") || text === "-") return index
    if (flags.has(text)) {
      index += 1
      continue
    }
    if (withValue.has(text)) {
      index += 2
      continue
    }
    const eq = text.indexOf("=")
    if (text.startsWith("--") && eq !== -1 && withValue.has(text.slice(0, eq))) {
      index += 1
      continue
    }
    // `-n10`, `-sKILL`: a short option with its value attached.
    if (!text.startsWith("--") && text.length > 2 && withValue.has(text.slice(0, 2))) {
      index += 1
      continue
    }
    return `unknown option ${text}`
  }
  return index
}

const set = (...items: ReadonlyArray<string>): ReadonlySet<string> => new Set(items)

interface SimpleWrapper {
  readonly flags: ReadonlySet<string>
  readonly withValue: ReadonlySet<string>
  /** Words after the options to skip before the command (timeout's duration). */
  readonly operandsBefore?: number
  /** Options that write a file (time -o). */
  readonly writing?: ReadonlySet<string>
  /** Options after which nothing runs (command -v). */
  readonly noCommand?: ReadonlySet<string>
}

const TRANSPARENT: Readonly<Record<string, SimpleWrapper>> = {
  nohup: { flags: set(), withValue: set() },
  builtin: { flags: set(), withValue: set() },
  command: { flags: set("-p"), withValue: set(), noCommand: set("-v", "-V") },
  exec: { flags: set("-c", "-l", "-cl", "-lc"), withValue: set("-a") },
  nice: { flags: set(), withValue: set("-n", "--adjustment") },
  time: {
    flags: set("-p", "-v", "-a", "-q", "--append", "--verbose", "--portability", "--quiet"),
    withValue: set("-f", "--format", "-o", "--output"),
    writing: set("-o", "--output")
  },
  timeout: {
    flags: set("--preserve-status", "--foreground", "-v", "--verbose"),
    withValue: set("-s", "--signal", "-k", "--kill-after"),
    operandsBefore: 1
  },
  stdbuf: { flags: set(), withValue: set("-i", "-o", "-e", "--input", "--output", "--error") }
}

const unwrapSimple = (command: SimpleCommand, spec: SimpleWrapper, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  if (spec.noCommand !== undefined && words.slice(1).some((w) => w.static && spec.noCommand?.has(w.text))) return NONE
  // `nice -10 cmd`: an old-style numeric option.
  let start = 1
  if (words[0]?.text === "nice" && /^-\d+$/.test(words[1]?.text ?? "")) start = 2
  const operand = skipOptions(words, start, spec.flags, spec.withValue)
  if (typeof operand === "string") return { opaque: `${words[0]?.text}: ${operand}` }
  const writes = words
    .slice(1, operand)
    .some((w) => spec.writing !== undefined && [...spec.writing].some((opt) => w.text === opt || w.text.startsWith(`${opt}=`)))
  const commandStart = operand + (spec.operandsBefore ?? 0)
  const rest = words.slice(commandStart)
  if (rest.length === 0) return { writes }
  if (!isStatic(words.slice(1, operand))) return { opaque: `${words[0]?.text}: options only known at run time` }
  return { writes, inner: { _tag: "Transparent", command: child(command, rest, nested, depth), argsAppended: false } }
}

const ENV_FLAGS = set("-i", "-", "-0", "--ignore-environment", "--null", "-v", "--debug")
const ENV_WITH_VALUE = set("-u", "--unset", "-C", "--chdir")

const unwrapEnv = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
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
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
      assignments.push(word)
      index += 1
    } else break
  }
  const rest = words.slice(index)
  if (rest.length === 0) return NONE
  return { inner: { _tag: "Transparent", command: child(command, rest, nested, depth, assignments), argsAppended: false } }
}

const XARGS_FLAGS = set("-0", "-r", "-t", "-p", "-x", "-o", "--null", "--no-run-if-empty", "--verbose", "--interactive", "--exit", "--open-tty")
const XARGS_WITH_VALUE = set(
  "-a",
  "-d",
  "-E",
  "-L",
  "-n",
  "-P",
  "-s",
  "--arg-file",
  "--delimiter",
  "--eof",
  "--max-lines",
  "--max-args",
  "--max-procs",
  "--max-chars",
  "--process-slot-var"
)

const unwrapXargs = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const replacing = words.some((w) => w.static && (/^-[iI]/.test(w.text) || w.text.startsWith("--replace")))
  const operand = skipOptions(words, 1, XARGS_FLAGS, set(...XARGS_WITH_VALUE, "-I", "-i", "--replace"))
  const rest = typeof operand === "number" ? words.slice(operand) : []
  const innerWords = rest.length === 0 ? [{ text: "echo", static: true }] : rest
  const inner: InnerCommands = { _tag: "Transparent", command: child(command, innerWords, nested, depth), argsAppended: true }
  if (typeof operand === "string") return { opaque: `xargs: ${operand}`, inner }
  // With -I the input is substituted anywhere in the command: nothing about it is static.
  if (replacing) return { opaque: "xargs -I substitutes its input into the command", inner }
  return { inner }
}

const FIND_EXEC = set("-exec", "-execdir", "-ok", "-okdir")
const FIND_WRITES = set("-delete", "-fprint", "-fprint0", "-fprintf", "-fls")

const unwrapFind = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
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
      if (execWords.length > 0) commands.push(child(command, execWords, nested, depth))
      index = end + 1
      continue
    }
    index += 1
  }
  if (commands.length === 0) return { writes }
  return { writes, inner: { _tag: "Guarded", commands, argsAppended: true } }
}

const BASH_LIKE = set("bash", "sh", "dash")
const OTHER_SHELLS = set("zsh", "ksh", "mksh", "fish", "csh", "tcsh", "ash", "busybox")

const unwrapShell = (command: SimpleCommand, nested: Nested): Unwrapped => {
  const words = command.words
  const program = words[0]?.text ?? ""
  let index = 1
  let sawC = false
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return sawC ? { opaque: `${program} -c with a script only known at run time` } : NONE
    const text = word.text
    if (text === "--" || text === "-") {
      index += 1
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
      index += 1
      continue
    }
    break
  }
  if (!sawC) return NONE
  const script = words[index]
  if (script === undefined) return { opaque: `${program} -c without a script` }
  if (!script.static) {
    return { opaque: `${program} -c with a script only known at run time`, inner: { _tag: "Script", analysis: nested(script.text) } }
  }
  const inner: InnerCommands = { _tag: "Script", analysis: nested(script.text) }
  return OTHER_SHELLS.has(program) ? { opaque: `${program} scripts are not Bash`, inner } : { inner }
}

const unwrapEval = (command: SimpleCommand, nested: Nested): Unwrapped => {
  const args = command.words.slice(1)
  if (args.length === 0) return NONE
  const inner: InnerCommands = { _tag: "Script", analysis: nested(args.map((w) => w.text).join(" ")) }
  return isStatic(args) ? { inner } : { opaque: "eval of text only known at run time", inner }
}

/** `trap 'cmd' EXIT`: the handler is a script that will run. */
const unwrapTrap = (command: SimpleCommand, nested: Nested): Unwrapped => {
  const handler = command.words[1]
  if (handler === undefined || (handler.static && handler.text.startsWith("-"))) return NONE
  const inner: InnerCommands = { _tag: "Script", analysis: nested(handler.text) }
  return handler.static ? { inner } : { opaque: "a trap handler only known at run time", inner }
}

const SELF_ONLY = set(
  "sudo",
  "doas",
  "su",
  "runuser",
  "pkexec",
  "chroot",
  "unshare",
  "nsenter",
  "setsid",
  "flock",
  "ionice",
  "taskset",
  "chrt",
  "strace",
  "ltrace",
  "watch",
  "ssh",
  "script",
  "unbuffer",
  "parallel",
  "systemd-run"
)

/** Every place a command could start (after each non-option word), and every string argument. */
const unwrapSelfOnly = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const candidates: Array<SimpleCommand> = []
  for (let index = 1; index < words.length && candidates.length < 16; index++) {
    const word = words[index]!
    if (word.static && !word.text.startsWith("-")) candidates.push(child(command, words.slice(index), nested, depth))
    // `su -c "cmd"`, `watch "cmd"`, `ssh host "cmd"`: a string that a shell will run.
    if (word.static && /[\s;&|`$()<>]/.test(word.text)) {
      candidates.push(child(command, [{ text: "sh", static: true }, { text: "-c", static: true }, word], nested, depth))
    }
  }
  return { inner: { _tag: "SelfOnly", candidates } }
}

const unwrap = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const program = command.words[0]
  if (program === undefined || !program.static) return NONE
  const name = systemProgram(program.text)
  if (depth >= MAX_WRAP_DEPTH) return { opaque: "commands wrapped too deeply" }
  const simple = TRANSPARENT[name]
  if (simple !== undefined) return unwrapSimple(command, simple, nested, depth)
  if (name === "env") return unwrapEnv(command, nested, depth)
  if (name === "xargs") return unwrapXargs(command, nested, depth)
  if (name === "find") return unwrapFind(command, nested, depth)
  if (BASH_LIKE.has(name) || OTHER_SHELLS.has(name)) return unwrapShell(command, nested)
  if (name === "eval") return unwrapEval(command, nested)
  if (name === "trap") return unwrapTrap(command, nested)
  if (SELF_ONLY.has(name)) return unwrapSelfOnly(command, nested, depth)
  return NONE
}

const unwrapAt = (command: SimpleCommand, nested: Nested, depth: number): SimpleCommand => {
  const result = unwrap(command, nested, depth)
  if (result === NONE) return command
  return {
    ...command,
    writes: command.writes || result.writes === true,
    opaque: command.opaque ?? result.opaque,
    inner: result.inner
  }
}

/** Finds what a command runs through wrappers; `nested` analyses script strings. */
export const unwrapCommand = (command: SimpleCommand, nested: Nested): SimpleCommand => unwrapAt(command, nested, 0)
