/**
 * OpenAI Chat Completions, streamed (`POST {base}/chat/completions`, `stream: true`,
 * `stream_options.include_usage`), as Ollama, LM Studio, vLLM, llama.cpp and most gateways
 * speak it. Tool calls come in fragments keyed by `index` (id and name first, then argument
 * text); the finish reason comes before the usage chunk, so the Finish is sent at `[DONE]`
 * (or at the end of the body). `reasoning_content` (vLLM, DeepSeek) and `reasoning` (Ollama,
 * OpenRouter) deltas are reasoning.
 */
import * as Schema from "effect/Schema"
import type { ModelEvent, ModelMessage, ModelRequest } from "../../services/Models.js"
import { providerMessage } from "./providerErrors.js"
import type { Provider } from "./providers.js"
import { jsonDecoder, NullableNumber, NullableString, usageOf, type WireFailure, type WireProtocol, type WireReader } from "./wire.js"

const toMessages = (system: string, messages: ReadonlyArray<ModelMessage>): Array<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = system.length > 0 ? [{ role: "system", content: system }] : []
  for (const message of messages) {
    switch (message.role) {
      case "user":
        out.push({ role: "user", content: message.text })
        break
      case "assistant":
        out.push({
          role: "assistant",
          content: message.text,
          ...(message.toolCalls.length > 0
            ? {
                tool_calls: message.toolCalls.map((call) => ({
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: call.arguments }
                }))
              }
            : {})
        })
        break
      case "tool":
        out.push({ role: "tool", tool_call_id: message.toolCallId, content: message.output })
        break
    }
  }
  return out
}

const body = (_provider: Provider, model: string, request: ModelRequest): unknown => ({
  model,
  messages: toMessages(request.system, request.messages),
  ...(request.tools.length > 0
    ? {
        tools: request.tools.map((tool) => ({
          type: "function",
          function: { name: tool.name, description: tool.description, parameters: tool.parameters }
        }))
      }
    : {}),
  max_tokens: request.maxOutputTokens,
  stream: true,
  stream_options: { include_usage: true }
})

const Fragment = Schema.Struct({
  index: NullableNumber,
  id: NullableString,
  function: Schema.optional(
    Schema.NullOr(
      Schema.Struct({
        name: NullableString,
        // A JSON text by the standard; a few servers send the object itself.
        arguments: Schema.optional(Schema.Unknown)
      })
    )
  )
})
const Choice = Schema.Struct({
  index: NullableNumber,
  delta: Schema.optional(
    Schema.NullOr(
      Schema.Struct({
        content: NullableString,
        reasoning_content: NullableString,
        reasoning: NullableString,
        tool_calls: Schema.optional(Schema.NullOr(Schema.Array(Fragment)))
      })
    )
  ),
  finish_reason: NullableString
})
const ChunkSchema = Schema.Struct({
  choices: Schema.optional(Schema.NullOr(Schema.Array(Choice))),
  usage: Schema.optional(Schema.NullOr(Schema.Struct({ prompt_tokens: NullableNumber, completion_tokens: NullableNumber }))),
  error: Schema.optional(Schema.Unknown)
})
const decodeChunk = jsonDecoder(ChunkSchema, "Chat Completions chunk")

type FinishReason = Extract<ModelEvent, { _tag: "Finish" }>["reason"]

interface Call {
  readonly id: string
  name: string
  started: boolean
  /** Argument text that came before the name (then sent right after the start). */
  pending: string
}

const argumentsText = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value)

