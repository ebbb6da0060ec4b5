/**
 * OpenAI Responses (`POST /v1/responses`): SSE with `event: <type>` lines and a `sequence_number`
 * on every event. Output items in order: a reasoning item (summary streamed), a message item
 * (output_text streamed), one function_call item per tool call (arguments streamed); then
 * `response.completed` (or `response.incomplete` for finish "length") carrying the whole response
 * and its usage. A mid-stream failure is `response.failed`.
 */
import { bodyOf, isRecord, type Codec, type ErrorAnswer } from "./codec.js"
import { openAiError } from "./openaiChat.js"
import { jsonFrame, type SseFrame, type StreamPlan } from "./sse.js"
import { fragments, type Turn } from "./turn.js"
import type { RecordedRequest } from "./types.js"

type Item = Record<string, unknown>
type Status = "in_progress" | "completed" | "incomplete" | "failed"

/** The request's tools as the API echoes them back (function tools with every field present). */
const echoTools = (tools: unknown): ReadonlyArray<unknown> =>
  Array.isArray(tools)
    ? tools.map((tool) =>
        isRecord(tool) && tool["type"] === "function"
          ? { type: "function", name: tool["name"], description: tool["description"] ?? null, parameters: tool["parameters"] ?? null, strict: tool["strict"] ?? true }
          : tool
      )
    : []

const usageObject = (usage: { readonly input: number; readonly output: number } | null) =>
  usage === null
    ? null
    : {
        input_tokens: usage.input,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: usage.output,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: usage.input + usage.output
      }

/** The response object of response.created / in_progress / completed / incomplete / failed and of a non-streamed call. */
const responseObject = (
  turn: Turn,
  id: string,
  status: Status,
  output: ReadonlyArray<Item>,
  extra: { usage?: unknown; error?: unknown; incomplete_details?: unknown } = {}
): Item => {
  const body = bodyOf(turn.request)
  const reasoning = isRecord(body["reasoning"]) ? body["reasoning"] : {}
  const number = (key: string, fallback: number): number => (typeof body[key] === "number" ? (body[key] as number) : fallback)
  return {
    id,
    object: "response",
    created_at: turn.created,
    status,
    background: false,
    error: extra.error ?? null,
    incomplete_details: extra.incomplete_details ?? null,
    instructions: typeof body["instructions"] === "string" ? body["instructions"] : null,
    max_output_tokens: typeof body["max_output_tokens"] === "number" ? body["max_output_tokens"] : null,
    max_tool_calls: null,
    model: turn.model,
    output,
    parallel_tool_calls: typeof body["parallel_tool_calls"] === "boolean" ? body["parallel_tool_calls"] : true,
    previous_response_id: typeof body["previous_response_id"] === "string" ? body["previous_response_id"] : null,
    reasoning: { effort: reasoning["effort"] ?? null, summary: reasoning["summary"] ?? null },
    service_tier: "default",
    store: typeof body["store"] === "boolean" ? body["store"] : true,
    temperature: number("temperature", 1),
    text: isRecord(body["text"]) ? body["text"] : { format: { type: "text" }, verbosity: "medium" },
    tool_choice: body["tool_choice"] ?? "auto",
    tools: echoTools(body["tools"]),
    top_logprobs: 0,
    top_p: number("top_p", 1),
    truncation: "disabled",
    usage: extra.usage ?? null,
    user: null,
    metadata: isRecord(body["metadata"]) ? body["metadata"] : {}
  }
}

interface Built {
  readonly frames: SseFrame[]
  readonly output: ReadonlyArray<Item>
  readonly responseId: string
}

