/**
 * Custom slash commands: Markdown files in `.letta/commands/` and `.claude/commands/` of the
 * project and of the user's home (Claude Code's format, so existing ones work unchanged).
 * Sub-folders namespace a command: `frontend/review.md` is `/frontend:review`. The front-matter
 * may say `description`, `argument-hint`, `allowed-tools` and `model`; the body is the prompt.
 *
 * A file that cannot be used (bad front-matter, a name that cannot be typed, one that shadows a
 * built-in command) is reported with the file and the problem, and skipped; it is never changed.
 */
import type { Dirent } from "node:fs"
import { readdir, readFile, stat } from "node:fs/promises"
import { join } from "node:path"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { decodeFrontMatter } from "../../domain/frontMatter.js"
import { splitRuleList } from "../../permissions/rules.js"

export interface CustomCommand {
  /** As typed after the `/`: `review`, `frontend:review`. */
  readonly name: string
  readonly description: string | undefined
  readonly argumentHint: string | undefined
  /** Allow rules for this command's turn only. */
  readonly allowedTools: ReadonlyArray<string>
  readonly model: string | undefined
  readonly body: string
  readonly file: string
  readonly scope: "project" | "user"
}

export interface CommandProblem {
  readonly file: string
  readonly problem: string
}

export interface CommandSet {
  readonly commands: ReadonlyArray<CustomCommand>
  readonly problems: ReadonlyArray<CommandProblem>
}

/** Where commands live, first wins on a name clash: the project's over the user's. */
export const commandDirs = (projectDir: string, homeDir: string): ReadonlyArray<{ readonly dir: string; readonly scope: "project" | "user" }> => [
  { dir: join(projectDir, ".letta", "commands"), scope: "project" },
  { dir: join(projectDir, ".claude", "commands"), scope: "project" },
  { dir: join(homeDir, ".letta", "commands"), scope: "user" },
  { dir: join(homeDir, ".claude", "commands"), scope: "user" }
]

/** A command file bigger than this is not a prompt. */
const MAX_FILE_BYTES = 256 * 1024
/** Sub-folder depth searched, and files read at most per folder tree. */
const MAX_DEPTH = 4
const MAX_FILES = 500
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

const StringList = Schema.Union(Schema.String, Schema.Array(Schema.String))

const FrontMatter = Schema.Struct({
  description: Schema.optional(Schema.String),
  "argument-hint": Schema.optional(StringList),
  "allowed-tools": Schema.optional(StringList),
  model: Schema.optional(Schema.String)
})

/**
 * Claude Code's own examples write `argument-hint: [pr-number] [priority]`, which YAML reads as
 * a broken flow sequence: such an unquoted value is quoted before parsing.
 */
