/**
 * The three settings files, decoded with Schema. Every struct keeps keys it
 * does not know (index signature), so a write never drops what another tool or version added.
 */
import * as Schema from "effect/Schema"
import { HooksSettings } from "./hooks.js"
import { McpServers } from "../mcp/config.js"

const UnknownKeys = Schema.Record({ key: Schema.String, value: Schema.Unknown })

const RuleList = Schema.Array(Schema.String)

export const Permissions = Schema.Struct(
  {
    allow: Schema.optional(RuleList),
    deny: Schema.optional(RuleList),
    ask: Schema.optional(RuleList),
    additionalDirectories: Schema.optional(Schema.Array(Schema.String))
  },
  UnknownKeys
)
export type Permissions = typeof Permissions.Type

/** Agent ids per server, keyed by the normalised base URL (see `serverKey`). */
const AgentIdsByServer = Schema.Record({ key: Schema.String, value: Schema.String })

/** The user's shared block ids (`persona`, `human`) on one server. */
const GlobalSharedBlockIds = Schema.Struct(
  { persona: Schema.optional(Schema.String), human: Schema.optional(Schema.String) },
  UnknownKeys
)
export type GlobalSharedBlockIds = typeof GlobalSharedBlockIds.Type

/** The project's shared block id (`project`) on one server. */
const LocalSharedBlockIds = Schema.Struct({ project: Schema.optional(Schema.String) }, UnknownKeys)
export type LocalSharedBlockIds = typeof LocalSharedBlockIds.Type

/**
 * A custom model provider: any OpenAI- or Anthropic-compatible endpoint.
 * The key is only ever read from the environment variable `apiKeyEnv` names.
 */
export const ProviderSettings = Schema.Struct(
  {
    api: Schema.Literal("openai-chat", "openai-responses", "anthropic"),
    baseUrl: Schema.String.pipe(
      Schema.filter((value) => /^https?:\/\/[^\s/]/i.test(value) || "must be an http:// or https:// URL")
    ),
    apiKeyEnv: Schema.optional(Schema.String),
    contextWindow: Schema.optional(Schema.Int.pipe(Schema.positive()))
  },
  UnknownKeys
)
export type ProviderSettings = typeof ProviderSettings.Type

/**
 * How the agent learns on its own. `auto`: the passes nobody asked for (session exit, every
 * `everySteps` model steps, the context filling up); `/reflect` and `--reflect` run whatever it
 * says. `skills: "auto"` installs the skills a pass proposes without review; it is only read from
 * the user's own files (a repository cannot turn review off).
 */
export const ReflectionSettings = Schema.Struct(
  {
    auto: Schema.optional(Schema.Boolean),
    everySteps: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
    skills: Schema.optional(Schema.Literal("review", "auto"))
  },
  UnknownKeys
)
export type ReflectionSettings = typeof ReflectionSettings.Type

/** Custom providers by name: the handle `<name>/<model>` uses one. */
export const ProvidersSettings = Schema.Record({ key: Schema.String, value: ProviderSettings })
export type ProvidersSettings = typeof ProvidersSettings.Type

export const UserSettings = Schema.Struct(
  {
    lastAgent: Schema.optional(Schema.NullOr(Schema.String)),
    lastAgentByServer: Schema.optional(AgentIdsByServer),
    globalSharedBlockIds: Schema.optional(GlobalSharedBlockIds),
    globalSharedBlockIdsByServer: Schema.optional(Schema.Record({ key: Schema.String, value: GlobalSharedBlockIds })),
    model: Schema.optional(Schema.String),
    permissions: Schema.optional(Permissions),
    tokenStreaming: Schema.optional(Schema.Boolean),
    /** Interactive mode's terminal bell and OSC 9 notification (approval waiting, long turn done); on unless false. */
    notifications: Schema.optional(Schema.Boolean),
    providers: Schema.optional(ProvidersSettings),
    /** `cloud` or `local`, below `--backend` and `LETTA_BACKEND`. */
    backend: Schema.optional(Schema.Literal("cloud", "local")),
    hooks: Schema.optional(HooksSettings),
    /** Project paths whose hooks and MCP servers the user answered about: true = trusted. */
    trustedProjects: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Boolean })),
    /** MCP servers of every project (Claude Code's `mcpServers` format). */
    mcpServers: Schema.optional(McpServers),
    reflection: Schema.optional(ReflectionSettings)
  },
  UnknownKeys
)
export type UserSettings = typeof UserSettings.Type

export const ProjectSettings = Schema.Struct(
  {
    localSharedBlockIds: Schema.optional(LocalSharedBlockIds),
    localSharedBlockIdsByServer: Schema.optional(Schema.Record({ key: Schema.String, value: LocalSharedBlockIds })),
    permissions: Schema.optional(Permissions),
    providers: Schema.optional(ProvidersSettings),
    hooks: Schema.optional(HooksSettings),
    /** This project's MCP servers: they run only once the project is trusted. */
    mcpServers: Schema.optional(McpServers),
    reflection: Schema.optional(ReflectionSettings)
  },
  UnknownKeys
)
export type ProjectSettings = typeof ProjectSettings.Type

export const LocalSettings = Schema.Struct(
  {
    lastAgent: Schema.optional(Schema.NullOr(Schema.String)),
    lastAgentByServer: Schema.optional(AgentIdsByServer),
    permissions: Schema.optional(Permissions),
    hooks: Schema.optional(HooksSettings),
    reflection: Schema.optional(ReflectionSettings)
  },
  UnknownKeys
)
export type LocalSettings = typeof LocalSettings.Type