/** Every event up to (not including) the terminal one, and the finished output items. */
const build = (turn: Turn): Built => {
  const responseId = turn.newId("resp_")
  const frames: SseFrame[] = []
  let sequence = 0
  const emit = (type: string, fields: Record<string, unknown>): void => {
    frames.push(jsonFrame({ type, sequence_number: sequence++, ...fields }, type))
  }
  const output: Item[] = []
  const finalStatus: Status = turn.finish === "length" ? "incomplete" : "completed"

  emit("response.created", { response: responseObject(turn, responseId, "in_progress", []) })
  emit("response.in_progress", { response: responseObject(turn, responseId, "in_progress", []) })

  if (turn.reasoning !== "") {
    const output_index = output.length
    const item_id = turn.newId("rs_")
    const where = { item_id, output_index, summary_index: 0 }
    emit("response.output_item.added", { output_index, item: { id: item_id, type: "reasoning", summary: [] } })
    emit("response.reasoning_summary_part.added", { ...where, part: { type: "summary_text", text: "" } })
    for (const delta of fragments(turn.reasoning, turn.chunkSize)) emit("response.reasoning_summary_text.delta", { ...where, delta })
    emit("response.reasoning_summary_text.done", { ...where, text: turn.reasoning })
    emit("response.reasoning_summary_part.done", { ...where, part: { type: "summary_text", text: turn.reasoning } })
    const item = { id: item_id, type: "reasoning", summary: [{ type: "summary_text", text: turn.reasoning }] }
    emit("response.output_item.done", { output_index, item })
    output.push(item)
  }

  if (turn.text !== "") {
    const output_index = output.length
    const item_id = turn.newId("msg_")
    const where = { item_id, output_index, content_index: 0 }
    const part = (text: string) => ({ type: "output_text", annotations: [], logprobs: [], text })
    emit("response.output_item.added", { output_index, item: { id: item_id, type: "message", status: "in_progress", content: [], role: "assistant" } })
    emit("response.content_part.added", { ...where, part: part("") })
    for (const delta of fragments(turn.text, turn.chunkSize)) emit("response.output_text.delta", { ...where, delta, logprobs: [] })
    emit("response.output_text.done", { ...where, text: turn.text, logprobs: [] })
    emit("response.content_part.done", { ...where, part: part(turn.text) })
    const item = { id: item_id, type: "message", status: finalStatus, content: [part(turn.text)], role: "assistant" }
    emit("response.output_item.done", { output_index, item })
    output.push(item)
  }

  for (const call of turn.toolCalls) {
    const output_index = output.length
    const item_id = turn.newId("fc_")
    const base = { id: item_id, type: "function_call", call_id: call.id ?? turn.newId("call_"), name: call.name }
    emit("response.output_item.added", { output_index, item: { ...base, status: "in_progress", arguments: "" } })
    for (const delta of fragments(call.arguments, turn.chunkSize)) emit("response.function_call_arguments.delta", { item_id, output_index, delta })
    emit("response.function_call_arguments.done", { item_id, output_index, arguments: call.arguments })
    const item = { ...base, status: "completed", arguments: call.arguments }
    emit("response.output_item.done", { output_index, item })
    output.push(item)
  }

  return { frames, output, responseId }
}

const finalResponse = (turn: Turn, built: Built): Item =>
  turn.finish === "length"
    ? responseObject(turn, built.responseId, "incomplete", built.output, {
        usage: usageObject(turn.usage),
        incomplete_details: { reason: "max_output_tokens" }
      })
    : responseObject(turn, built.responseId, "completed", built.output, { usage: usageObject(turn.usage) })

const stream = (turn: Turn): StreamPlan => {
  const built = build(turn)
  const last = built.frames.length
  const response = finalResponse(turn, built)
  const type = turn.finish === "length" ? "response.incomplete" : "response.completed"
  const frames = [...built.frames, jsonFrame({ type, sequence_number: last, response }, type)]
  const failed = responseObject(turn, built.responseId, "failed", [], {
    error: { code: "server_error", message: "The server had an error while processing your request. Sorry about that!" }
  })
  return { frames, failure: (written) => [jsonFrame({ type: "response.failed", sequence_number: written, response: failed }, "response.failed")] }
}

const validate = (request: RecordedRequest): ErrorAnswer | undefined => {
  const body = bodyOf(request)
  return typeof body["model"] === "string" ? undefined : openAiError(400, "Missing required parameter: 'model'.")
}

export const openAiResponses: Codec = {
  generationPath: "/v1/responses",
  defaultModels: ["gpt-5"],
  validate,
  streaming: (request) => bodyOf(request)["stream"] === true,
  error: openAiError,
  stream,
  complete: (turn) => finalResponse(turn, build(turn))
}
