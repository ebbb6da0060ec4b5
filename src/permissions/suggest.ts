/**
 * "Yes, and don't ask again": the one rule to offer for a call that asked,
 * where to keep it, and the option's text. Pure, given the call and (for Bash) its analysis.
 *
 * - Never broader than needed: a Bash prefix is the program and, for tools with subcommands
 *   (git, npm, cargo, …), the subcommand (`npm run <script>`); anything else gets the exact
 *   command. Never `Bash(:*)`, never a bare Bash or file tool.
 * - Persistent ("local": ./.letta/settings.local.json, which is git-ignored) only for ordinary
 *   commands and paths; session-only for destructive commands (rm, mv, chmod, git push --force,
 *   git reset --hard, sudo, kill, dd, `curl … | sh`, …), opaque or writing lines, whole-line
 *   rules, paths outside the project, and anything under `.git/`, `.letta/` or secret-looking
 *   home directories.
 * - A write to a file that changes the rules (./protectedPaths.ts) gets that one file, for the
 *   session: never a glob that would quietly cover its neighbours.
 */
import * as Effect from "effect/Effect"
import { dirname, isAbsolute, relative, resolve, sep } from "node:path"
import { isInside } from "../domain/paths.js"
import type { PermissionQuery } from "../domain/permissions.js"
import { analyseCommand, type ShellAnalysis, type SimpleCommand } from "./bash.js"
import { hasOpaquePart } from "./bashOpaqueParts.js"
import { programBaseName, systemProgram } from "./bashProgramNames.js"
import { protectionOf } from "./protectedPaths.js"
import { EDIT_FAMILY, READ_FAMILY } from "./rules.js"

export interface Suggestion {
  readonly rule: string
  readonly scope: "local" | "session"
  /** The dialog option's text. */
  readonly label: string
}

export interface SuggestContext {
  readonly projectDir: string
  readonly homeDir: string
  /** Bash: the analysed command (from `analyseCommand`). */
  readonly shell?: ShellAnalysis
}

const DESTRUCTIVE_PROGRAMS = new Set([
  "rm", "rmdir", "mv", "cp", "chmod", "chown", "chgrp", "dd", "shred", "truncate", "fdisk", "parted", "wipefs",
  "kill", "killall", "pkill", "sudo", "doas", "su", "reboot", "shutdown", "halt", "poweroff", "crontab", "ln",
  "eval", "exec", "source", ".", "xargs"
])

/** Tools whose first argument names what they do (`git diff`, `npm test`). */
const WITH_SUBCOMMANDS = new Set([
  "git", "npm", "pnpm", "yarn", "bun", "npx", "cargo", "go", "docker", "kubectl", "make", "pip", "pip3", "uv", "poetry",
  "deno", "gh", "dotnet", "mvn", "gradle", "rustup", "brew", "apt", "node", "python", "python3", "tsc", "vitest", "jest"
])

/** Programs whose every form only reads (so `program:*` is no broader than the user means). */
const READ_ONLY = new Set([
  "ls", "cat", "head", "tail", "wc", "grep", "rg", "pwd", "echo", "which", "whoami", "date", "type", "file", "stat",
  "du", "df", "tree", "diff", "sort", "uniq", "basename", "dirname", "realpath", "printf", "uname", "id"
])

const programOf = (command: SimpleCommand): string | undefined => {
  const program = command.words[0]
  return program?.static === true ? programBaseName(systemProgram(program.text)) : undefined
}

const argText = (command: SimpleCommand, index: number): string | undefined => {
  const word = command.words[index]
  return word?.static === true ? word.text : undefined
}

/** Every command of a line, wrapper contents included. */
const allCommands = (analysis: ShellAnalysis): ReadonlyArray<SimpleCommand> =>
  analysis.commands.flatMap((command) => [command, ...innerCommands(command)])

const innerCommands = (command: SimpleCommand): ReadonlyArray<SimpleCommand> => {
  const inner = command.inner
  if (inner === undefined) return []
  switch (inner._tag) {
    case "Transparent":
      return [inner.command, ...innerCommands(inner.command)]
    case "Guarded":
      return inner.commands.flatMap((each) => [each, ...innerCommands(each)])
    case "SelfOnly":
      return inner.candidates.flatMap((each) => [each, ...innerCommands(each)])
    case "Script":
      return allCommands(inner.analysis)
  }
}

