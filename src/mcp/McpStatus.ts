/** The session's MCP servers and how connecting to them went, for `/mcp`. */
import * as Context from "effect/Context"
import type { Transport } from "./config.js"

export interface ServerStatus {
  readonly name: string
  readonly transport: Transport
  readonly source: string
  readonly status: "connected" | "failed"
  readonly toolNames: ReadonlyArray<string>
  readonly error?: string
  /** Tools the server offers that are not offered to the model, and why. */
  readonly refused: ReadonlyArray<string>
}

export interface McpStatusShape {
  /** The servers and how connecting to them went; undefined while they are still connecting. */
  readonly current: () => ReadonlyArray<ServerStatus> | undefined
}

export class McpStatus extends Context.Tag("letta/McpStatus")<McpStatus, McpStatusShape>() {}