export interface AllSettings {
  readonly user: UserSettings
  readonly project: ProjectSettings
  readonly local: LocalSettings
}

/** `https://api.letta.com/` and `https://API.letta.com` are the same server. */
export const serverKey = (baseUrl: string): string => {
  try {
    const url = new URL(baseUrl)
    const path = url.pathname.replace(/\/+$/, "")
    return `${url.protocol}//${url.host}${path}`.toLowerCase()
  } catch {
    return baseUrl.trim().replace(/\/+$/, "").toLowerCase()
  }
}

/**
 * The last agent used against this server. The plain `lastAgent` key is only trusted when the
 * file predates per-server ids (no `lastAgentByServer` at all), so a Letta Cloud id is never
 * tried against a local server.
 */
export const lastAgentFor = (
  settings: { readonly lastAgent?: string | null | undefined; readonly lastAgentByServer?: Readonly<Record<string, string>> | undefined },
  server: string
): string | undefined => {
  if (settings.lastAgentByServer !== undefined) return settings.lastAgentByServer[server]
  return settings.lastAgent ?? undefined
}

/** Records `agentId` as the last agent for `server`, in both the plain and the per-server key. */
export const withLastAgent = <S extends { readonly lastAgentByServer?: Readonly<Record<string, string>> | undefined }>(
  settings: S,
  server: string,
  agentId: string
): S => ({
  ...settings,
  lastAgent: agentId,
  lastAgentByServer: { ...settings.lastAgentByServer, [server]: agentId }
})

/**
 * The shared block ids stored for `server`, by the same rule as `lastAgentFor`: the per-server
 * entry; the plain key only when the file has no per-server map at all (it predates them).
 */
const blockIdsFor = <Ids>(plain: Ids | undefined, byServer: Readonly<Record<string, Ids>> | undefined, server: string): Ids | undefined =>
  byServer !== undefined ? byServer[server] : plain

/** `persona` and `human` on this server (user file). */
export const globalBlockIdsFor = (
  user: {
    readonly globalSharedBlockIds?: GlobalSharedBlockIds | undefined
    readonly globalSharedBlockIdsByServer?: Readonly<Record<string, GlobalSharedBlockIds>> | undefined
  },
  server: string
): GlobalSharedBlockIds | undefined => blockIdsFor(user.globalSharedBlockIds, user.globalSharedBlockIdsByServer, server)

/** `project` on this server (project file). */
export const localBlockIdsFor = (
  project: {
    readonly localSharedBlockIds?: LocalSharedBlockIds | undefined
    readonly localSharedBlockIdsByServer?: Readonly<Record<string, LocalSharedBlockIds>> | undefined
  },
  server: string
): LocalSharedBlockIds | undefined => blockIdsFor(project.localSharedBlockIds, project.localSharedBlockIdsByServer, server)

/**
 * Records `persona`/`human` for `server` in its per-server entry and in the plain key (as
 * `withLastAgent` does); other servers' entries and unknown keys are kept.
 */
export const withGlobalBlockIds = <
  S extends {
    readonly globalSharedBlockIds?: GlobalSharedBlockIds | undefined
    readonly globalSharedBlockIdsByServer?: Readonly<Record<string, GlobalSharedBlockIds>> | undefined
  }
>(
  user: S,
  server: string,
  ids: { readonly persona: string; readonly human: string }
): S => ({
  ...user,
  globalSharedBlockIds: { ...user.globalSharedBlockIds, ...ids },
  globalSharedBlockIdsByServer: { ...user.globalSharedBlockIdsByServer, [server]: { ...user.globalSharedBlockIdsByServer?.[server], ...ids } }
})

/** Records `project` for `server` in its per-server entry and in the plain key. */
export const withLocalBlockIds = <
  S extends {
    readonly localSharedBlockIds?: LocalSharedBlockIds | undefined
    readonly localSharedBlockIdsByServer?: Readonly<Record<string, LocalSharedBlockIds>> | undefined
  }
>(
  project: S,
  server: string,
  ids: { readonly project: string }
): S => ({
  ...project,
  localSharedBlockIds: { ...project.localSharedBlockIds, ...ids },
  localSharedBlockIdsByServer: { ...project.localSharedBlockIdsByServer, [server]: { ...project.localSharedBlockIdsByServer?.[server], ...ids } }
})

/** Keys a `--settings` file never sets here (`providers` is merged by name instead). */
const NOT_FROM_EXTRA: ReadonlySet<string> = new Set([
  "lastAgent",
  "lastAgentByServer",
  "globalSharedBlockIds",
  "globalSharedBlockIdsByServer",
  "localSharedBlockIds",
  "localSharedBlockIdsByServer",
  "permissions",
  "providers"
])

/**
 * The user's settings with a `--settings` file laid over them for one run. As in Claude Code the
 * file ranks above the user's and the project's settings: every key it sets wins (`providers`
 * by name; yours already win over a project's), so a setting added later needs no change here.
 * Two kinds are never taken from it: agent and block ids (they are the user's, and letta only
 * writes them to the user's and project's files) and `permissions` (added to the policy as rules
 * of their own, source `--settings`: see PermissionPolicyRules).
 */
export const layerUserSettings = (user: UserSettings, extra: UserSettings): UserSettings => ({
  ...user,
  ...Object.fromEntries(Object.entries(extra).filter(([key, value]) => value !== undefined && !NOT_FROM_EXTRA.has(key))),
  ...(extra.providers === undefined ? {} : { providers: { ...user.providers, ...extra.providers } })
})

/** A `--settings <file>` given for this run: where it is (for messages) and what it says. */
export interface ExtraSettings {
  readonly path: string
  readonly settings: UserSettings
}