const isDestructive = (command: SimpleCommand): boolean => {
  const program = programOf(command)
  if (program === undefined) return true
  if (DESTRUCTIVE_PROGRAMS.has(program) || program.startsWith("mkfs")) return true
  const args = command.words.slice(1).map((word) => (word.static ? word.text : ""))
  if (program === "git") {
    const sub = args.find((arg) => !arg.startsWith("-"))
    if (sub === "push" && args.some((arg) => arg === "-f" || arg.startsWith("--force") || arg.startsWith("+") || arg === "--delete" || arg === "--mirror")) return true
    if (sub === "reset" && args.includes("--hard")) return true
    if (sub === "clean" || sub === "filter-branch" || sub === "reflog" || sub === "gc" || sub === "update-ref") return true
    if ((sub === "checkout" || sub === "restore") && (args.includes("--") || args.includes(".") || args.includes("-f"))) return true
    if (sub === "branch" && args.some((arg) => arg === "-D" || arg === "--delete")) return true
    if (sub === "stash" && args.some((arg) => arg === "drop" || arg === "clear")) return true
  }
  if (program === "find" && args.some((arg) => ["-delete", "-exec", "-execdir", "-ok", "-okdir"].includes(arg))) return true
  return false
}

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ksh", "fish", "python", "python3", "node", "perl", "ruby"])

/** `curl … | sh`: a download run as a script. */
const runsDownload = (analysis: ShellAnalysis): boolean => {
  const programs = allCommands(analysis).map(programOf)
  const fetches = programs.some((p) => p === "curl" || p === "wget")
  return fetches && allCommands(analysis).some((c) => SHELLS.has(programOf(c) ?? "") && c.words.length <= 2)
}

const NEUTRAL = new Set(["cd", "pushd", "popd", "true", "false", ":"])

/** The prefix words for a command, or undefined when only the exact command is narrow enough. */
const prefixFor = (command: SimpleCommand): string | undefined => {
  if (command.assignments.length > 0 || command.inner !== undefined) return undefined
  const program = programOf(command)
  const written = argText(command, 0)
  if (program === undefined || written === undefined || written.includes("/")) return undefined
  if (!/^[A-Za-z0-9][\w.+-]*$/.test(program)) return undefined
  const first = argText(command, 1)
  if (WITH_SUBCOMMANDS.has(program)) {
    if (first === undefined || !/^[a-z][\w:.-]*$/.test(first)) return undefined
    const second = argText(command, 2)
    if ((first === "run" || first === "run-script") && ["npm", "pnpm", "yarn", "bun"].includes(program)) {
      return second !== undefined && /^[\w:.-]+$/.test(second) ? `${program} ${first} ${second}` : undefined
    }
    return `${program} ${first}`
  }
  return READ_ONLY.has(program) ? program : undefined
}

const quoteLabel = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

const exactFor = (command: string, scope: Suggestion["scope"]): Suggestion | undefined => {
  const trimmed = command.trim()
  // The rule text must read back as the same exact rule.
  if (trimmed.length === 0 || trimmed.includes(":*") || trimmed.includes("\n")) return undefined
  return {
    rule: `Bash(${trimmed})`,
    scope,
    label: `Yes, and don't ask again for \`${quoteLabel(trimmed)}\` ${scope === "local" ? "in this project" : "during this session"}`
  }
}

const suggestBash = (command: string, shell: ShellAnalysis | undefined): Suggestion | undefined => {
  if (shell === undefined || hasOpaquePart(shell)) return exactFor(command, "session")
  const commands = allCommands(shell)
  if (commands.some(isDestructive) || runsDownload(shell)) return exactFor(command, "session")
  const main = shell.commands.filter((c) => !NEUTRAL.has(programOf(c) ?? ""))
  const prefixes = new Set(main.map((c) => (c.writes ? undefined : prefixFor(c))))
  const [prefix] = [...prefixes]
  if (prefixes.size === 1 && prefix !== undefined && main.length > 0) {
    return {
      rule: `Bash(${prefix}:*)`,
      scope: "local",
      label: `Yes, and don't ask again for \`${prefix}\` commands in this project`
    }
  }
  return exactFor(command, main.some((c) => c.writes) || shell.commands.length > 1 ? "session" : "local")
}

