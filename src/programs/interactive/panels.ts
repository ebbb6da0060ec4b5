/** The fixed texts of the session: welcome, /help, /agent, /memory, /permissions, /exit stats. */
import type { PermissionMode } from "../../domain/config.js"
import { type RuleSuggestion, scopeLabel } from "../../domain/dialogs.js"
import type { BlockInfo } from "../../domain/letta.js"
import type { AllSettings, Permissions } from "../../domain/settings.js"
import type { RunStats } from "../render/runStats.js"
import { listCustomCommands, SLASH_COMMANDS } from "./slashCommands.js"
import type { StatusSnapshot } from "./sessionStatus.js"
import type { PanelLine } from "./transcript.js"

export const agentLink = (agentId: string): string => `https://app.letta.com/agents/${agentId}`

export interface WelcomeInfo {
  readonly version: string
  readonly agentId: string
  readonly agentName: string | undefined
  readonly created: boolean
  readonly model: string | undefined
  readonly isCloud: boolean
  readonly serverUrl: string
  readonly blocks: ReadonlyArray<string>
  readonly cwd: string
  readonly mode: PermissionMode
  readonly pendingCalls: number
}

/** The welcome, drawn in a box (see ItemView's Panel): who, where, and how to start. */
export const welcomeLines = (info: WelcomeInfo): ReadonlyArray<PanelLine> => [
  { text: `✻ letta ${info.version}`, tone: "info", bold: true },
  { text: "" },
  { text: `${info.created ? "New agent" : "Resumed agent"} ${info.agentId}${info.agentName === undefined ? "" : ` (${info.agentName})`}`, prefix: "  " },
  info.isCloud ? { text: agentLink(info.agentId), tone: "info", prefix: "  " } : { text: `Server: ${info.serverUrl}`, tone: "dim", prefix: "  " },
  ...(info.model === undefined ? [] : [{ text: `Model: ${info.model}`, tone: "dim" as const, prefix: "  " }]),
  { text: `Memory: ${info.blocks.length > 0 ? info.blocks.join(", ") : "(no blocks)"}`, tone: "dim", prefix: "  " },
  { text: `In ${info.cwd} · ${info.mode} mode`, tone: "dim", prefix: "  " },
  ...(info.pendingCalls > 0
    ? [
        { text: "" },
        {
          text: `The agent was still waiting for approval of ${info.pendingCalls} tool call${info.pendingCalls === 1 ? "" : "s"} from an earlier session: review ${info.pendingCalls === 1 ? "it" : "them"} now.`,
          tone: "warning" as const,
          prefix: "  "
        }
      ]
    : []),
  { text: "" },
  { text: "/help for keys and commands · Ctrl+J adds a line · Ctrl-C twice exits", tone: "dim", prefix: "  " }
]

/** Two-column rows: every description starts in one column; a long one wraps under itself. */
const table = (rows: ReadonlyArray<readonly [string, string]>, column: number): ReadonlyArray<PanelLine> =>
  rows.map(([key, description]) => ({ text: `  ${key.padEnd(column - 2)}${description}`, hang: column }))

const HELP_KEYS: ReadonlyArray<readonly [string, string]> = [
  ["Enter", "send"],
  ["Ctrl+J / Alt+Enter", "new line (also \\ then Enter)"],
  ["↑ / ↓", "move between lines, then through earlier prompts"],
  ["← → Home End", "move (also Ctrl+A / Ctrl+E; Alt+← / Alt+→ by word)"],
  ["Ctrl+U / Ctrl+K", "delete to the line's start / end"],
  ["Ctrl+W", "delete a word"],
  ["Esc", "interrupt the agent (twice on an idle prompt: clear it)"],
  ["Shift+Tab", "cycle the mode: default → acceptEdits → plan → bypassPermissions"],
  ["Ctrl-C", "interrupt the agent at work; else clear the prompt (twice in 1.5 s: exit)"],
  ["/", "command list (Tab or Enter picks)"],
  ["@path", "attach a project file (Tab completes; only files Read may open)"],
  ["!command", "run a shell command yourself; its output goes with your next message"],
  ["#note", "add a line to this project's memory block"]
]