export const quoteArgumentHint = (text: string): string => {
  const fence = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^---[ \t]*$/m.exec(text)
  if (fence === null || fence.index !== 0) return text
  const head = fence[0].replace(/^(argument-hint:[ \t]*)(\[[^\r\n]*?)[ \t]*\r?$/m, (_all, key: string, value: string) => `${key}'${value.replace(/'/g, "''")}'`)
  return head + text.slice(fence[0].length)
}

const asList = (value: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> =>
  value === undefined ? [] : typeof value === "string" ? splitRuleList(value) : value.flatMap(splitRuleList)

/** One file's command, or what is wrong with it. */
export const parseCommandFile = (
  file: string,
  name: string,
  scope: "project" | "user",
  text: string
): Either.Either<CustomCommand, CommandProblem> => {
  const decoded = decodeFrontMatter(file, quoteArgumentHint(text), FrontMatter)
  if (Either.isLeft(decoded)) return Either.left({ file, problem: decoded.left.problem })
  const data = decoded.right.data
  const hint = data["argument-hint"]
  const description = data.description?.trim()
  return Either.right({
    name,
    description: description === undefined || description.length === 0 ? undefined : description,
    argumentHint: hint === undefined ? undefined : typeof hint === "string" ? hint : `[${hint.join(", ")}]`,
    allowedTools: asList(data["allowed-tools"]),
    model: data.model?.trim() || undefined,
    body: decoded.right.body,
    file,
    scope
  })
}

const isDir = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** The `.md` files under `dir` with their command names (`a/b.md` → `a:b`). */
const listFiles = async (dir: string, problems: Array<CommandProblem>): Promise<ReadonlyArray<{ readonly file: string; readonly name: string }>> => {
  const found: Array<{ readonly file: string; readonly name: string }> = []
  const walk = async (at: string, prefix: ReadonlyArray<string>): Promise<void> => {
    let entries: Array<Dirent>
    try {
      entries = await readdir(at, { withFileTypes: true })
    } catch (error) {
      problems.push({ file: at, problem: `cannot read the folder: ${error instanceof Error ? error.message : String(error)}` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (found.length >= MAX_FILES) return
      if (entry.name.startsWith(".")) continue
      const path = join(at, entry.name)
      // A symlink counts as what it points to.
      const kind = entry.isSymbolicLink() ? await stat(path).then((s) => (s.isDirectory() ? "dir" : s.isFile() ? "file" : "other"), () => "other") : entry.isDirectory() ? "dir" : entry.isFile() ? "file" : "other"
      if (kind === "dir") {
        if (prefix.length + 1 >= MAX_DEPTH) continue
        if (!SEGMENT.test(entry.name)) {
          problems.push({ file: path, problem: `the folder name cannot be part of a command name (use letters, digits, "-", "_" and ".")` })
          continue
        }
        await walk(path, [...prefix, entry.name])
      } else if (kind === "file" && entry.name.toLowerCase().endsWith(".md")) {
        const base = entry.name.slice(0, -3)
        if (!SEGMENT.test(base)) {
          problems.push({ file: path, problem: `the file name cannot be a command name (use letters, digits, "-", "_" and ".")` })
          continue
        }
        found.push({ file: path, name: [...prefix, base].join(":") })
      }
    }
  }
  await walk(dir, [])
  return found
}

const readCommand = async (file: string, name: string, scope: "project" | "user"): Promise<Either.Either<CustomCommand, CommandProblem>> => {
  try {
    const size = (await stat(file)).size
    if (size > MAX_FILE_BYTES) return Either.left({ file, problem: `the file is over ${MAX_FILE_BYTES / 1024} KB` })
    return parseCommandFile(file, name, scope, await readFile(file, "utf8"))
  } catch (error) {
    return Either.left({ file, problem: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` })
  }
}

/**
 * Every custom command: a name taken by a built-in (`builtIns`) is reported and left out, as is
 * one an earlier folder already defines (the project's win over the user's).
 */
export const discoverCommands = async (projectDir: string, homeDir: string, builtIns: ReadonlyArray<string>): Promise<CommandSet> => {
  const commands: Array<CustomCommand> = []
  const problems: Array<CommandProblem> = []
  const taken = new Map<string, string>()
  const reserved = new Set(builtIns.map((name) => name.toLowerCase()))
  const seenDirs = new Set<string>()
  for (const { dir, scope } of commandDirs(projectDir, homeDir)) {
    // The home directory as the project: the same folder once.
    if (seenDirs.has(dir) || !(await isDir(dir))) continue
    seenDirs.add(dir)
    for (const { file, name } of await listFiles(dir, problems)) {
      const key = name.toLowerCase()
      if (reserved.has(key)) {
        problems.push({ file, problem: `/${name} is a built-in command: this file is ignored (rename it)` })
        continue
      }
      if (taken.has(key)) continue
      const read = await readCommand(file, name, scope)
      if (Either.isLeft(read)) {
        problems.push(read.left)
        continue
      }
      taken.set(key, file)
      commands.push(read.right)
    }
  }
  commands.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { commands, problems }
}

/** Whether any command folder exists (a few stats: a run without commands pays nothing more). */
export const anyCommandDir = async (projectDir: string, homeDir: string): Promise<boolean> => {
  for (const { dir } of commandDirs(projectDir, homeDir)) if (await isDir(dir)) return true
  return false
}

/** The command a message invokes: `/name args` where `name` is one of `commands`. */
export const invokedCommand = (
  text: string,
  commands: ReadonlyArray<CustomCommand>
): { readonly command: CustomCommand; readonly args: string } | undefined => {
  const match = /^\s*\/([^\s/]+)(?:\s+([\s\S]*))?$/.exec(text)
  if (match === null) return undefined
  const name = (match[1] ?? "").toLowerCase()
  const command = commands.find((c) => c.name.toLowerCase() === name)
  return command === undefined ? undefined : { command, args: (match[2] ?? "").trim() }
}

/** The description shown in the `/` menu: the front-matter's, else the body's first line. */
export const menuDescription = (command: CustomCommand): string => {
  const first = command.body.split("\n").find((line) => line.trim().length > 0)?.trim()
  const base = command.description ?? (first === undefined ? "" : first.length > 60 ? `${first.slice(0, 59)}\u2026` : first)
  const hint = command.argumentHint === undefined ? "" : ` ${command.argumentHint}`
  return `${base}${hint} (${command.scope})`
}