const reader = (): WireReader => {
  const calls = new Map<number, Call>()
  const order: Array<Call> = []
  // Calls that have sent argument text.
  const argumentsSeen = new Set<Call>()
  let finishReason: string | undefined
  let usage: ReturnType<typeof usageOf>
  let done = false
  let nextSynthetic = 1_000_000

  const start = (call: Call, out: Array<ModelEvent>) => {
    call.started = true
    out.push({ _tag: "ToolCallStart", id: call.id, name: call.name })
    if (call.pending.length > 0) {
      argumentsSeen.add(call)
      out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: call.pending })
      call.pending = ""
    }
  }

  const finish = (out: Array<ModelEvent>) => {
    // `{}` for a call whose arguments never came, so every started call has its JSON text.
    for (const call of order) {
      if (call.started && !argumentsSeen.has(call)) {
        argumentsSeen.add(call)
        out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: "{}" })
      }
    }
    const anyCall = order.some((call) => call.started)
    const reason: FinishReason =
      finishReason === "tool_calls" || finishReason === "function_call"
        ? "tool-calls"
        : finishReason === "length"
          ? "length"
          : finishReason === "content_filter"
            ? "content-filter"
            : finishReason === "stop" || finishReason === undefined
              ? anyCall
                ? "tool-calls"
                : "stop"
              : "other"
    out.push({ _tag: "Finish", reason, usage })
  }

  const fragment = (position: number, part: typeof Fragment.Type, out: Array<ModelEvent>): void => {
    let index = typeof part.index === "number" ? part.index : position
    let call = calls.get(index)
    // A new id at a used index is a new call (servers that send each call whole at index 0).
    if (call !== undefined && typeof part.id === "string" && part.id.length > 0 && part.id !== call.id) {
      index = nextSynthetic++
      call = undefined
    }
    if (call === undefined) {
      // Some servers send no id: ours must still be unique across the whole history.
      const id = typeof part.id === "string" && part.id.length > 0 ? part.id : `call_${Math.random().toString(36).slice(2, 10)}${order.length + 1}`
      call = { id, name: "", started: false, pending: "" }
      calls.set(index, call)
      order.push(call)
    }
    const name = part.function?.name
    if (!call.started && typeof name === "string" && name.length > 0) call.name += name
    const text = argumentsText(part.function?.arguments)
    if (!call.started && call.name.length > 0) start(call, out)
    if (text.length === 0) return
    if (call.started) {
      argumentsSeen.add(call)
      out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: text })
    } else {
      call.pending += text
    }
  }

  return {
    event: (message, out) => {
      if (done) return undefined
      if (message.data.trim() === "[DONE]") {
        done = true
        finish(out)
        return undefined
      }
      const decoded = decodeChunk(message.data)
      if (!decoded.ok) return decoded.failure
      const chunk = decoded.value
      if (chunk.error !== undefined && chunk.error !== null) {
        const { detail, code } = providerMessage(message.data)
        const failure: WireFailure = { kind: "stream", detail: detail ?? "the provider reported an error during the reply", code }
        return failure
      }
      if (chunk.usage !== undefined && chunk.usage !== null) {
        usage = usageOf(chunk.usage.prompt_tokens, chunk.usage.completion_tokens) ?? usage
      }
      for (const choice of chunk.choices ?? []) {
        if (typeof choice.index === "number" && choice.index !== 0) continue
        const delta = choice.delta
        if (delta !== undefined && delta !== null) {
          const reasoning = delta.reasoning_content ?? delta.reasoning
          if (typeof reasoning === "string" && reasoning.length > 0) out.push({ _tag: "ReasoningDelta", text: reasoning })
          if (typeof delta.content === "string" && delta.content.length > 0) out.push({ _tag: "TextDelta", text: delta.content })
          const fragments = delta.tool_calls ?? []
          fragments.forEach((part, position) => fragment(position, part, out))
        }
        if (typeof choice.finish_reason === "string" && choice.finish_reason.length > 0) finishReason = choice.finish_reason
      }
      return undefined
    },
    end: (out) => {
      if (done) return undefined
      // Servers that close the body without `[DONE]`: complete once a finish reason came.
      if (finishReason !== undefined) {
        done = true
        finish(out)
        return undefined
      }
      return { kind: "stream", detail: "the stream ended before the reply was complete (no finish_reason)" }
    }
  }
}

export const chatCompletions: WireProtocol = {
  url: (provider) => `${provider.baseUrl}/chat/completions`,
  headers: (provider) => (provider.apiKey === undefined ? {} : { authorization: `Bearer ${provider.apiKey}` }),
  body,
  reader
}
