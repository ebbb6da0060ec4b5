/**
 * Which MCP servers a session has: user settings, then the project's (its settings'
 * `mcpServers`, then `.mcp.json`), then `--mcp-config` files; a later definition of a name wins.
 * `--strict-mcp-config` keeps only the `--mcp-config` ones. Project servers run only when the
 * project is trusted (ProjectTrust); the user's and the command line's always do.
 */
import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { UsageError } from "../domain/errors.js"
import type { AllSettings } from "../domain/settings.js"
import { ProjectTrust } from "../services/ProjectTrust.js"
import { type McpServers, parseMcpConfigText, type ServerEntry, type ServerScope } from "./config.js"

export interface McpFlags {
  /** `--mcp-config`: files (or inline JSON, as Claude Code accepts). */
  readonly configs: ReadonlyArray<string>
  readonly strict: boolean
}

export interface Discovered {
  readonly servers: ReadonlyArray<ServerEntry>
  /** Files that could not be read as MCP configuration (named, with the problem). */
  readonly problems: ReadonlyArray<string>
}

const entries = (servers: McpServers | undefined, scope: ServerScope, source: string): Array<ServerEntry> =>
  Object.entries(servers ?? {}).map(([name, config]) => ({ name, config, scope, source }))

/** `.mcp.json` at the project root: undefined when there is none (the common case: one stat). */
const readProjectFile = (projectDir: string): { servers: Array<ServerEntry>; problem?: string } => {
  const path = join(projectDir, ".mcp.json")
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === "ENOENT" || code === "ENOTDIR" ? { servers: [] } : { servers: [], problem: `${path}: cannot be read (${String(code)})` }
  }
  return Either.match(parseMcpConfigText(text), {
    onLeft: (problem) => ({ servers: [], problem: `${path}: ${problem}; its servers are not used` }),
    onRight: (servers) => ({ servers: entries(servers, "project", path) })
  })
}

/** A `--mcp-config` value: a file, or the JSON itself. Bad ones stop the run (CI must notice). */
const readFlagConfig = (value: string, projectDir: string): Either.Either<Array<ServerEntry>, UsageError> => {
  const inline = value.trim().startsWith("{")
  const path = inline ? "--mcp-config" : resolve(projectDir, value)
  let text = value
  if (!inline) {
    try {
      text = readFileSync(path, "utf8")
    } catch (error) {
      return Either.left(new UsageError({ message: `--mcp-config ${value}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` }))
    }
  }
  return Either.mapBoth(parseMcpConfigText(text), {
    onLeft: (problem) => new UsageError({ message: `--mcp-config ${inline ? "" : `${path}: `}${problem}` }),
    onRight: (servers) => entries(servers, "flag", path)
  })
}

/** Every configured server, before trust. */
export const discoverServers = (
  settings: AllSettings,
  paths: { readonly user: string; readonly project: string },
  projectDir: string,
  flags: McpFlags
): Either.Either<Discovered, UsageError> => {
  const fromFlags: Array<ServerEntry> = []
  for (const value of flags.configs) {
    const read = readFlagConfig(value, projectDir)
    if (Either.isLeft(read)) return Either.left(read.left)
    fromFlags.push(...read.right)
  }
  const problems: Array<string> = []
  const all: Array<ServerEntry> = []
  if (!flags.strict) {
    all.push(...entries(settings.user.mcpServers, "user", paths.user))
    all.push(...entries(settings.project.mcpServers, "project", paths.project))
    const file = readProjectFile(projectDir)
    if (file.problem !== undefined) problems.push(file.problem)
    all.push(...file.servers)
  }
  all.push(...fromFlags)
  const byName = new Map<string, ServerEntry>()
  for (const entry of all) byName.set(entry.name, entry)
  return Either.right({ servers: [...byName.values()], problems })
}

/**
 * The servers that may run: project ones only when ProjectTrust allows them (asked once, or
 * `--trust-project`). Without a trust service nothing of the project's runs.
 */
export const trustedServers = (discovered: ReadonlyArray<ServerEntry>) =>
  Effect.gen(function* () {
    const project = discovered.filter((entry) => entry.scope === "project")
    if (project.length === 0) return { servers: discovered, skipped: [] as ReadonlyArray<ServerEntry> }
    const trust = yield* Effect.serviceOption(ProjectTrust)
    const allowed = Option.isSome(trust)
      ? yield* trust.value.allow(project.map((entry) => ({ kind: "mcp" as const, name: entry.name, source: entry.source })))
      : false
    if (allowed) return { servers: discovered, skipped: [] as ReadonlyArray<ServerEntry> }
    return { servers: discovered.filter((entry) => entry.scope !== "project"), skipped: project }
  })
