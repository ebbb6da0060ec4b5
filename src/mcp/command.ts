/**
 * `letta mcp list|add|remove`, with Claude Code's spellings:
 *   letta mcp add [--scope user|project] [-e KEY=value]... <name> -- <command> [args...]
 *   letta mcp add --transport http|sse [--scope ...] [-H "Name: value"]... <name> <url>
 *   letta mcp remove [--scope user|project] <name>
 *   letta mcp list
 * It has its own small parser: its flags (`-e`, `-H`, `--transport`) are nobody else's, and
 * everything after the server's command belongs to the server.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { UsageError } from "../domain/errors.js"
import { decideProjectTrust } from "../layers/ProjectTrustSettings.js"
import { ProjectTrust } from "../services/ProjectTrust.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { type McpServerConfig, type McpServers, serverNameProblem, transportOf } from "./config.js"
import { discoverServers, trustedServers } from "./sources.js"

export const MCP_HELP = [
  "letta mcp: the MCP servers whose tools the agent gets (as mcp__<server>__<tool>).",
  "They come from your settings (~/.letta/settings.json), the project's (.letta/settings.json and",
  ".mcp.json, used once you trust the project) and --mcp-config files.",
  "",
  "Usage",
  "  letta mcp list                                   each server: status, transport, tools",
  "  letta mcp add [--scope user|project] [-e KEY=value]... <name> -- <command> [args...]",
  "  letta mcp add --transport http|sse [--scope user|project] [-H 'Name: value']... <name> <url>",
  "  letta mcp remove [--scope user|project] <name>",
  "",
  "--scope user (the default) writes ~/.letta/settings.json; project writes .letta/settings.json.",
  "Environment: MCP_TIMEOUT (connect timeout in ms, default 10000), MCP_TOOL_TIMEOUT (per call)."
].join("\n")

type Scope_ = "user" | "project"

const usage = (message: string) => new UsageError({ message, command: "letta mcp" })

interface AddArgs {
  readonly scope: Scope_
  readonly name: string
  readonly config: McpServerConfig
}

/** Parses `add`'s words (after `add`). */
export const parseAdd = (words: ReadonlyArray<string>): Either.Either<AddArgs, UsageError> => {
  let scope: Scope_ = "user"
  let transport: "stdio" | "http" | "sse" = "stdio"
  const env: Record<string, string> = {}
  const headers: Record<string, string> = {}
  const positional: Array<string> = []
  let i = 0
  const value = (): string | undefined => {
    const next = words[i + 1]
    i += 1
    return next === undefined ? undefined : next
  }
  for (; i < words.length; i++) {
    const word = words[i]!
    if (word === "--") {
      positional.push(...words.slice(i + 1))
      break
    }
    // The server's own arguments start at the first word after <name> <command>.
    if (positional.length >= 2) {
      positional.push(...words.slice(i))
      break
    }
    if (word === "--scope" || word === "-s") {
      const v = value()
      if (v !== "user" && v !== "project") return Either.left(usage(`--scope must be user or project (got ${v ?? "nothing"}).`))
      scope = v
    } else if (word === "--transport" || word === "-t") {
      const v = value()
      if (v !== "stdio" && v !== "http" && v !== "sse") return Either.left(usage(`--transport must be stdio, http or sse (got ${v ?? "nothing"}).`))
      transport = v
    } else if (word === "--env" || word === "-e") {
      const v = value() ?? ""
      const eq = v.indexOf("=")
      if (eq <= 0) return Either.left(usage(`-e takes KEY=value (got "${v}").`))
      env[v.slice(0, eq)] = v.slice(eq + 1)
    } else if (word === "--header" || word === "-H") {
      const v = value() ?? ""
      const colon = v.indexOf(":")
      if (colon <= 0) return Either.left(usage(`-H takes "Name: value" (got "${v}").`))
      headers[v.slice(0, colon).trim()] = v.slice(colon + 1).trim()
    } else if (word.startsWith("-") && positional.length < 2) {
      return Either.left(usage(`Unknown option for letta mcp add: ${word}`))
    } else positional.push(word)
  }
  const [name, target, ...args] = positional
  if (name === undefined || target === undefined) return Either.left(usage("letta mcp add needs a name and a command (or, with --transport http|sse, a URL)."))
  const problem = serverNameProblem(name)
  if (problem !== undefined) return Either.left(usage(`${name}: ${problem}.`))
  if (transport === "stdio") {
    if (Object.keys(headers).length > 0) return Either.left(usage("-H is for http and sse servers."))
    return Either.right({ scope, name, config: { command: target, ...(args.length > 0 ? { args } : {}), ...(Object.keys(env).length > 0 ? { env } : {}) } })
  }
  if (args.length > 0) return Either.left(usage(`an ${transport} server takes one URL (extra words: ${args.join(" ")}).`))
  if (!/^https?:\/\/\S+$/i.test(target)) return Either.left(usage(`${target} is not an http:// or https:// URL.`))
  if (Object.keys(env).length > 0) return Either.left(usage("-e is for stdio servers."))
  return Either.right({ scope, name, config: { type: transport, url: target, ...(Object.keys(headers).length > 0 ? { headers } : {}) } })
}

const parseScopeAndName = (words: ReadonlyArray<string>): Either.Either<{ scope: Scope_ | undefined; name: string }, UsageError> => {
  let scope: Scope_ | undefined
  const rest: Array<string> = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (word === "--scope" || word === "-s") {
      const v = words[++i]
      if (v !== "user" && v !== "project") return Either.left(usage(`--scope must be user or project (got ${v ?? "nothing"}).`))
      scope = v
    } else if (word.startsWith("-")) return Either.left(usage(`Unknown option for letta mcp remove: ${word}`))
    else rest.push(word)
  }
  if (rest.length !== 1) return Either.left(usage("letta mcp remove needs exactly one server name."))
  return Either.right({ scope, name: rest[0]! })
}

