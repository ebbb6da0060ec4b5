/** `/mcp` in the TUI: this session's servers, their status and tools. */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { PanelLine } from "../programs/interactive/transcript.js"
import { McpStatus, type ServerStatus } from "./McpStatus.js"

export const mcpLines = (servers: ReadonlyArray<ServerStatus>): ReadonlyArray<PanelLine> => {
  const lines: Array<PanelLine> = [{ text: `MCP servers (${servers.length})`, bold: true }]
  if (servers.length === 0) {
    lines.push({
      text: "None in this session. Add one with `letta mcp add <name> -- <command>` (or .mcp.json in a trusted project), then start a new session.",
      tone: "dim",
      prefix: "  "
    })
  }
  for (const server of servers) {
    const state = server.status === "connected" ? `connected \u00b7 ${server.toolNames.length} tools` : `failed: ${server.error ?? "unknown error"}`
    lines.push({ text: `${server.name} \u00b7 ${server.transport} \u00b7 ${state}`, tone: server.status === "connected" ? "info" : "error", prefix: "  " })
    lines.push({ text: server.source, tone: "dim", prefix: "    " })
    for (const tool of server.toolNames) lines.push({ text: tool, tone: "dim", prefix: "    " })
    for (const refused of server.refused) lines.push({ text: `refused: ${refused}`, tone: "warning", prefix: "    " })
  }
  return lines
}

export const mcpPanel: Effect.Effect<ReadonlyArray<PanelLine>> = Effect.map(Effect.serviceOption(McpStatus), (status) => {
  if (Option.isNone(status)) return mcpLines([])
  const servers = status.value.current()
  return servers === undefined ? [{ text: "MCP servers: still connecting\u2026 (try /mcp again in a moment)", tone: "dim" }] : mcpLines(servers)
})
