/**
 * The headless output contract. These Schemas are the source of the published
 * JSON Schemas in `schemas/` (see scripts/gen-schemas.ts); the renderers build these shapes.
 */
import * as Schema from "effect/Schema"

const Timestamp = Schema.String.annotations({ description: "ISO 8601 time the line was written" })

export const Usage = Schema.Struct({
  input_tokens: Schema.Number,
  output_tokens: Schema.Number,
  total_tokens: Schema.Number,
  step_count: Schema.Number
})

/** A tool call the permission policy (or, headless, the lack of anyone to ask) denied. */
export const PermissionDenial = Schema.Struct({
  tool_name: Schema.String,
  tool_call_id: Schema.String,
  // Written out as a plain object schema: Schema.Unknown's own `$id` may appear once per document.
  tool_input: Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
    description: "the call's arguments",
    jsonSchema: { type: "object", description: "the call's arguments" }
  })
}).annotations({ identifier: "PermissionDenial" })
export type PermissionDenial = typeof PermissionDenial.Type

export const ResultFields = {
  type: Schema.Literal("result"),
  subtype: Schema.Literal("success", "error_during_execution", "error_max_turns"),
  is_error: Schema.Boolean,
  duration_ms: Schema.Number,
  duration_api_ms: Schema.Number,
  num_turns: Schema.Number.annotations({ description: "model steps taken (the sum of the server's step_count)" }),
  result: Schema.String.annotations({ description: "the agent's final message, or the error message" }),
  session_id: Schema.String.annotations({ description: "the agent id" }),
  agent_id: Schema.String,
  usage: Usage,
  permission_denials: Schema.Array(PermissionDenial).annotations({
    description: "every tool call of the run the permission policy denied (headless: also those that needed approval)"
  })
}

/** `--output-format json`: exactly this object. */
export const JsonResult = Schema.Struct(ResultFields).annotations({ identifier: "JsonResult" })
export type JsonResult = typeof JsonResult.Type

export const SystemInitLine = Schema.Struct({
  type: Schema.Literal("system"),
  subtype: Schema.Literal("init"),
  session_id: Schema.String,
  agent_id: Schema.String,
  model: Schema.NullOr(Schema.String),
  /** Where the agent lives: a Letta server, or the local backend on this machine. */
  backend: Schema.Literal("cloud", "local"),
  tools: Schema.Array(Schema.String),
  cwd: Schema.String,
  permission_mode: Schema.String,
  timestamp: Timestamp
}).annotations({ identifier: "SystemInitLine" })

/** An MCP server that failed to start, or a tool of one that was refused; said once per session. */
export const SystemMcpLine = Schema.Struct({
  type: Schema.Literal("system"),
  subtype: Schema.Literal("mcp_server_failed", "mcp_tool_refused", "mcp_config_error"),
  server: Schema.String,
  message: Schema.String,
  timestamp: Timestamp
}).annotations({ identifier: "SystemMcpLine" })

export const MessageLine = Schema.Struct(
  { type: Schema.Literal("message"), message_type: Schema.String, timestamp: Timestamp },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
).annotations({
  identifier: "MessageLine",
  description: "One chunk streamed by the Letta server, with its snake_case fields unchanged"
})

export const AutoApprovalLine = Schema.Struct({
  type: Schema.Literal("auto_approval"),
  tool_name: Schema.String,
  tool_call_id: Schema.String,
  matched_rule: Schema.String,
  timestamp: Timestamp
}).annotations({ identifier: "AutoApprovalLine" })

export const ToolResultLine = Schema.Struct({
  type: Schema.Literal("tool_result"),
  tool_call_id: Schema.String,
  tool_name: Schema.String,
  status: Schema.Literal("success", "error", "denied"),
  duration_ms: Schema.Number,
  output: Schema.String.annotations({ description: "what was sent back to the agent, cut at 2 000 characters" }),
  timestamp: Timestamp
}).annotations({ identifier: "ToolResultLine" })

export const RetryLine = Schema.Struct({
  type: Schema.Literal("retry"),
  attempt: Schema.Number,
  max_attempts: Schema.Number,
  delay_ms: Schema.Number,
  reason: Schema.String,
  timestamp: Timestamp
}).annotations({ identifier: "RetryLine" })

/** One hook command's run (settings `hooks`), written when it ends. */
export const HookLine = Schema.Struct({
  type: Schema.Literal("hook"),
  hook_event_name: Schema.String,
  command: Schema.String,
  outcome: Schema.Literal("success", "blocked", "error", "timeout"),
  exit_code: Schema.NullOr(Schema.Number),
  duration_ms: Schema.Number,
  message: Schema.NullOr(Schema.String).annotations({ description: "the block reason, the error, or the hook's systemMessage; cut at 2 000 characters" }),
  timestamp: Timestamp
}).annotations({ identifier: "HookLine" })

/** A memory block a reflection pass (`--reflect`) changed; written after the result, one per block. */
export const MemoryUpdateLine = Schema.Struct({
  type: Schema.Literal("memory_update"),
  source: Schema.Literal("reflection"),
  label: Schema.String,
  summary: Schema.String.annotations({ description: "the first line the change added, e.g. \"human: Prefers pnpm over npm.\"" }),
  value: Schema.String.annotations({ description: "the block's new text" }),
  timestamp: Timestamp
}).annotations({ identifier: "MemoryUpdateLine" })

/** A skill a reflection pass (`--reflect`) proposed; written after the result, one per skill. */
export const SkillProposalLine = Schema.Struct({
  type: Schema.Literal("skill_proposal"),
  source: Schema.Literal("reflection"),
  name: Schema.NullOr(Schema.String).annotations({ description: "null when the proposal was refused before it had a valid name" }),
  scope: Schema.NullOr(Schema.Literal("project", "user")),
  status: Schema.Literal("pending", "installed", "refused").annotations({
    description: "pending: waits for `letta skills accept|reject`; installed: `reflection.skills` is \"auto\"; refused: see reason"
  }),
  file: Schema.NullOr(Schema.String).annotations({ description: "the proposal's or the installed skill's SKILL.md" }),
  reason: Schema.NullOr(Schema.String),
  timestamp: Timestamp
}).annotations({ identifier: "SkillProposalLine" })

export const ErrorLine = Schema.Struct({
  type: Schema.Literal("error"),
  message: Schema.String,
  timestamp: Timestamp
}).annotations({ identifier: "ErrorLine" })

export const ResultLine = Schema.Struct({ ...ResultFields, timestamp: Timestamp }).annotations({ identifier: "ResultLine" })

export const StreamJsonLine = Schema.Union(
  SystemInitLine,
  SystemMcpLine,
  MessageLine,
  AutoApprovalLine,
  ToolResultLine,
  HookLine,
  RetryLine,
  MemoryUpdateLine,
  SkillProposalLine,
  ErrorLine,
  ResultLine
).annotations({ identifier: "StreamJsonLine", title: "letta --output-format stream-json line" })
