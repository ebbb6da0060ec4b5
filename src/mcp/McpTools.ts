/**
 * The session's MCP servers as client tools: every server is connected in parallel when the
 * tools are built (a turn is about to need them), each within the connect timeout; one that
 * fails is reported once and left out, the rest work. The Tools service is extended with their
 * tools (`mcp__<server>__<tool>`); the servers are closed, process groups and all, with the
 * session's scope.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { ClientToolSpec } from "../domain/letta.js"
import { toolError } from "../domain/tools.js"
import { MARKER, MARKER_VAR, trackLeader } from "../layers/shellNode/tracker.js"
import { type DecodedArgs, Tools, type ToolsShape } from "../services/Tools.js"
import { VERSION } from "../version.js"
import { expandVariables, type ServerEntry, serverNameProblem, transportOf } from "./config.js"
import { mcpToolName, toolNameProblem } from "./names.js"
import { McpStatus, type ServerStatus } from "./McpStatus.js"
import { toToolOutput } from "./results.js"
import type { McpConnection } from "./sdkEntry.js"

export interface McpSetup {
  readonly servers: ReadonlyArray<ServerEntry>
  readonly cwd: string
  readonly connectTimeoutMs: number
  readonly callTimeoutMs: number
  /** Whether a tool is offered (`--tools` may name only some); all when absent. */
  readonly offers?: (toolName: string) => boolean
  /** Says a problem once: stderr, a stream-json `system` line or a TUI notice. */
  readonly report: (notice: McpNotice) => Effect.Effect<void>
}

export interface McpNotice {
  readonly kind: "server_failed" | "tool_refused" | "config_error"
  readonly server: string
  readonly message: string
}

/** `MCP_TIMEOUT` (ms), as Claude Code reads it; 10 s otherwise. */
export const connectTimeoutFromEnv = (env: NodeJS.ProcessEnv): number => {
  const value = Number(env["MCP_TIMEOUT"])
  return Number.isFinite(value) && value > 0 ? value : 10_000
}

/** `MCP_TOOL_TIMEOUT` (ms) for one call; 10 minutes otherwise (long tools report progress). */
export const callTimeoutFromEnv = (env: NodeJS.ProcessEnv): number => {
  const value = Number(env["MCP_TOOL_TIMEOUT"])
  return Number.isFinite(value) && value > 0 ? value : 600_000
}

