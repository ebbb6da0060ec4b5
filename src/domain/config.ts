/** The typed result of parsing the command line: what one `letta` run is asked to do. */
import type * as Option from "effect/Option"

export const OUTPUT_FORMATS = ["text", "json", "stream-json"] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export const BACKENDS = ["cloud", "local"] as const
export type Backend = (typeof BACKENDS)[number]

export const PERMISSION_MODES = ["default", "acceptEdits", "plan", "bypassPermissions"] as const
export type PermissionMode = (typeof PERMISSION_MODES)[number]

/** How the agent for this run is chosen. */
export type AgentChoice =
  | { readonly _tag: "New" } // the default (and --new): a new agent with the shared memory blocks
  | { readonly _tag: "Continue" } // the project's, then the user's last agent; error if none
  | { readonly _tag: "Explicit"; readonly agentId: string } // --agent
  | { readonly _tag: "Pick" } // --resume on a terminal: the user picks one of this project's agents

export interface RunConfig {
  readonly headless: boolean
  /** Words given after the flags (the prompt in headless mode). */
  readonly promptWords: ReadonlyArray<string>
  readonly outputFormat: OutputFormat
  readonly agent: AgentChoice
  readonly model: Option.Option<string>
  /** Names of the tools offered to the model; None = all. */
  readonly tools: Option.Option<ReadonlyArray<string>>
  readonly allowedTools: ReadonlyArray<string>
  readonly disallowedTools: ReadonlyArray<string>
  readonly permissionMode: PermissionMode
  readonly maxTurns: Option.Option<number>
  /** `--backend`; the environment and settings decide when absent. */
  readonly backend: Option.Option<Backend>
  /** `--append-system-prompt`: sent with every user message of this run as a system reminder. */
  readonly appendSystemPrompt: Option.Option<string>
  /** `--add-dir`: more directories the file tools may use (like `permissions.additionalDirectories`). */
  readonly addDirs: ReadonlyArray<string>
  /** `--settings`: an extra settings file layered over the user's for this run (never written). */
  readonly settingsFile: Option.Option<string>
  /** `--verbose`: diagnostics on stderr (headless); full tool results and dim notes (interactive). */
  readonly verbose: boolean
  /** `--reflect` (headless): after the turn, a reflection pass saves what was learned (bounded). */
  readonly reflect?: boolean
  /** `--trust-project`: this run uses the project's hooks and MCP servers without asking. */
  readonly trustProject?: boolean
  /** `--mcp-config`: MCP server files (or JSON) for this run; `--strict-mcp-config`: only those. */
  readonly mcpConfigs?: ReadonlyArray<string>
  readonly strictMcpConfig?: boolean
}
