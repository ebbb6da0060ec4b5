/**
 * Every failure the user can see, as tagged data. `describeFailure` (programs/failure.ts)
 * is the one place that turns these into a message and an exit code; it has a case for each
 * member of `LettaFailure`, which the compiler checks.
 */
import * as Data from "effect/Data"

/** Bad flags, bad values, no prompt: exit 2. */
export class UsageError extends Data.TaggedError("UsageError")<{
  readonly message: string
  /** The command whose help to point to (`letta mcp`); `letta` when absent. */
  readonly command?: string
}> {}

/**
 * A settings file that cannot be read as valid settings: exit 2, file left untouched. With a
 * `kind`, the file is fine but cannot be updated now (its lock, a read-only directory): exit 1.
 */
export class SettingsError extends Data.TaggedError("SettingsError")<{
  readonly path: string
  readonly problem: string
  readonly kind?: "lock" | "write"
}> {}

/**
 * A permission rule that cannot be understood: exit 2, before any network
 * call. `source` says where it came from (`--allowedTools`, `local settings`, …), `location`
 * the settings file when there is one.
 */
export class RuleError extends Data.TaggedError("RuleError")<{
  readonly rule: string
  readonly source: string
  readonly problem: string
  readonly location?: string
}> {}

/** Missing or inconsistent configuration (e.g. no API key for Letta Cloud): exit 1. */
export class ConfigError extends Data.TaggedError("ConfigError")<{
  readonly message: string
  readonly hint?: string
}> {}

/**
 * A failed request to the Letta server. `status` is absent for connection failures and for
 * errors the server reported inside a stream.
 */
export class ApiError extends Data.TaggedError("ApiError")<{
  readonly kind: "http" | "connection" | "timeout" | "stream" | "protocol"
  readonly operation: string
  readonly status?: number
  readonly detail?: string
  readonly code?: string
  readonly retryAfterMs?: number
  /** Whether the server had started answering (HTTP 200 and streaming) when it failed. */
  readonly streamStarted: boolean
  /**
   * Who failed, when it is not the Letta server: e.g. `the model provider anthropic
   * (https://api.anthropic.com)` on the local backend. Messages name it instead of the server.
   */
  readonly service?: string
  /** What the user can do about it (e.g. the environment variable to set). */
  readonly hint?: string
}> {}

/**
 * The server does not have what was asked for by id: 404, or 422 for an id it cannot even parse
 * (a stale or foreign id from the settings).
 */
export const isUnknownId = (error: ApiError): boolean => error.kind === "http" && (error.status === 404 || error.status === 422)

/** The stored or requested agent does not exist on the server. */
export class AgentNotFound extends Data.TaggedError("AgentNotFound")<{
  readonly agentId: string
  readonly source: "flag" | "continue"
}> {}

/** The model handle is not one the server serves. */
export class UnknownModel extends Data.TaggedError("UnknownModel")<{
  readonly model: string
  readonly available: ReadonlyArray<string>
  /** Why, when it is more than "not in the list" (an unknown provider, a model server that does not answer). */
  readonly reason?: string
}> {}

/** The run ended with a stop reason other than end_turn / tool_rule. */
export class UnexpectedStop extends Data.TaggedError("UnexpectedStop")<{
  readonly stopReason: string
  readonly detail?: string
}> {}

/** `--max-turns` was reached before the agent finished. */
export class MaxTurnsReached extends Data.TaggedError("MaxTurnsReached")<{
  readonly limit: number
}> {}

/** The turn finished but the agent never said anything. */
export class NoAssistantReply extends Data.TaggedError("NoAssistantReply")<{}> {}

/** The reader of stdout went away (e.g. `| head -1`): end quietly. */
export class BrokenPipe extends Data.TaggedError("BrokenPipe")<{}> {}

/**
 * The local backend has no model for a new agent: no `--model`, no `model` setting, no provider
 * key and no local model server. Exit 2, with the ways to get going.
 */
export class NoModelAvailable extends Data.TaggedError("NoModelAvailable")<{}> {}

/** The local database cannot be used (newer schema, unreadable file, …): exit 1, file untouched. */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly path: string
  readonly problem: string
}> {}

export type LettaFailure =
  | UsageError
  | SettingsError
  | RuleError
  | ConfigError
  | ApiError
  | AgentNotFound
  | UnknownModel
  | UnexpectedStop
  | MaxTurnsReached
  | NoAssistantReply
  | BrokenPipe
  | NoAgentToContinue
  | NoModelAvailable
  | StoreError

/** `--continue` with no previous agent for this server. */
export class NoAgentToContinue extends Data.TaggedError("NoAgentToContinue")<{
  readonly server: string
}> {}

/** Every tag of `LettaFailure`: the record makes a missing or extra one a compile error. */
const FAILURE_TAGS: { readonly [Tag in LettaFailure["_tag"]]: true } = {
  UsageError: true,
  SettingsError: true,
  RuleError: true,
  ConfigError: true,
  ApiError: true,
  AgentNotFound: true,
  UnknownModel: true,
  UnexpectedStop: true,
  MaxTurnsReached: true,
  NoAssistantReply: true,
  BrokenPipe: true,
  NoAgentToContinue: true,
  NoModelAvailable: true,
  StoreError: true
}

/** Whether `error` is one of the failures the user can see (e.g. the failure of a `Cause`). */
export const isLettaFailure = (error: unknown): error is LettaFailure =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string" && Object.hasOwn(FAILURE_TAGS, error._tag)
