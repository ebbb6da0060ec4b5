/**
 * Hooks a session's tools up with its MCP servers. The check is cheap (settings already read,
 * one stat of `.mcp.json`); the MCP code and the SDK load only when there are servers to start.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { RunConfig } from "../domain/config.js"
import type { AllSettings } from "../domain/settings.js"
import type { Tools } from "../services/Tools.js"
import type { McpNotice } from "./McpTools.js"
import { mcpSelection } from "./names.js"
import { discoverServers, trustedServers } from "./sources.js"

export interface McpSessionInput {
  readonly config: RunConfig
  readonly settings: AllSettings
  readonly paths: { readonly user: string; readonly project: string }
  readonly projectDir: string
  /** How a problem is said once in this mode. */
  readonly report: (notice: McpNotice) => Effect.Effect<void>
  /** Connect while the layer is built (headless), or in the background (the TUI's screen does not wait). */
  readonly connect: "now" | "background"
}

/**
 * `base` with the MCP servers' tools, or `base` itself when there are none to start. Decided
 * when the layer is built, so the project's trust is asked where the session provides it.
 */
export const withMcpServers = <ROut, E, RIn>(base: Layer.Layer<ROut | Tools, E, RIn>, input: McpSessionInput) =>
  Layer.unwrapEffect(mcpLayer(base, input))

const mcpLayer = <ROut, E, RIn>(base: Layer.Layer<ROut | Tools, E, RIn>, input: McpSessionInput) =>
  Effect.gen(function* () {
    // `--tools` offers only the MCP tools it names; naming none (`""` included) starts no server.
    const selection = mcpSelection(Option.getOrUndefined(input.config.tools))
    if (selection !== undefined && selection.servers.size === 0) return base
    const discovered = yield* Either.match(
      discoverServers(input.settings, input.paths, input.projectDir, { configs: input.config.mcpConfigs ?? [], strict: input.config.strictMcpConfig ?? false }),
      { onLeft: Effect.fail, onRight: Effect.succeed }
    )
    for (const problem of discovered.problems) yield* input.report({ kind: "config_error", server: ".mcp.json", message: problem })
    if (discovered.servers.length === 0) return base
    const wanted = selection === undefined ? discovered.servers : discovered.servers.filter((server) => selection.servers.has(server.name))
    if (wanted.length === 0) return base
    const { servers } = yield* trustedServers(wanted)
    if (servers.length === 0) return base
    const mcp = yield* Effect.promise(() => import("./McpTools.js"))
    return mcp.withMcpTools(base, {
      servers,
      cwd: input.projectDir,
      connectTimeoutMs: mcp.connectTimeoutFromEnv(process.env),
      callTimeoutMs: mcp.callTimeoutFromEnv(process.env),
      ...(selection === undefined ? {} : { offers: selection.offers }),
      report: input.report
    }, input.connect)
  })

/** Headless: stderr for text and json; a `system` line for stream-json (stdout is its contract). */
export const headlessReport =
  (outputFormat: string, write: { readonly stdout: (text: string) => Effect.Effect<void, unknown>; readonly stderr: (text: string) => Effect.Effect<void> }) =>
  (notice: McpNotice): Effect.Effect<void> =>
    outputFormat === "stream-json"
      ? Effect.ignore(
          write.stdout(
            `${JSON.stringify({ type: "system", subtype: `mcp_${notice.kind}`, server: notice.server, message: notice.message, timestamp: new Date().toISOString() })}\n`
          )
        )
      : write.stderr(`letta: ${notice.message}\n`)
