/**
 * How a server's tools are named for the model: `mcp__<server>__<tool>`. A tool whose name
 * could pass for a built-in or another server's tool, or that the APIs would reject, is refused.
 */
import { ALL_TOOL_NAMES } from "../domain/tools.js"

export const MCP_PREFIX = "mcp__"

/** What model APIs accept as a tool name. */
const API_TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/

export const mcpToolName = (server: string, tool: string): string => `${MCP_PREFIX}${server}__${tool}`

/** Why a server's tool is refused, or undefined when it may be offered. */
export const toolNameProblem = (server: string, tool: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]+$/.test(tool)) return `"${tool}" is not a valid tool name (letters, digits, _ and - only)`
  if (tool.includes("__")) return `"${tool}" contains "__", which would make mcp__${server}__${tool} read as another server's tool`
  if (tool.toLowerCase().startsWith("mcp_")) return `"${tool}" imitates an MCP tool name`
  if ((ALL_TOOL_NAMES as ReadonlyArray<string>).includes(tool)) return `"${tool}" imitates the built-in ${tool} tool`
  if (!API_TOOL_NAME.test(mcpToolName(server, tool))) return `mcp__${server}__${tool} is longer than the 64 characters a tool name may have`
  return undefined
}

/** The server a full tool name belongs to, when it is an MCP tool name. */
export const serverOfTool = (name: string): string | undefined => {
  if (!name.startsWith(MCP_PREFIX)) return undefined
  const rest = name.slice(MCP_PREFIX.length)
  const end = rest.indexOf("__")
  return end <= 0 ? undefined : rest.slice(0, end)
}

/**
 * What `--tools` lets through of the MCP tools: `mcp__<server>` names every tool of a server,
 * `mcp__<server>__<tool>` one tool. Undefined when `--tools` was not given (all are offered).
 */
export interface McpSelection {
  /** The servers worth starting: those `--tools` names a tool of. */
  readonly servers: ReadonlySet<string>
  readonly offers: (toolName: string) => boolean
}

export const mcpSelection = (loaded: ReadonlyArray<string> | undefined): McpSelection | undefined => {
  if (loaded === undefined) return undefined
  const named = new Set(loaded.filter((name) => name.startsWith(MCP_PREFIX)))
  const servers = new Set<string>()
  for (const name of named) servers.add(serverOfTool(name) ?? name.slice(MCP_PREFIX.length))
  return { servers, offers: (toolName) => named.has(toolName) || named.has(`${MCP_PREFIX}${serverOfTool(toolName) ?? ""}`) }
}

/** Whether a `--tools` entry has the shape of an MCP name (`mcp__<server>` or `mcp__<server>__<tool>`). */
export const isMcpToolsEntry = (name: string): boolean => /^mcp__[A-Za-z0-9_-]+$/.test(name) && !name.endsWith("__")
