/**
 * OpenAI Responses, streamed (`POST {base}/responses`, `stream: true`, `store: false`): the
 * request from our conversation (tool calls replayed with their arguments text as it was), and
 * the reader of its events (output_item.added/done, output_text.delta,
 * function_call_arguments.delta/done, reasoning deltas, completed/incomplete/failed, error).
 */
import * as Schema from "effect/Schema"
import type { ModelEvent, ModelMessage, ModelRequest } from "../../services/Models.js"
import type { Provider } from "./providers.js"
import { jsonDecoder, NullableNumber, NullableString, usageOf, type WireProtocol, type WireReader } from "./wire.js"

const toInput = (messages: ReadonlyArray<ModelMessage>): Array<Record<string, unknown>> => {
  const input: Array<Record<string, unknown>> = []
  for (const message of messages) {
    switch (message.role) {
      case "user":
        input.push({ role: "user", content: message.text })
        break
      case "assistant":
        if (message.text.length > 0) input.push({ role: "assistant", content: message.text })
        for (const call of message.toolCalls) {
          input.push({ type: "function_call", call_id: call.id, name: call.name, arguments: call.arguments })
        }
        break
      case "tool":
        input.push({ type: "function_call_output", call_id: message.toolCallId, output: message.output })
        break
    }
  }
  return input
}

const body = (_provider: Provider, model: string, request: ModelRequest): unknown => ({
  model,
  ...(request.system.length > 0 ? { instructions: request.system } : {}),
  input: toInput(request.messages),
  ...(request.tools.length > 0
    ? {
        tools: request.tools.map((tool) => ({
          type: "function",
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
          // Our schemas are not written for strict mode (every property required, no extras).
          strict: false
        }))
      }
    : {}),
  max_output_tokens: Math.max(16, request.maxOutputTokens),
  // The conversation is ours; nothing is kept on the provider's side.
  store: false,
  stream: true
})

const Item = Schema.Struct({
  type: Schema.String,
  id: NullableString,
  call_id: NullableString,
  name: NullableString,
  arguments: NullableString
})
const Response = Schema.Struct({
  status: NullableString,
  usage: Schema.optional(Schema.NullOr(Schema.Struct({ input_tokens: NullableNumber, output_tokens: NullableNumber }))),
  incomplete_details: Schema.optional(Schema.NullOr(Schema.Struct({ reason: NullableString }))),
  error: Schema.optional(Schema.NullOr(Schema.Struct({ code: NullableString, message: NullableString })))
})
const Event = Schema.Struct({
  type: Schema.String,
  item_id: NullableString,
  output_index: NullableNumber,
  delta: Schema.optional(Schema.String),
  arguments: NullableString,
  item: Schema.optional(Item),
  response: Schema.optional(Response),
  code: NullableString,
  message: NullableString,
  error: Schema.optional(Schema.NullOr(Schema.Struct({ code: NullableString, type: NullableString, message: NullableString })))
})
const decodeEvent = jsonDecoder(Event, "OpenAI Responses stream event")

interface Call {
  readonly callId: string
  argumentsSent: string
}

type FinishReason = Extract<ModelEvent, { _tag: "Finish" }>["reason"]

const reader = (): WireReader => {
  // Deltas name the output item; the model's call is known by its call_id.
  const calls = new Map<string, Call>()
  let sawCall = false
  let started = false
  // Some servers send the arguments only whole (in `.done` or the finished item).
  const complete = (call: Call, full: string | null | undefined, out: Array<ModelEvent>) => {
    if (typeof full !== "string") return
    if (call.argumentsSent.length === 0) {
      const text = full.length === 0 ? "{}" : full
      call.argumentsSent = text
      out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: text })
    } else if (full.startsWith(call.argumentsSent) && full.length > call.argumentsSent.length) {
      const rest = full.slice(call.argumentsSent.length)
      call.argumentsSent = full
      out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: rest })
    }
  }
  return {
    event: (message, out) => {
      const decoded = decodeEvent(message.data)
      if (!decoded.ok) return decoded.failure
      const event = decoded.value
      switch (event.type) {
        case "response.created":
        case "response.in_progress":
          started = true
          return undefined
        case "response.output_item.added": {
          const item = event.item
          if (item?.type !== "function_call") return undefined
          const callId = item.call_id ?? item.id
          if (typeof callId !== "string" || typeof item.name !== "string") {
            return { kind: "protocol", detail: "an OpenAI function_call item without call_id or name" }
          }
          const call: Call = { callId, argumentsSent: "" }
          calls.set(item.id ?? callId, call)
          sawCall = true
          out.push({ _tag: "ToolCallStart", id: callId, name: item.name })
          if (typeof item.arguments === "string" && item.arguments.length > 0) complete(call, item.arguments, out)
          return undefined
        }
        case "response.function_call_arguments.delta": {
          const call = typeof event.item_id === "string" ? calls.get(event.item_id) : undefined
          if (call === undefined) return { kind: "protocol", detail: `OpenAI function call arguments for an unknown item ${event.item_id ?? "(none)"}` }
          if (event.delta !== undefined && event.delta.length > 0) {
            call.argumentsSent += event.delta
            out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: event.delta })
          }
          return undefined
        }
        case "response.function_call_arguments.done": {
          const call = typeof event.item_id === "string" ? calls.get(event.item_id) : undefined
          if (call !== undefined) complete(call, event.arguments, out)
          return undefined
        }
        case "response.output_item.done": {
          const item = event.item
          if (item?.type !== "function_call") return undefined
          const call = calls.get(item.id ?? item.call_id ?? "")
          if (call !== undefined) complete(call, item.arguments ?? "", out)
          return undefined
        }
        case "response.output_text.delta":
        case "response.refusal.delta":
          if (event.delta !== undefined && event.delta.length > 0) out.push({ _tag: "TextDelta", text: event.delta })
          return undefined
        case "response.reasoning_summary_text.delta":
        case "response.reasoning_text.delta":
          if (event.delta !== undefined && event.delta.length > 0) out.push({ _tag: "ReasoningDelta", text: event.delta })
          return undefined
        case "response.completed":
        case "response.incomplete": {
          const response = event.response
          const usage = response?.usage ?? undefined
          const incomplete = response?.incomplete_details?.reason ?? undefined
          const reason: FinishReason =
            event.type === "response.completed"
              ? sawCall
                ? "tool-calls"
                : "stop"
              : incomplete === "max_output_tokens"
                ? "length"
                : incomplete === "content_filter"
                  ? "content-filter"
                  : "other"
          out.push({ _tag: "Finish", reason, usage: usage === undefined ? undefined : usageOf(usage.input_tokens, usage.output_tokens) })
          return undefined
        }
        case "response.failed": {
          const error = event.response?.error ?? undefined
          return { kind: "stream", detail: error?.message ?? "the provider reported that the response failed", code: error?.code ?? undefined }
        }
        case "error":
          return {
            kind: "stream",
            detail: event.message ?? event.error?.message ?? "the provider reported an error during the reply",
            code: event.code ?? event.error?.code ?? event.error?.type ?? undefined
          }
        default:
          return undefined
      }
    },
    end: () => ({
      kind: "stream",
      detail: started ? "the stream ended before the reply was complete (no response.completed)" : "the stream ended without a reply"
    })
  }
}

export const openaiResponses: WireProtocol = {
  url: (provider) => `${provider.baseUrl}/responses`,
  headers: (provider) => (provider.apiKey === undefined ? {} : { authorization: `Bearer ${provider.apiKey}` }),
  body,
  reader
}
