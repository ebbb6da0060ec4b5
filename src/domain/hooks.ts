/**
 * Hooks as Claude Code writes them (`hooks` in a settings file) and the JSON a hook may print.
 * Both come from outside (a settings file, a user's script), so both are decoded with Schema.
 */
import * as Schema from "effect/Schema"

const UnknownKeys = Schema.Record({ key: Schema.String, value: Schema.Unknown })

export const HOOK_EVENTS = [
  "PreToolUse",
  "PostToolUse",
  "UserPromptSubmit",
  "Stop",
  "SessionStart",
  "SessionEnd",
  "Notification",
  "PreCompact"
] as const
export type HookEvent = (typeof HOOK_EVENTS)[number]

/** Seconds a hook may run unless its entry says otherwise. */
export const DEFAULT_HOOK_TIMEOUT_S = 60

export const HookCommand = Schema.Struct(
  {
    type: Schema.Literal("command"),
    command: Schema.String.pipe(Schema.filter((text) => text.trim().length > 0 || "must not be empty")),
    /** Seconds. */
    timeout: Schema.optional(Schema.Number.pipe(Schema.positive()))
  },
  UnknownKeys
)
export type HookCommand = typeof HookCommand.Type

export const HookMatcher = Schema.Struct(
  {
    /** A tool name or a regular expression over it; empty, missing or `*`: every call. */
    matcher: Schema.optional(Schema.String),
    hooks: Schema.Array(HookCommand)
  },
  UnknownKeys
)
export type HookMatcher = typeof HookMatcher.Type

/**
 * Events this version does not run (Claude Code has more, e.g. SubagentStop) are kept and
 * ignored, so a Claude Code settings file still loads.
 */
export const HooksSettings = Schema.Struct(
  Object.fromEntries(HOOK_EVENTS.map((event) => [event, Schema.optional(Schema.Array(HookMatcher))])) as {
    readonly [K in HookEvent]: Schema.optional<Schema.Array$<typeof HookMatcher>>
  },
  UnknownKeys
)
export type HooksSettings = typeof HooksSettings.Type

/** What a hook may print on stdout (exit 0) to steer the agent; every field optional. */
export const HookOutput = Schema.Struct(
  {
    continue: Schema.optional(Schema.Boolean),
    stopReason: Schema.optional(Schema.String),
    suppressOutput: Schema.optional(Schema.Boolean),
    systemMessage: Schema.optional(Schema.String),
    /** `approve`/`block` (older Claude Code spelling of allow/deny) are accepted too. */
    decision: Schema.optional(Schema.Literal("approve", "block", "allow", "deny", "ask")),
    reason: Schema.optional(Schema.String),
    hookSpecificOutput: Schema.optional(
      Schema.Struct(
        {
          hookEventName: Schema.optional(Schema.String),
          permissionDecision: Schema.optional(Schema.Literal("allow", "deny", "ask")),
          permissionDecisionReason: Schema.optional(Schema.String),
          additionalContext: Schema.optional(Schema.String)
        },
        UnknownKeys
      )
    )
  },
  UnknownKeys
)
export type HookOutput = typeof HookOutput.Type

/** The commands for one event whose matcher accepts `target` (a tool name, a session source...). */
export const matchingHooks = (
  hooks: HooksSettings | undefined,
  event: HookEvent,
  target: string | undefined
): ReadonlyArray<HookCommand> =>
  (hooks?.[event] ?? []).filter((entry) => matches(entry.matcher, target)).flatMap((entry) => entry.hooks)

const matches = (matcher: string | undefined, target: string | undefined): boolean => {
  if (matcher === undefined || matcher === "" || matcher === "*") return true
  if (target === undefined) return true
  if (matcher === target) return true
  try {
    return new RegExp(`^(?:${matcher})$`).test(target)
  } catch {
    // Not a valid regular expression: only the exact name matches.
    return false
  }
}

/** Every hook command the settings define, for the trust question. */
export const listHooks = (hooks: HooksSettings | undefined): ReadonlyArray<{ readonly event: string; readonly command: string }> =>
  hooks === undefined
    ? []
    : HOOK_EVENTS.flatMap((event) => (hooks[event] ?? []).flatMap((entry) => entry.hooks.map((hook) => ({ event, command: hook.command }))))
