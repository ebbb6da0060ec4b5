/**
 * MCP server definitions as Claude Code writes them (`.mcp.json`, `mcpServers` in settings,
 * `--mcp-config <file>`): `{command, args, env}` for stdio, `{type: "http"|"sse", url, headers}`.
 * Decoded with Schema at the file boundary; unknown keys are kept so a write never drops them.
 */
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { describeDecodeError } from "../layers/settings/issues.js"
import { isRecord } from "../domain/records.js"

const UnknownKeys = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const StringMap = Schema.Record({ key: Schema.String, value: Schema.String })

export const StdioServer = Schema.Struct(
  {
    type: Schema.optional(Schema.Literal("stdio")),
    command: Schema.String.pipe(Schema.minLength(1, { message: () => "command must not be empty" })),
    args: Schema.optional(Schema.Array(Schema.String)),
    env: Schema.optional(StringMap)
  },
  UnknownKeys
)

export const RemoteServer = Schema.Struct(
  {
    type: Schema.Literal("http", "sse"),
    url: Schema.String.pipe(Schema.filter((value) => /^https?:\/\/\S+$/i.test(value) || "url must be an http:// or https:// URL")),
    headers: Schema.optional(StringMap)
  },
  UnknownKeys
)

export type StdioServer = typeof StdioServer.Type
export type RemoteServer = typeof RemoteServer.Type

export const McpServerConfig = Schema.Union(RemoteServer, StdioServer)
export type McpServerConfig = typeof McpServerConfig.Type

export const McpServers = Schema.Record({ key: Schema.String, value: McpServerConfig })
export type McpServers = typeof McpServers.Type

export type Transport = "stdio" | "http" | "sse"
export const isRemote = (config: McpServerConfig): config is RemoteServer => config.type === "http" || config.type === "sse"
export const transportOf = (config: McpServerConfig): Transport => (isRemote(config) ? config.type : "stdio")

/** Where a server was defined; project ones need the project's trust. */
export type ServerScope = "user" | "project" | "flag"

export interface ServerEntry {
  readonly name: string
  readonly config: McpServerConfig
  readonly scope: ServerScope
  /** The file it comes from, for messages. */
  readonly source: string
}

/** Server names become part of tool names (`mcp__<server>__<tool>`): no `__`, no odd characters. */
export const SERVER_NAME = /^[A-Za-z0-9_-]+$/

export const serverNameProblem = (name: string): string | undefined => {
  if (!SERVER_NAME.test(name)) return "a server name may only use letters, digits, `_` and `-`"
  if (name.includes("__")) return "a server name must not contain `__` (it separates the parts of mcp__<server>__<tool>)"
  return undefined
}

/**
 * One server's definition, decoded as the kind its `type` says (so a stdio entry without a
 * command reads "command: is missing", not a list of every kind it failed to be).
 */
const decodeServer = (name: string, value: unknown): Either.Either<McpServerConfig, string> => {
  const where = `mcpServers[${JSON.stringify(name)}]`
  if (!isRecord(value)) return Either.left(`${where}: expected an object`)
  const type = value["type"]
  if (type !== undefined && type !== "stdio" && type !== "http" && type !== "sse") {
    return Either.left(`${where}.type: expected "stdio", "http" or "sse", got ${JSON.stringify(type)}`)
  }
  const decoded: Either.Either<McpServerConfig, ParseResult.ParseError> =
    type === "http" || type === "sse" ? Schema.decodeUnknownEither(RemoteServer)(value, { errors: "all" }) : Schema.decodeUnknownEither(StdioServer)(value, { errors: "all" })
  return Either.mapLeft(decoded, (error) => `${where}.${describeDecodeError(error)}`)
}

/** Parses a config file's text; Left is the problem, in words, without the file name. */
export const parseMcpConfigText = (text: string): Either.Either<McpServers, string> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return Either.left(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!isRecord(json)) return Either.left("expected a JSON object with mcpServers")
  const servers = json["mcpServers"]
  if (servers === undefined) return Either.right({})
  if (!isRecord(servers)) return Either.left("mcpServers: expected an object of servers by name")
  const decoded: Record<string, McpServerConfig> = {}
  for (const [name, value] of Object.entries(servers)) {
    const server = decodeServer(name, value)
    if (Either.isLeft(server)) return Either.left(server.left)
    decoded[name] = server.right
  }
  return Either.right(decoded)
}

/**
 * `${VAR}` and `${VAR:-default}` in command, args, env, url and headers, as Claude Code expands
 * them. A variable that is unset and has no default is a problem named in the returned list.
 */
export const expandVariables = (config: McpServerConfig, env: NodeJS.ProcessEnv): { config: McpServerConfig; missing: ReadonlyArray<string> } => {
  const missing = new Set<string>()
  const expand = (text: string): string =>
    text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_match, name: string, fallback: string | undefined) => {
      const value = env[name]
      if (value !== undefined) return value
      if (fallback !== undefined) return fallback
      missing.add(name)
      return ""
    })
  const map = (record: Readonly<Record<string, string>> | undefined) =>
    record === undefined ? undefined : Object.fromEntries(Object.entries(record).map(([key, value]) => [key, expand(value)]))
  if (isRemote(config)) {
    const headers = map(config.headers)
    return { config: { ...config, url: expand(config.url), ...(headers === undefined ? {} : { headers }) }, missing: [...missing] }
  }
  const stdio: StdioServer = config
  const env2 = map(stdio.env)
  return {
    config: {
      ...stdio,
      command: expand(stdio.command),
      ...(stdio.args === undefined ? {} : { args: stdio.args.map(expand) }),
      ...(env2 === undefined ? {} : { env: env2 })
    },
    missing: [...missing]
  }
}
