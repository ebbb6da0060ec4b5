/**
 * The three settings files (PRODUCT.md §2), decoded with Schema. Every struct keeps keys it
 * does not know (index signature), so a write never drops what another tool or version added.
 */
import * as Schema from "effect/Schema"

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

export const UserSettings = Schema.Struct(
  {
    lastAgent: Schema.optional(Schema.NullOr(Schema.String)),
    lastAgentByServer: Schema.optional(AgentIdsByServer),
    globalSharedBlockIds: Schema.optional(
      Schema.Struct(
        { persona: Schema.optional(Schema.String), human: Schema.optional(Schema.String) },
        UnknownKeys
      )
    ),
    model: Schema.optional(Schema.String),
    permissions: Schema.optional(Permissions),
    tokenStreaming: Schema.optional(Schema.Boolean)
  },
  UnknownKeys
)
export type UserSettings = typeof UserSettings.Type

export const ProjectSettings = Schema.Struct(
  {
    localSharedBlockIds: Schema.optional(
      Schema.Struct({ project: Schema.optional(Schema.String) }, UnknownKeys)
    ),
    permissions: Schema.optional(Permissions)
  },
  UnknownKeys
)
export type ProjectSettings = typeof ProjectSettings.Type

export const LocalSettings = Schema.Struct(
  {
    lastAgent: Schema.optional(Schema.NullOr(Schema.String)),
    lastAgentByServer: Schema.optional(AgentIdsByServer),
    permissions: Schema.optional(Permissions)
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
