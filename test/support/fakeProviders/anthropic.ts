/**
 * Anthropic Messages (`POST /v1/messages`, headers `x-api-key` and `anthropic-version`): SSE with
 * `event: <type>` lines: message_start (input usage), content blocks (thinking with a signature,
 * text, tool_use with input_json_delta fragments) each started, delta'd and stopped, a ping after
 * the first block start, message_delta (stop_reason, output usage), message_stop. A mid-stream
 * failure is `event: error` with an overloaded_error.
 */
import { bodyOf, requestId, type Codec, type ErrorAnswer } from "./codec.js"
import { jsonFrame, type SseFrame, type StreamPlan } from "./sse.js"
import { fragments, type Turn } from "./turn.js"
import type { RecordedRequest } from "./types.js"

const errorTypes: Readonly<Record<number, string>> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error"
}

/** `{"type":"error","error":{"type","message"},"request_id"}` */
export const anthropicError = (status: number, message: string, type?: string): ErrorAnswer => {
  const id = requestId("req_")
  return {
    status,
    body: { type: "error", error: { type: type ?? errorTypes[status] ?? (status >= 500 ? "api_error" : "invalid_request_error"), message }, request_id: id },
    headers: { "request-id": id }
  }
}

const stopReason = (turn: Turn): "end_turn" | "max_tokens" | "tool_use" =>
  turn.finish === "length" ? "max_tokens" : turn.toolCalls.length > 0 ? "tool_use" : "end_turn"

/** Anthropic always reports usage: "no usage" is sent as zeros (the Messages schema requires the fields). */
const usageOf = (turn: Turn): { readonly input: number; readonly output: number } => turn.usage ?? { input: 0, output: 0 }

const signatureOf = (turn: Turn): string => Buffer.from(`fake-signature:${turn.newId("sig_")}`).toString("base64")

const toolIds = (turn: Turn): ReadonlyArray<string> => turn.toolCalls.map((call) => call.id ?? turn.newId("toolu_"))

const parseInput = (args: string): unknown => {
  try {
    const value: unknown = JSON.parse(args)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {}
  } catch {
    return {}
  }
}

const messageShell = (turn: Turn, id: string) => ({ id, type: "message", role: "assistant", model: turn.model })

const stream = (turn: Turn): StreamPlan => {
  const usage = usageOf(turn)
  const frames: SseFrame[] = []
  const emit = (type: string, fields: Record<string, unknown>): void => {
    frames.push(jsonFrame({ type, ...fields }, type))
  }
  let pinged = false
  let index = 0
  const block = (start: Record<string, unknown>, deltas: ReadonlyArray<Record<string, unknown>>): void => {
    emit("content_block_start", { index, content_block: start })
    if (!pinged) {
      emit("ping", {})
      pinged = true
    }
    for (const delta of deltas) emit("content_block_delta", { index, delta })
    emit("content_block_stop", { index })
    index++
  }
  emit("message_start", {
    message: {
      ...messageShell(turn, turn.newId("msg_")),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: turn.usage === null ? 0 : 1 }
    }
  })
  if (turn.reasoning !== "")
    block({ type: "thinking", thinking: "", signature: "" }, [
      ...fragments(turn.reasoning, turn.chunkSize).map((thinking) => ({ type: "thinking_delta", thinking })),
      { type: "signature_delta", signature: signatureOf(turn) }
    ])
  if (turn.text !== "") block({ type: "text", text: "" }, fragments(turn.text, turn.chunkSize).map((text) => ({ type: "text_delta", text })))
  const ids = toolIds(turn)
  turn.toolCalls.forEach((call, i) => {
    const parts = ["", ...fragments(call.arguments, turn.chunkSize)]
    block({ type: "tool_use", id: ids[i], name: call.name, input: {} }, parts.map((partial_json) => ({ type: "input_json_delta", partial_json })))
  })
  if (!pinged) emit("ping", {})
  emit("message_delta", { delta: { stop_reason: stopReason(turn), stop_sequence: null }, usage: { output_tokens: usage.output } })
  emit("message_stop", {})
  return { frames, failure: () => [jsonFrame({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, "error")] }
}

const complete = (turn: Turn): unknown => {
  const usage = usageOf(turn)
  const ids = toolIds(turn)
  return {
    ...messageShell(turn, turn.newId("msg_")),
    content: [
      ...(turn.reasoning === "" ? [] : [{ type: "thinking", thinking: turn.reasoning, signature: signatureOf(turn) }]),
      ...(turn.text === "" ? [] : [{ type: "text", text: turn.text }]),
      ...turn.toolCalls.map((call, i) => ({ type: "tool_use", id: ids[i], name: call.name, input: parseInput(call.arguments) }))
    ],
    stop_reason: stopReason(turn),
    stop_sequence: null,
    usage: { input_tokens: usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: usage.output }
  }
}

const validate = (request: RecordedRequest): ErrorAnswer | undefined => {
  if (request.headers["anthropic-version"] === undefined) return anthropicError(400, "anthropic-version: header is required")
  const body = bodyOf(request)
  if (typeof body["model"] !== "string") return anthropicError(400, "model: Field required")
  if (typeof body["max_tokens"] !== "number") return anthropicError(400, "max_tokens: Field required")
  if (!Array.isArray(body["messages"])) return anthropicError(400, "messages: Field required")
  return undefined
}

export const anthropic: Codec = {
  generationPath: "/v1/messages",
  defaultModels: ["claude-sonnet-4-5-20250929"],
  validate,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: anthropicError,
  stream,
  complete
}
