/**
 * Anthropic Messages, streamed (`POST {origin}/v1/messages`, `stream: true`): the request from
 * our conversation, and the reader of its events (message_start, content_block_start/delta/stop
 * with text_delta, input_json_delta, thinking_delta and signature_delta, message_delta with the
 * stop reason and usage, message_stop, ping, error).
 */
import * as Schema from "effect/Schema"
import type { ModelEvent, ModelMessage, ModelRequest } from "../../services/Models.js"
import type { Provider } from "./providers.js"
import { argumentsObject, jsonDecoder, NullableNumber, NullableString, usageOf, type WireFailure, type WireProtocol, type WireReader } from "./wire.js"

const ANTHROPIC_VERSION = "2023-06-01"

type Block = Record<string, unknown>
interface Message {
  role: "user" | "assistant"
  content: Array<Block>
}

const toMessages = (messages: ReadonlyArray<ModelMessage>): Array<Message> => {
  const out: Array<Message> = []
  // Consecutive turns of one role become one message (tool results first, as the API wants).
  const push = (role: Message["role"], blocks: Array<Block>) => {
    if (blocks.length === 0) return
    const last = out[out.length - 1]
    if (last !== undefined && last.role === role) last.content.push(...blocks)
    else out.push({ role, content: blocks })
  }
  for (const message of messages) {
    switch (message.role) {
      case "user":
        push("user", message.text.length > 0 ? [{ type: "text", text: message.text }] : [])
        break
      case "assistant": {
        const blocks: Array<Block> = []
        // Thinking is only replayed with its signature (the API verifies it).
        for (const reasoning of message.reasoning ?? []) {
          if (reasoning.signature !== undefined && reasoning.signature.length > 0) {
            blocks.push({ type: "thinking", thinking: reasoning.text, signature: reasoning.signature })
          }
        }
        if (message.text.length > 0) blocks.push({ type: "text", text: message.text })
        for (const call of message.toolCalls) {
          blocks.push({ type: "tool_use", id: call.id, name: call.name, input: argumentsObject(call.arguments) })
        }
        push("assistant", blocks)
        break
      }
      case "tool":
        // The API refuses an empty error result; an empty success is sent without content.
        push("user", [
          {
            type: "tool_result",
            tool_use_id: message.toolCallId,
            ...(message.output.length > 0 ? { content: message.output } : message.isError ? { content: "(no output)" } : {}),
            ...(message.isError ? { is_error: true } : {})
          }
        ])
        break
    }
  }
  return out
}

/** Prompt caching on Anthropic itself: the system prompt and the conversation so far. */
const withCacheBreakpoint = (messages: Array<Message>): Array<Message> => {
  const last = messages[messages.length - 1]
  const block = last?.content[last.content.length - 1]
  if (last === undefined || block === undefined) return messages
  const marked = { ...block, cache_control: { type: "ephemeral" } }
  return [...messages.slice(0, -1), { role: last.role, content: [...last.content.slice(0, -1), marked] }]
}

const body = (provider: Provider, model: string, request: ModelRequest): unknown => {
  const cache = !provider.custom
  const messages = toMessages(request.messages)
  return {
    model,
    max_tokens: request.maxOutputTokens,
    ...(request.system.length > 0
      ? { system: [{ type: "text", text: request.system, ...(cache ? { cache_control: { type: "ephemeral" } } : {}) }] }
      : {}),
    messages: cache ? withCacheBreakpoint(messages) : messages,
    ...(request.tools.length > 0
      ? { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.parameters })) }
      : {}),
    stream: true
  }
}

// Only the fields read, each checked; unknown event and block types are let through and ignored.
const Usage = Schema.Struct({
  input_tokens: NullableNumber,
  output_tokens: NullableNumber,
  cache_creation_input_tokens: NullableNumber,
  cache_read_input_tokens: NullableNumber
})
const Event = Schema.Struct({
  type: Schema.String,
  index: Schema.optional(Schema.Number),
  message: Schema.optional(Schema.Struct({ usage: Schema.optional(Usage) })),
  content_block: Schema.optional(
    Schema.Struct({
      type: Schema.String,
      id: Schema.optional(Schema.String),
      name: Schema.optional(Schema.String),
      input: Schema.optional(Schema.Unknown),
      text: NullableString,
      thinking: NullableString,
      signature: NullableString
    })
  ),
  delta: Schema.optional(
    Schema.Struct({
      type: Schema.optional(Schema.String),
      text: Schema.optional(Schema.String),
      partial_json: Schema.optional(Schema.String),
      thinking: Schema.optional(Schema.String),
      signature: Schema.optional(Schema.String),
      stop_reason: NullableString
    })
  ),
  usage: Schema.optional(Usage),
  error: Schema.optional(Schema.Struct({ type: NullableString, message: NullableString }))
})
const decodeEvent = jsonDecoder(Event, "Anthropic stream event")

const finishReason = (stopReason: string | undefined): Extract<ModelEvent, { _tag: "Finish" }>["reason"] => {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return "stop"
    case "tool_use":
      return "tool-calls"
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length"
    case "refusal":
      return "content-filter"
    default:
      return "other"
  }
}