/** Directories whose rules must not outlive the session: they control code execution or hold secrets. */
const SENSITIVE_SEGMENTS = new Set([".git", ".letta", ".ssh", ".gnupg", ".aws", ".azure", ".kube", ".docker", ".config", ".vscode", ".idea"])

const isSensitive = (path: string): boolean => path.split(sep).some((segment) => SENSITIVE_SEGMENTS.has(segment))

const hasGlobChars = (path: string): boolean => /[*?[\]{}()!\\]/.test(path)

const suggestPath = (toolName: string, raw: string, context: SuggestContext, isDirectory: boolean): Suggestion | undefined => {
  const absolute = resolve(context.projectDir, raw)
  const dir = isDirectory ? absolute : dirname(absolute)
  if (hasGlobChars(dir) || hasGlobChars(absolute)) return undefined
  const family = EDIT_FAMILY.includes(toolName) ? "Edit" : "Read"
  const verb = family === "Edit" ? "editing" : "reading"
  const guard = family === "Edit" ? protectionOf(absolute, { projectDirs: [context.projectDir], homeDirs: [context.homeDir] }) : undefined
  if (guard !== undefined) {
    // Named exactly, so the rule names the protected file (and nothing next to it).
    const exact = guard.shown.startsWith("/") ? `/${guard.shown}` : guard.shown.startsWith("~/") ? guard.shown : `./${guard.shown}`
    return { rule: `${family}(${exact})`, scope: "session", label: `Yes, and allow ${verb} ${guard.shown} during this session` }
  }
  if (isInside(context.projectDir, absolute)) {
    const rel = relative(context.projectDir, dir)
    const sensitive = isSensitive(relative(context.projectDir, absolute))
    const scope = sensitive ? "session" : "local"
    if (rel.length === 0) {
      if (isDirectory) return undefined
      const file = relative(context.projectDir, absolute)
      return { rule: `${family}(./${file})`, scope, label: `Yes, and allow ${verb} ${file} ${scope === "local" ? "in this project" : "during this session"}` }
    }
    return {
      rule: `${family}(${rel}/**)`,
      scope,
      label: `Yes, and allow ${verb} files in ${rel}/ ${scope === "local" ? "in this project" : "during this session"}`
    }
  }
  // Outside the project: never the root or the whole home directory, never past the session.
  if (dir === "/" || dir === context.homeDir || !isAbsolute(dir)) return undefined
  return { rule: `${family}(/${dir}/**)`, scope: "session", label: `Yes, and allow ${verb} files in ${dir}/ during this session` }
}

/** The rule to offer for a call that asked, or undefined when none should be offered. */
export const suggestRule = (query: PermissionQuery, context: SuggestContext): Suggestion | undefined => {
  const { args, toolName } = query
  const text = (key: string): string | undefined => {
    const value = args?.[key]
    return typeof value === "string" && value.length > 0 ? value : undefined
  }
  if (toolName === "Bash") {
    const command = text("command")
    return command === undefined ? undefined : suggestBash(command, context.shell)
  }
  if (EDIT_FAMILY.includes(toolName) || toolName === "Read") {
    const file = text("file_path")
    return file === undefined ? undefined : suggestPath(toolName, file, context, false)
  }
  if (READ_FAMILY.includes(toolName)) return suggestPath(toolName, text("path") ?? ".", context, true)
  if (toolName === "ExitPlanMode") return undefined
  return { rule: toolName, scope: "session", label: `Yes, and don't ask again for ${toolName} during this session` }
}

/** `suggestRule`, analysing a Bash command first (loads the shell parser on demand). */
export const suggestFor = (query: PermissionQuery, dirs: { readonly projectDir: string; readonly homeDir: string }): Effect.Effect<Suggestion | undefined> =>
  Effect.gen(function* () {
    const command = query.args?.["command"]
    const shell = query.toolName === "Bash" && typeof command === "string" ? yield* analyseCommand(command) : undefined
    return suggestRule(query, { ...dirs, ...(shell === undefined ? {} : { shell }) })
  })
