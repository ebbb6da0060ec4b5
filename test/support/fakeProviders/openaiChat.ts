/**
 * OpenAI Chat Completions (`POST /v1/chat/completions`), as spoken by OpenAI, Ollama, LM Studio,
 * vLLM, llama.cpp: data-only SSE of `chat.completion.chunk` objects, tool-call arguments streamed
 * in fragments per index, usage in a last `choices: []` chunk when `stream_options.include_usage`,
 * then `data: [DONE]`. A mid-stream failure drops the connection.
 */
import { bodyOf, requestId, type Codec, type ErrorAnswer } from "./codec.js"
import { jsonFrame, type SseFrame, type StreamPlan } from "./sse.js"
import { fragments, type Turn } from "./turn.js"
import type { RecordedRequest } from "./types.js"

/** OpenAI's error `type` and `code` per status. */
const openAiErrorDefaults = (status: number): { type: string; code: string | null } => {
  if (status === 401) return { type: "invalid_request_error", code: "invalid_api_key" }
  if (status === 403) return { type: "invalid_request_error", code: "unsupported_country_region_territory" }
  if (status === 404) return { type: "invalid_request_error", code: "model_not_found" }
  if (status === 429) return { type: "requests", code: "rate_limit_exceeded" }
  if (status >= 500) return { type: "server_error", code: null }
  return { type: "invalid_request_error", code: null }
}

/** `{"error":{"message","type","param","code"}}`, shared with the Responses API; `code` defaults from the status and type. */
export const openAiError = (status: number, message: string, type?: string, code?: string | null): ErrorAnswer => {
  const defaults = openAiErrorDefaults(status)
  const derived = type === undefined ? defaults.code : type === "requests" || type === "tokens" ? "rate_limit_exceeded" : type
  const errorCode = code === undefined ? derived : code
  return {
    status,
    body: { error: { message, type: type ?? defaults.type, param: null, code: errorCode } },
    headers: { "x-request-id": requestId("req_") }
  }
}

export const finishReason = (turn: Turn): "stop" | "length" | "tool_calls" =>
  turn.finish === "length" ? "length" : turn.toolCalls.length > 0 ? "tool_calls" : "stop"

const includeUsage = (request: RecordedRequest): boolean => {
  const options = bodyOf(request)["stream_options"]
  return typeof options === "object" && options !== null && "include_usage" in options && options.include_usage === true
}

const usageObject = (usage: { readonly input: number; readonly output: number }) => ({
  prompt_tokens: usage.input,
  completion_tokens: usage.output,
  total_tokens: usage.input + usage.output
})

const toolCallIds = (turn: Turn): ReadonlyArray<string> => turn.toolCalls.map((call) => call.id ?? turn.newId("call_"))

const stream = (turn: Turn): StreamPlan => {
  const id = turn.newId("chatcmpl-")
  const withUsage = includeUsage(turn.request) && turn.usage !== null
  const chunk = (choices: ReadonlyArray<unknown>, usage: unknown = null): SseFrame =>
    jsonFrame({
      id,
      object: "chat.completion.chunk",
      created: turn.created,
      model: turn.model,
      system_fingerprint: "fp_fake",
      choices,
      ...(withUsage ? { usage } : {})
    })
  const delta = (d: Record<string, unknown>, finish: string | null = null): SseFrame => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: finish }])
  const frames: SseFrame[] = [delta({ role: "assistant", content: "", refusal: null })]
  for (const part of fragments(turn.reasoning, turn.chunkSize)) frames.push(delta({ reasoning_content: part }))
  for (const part of fragments(turn.text, turn.chunkSize)) frames.push(delta({ content: part }))
  const ids = toolCallIds(turn)
  turn.toolCalls.forEach((call, index) => {
    frames.push(delta({ tool_calls: [{ index, id: ids[index], type: "function", function: { name: call.name, arguments: "" } }] }))
    for (const part of fragments(call.arguments, turn.chunkSize)) frames.push(delta({ tool_calls: [{ index, function: { arguments: part } }] }))
  })
  frames.push(delta({}, finishReason(turn)))
  if (withUsage && turn.usage !== null) frames.push(chunk([], usageObject(turn.usage)))
  frames.push({ data: "[DONE]" })
  return { frames, failure: "drop" }
}

const complete = (turn: Turn): unknown => {
  const ids = toolCallIds(turn)
  return {
    id: turn.newId("chatcmpl-"),
    object: "chat.completion",
    created: turn.created,
    model: turn.model,
    system_fingerprint: "fp_fake",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: turn.text === "" && turn.toolCalls.length > 0 ? null : turn.text,
          refusal: null,
          ...(turn.reasoning === "" ? {} : { reasoning_content: turn.reasoning }),
          ...(turn.toolCalls.length === 0
            ? {}
            : { tool_calls: turn.toolCalls.map((call, i) => ({ id: ids[i], type: "function", function: { name: call.name, arguments: call.arguments } })) })
        },
        logprobs: null,
        finish_reason: finishReason(turn)
      }
    ],
    ...(turn.usage === null ? {} : { usage: usageObject(turn.usage) })
  }
}

const validate = (request: RecordedRequest): ErrorAnswer | undefined => {
  const body = bodyOf(request)
  if (typeof body["model"] !== "string") return openAiError(400, "you must provide a model parameter")
  if (!Array.isArray(body["messages"])) return openAiError(400, "Missing required parameter: 'messages'.")
  return undefined
}

export const openAiChat: Codec = {
  generationPath: "/v1/chat/completions",
  defaultModels: ["qwen3:latest"],
  validate,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: openAiError,
  stream,
  complete
}