const missing = (field: string, type: string): WireFailure => ({ kind: "protocol", detail: `an Anthropic ${type} without ${field}` })

interface ToolBlock {
  readonly id: string
  /** Arguments sent so far; `input` of the start block when no delta comes (some gateways). */
  sent: boolean
  readonly input: unknown
}

const reader = (): WireReader => {
  const tools = new Map<number, ToolBlock>()
  let inputTokens: number | undefined
  let outputTokens: number | undefined
  let stopReason: string | undefined
  let started = false
  return {
    event: (message, out) => {
      const decoded = decodeEvent(message.data)
      if (!decoded.ok) return decoded.failure
      const event = decoded.value
      switch (event.type) {
        case "message_start": {
          started = true
          const usage = event.message?.usage
          if (usage !== undefined) {
            const parts = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens]
            if (parts.some((part) => typeof part === "number")) inputTokens = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0)
            if (typeof usage.output_tokens === "number") outputTokens = usage.output_tokens
          }
          return undefined
        }
        case "content_block_start": {
          const block = event.content_block
          if (block === undefined || event.index === undefined) return missing("content_block and index", "content_block_start")
          if (block.type === "tool_use") {
            if (block.id === undefined || block.name === undefined) return missing("id and name", "tool_use block")
            tools.set(event.index, { id: block.id, sent: false, input: block.input })
            out.push({ _tag: "ToolCallStart", id: block.id, name: block.name })
          } else if (block.type === "text" && typeof block.text === "string" && block.text.length > 0) {
            out.push({ _tag: "TextDelta", text: block.text })
          } else if (block.type === "thinking" && typeof block.thinking === "string" && block.thinking.length > 0) {
            out.push({ _tag: "ReasoningDelta", text: block.thinking })
          }
          return undefined
        }
        case "content_block_delta": {
          const delta = event.delta
          if (delta === undefined || event.index === undefined) return missing("delta and index", "content_block_delta")
          switch (delta.type) {
            case "text_delta":
              if (delta.text === undefined) return missing("text", "text_delta")
              if (delta.text.length > 0) out.push({ _tag: "TextDelta", text: delta.text })
              return undefined
            case "input_json_delta": {
              if (delta.partial_json === undefined) return missing("partial_json", "input_json_delta")
              const tool = tools.get(event.index)
              if (tool === undefined) return { kind: "protocol", detail: `an Anthropic input_json_delta for block ${event.index}, which is not a tool_use block` }
              if (delta.partial_json.length > 0) {
                tool.sent = true
                out.push({ _tag: "ToolCallDelta", id: tool.id, argumentsDelta: delta.partial_json })
              }
              return undefined
            }
            case "thinking_delta":
              if (delta.thinking === undefined) return missing("thinking", "thinking_delta")
              if (delta.thinking.length > 0) out.push({ _tag: "ReasoningDelta", text: delta.thinking })
              return undefined
            case "signature_delta":
              if (delta.signature === undefined) return missing("signature", "signature_delta")
              // The signature closes its thinking block.
              out.push({ _tag: "ReasoningDelta", text: "", signature: delta.signature })
              return undefined
            default:
              return undefined
          }
        }
        case "content_block_stop": {
          const tool = event.index === undefined ? undefined : tools.get(event.index)
          if (tool !== undefined && !tool.sent) {
            // No argument text at all: the input of the start block (`{}` for a call without arguments).
            const input = tool.input
            const text = typeof input === "object" && input !== null && Object.keys(input).length > 0 ? JSON.stringify(input) : "{}"
            tool.sent = true
            out.push({ _tag: "ToolCallDelta", id: tool.id, argumentsDelta: text })
          }
          return undefined
        }
        case "message_delta": {
          if (typeof event.delta?.stop_reason === "string") stopReason = event.delta.stop_reason
          const usage = event.usage
          if (usage !== undefined) {
            if (typeof usage.output_tokens === "number") outputTokens = usage.output_tokens
            // Newer API versions repeat the (cumulative) input figures here.
            const parts = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens]
            if (typeof usage.input_tokens === "number") inputTokens = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0)
          }
          return undefined
        }
        case "message_stop":
          out.push({ _tag: "Finish", reason: finishReason(stopReason), usage: usageOf(inputTokens, outputTokens) })
          return undefined
        case "error": {
          const error = event.error
          return {
            kind: "stream",
            detail: error?.message ?? "the provider reported an error during the reply",
            code: error?.type ?? undefined
          }
        }
        default:
          // ping, and event types added after this was written.
          return undefined
      }
    },
    end: () => ({
      kind: "stream",
      detail: started ? "the stream ended before the reply was complete (no message_stop)" : "the stream ended without a reply"
    })
  }
}

export const anthropicMessages: WireProtocol = {
  url: (provider) => `${provider.baseUrl}/v1/messages`,
  headers: (provider) => ({
    "anthropic-version": ANTHROPIC_VERSION,
    ...(provider.apiKey === undefined ? {} : { "x-api-key": provider.apiKey }),
    // Anthropic-compatible gateways often take the key as a bearer token (same key, same host).
    ...(provider.apiKey !== undefined && provider.custom ? { authorization: `Bearer ${provider.apiKey}` } : {})
  }),
  body,
  reader
}
