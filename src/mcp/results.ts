/**
 * A `tools/call` result as the agent reads it: text as is, images and audio as a note (the tool
 * return is text), resource links and embedded resources by their URI, `isError` as an error
 * return. Decoded with Schema: a server's answer is untrusted input. Capped like Bash's output.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { type ToolOutput, toolError, toolSuccess } from "../domain/tools.js"

/** The same cap as every other tool's output. */
export const MCP_MAX_OUTPUT_CHARS = 30_000

const Text = Schema.Struct({ type: Schema.Literal("text"), text: Schema.String })
const Media = Schema.Struct({ type: Schema.Literal("image", "audio"), data: Schema.String, mimeType: Schema.optional(Schema.String) })
const Link = Schema.Struct({
  type: Schema.Literal("resource_link"),
  uri: Schema.String,
  name: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  mimeType: Schema.optional(Schema.String)
})
const Embedded = Schema.Struct({
  type: Schema.Literal("resource"),
  resource: Schema.Struct({ uri: Schema.String, mimeType: Schema.optional(Schema.String), text: Schema.optional(Schema.String), blob: Schema.optional(Schema.String) })
})
/** A content type from a later protocol version: named, not dropped silently. */
const Other = Schema.Struct({ type: Schema.String })
const Content = Schema.Union(Text, Media, Link, Embedded, Other)

const CallResult = Schema.Struct({
  content: Schema.optionalWith(Schema.Array(Content), { default: () => [] }),
  isError: Schema.optional(Schema.Boolean),
  structuredContent: Schema.optional(Schema.Unknown),
  /** Protocol 2024-10-07 servers answer with `toolResult`. */
  toolResult: Schema.optional(Schema.Unknown)
})

const kib = (base64: string): string => `${Math.max(1, Math.round((base64.length * 3) / 4 / 1024))} KiB`

const describe = (item: typeof Content.Type): string => {
  switch (item.type) {
    case "text":
      return (item as typeof Text.Type).text
    case "image":
    case "audio": {
      const media = item as typeof Media.Type
      return `[${media.type} (${media.mimeType ?? "unknown type"}, ${kib(media.data)}) returned by the tool; it cannot be shown here]`
    }
    case "resource_link": {
      const link = item as typeof Link.Type
      const details = [link.name, link.mimeType, link.description].filter((part) => part !== undefined && part.length > 0)
      return `[resource link: ${link.uri}${details.length > 0 ? ` (${details.join("; ")})` : ""}]`
    }
    case "resource": {
      const { resource } = item as typeof Embedded.Type
      if (resource.text !== undefined) return `[resource ${resource.uri}]\n${resource.text}`
      return `[resource ${resource.uri} (${resource.mimeType ?? "binary"}${resource.blob === undefined ? "" : `, ${kib(resource.blob)}`}); binary content not shown]`
    }
    default:
      return `[content of type "${item.type}" not shown]`
  }
}

export const capOutput = (text: string, max = MCP_MAX_OUTPUT_CHARS): string =>
  text.length <= max ? text : `${text.slice(0, max)}\n\n[output truncated: ${text.length - max} more characters were cut]`

/** The tool return for a raw result; a malformed one is an error naming the problem. */
export const toToolOutput = (toolName: string, raw: unknown): ToolOutput =>
  Either.match(Schema.decodeUnknownEither(CallResult)(raw), {
    onLeft: (error) => toolError(`${toolName}: the MCP server sent a malformed result: ${ParseResult.TreeFormatter.formatErrorSync(error)}`),
    onRight: (result) => {
      const parts = result.content.map(describe)
      if (parts.length === 0 && result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent))
      if (parts.length === 0 && result.toolResult !== undefined) parts.push(typeof result.toolResult === "string" ? result.toolResult : JSON.stringify(result.toolResult))
      const text = capOutput(parts.join("\n"))
      if (result.isError === true) return toolError(text.length > 0 ? text : `${toolName} failed (the server gave no details)`)
      return toolSuccess(text.length > 0 ? text : "(no output)")
    }
  })