interface Connected {
  readonly status: ServerStatus
  readonly connection: McpConnection | undefined
  readonly tools: ReadonlyArray<{ readonly spec: ClientToolSpec; readonly remoteName: string }>
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const objectSchema = (schema: unknown): Readonly<Record<string, unknown>> =>
  typeof schema === "object" && schema !== null && !Array.isArray(schema) && (schema as Record<string, unknown>)["type"] === "object"
    ? (schema as Record<string, unknown>)
    : { type: "object", properties: {} }

const connectOne = (entry: ServerEntry, setup: McpSetup): Effect.Effect<Connected, never, Scope.Scope> =>
  Effect.gen(function* () {
    const transport = transportOf(entry.config)
    const failed = (error: string): Connected => ({
      status: { name: entry.name, transport, source: entry.source, status: "failed", toolNames: [], error, refused: [] },
      connection: undefined,
      tools: []
    })
    const badName = serverNameProblem(entry.name)
    if (badName !== undefined) return failed(`${badName} (in ${entry.source})`)
    const { config, missing } = expandVariables(entry.config, process.env)
    if (missing.length > 0) return failed(`${entry.source} uses ${missing.map((name) => `\${${name}}`).join(", ")}, which ${missing.length > 1 ? "are" : "is"} not set`)
    const sdk = yield* Effect.promise(() => import("./sdkEntry.js"))
    // Connecting can be interrupted (the session ends first: the server is stopped); once
    // connected, closing is tied to the session's scope before anything can interrupt.
    const connection = yield* Effect.uninterruptibleMask((restore) =>
      restore(
        Effect.tryPromise({
          try: (signal) =>
            sdk.connectMcp(config, {
              cwd: setup.cwd,
              env: { [MARKER_VAR]: MARKER },
              timeoutMs: setup.connectTimeoutMs,
              clientVersion: VERSION,
              onSpawn: (pid) => trackLeader(pid, false),
              signal
            }),
          catch: messageOf
        })
      ).pipe(
        Effect.tap((connected) => Effect.addFinalizer(() => Effect.promise(() => connected.close()))),
        Effect.either
      )
    )
    if (connection._tag === "Left") return failed(connection.left)
    const refused: Array<string> = []
    const tools: Array<Connected["tools"][number]> = []
    const seen = new Set<string>()
    for (const tool of connection.right.tools) {
      const problem = seen.has(tool.name) ? `"${tool.name}" is listed twice` : toolNameProblem(entry.name, tool.name)
      seen.add(tool.name)
      if (problem !== undefined) {
        refused.push(problem)
        continue
      }
      const name = mcpToolName(entry.name, tool.name)
      if (setup.offers?.(name) === false) continue
      const description = `${(tool.description ?? "").trim() || `The ${tool.name} tool`} (MCP server "${entry.name}")`
      tools.push({ spec: { name, description: description.slice(0, 4096), parameters: objectSchema(tool.inputSchema) }, remoteName: tool.name })
    }
    return {
      status: { name: entry.name, transport, source: entry.source, status: "connected", toolNames: tools.map((t) => t.spec.name), refused },
      connection: connection.right,
      tools
    }
  })

/** Connects every server (in parallel) and reports each failure and refused tool once. */
export const connectAll = (setup: McpSetup): Effect.Effect<ReadonlyArray<Connected>, never, Scope.Scope> =>
  Effect.gen(function* () {
    const connected = yield* Effect.forEach(setup.servers, (entry) => connectOne(entry, setup), { concurrency: "unbounded" })
    for (const { status } of connected) {
      if (status.status === "failed") {
        yield* setup.report({ kind: "server_failed", server: status.name, message: `MCP server "${status.name}" failed to start: ${status.error ?? "unknown error"}; its tools are not available.` })
      }
      for (const problem of status.refused) {
        yield* setup.report({ kind: "tool_refused", server: status.name, message: `MCP server "${status.name}": tool refused: ${problem}.` })
      }
    }
    return connected
  })

/** The base tools plus the servers' tools. */
export const extendTools = (base: ToolsShape, connected: ReadonlyArray<Connected>, callTimeoutMs: number): ToolsShape => {
  const byName = new Map<string, { readonly connection: McpConnection; readonly remoteName: string; readonly server: string }>()
  const specs: Array<ClientToolSpec> = []
  for (const server of connected) {
    if (server.connection === undefined) continue
    for (const tool of server.tools) {
      // Never shadows a built-in: the base tools keep their names.
      if (base.specs.some((spec) => spec.name === tool.spec.name)) continue
      byName.set(tool.spec.name, { connection: server.connection, remoteName: tool.remoteName, server: server.status.name })
      specs.push(tool.spec)
    }
  }
  if (byName.size === 0) return base
  return {
    specs: [...base.specs, ...specs],
    decode: (name, rawArguments): DecodedArgs => {
      if (!byName.has(name)) return base.decode(name, rawArguments)
      let parsed: unknown
      try {
        parsed = rawArguments.trim() === "" ? {} : JSON.parse(rawArguments)
      } catch (error) {
        return { _tag: "Invalid", output: toolError(`Invalid arguments for ${name}: not valid JSON (${messageOf(error)}). Send the arguments as a JSON object.`) }
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return { _tag: "Invalid", output: toolError(`Invalid arguments for ${name}: the arguments must be a JSON object`) }
      }
      return { _tag: "Valid", args: parsed as Readonly<Record<string, unknown>> }
    },
    isReadOnly: (name) => (byName.has(name) ? false : base.isReadOnly(name)),
    locate: (name, args) => (byName.has(name) ? Effect.succeed(undefined) : base.locate(name, args)),
    execute: (name, args) => {
      const tool = byName.get(name)
      if (tool === undefined) return base.execute(name, args)
      return Effect.tryPromise({
        try: (signal) => tool.connection.callTool(tool.remoteName, args, signal, callTimeoutMs),
        catch: messageOf
      }).pipe(
        Effect.map((raw) => toToolOutput(name, raw)),
        Effect.catchAll((message) => Effect.succeed(toolError(`${name} failed: the MCP server "${tool.server}" did not complete the call (${message}).`)))
      )
    }
  }
}

/**
 * The tools layer with the servers' tools added, and their status. Headless connects while the
 * layer is built (its one turn needs them at once). In the background (the TUI), the layer is
 * ready at once: the tools are the base ones plus a `ready` that the first turn awaits, after
 * which every member answers for the extended set.
 */
export const withMcpTools = <ROut, E, RIn>(
  base: Layer.Layer<ROut | Tools, E, RIn>,
  setup: McpSetup,
  connect: "now" | "background"
): Layer.Layer<ROut | Tools | McpStatus, E, RIn> =>
  Layer.flatMap(base, (context) =>
    Layer.scopedContext(
      Effect.gen(function* () {
        const baseTools = Context.get(context as Context.Context<Tools>, Tools)
        const withTools = (tools: ToolsShape, status: McpStatus["Type"]) => Context.add(Context.add(context, Tools, tools), McpStatus, status)
        if (connect === "now") {
          const connected = yield* connectAll(setup)
          const statuses = connected.map((server) => server.status)
          return withTools(extendTools(baseTools, connected, setup.callTimeoutMs), { current: () => statuses })
        }
        let tools = baseTools
        let statuses: ReadonlyArray<ServerStatus> | undefined
        const connecting = yield* Effect.forkScoped(
          Effect.map(connectAll(setup), (connected) => {
            tools = extendTools(baseTools, connected, setup.callTimeoutMs)
            statuses = connected.map((server) => server.status)
          })
        )
        const later: ToolsShape = {
          get specs() {
            return tools.specs
          },
          decode: (name, raw) => tools.decode(name, raw),
          isReadOnly: (name) => tools.isReadOnly(name),
          locate: (name, args) => Effect.suspend(() => tools.locate(name, args)),
          execute: (name, args) => Effect.suspend(() => tools.execute(name, args)),
          ready: Fiber.join(connecting)
        }
        return withTools(later, { current: () => statuses })
      })
    )
  ) as Layer.Layer<ROut | Tools | McpStatus, E, RIn>
