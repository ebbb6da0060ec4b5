/**
 * When a deny rule MIGHT match a line it cannot be shown to match: the line has a part the
 * analysis cannot see through (`$CMD`, arithmetic that re-evaluates text, a script from a pipe),
 * or a program we do not know hands a denied program's name to something that may run it
 * (`mywrapper rm -rf x`, `python -c "os.system('rm …')"`). Such a line is treated as possibly
 * matching: asked in the terminal, denied headless and under --yolo.
 */
import type { ShellAnalysis, SimpleCommand } from "./bash.js"
import { hasOpaquePart, opaqueReason } from "./bashOpaqueParts.js"
import type { CompiledBashRule } from "./bashRules.js"
import { programBaseName, systemProgram } from "./bashProgramNames.js"

/**
 * Programs that never run their arguments as commands: a denied program's name among their
 * arguments is only text (`git commit -m "rm old files"`, `grep rm`, `echo rm`).
 */
const INERT = new Set([
  "echo", "printf", "cat", "tac", "ls", "grep", "egrep", "fgrep", "rg", "ag", "head", "tail", "wc", "uniq",
  "cut", "tr", "diff", "cmp", "comm", "paste", "join", "fold", "fmt", "nl", "od", "hexdump", "xxd", "strings",
  "column", "mkdir", "rmdir", "touch", "cp", "mv", "ln", "rm", "chmod", "chown", "chgrp", "stat", "file", "basename",
  "dirname", "realpath", "readlink", "pwd", "date", "true", "false", "test", "[", "jq", "tee", "du", "df", "which",
  "type", "whoami", "id", "uname", "seq", "base64", "md5sum", "sha1sum", "sha256sum", "sha512sum", "cksum",
  "printenv", "sleep", "yes", "expr", "cd", "pushd", "popd", ":", "export", "unset", "read", "shift", "set", "shopt",
  "kill", "jobs", "help", "curl", "tree", "truncate", "wait"
])
// Not here on purpose: `sort --compress-program`, `less` (LESSOPEN), `man`, `more`, `sed` (its `e`
// command), `awk` (`system()`), `tar` (`--to-command`), `wget` and interpreters run programs.

/** Words after which git runs a program it is given (`git -c alias.x='!rm'`, `git bisect run`). */
const GIT_RUNS =
  /^(?:-c|--config-env|--exec-path|config|bisect|submodule|filter-branch|filter-repo|difftool|mergetool|rebase|--ext-diff|-x|--exec|--upload-pack|--receive-pack|--extcmd|--tool|-e|--ssh|ls-remote|fetch|pull|push|clone|archive)(?:=|$)/

const isInert = (command: SimpleCommand): boolean => {
  const program = command.words[0]
  // Leading assignments (`GIT_PAGER=… git log`) can make any program run something.
  if (program === undefined || !program.static || command.assignments.length > 0) return false
  const name = systemProgram(program.text)
  const args = command.words.slice(1)
  if (name === "git") return !args.some((word) => !word.static || GIT_RUNS.test(word.text))
  // ripgrep runs a preprocessor program given with --pre.
  if (name === "rg") return !args.some((word) => !word.static || word.text.startsWith("--pre"))
  return INERT.has(name)
}

/** The program a deny rule names (`Bash(rm -rf:*)` → `rm`), if it names one. */
const ruleProgram = (rule: CompiledBashRule): string | undefined => {
  const keys = rule._tag === "Prefix" ? rule.keys : rule._tag === "Exact" ? rule.command?.keys : undefined
  const key = keys?.find((k) => !/^[=~][A-Za-z_][A-Za-z0-9_]*\+?=/.test(k))
  return key?.startsWith("=") === true ? programBaseName(key.slice(1)) : undefined
}

/**
 * Whether text hands on `program` as a command: the whole word (`wrapper rm x`), or a string in
 * which it starts a command (`'rm -rf x'`, `"x; rm y"`, `os.system('rm …')`, `!rm` for git), not
 * merely a word of prose (`-t 'should touch the file'`).
 */
const handsOnName = (text: string, program: string): boolean => {
  if (programBaseName(text) === program) return true
  const escaped = program.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  return new RegExp(`(?:^|[;&|\`(){}'"!\\n]|\\$\\()\\s*(?:[^\\s;&|'"]*/)?${escaped}(?=$|[\\s;&|)'"])`).test(text)
}

const namedInWords = (command: SimpleCommand, program: string): boolean =>
  command.words.some((word, index) => (index > 0 || !word.static) && handsOnName(word.text, program))

/** Text a command reads on stdin that could be code: a here-document or here-string. */
const stdinNames = (command: SimpleCommand, program: string): boolean =>
  command.stdin?._tag === "Static" && handsOnName(command.stdin.text, program)

/** Every command of the line at any depth: each command, then what it runs (wrapped, guarded, scripts). */
function* everyCommand(commands: ReadonlyArray<SimpleCommand>): Generator<SimpleCommand> {
  for (const command of commands) {
    yield command
    const inner = command.inner
    if (inner === undefined) continue
    switch (inner._tag) {
      case "Transparent":
        yield* everyCommand([inner.command])
        break
      case "Guarded":
        yield* everyCommand(inner.commands)
        break
      case "SelfOnly":
        yield* everyCommand(inner.candidates)
        break
      case "Script":
        yield* everyCommand(inner.analysis.commands)
        break
    }
  }
}

const findCommand = (commands: ReadonlyArray<SimpleCommand>, test: (command: SimpleCommand) => boolean): SimpleCommand | undefined => {
  for (const command of everyCommand(commands)) if (test(command)) return command
  return undefined
}

/**
 * The first command that runs a program itself (a wrapper's own words are judged through what it
 * runs) and may run `program` because it is named in it.
 */
const handsOn = (commands: ReadonlyArray<SimpleCommand>, program: string): SimpleCommand | undefined =>
  findCommand(commands, (command) => command.inner === undefined && !isInert(command) && (namedInWords(command, program) || stdinNames(command, program)))

/** Whether any command names the program in its arguments or its here-document. */
const mentioned = (commands: ReadonlyArray<SimpleCommand>, program: string): boolean =>
  findCommand(commands, (command) => command.words.some((word, index) => index > 0 && handsOnName(word.text, program)) || stdinNames(command, program)) !== undefined

/** A command that is not inert and reads what another command writes to a pipe. */
const readsPipe = (commands: ReadonlyArray<SimpleCommand>): SimpleCommand | undefined =>
  findCommand(commands, (command) => command.inner === undefined && command.stdin?._tag === "Unknown" && !isInert(command))

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
    // `echo 'rm -rf x' | sed e`: what reaches a program through a pipe could be a command.
    const reader = readsPipe(analysis.commands)
    if (reader !== undefined && mentioned(analysis.commands, program)) {
      return { rule, construct: `${reader.words[0]?.text ?? "a command"} is not known to be safe and reads "${program}" from a pipe` }
    }
  }
  return undefined
}