const withServer = (servers: McpServers | undefined, name: string, config: McpServerConfig | undefined): McpServers | undefined => {
  const next: Record<string, McpServerConfig> = { ...servers }
  if (config === undefined) delete next[name]
  else next[name] = config
  return next
}

const add = (words: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const args = yield* Either.match(parseAdd(words), { onLeft: Effect.fail, onRight: Effect.succeed })
    const settings = yield* Settings
    const output = yield* Output
    const path = args.scope === "user" ? settings.paths.user : settings.paths.project
    if (args.scope === "user") yield* settings.updateUser((current) => ({ ...current, mcpServers: withServer(current.mcpServers, args.name, args.config) }))
    else yield* settings.updateProject((current) => ({ ...current, mcpServers: withServer(current.mcpServers, args.name, args.config) }))
    yield* Effect.ignore(output.stdout(`Added ${transportOf(args.config)} MCP server ${args.name} to ${path}\n`))
  })

const remove = (words: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const { name, scope } = yield* Either.match(parseScopeAndName(words), { onLeft: Effect.fail, onRight: Effect.succeed })
    const settings = yield* Settings
    const output = yield* Output
    const all = yield* settings.load
    const inUser = all.user.mcpServers?.[name] !== undefined
    const inProject = all.project.mcpServers?.[name] !== undefined
    const chosen: Scope_ | undefined = scope ?? (inUser && inProject ? undefined : inUser ? "user" : inProject ? "project" : undefined)
    if (scope === undefined && inUser && inProject) return yield* usage(`${name} is in both your settings and the project's; say which with --scope user or --scope project.`)
    if (chosen === undefined || (chosen === "user" ? !inUser : !inProject)) {
      return yield* usage(`No MCP server ${name} in ${chosen === undefined ? "your or the project's settings" : chosen === "user" ? settings.paths.user : settings.paths.project}.`)
    }
    if (chosen === "user") yield* settings.updateUser((current) => ({ ...current, mcpServers: withServer(current.mcpServers, name, undefined) }))
    else yield* settings.updateProject((current) => ({ ...current, mcpServers: withServer(current.mcpServers, name, undefined) }))
    yield* Effect.ignore(output.stdout(`Removed MCP server ${name} from ${chosen === "user" ? settings.paths.user : settings.paths.project}\n`))
  })

/** Connects to every server (as a session would) and prints one line each. */
const list = Effect.gen(function* () {
  const settings = yield* Settings
  const output = yield* Output
  const workspace = yield* Workspace
  const all = yield* settings.load
  const discovered = yield* Either.match(discoverServers(all, settings.paths, workspace.projectDir, { configs: [], strict: false }), {
    onLeft: Effect.fail,
    onRight: Effect.succeed
  })
  for (const problem of discovered.problems) yield* output.stderr(`letta: ${problem}\n`)
  if (discovered.servers.length === 0) {
    yield* Effect.ignore(output.stdout("No MCP servers configured. Add one with: letta mcp add <name> -- <command> [args...]\n"))
    return
  }
  // The project's servers are listed as a session would use them: only once it is trusted.
  const trust = yield* decideProjectTrust({ projectDir: workspace.projectDir, settings: all, store: settings, output, flag: false, tell: () => Effect.void })
  const { servers, skipped } = yield* trustedServers(discovered.servers).pipe(Effect.provideService(ProjectTrust, trust))
  const mcp = yield* Effect.promise(() => import("./McpTools.js"))
  // The servers are closed (stdio ones with their process groups) once listed.
  const connected = yield* Effect.scoped(
    mcp.connectAll({
      servers,
      cwd: workspace.projectDir,
      connectTimeoutMs: mcp.connectTimeoutFromEnv(process.env),
      callTimeoutMs: mcp.callTimeoutFromEnv(process.env),
      report: () => Effect.void
    })
  )
  const lines: Array<string> = []
  for (const entry of discovered.servers) {
    const status = connected.find((server) => server.status.name === entry.name)?.status
    const transport = transportOf(entry.config)
    if (status === undefined) {
      if (skipped.some((s) => s.name === entry.name)) lines.push(`${entry.name}  ${transport}  skipped: the project is not trusted  (${entry.source})`)
      continue
    }
    const state =
      status.status === "connected"
        ? `connected  ${status.toolNames.length} tool${status.toolNames.length === 1 ? "" : "s"}${status.refused.length > 0 ? ` (${status.refused.length} refused)` : ""}`
        : `failed: ${status.error ?? "unknown error"}`
    lines.push(`${entry.name}  ${transport}  ${state}  (${entry.source})`)
  }
  yield* Effect.ignore(output.stdout(`${lines.join("\n")}\n`))
})

/** `letta mcp ...` with the words after `mcp`. */
export const runMcpCommand = (words: ReadonlyArray<string>) => {
  const [sub, ...rest] = words
  if (sub === undefined || sub === "--help" || sub === "-h" || rest.includes("--help") || rest.includes("-h")) {
    return Effect.flatMap(Output, (output) => Effect.ignore(output.stdout(`${MCP_HELP}\n`)))
  }
  switch (sub) {
    case "list":
      return rest.length > 0 ? Effect.fail(usage(`letta mcp list takes no arguments (got ${rest.join(" ")}).`)) : list
    case "add":
      return add(rest)
    case "remove":
      return remove(rest)
    default:
      return Effect.fail(usage(`Unknown subcommand '${sub}' for 'letta mcp'; use 'letta mcp list', 'letta mcp add' or 'letta mcp remove'.`))
  }
}