/** The custom commands (programs/customCommands), when there are any. */
const customCommandLines = (): ReadonlyArray<PanelLine> => {
  const custom = listCustomCommands().map((command) => [`/${command.name}`, command.description] as const)
  if (custom.length === 0) return []
  return [{ text: "Custom commands", bold: true }, ...table(custom, 2 + Math.max(...custom.map(([key]) => key.length)) + 2)]
}

export const helpLines = (): ReadonlyArray<PanelLine> => {
  const commands = SLASH_COMMANDS.map((command) => [`/${command.name}`, command.description] as const)
  const column = 2 + Math.max(...[...commands, ...HELP_KEYS].map(([key]) => key.length)) + 2
  return [
    { text: "Commands", bold: true },
    ...table(commands, column),
    { text: "Keys", bold: true },
    ...table(HELP_KEYS, column),
    ...customCommandLines(),
    { text: "Large pastes (over 5 lines or 500 characters) show as [Pasted text #N …] and are sent in full.", tone: "dim" }
  ]
}

export const agentLines = (agentId: string, name: string | undefined, model: string | undefined, isCloud: boolean, serverUrl: string): ReadonlyArray<PanelLine> => [
  { text: `Agent ${agentId}${name === undefined ? "" : ` (${name})`}`, bold: true },
  ...(model === undefined ? [] : [{ text: `Model: ${model}` }]),
  isCloud ? { text: agentLink(agentId), tone: "info" as const } : { text: `Server: ${serverUrl}`, tone: "dim" as const }
]

/**
 * Each block: its label and size, its description set apart (indented, dim), then its value
 * behind a "│" gutter, so neither runs into the other even without colour.
 */
export const memoryLines = (blocks: ReadonlyArray<BlockInfo>): ReadonlyArray<PanelLine> => {
  if (blocks.length === 0) return [{ text: "This agent has no memory blocks.", tone: "dim" }]
  const lines: Array<PanelLine> = []
  blocks.forEach((block, index) => {
    const limit = block.limit === null || block.limit === undefined ? "" : `/${block.limit}`
    if (index > 0) lines.push({ text: "" })
    lines.push({ text: `${block.label ?? "(no label)"} · ${block.value.length}${limit} chars · ${block.id}`, tone: "info", bold: true })
    if (block.description !== null && block.description !== undefined && block.description.length > 0) {
      lines.push({ text: block.description, tone: "dim", prefix: "  " })
    }
    lines.push({ text: block.value.length > 0 ? block.value : "(empty)", prefix: "  │ " })
  })
  return lines
}

const ruleLines = (label: string, permissions: Permissions | undefined): ReadonlyArray<PanelLine> => {
  const out: Array<PanelLine> = []
  for (const kind of ["deny", "ask", "allow"] as const) {
    for (const rule of permissions?.[kind] ?? []) out.push({ text: `  ${kind.padEnd(5)} ${rule}  (${label})` })
  }
  for (const dir of permissions?.additionalDirectories ?? []) out.push({ text: `  dir   ${dir}  (${label}, additional directory)` })
  return out
}

