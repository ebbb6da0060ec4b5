/**
 * Programs that run other programs. For each we find the command it runs, so a deny rule on
 * `rm` holds for `nohup rm`, `env X=1 rm`, `xargs rm`, `find -exec rm`, `sudo rm`, `taskset 1 rm`
 * and `bash -c "rm"`, and an allow rule only covers what actually runs.
 *
 * - transparent (WRAPPERS in bashWrapperTables.ts: `env`, `nohup`, `nice`, `timeout`, `stdbuf`,
 *   `setarch`, `prlimit`, `chrt`, `taskset`, `ionice`, `flock`, `logsave`, `busybox`, `xargs`…):
 *   allowed when the inner command is. Their options are parsed exactly; an option we do not
 *   know makes the command unclear rather than guessed. `xargs` appends arguments it reads, so
 *   only a prefix rule can cover its inner command.
 * - guarded (`find -exec`): the outer command AND the inner command must be allowed.
 * - self-only (SELF_ONLY: `sudo`, `doas`, `su`, `ssh`, `unshare`, `watch`, `parallel`, …): they
 *   run with other privileges, elsewhere or repeatedly, so only a rule for the whole command line
 *   allows them; every place a command could start, and every string a shell would run, is
 *   still checked against deny rules.
 * - scripts (`bash -c`, `sh -c`, a shell reading a here-document, here-string or pipe, `eval`,
 *   `trap`, `alias`…): a static script is parsed and analysed too; one only known at run time
 *   is unclear. `zsh`, `ksh` and `fish` scripts are analysed with the Bash parser for deny rules
 *   only (their syntax differs), so they are unclear.
 * Builtins that run or re-evaluate text are in bashBuiltins.ts.
 *
 * This file dispatches a command to the unwrapper for its program and builds the commands
 * wrappers run; the tables are in bashWrapperTables.ts, the unwrappers in
 * bashTransparentWrappers.ts, bashAppendingWrappers.ts, bashShellWrappers.ts and
 * bashSelfOnlyWrappers.ts, which call back into child() here.
 */
import { posix } from "node:path"
import type { ShellWord, SimpleCommand } from "./bash.js"
import { unwrapFind, unwrapXargs } from "./bashAppendingWrappers.js"
import { assignmentsEffect, type Nested, type Unwrapped, unwrapBuiltin } from "./bashBuiltins.js"
import { programBaseName, systemProgram } from "./bashProgramNames.js"
import { unwrapSelfOnly } from "./bashSelfOnlyWrappers.js"
import { unwrapShell } from "./bashShellWrappers.js"
import { unwrapEnv, unwrapWrapper } from "./bashTransparentWrappers.js"
import { BASH_LIKE, OTHER_SHELLS, SELF_ONLY, WRAPPERS } from "./bashWrapperTables.js"

/** How deep wrappers may nest (`sudo env nohup …`) before we stop unwrapping (opaque). */
const MAX_WRAP_DEPTH = 8

/** No unwrapping: unwrapAt keeps the command as it is (compared by identity). */
export const NONE: Unwrapped = {}

/** A command the wrapper runs: the wrapper's assignments and redirections apply to it too. */
export const child = (
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
    inner: undefined,
    stdin: outer.stdin
  }
  return base.opaque === undefined ? unwrapAt(base, nested, depth + 1) : base
}

const unwrap = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  if (depth >= MAX_WRAP_DEPTH) return { opaque: "commands wrapped too deeply" }
  const assigned = assignmentsEffect(command, nested)
  if (assigned?.opaque !== undefined) return assigned
  const program = command.words[0]
  if (program === undefined || !program.static) return assigned ?? NONE
  // `/proc/self/exe`, `/dev/fd/3`: a program reached through a device is not known by its name.
  if (/^\/+(?:proc|dev)\//.test(posix.normalize(program.text))) return { opaque: `${program.text} runs a program only known at run time` }
  // A wrapper or shell at any path (`/usr/bin/X11/bash`, `./env`) is judged as one: stricter.
  const name = programBaseName(systemProgram(program.text))
  const found = unwrapProgram(command, name, nested, depth)
  if (assigned === undefined) return found
  // PROMPT_COMMAND='…' on a command that runs something else too: too much to analyse as one.
  if (assigned.inner === undefined) return found
  return found.inner === undefined ? { ...found, inner: assigned.inner } : { ...found, opaque: "PROMPT_COMMAND on a command that runs another" }
}

const unwrapProgram = (command: SimpleCommand, name: string, nested: Nested, depth: number): Unwrapped => {
  const wrapper = WRAPPERS[name]
  if (wrapper !== undefined) return unwrapWrapper(command, name, wrapper, nested, depth)
  if (name === "env") return unwrapEnv(command, nested, depth)
  if (name === "xargs") return unwrapXargs(command, nested, depth)
  if (name === "find") return unwrapFind(command, nested, depth)
  if (BASH_LIKE.has(name) || OTHER_SHELLS.has(name)) return unwrapShell(command, name, nested)
  if (SELF_ONLY.has(name)) return unwrapSelfOnly(command, nested, depth)
  if (name === "run-parts") return { opaque: "run-parts runs every program in a directory" }
  return unwrapBuiltin(command, name, nested) ?? NONE
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
