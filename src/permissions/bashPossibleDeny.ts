/**
 * When a deny rule MIGHT match a line it cannot be shown to match: the line has a part the
 * analysis cannot see through (`$CMD`, arithmetic that re-evaluates text, a script from a pipe),
 * or a program we do not know hands a denied program's name to something that may run it
 * (`mywrapper rm -rf x`, `python -c "os.system('rm …')"`). Such a line is treated as possibly
 * matching: asked in the terminal, denied headless and under --yolo.
 */
import type { ShellAnalysis, SimpleCommand } from "./bash.js"
import { type CompiledBashRule, hasOpaquePart, opaqueReason } from "./bashRules.js"
import { programBaseName, systemProgram } from "./bashWrappers.js"

/**
 * Programs that never run their arguments as commands: a denied program's name among their
 * arguments is only text (`git commit -m "rm old files"`, `grep rm`, `echo rm`).
 */
const INERT = new Set([
  "echo", "printf", "cat", "tac", "ls", "grep", "egrep", "fgrep", "rg", "ag", "head", "tail", "wc", "sort", "uniq",
  "cut", "tr", "diff", "cmp", "comm", "paste", "join", "fold", "fmt", "nl", "od", "hexdump", "xxd", "strings",
  "column", "mkdir", "rmdir", "touch", "cp", "mv", "ln", "rm", "chmod", "chown", "chgrp", "stat", "file", "basename",
  "dirname", "realpath", "readlink", "pwd", "date", "true", "false", "test", "[", "jq", "tee", "du", "df", "which",
  "type", "whoami", "id", "uname", "seq", "base64", "md5sum", "sha1sum", "sha256sum", "sha512sum", "cksum",
  "printenv", "sleep", "yes", "expr", "cd", "pushd", "popd", ":", "export", "unset", "read", "shift", "set", "shopt",
  "kill", "jobs", "help", "man", "less", "more", "curl", "wget", "tree", "touch", "truncate", "wait"
])

/** Words after which git runs a program it is given (`git -c alias.x='!rm'`, `git bisect run`). */
const GIT_RUNS = /^(?:-c|--config-env|--exec-path|bisect|submodule|filter-branch|filter-repo|difftool|mergetool|rebase|--ext-diff|-x|--exec|--upload-pack|--receive-pack|--extcmd|--tool|-e|--ssh)(?:=|$)/

const isInert = (command: SimpleCommand): boolean => {
  const program = command.words[0]
  if (program === undefined || !program.static) return false
  const name = systemProgram(program.text)
  if (name === "git") return !command.words.slice(1).some((word) => !word.static || GIT_RUNS.test(word.text))
  return INERT.has(name)
}

/** The program a deny rule names (`Bash(rm -rf:*)` → `rm`), if it names one. */
const ruleProgram = (rule: CompiledBashRule): string | undefined => {
  const keys = rule._tag === "Prefix" ? rule.keys : rule._tag === "Exact" ? rule.command?.keys : undefined
  const key = keys?.find((k) => !/^[=~][A-Za-z_][A-Za-z0-9_]*\+?=/.test(k))
  return key?.startsWith("=") === true ? programBaseName(key.slice(1)) : undefined
}

/** Every name a word could hand on as a program: the word, and each token of a string in it. */
const namesIn = (text: string): ReadonlyArray<string> => [
  programBaseName(text),
  ...text.split(/[\s;&|`$()<>'"!={},\\]+/).flatMap((token) => (token.length === 0 ? [] : [token, programBaseName(token)]))
]

const namedInArguments = (command: SimpleCommand, program: string): boolean =>
  command.words.slice(1).some((word) => namesIn(word.text).includes(program))

/** The first command, at any depth, whose program may run `program` because it is named in it. */
const handsOn = (commands: ReadonlyArray<SimpleCommand>, program: string): SimpleCommand | undefined => {
  for (const command of commands) {
    const found = commandHandsOn(command, program)
    if (found !== undefined) return found
  }
  return undefined
}

const commandHandsOn = (command: SimpleCommand, program: string): SimpleCommand | undefined => {
  const inner = command.inner
  if (inner === undefined) return isInert(command) || !namedInArguments(command, program) ? undefined : command
  switch (inner._tag) {
    case "Transparent":
      return commandHandsOn(inner.command, program)
    case "Guarded":
      return handsOn(inner.commands, program)
    case "SelfOnly":
      return handsOn(inner.candidates, program)
    case "Script":
      return handsOn(inner.analysis.commands, program)
  }
}

export interface PossibleDeny {
  readonly rule: CompiledBashRule
  /** What could not be judged, for the message. */
  readonly construct: string
}

/** A specific deny rule that might match the line though it does not provably match it. */
export const possibleDenyMatch = (analysis: ShellAnalysis, denyRules: ReadonlyArray<CompiledBashRule>): PossibleDeny | undefined => {
  const specific = denyRules.filter((rule) => rule._tag !== "Any")
  const first = specific[0]
  if (first === undefined) return undefined
  if (hasOpaquePart(analysis)) return { rule: first, construct: opaqueReason(analysis) ?? "the command cannot be fully analysed" }
  for (const rule of specific) {
    const program = ruleProgram(rule)
    if (program === undefined) continue
    const command = handsOn(analysis.commands, program)
    if (command !== undefined) {
      return { rule, construct: `${command.words[0]?.text ?? "a command"} is not known to be safe and is given "${program}" in its arguments` }
    }
  }
  return undefined
}