export const permissionLines = (input: {
  readonly mode: PermissionMode
  readonly settings: AllSettings
  readonly paths: { readonly user: string; readonly project: string; readonly local: string }
  readonly allowedTools: ReadonlyArray<string>
  readonly disallowedTools: ReadonlyArray<string>
  /** The `--settings` file's rules: they rank above the settings files (as in Claude Code). */
  readonly extra?: { readonly path: string; readonly permissions: Permissions | undefined } | undefined
  readonly added: ReadonlyArray<RuleSuggestion>
}): ReadonlyArray<PanelLine> => {
  const rules = [
    ...input.disallowedTools.map((rule) => ({ text: `  deny  ${rule}  (--disallowedTools)` })),
    ...input.allowedTools.map((rule) => ({ text: `  allow ${rule}  (--allowedTools)` })),
    ...input.added.filter((a) => a.scope === "session").map((a) => ({ text: `  allow ${a.rule}  (this session)` })),
    ...(input.extra === undefined ? [] : ruleLines(`--settings: ${input.extra.path}`, input.extra.permissions)),
    ...ruleLines(`local: ${input.paths.local}`, input.settings.local.permissions),
    ...ruleLines(`project: ${input.paths.project}`, input.settings.project.permissions),
    ...ruleLines(`user: ${input.paths.user}`, input.settings.user.permissions)
  ]
  return [
    { text: `Permission mode: ${input.mode}`, bold: true },
    { text: "Deny rules win, then the mode, then allow rules, then ask rules; reads inside the project are allowed, the rest asks.", tone: "dim" },
    ...(rules.length > 0 ? [{ text: "Rules", bold: true }, ...rules] : [{ text: "No rules yet. \"Yes, and don't ask again\" in an approval adds one.", tone: "dim" as const }]),
    ...input.added
      .filter((a) => a.scope === "local")
      .map((a) => ({ text: `Added this session: ${a.rule} ${scopeLabel(a.scope)}`, tone: "dim" as const }))
  ]
}

const seconds = (ms: number): string => {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes}m ${Math.round((ms % 60_000) / 1000)}s`
}

const count = (n: number): string => n.toLocaleString("en-US")

export const statsLines = (stats: RunStats, wallMs: number, agentId: string, isCloud: boolean): ReadonlyArray<PanelLine> => [
  { text: "Session stats", bold: true },
  { text: `  Total duration (wall)  ${seconds(wallMs)}` },
  { text: `  Total duration (API)   ${seconds(stats.apiMs)}` },
  { text: `  Usage                  ${count(stats.steps)} step${stats.steps === 1 ? "" : "s"} · ${count(stats.inputTokens)} input tokens · ${count(stats.outputTokens)} output tokens` },
  { text: `  Agent                  ${agentId}` },
  ...(isCloud ? [{ text: `  ${agentLink(agentId)}`, tone: "info" as const }] : []),
  { text: `Resume with: letta --agent ${agentId}`, tone: "dim" }
]

/** `/status` (and `/cost`): where the session is, how full the context is, what it used so far. */
export const statusLines = (input: {
  readonly agentId: string
  readonly agentName: string | undefined
  readonly backend: "cloud" | "local"
  readonly serverUrl: string
  readonly mode: PermissionMode
  readonly status: StatusSnapshot
  readonly stats: RunStats
  readonly wallMs: number
}): ReadonlyArray<PanelLine> => {
  const { contextTokens: tokens, contextWindow: window } = input.status
  const context =
    tokens === undefined
      ? `not known yet (the next reply reports it)${window === undefined ? "" : ` · window ${count(window)} tokens`}`
      : window === undefined || window <= 0
        ? `${count(tokens)} tokens (window unknown)`
        : `${count(tokens)} of ${count(window)} tokens (${Math.min(100, Math.round((tokens / window) * 100))}%)`
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Agent", `${input.agentId}${input.agentName === undefined ? "" : ` (${input.agentName})`}`],
    ["Backend", input.backend === "local" ? input.serverUrl : `cloud · ${input.serverUrl}`],
    ["Model", input.status.model ?? "(the server's default)"],
    ["Mode", input.mode],
    ["Context", context],
    ["Tokens", `${count(input.stats.inputTokens)} in · ${count(input.stats.outputTokens)} out (this session)`],
    ["Steps", `${count(input.stats.steps)} model step${input.stats.steps === 1 ? "" : "s"} (this session)`],
    ["Time", `${seconds(input.wallMs)} wall · ${seconds(input.stats.apiMs)} API`]
  ]
  return [{ text: "Status", bold: true }, ...table(rows, 12), { text: "/compact summarises the older history to free the context.", tone: "dim" }]
}
