/**
 * The wire readers on their own, for the quirks the fakes do not script: servers that send a
 * tool call whole, without index, or each call at index 0; Ollama's `reasoning`; streams that
 * end without `[DONE]` or message_stop; errors inside the stream; unknown event types.
 */
import { describe, expect, it } from "vitest"
import { anthropicMessages } from "../../../src/layers/models/anthropicMessages.js"
import { chatCompletions } from "../../../src/layers/models/chatCompletions.js"
import { openaiResponses } from "../../../src/layers/models/openaiResponses.js"
import type { WireFailure, WireProtocol } from "../../../src/layers/models/wire.js"
import type { ModelEvent } from "../../../src/services/Models.js"

const read = (protocol: WireProtocol, payloads: ReadonlyArray<unknown>, end = true) => {
  const reader = protocol.reader()
  const events: Array<ModelEvent> = []
  let failure: WireFailure | undefined
  for (const payload of payloads) {
    failure = reader.event({ data: typeof payload === "string" ? payload : JSON.stringify(payload) }, events)
    if (failure !== undefined) return { events, failure }
    if (events.at(-1)?._tag === "Finish") return { events, failure }
  }
  if (end) failure = reader.end(events)
  return { events, failure }
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ choices: [{ index: 0, delta, finish_reason: finish }] })

describe("Chat Completions reader", () => {
  it("takes a tool call sent whole in one chunk (Ollama), with its arguments as an object or a text", () => {
    const { events, failure } = read(chatCompletions, [
      chunk({ tool_calls: [{ id: "call_a", function: { name: "Read", arguments: '{"file_path":"/a"}' } }] }),
      chunk({ tool_calls: [{ id: "call_b", function: { name: "LS", arguments: { path: "/" } } }] }),
      chunk({}, "stop"),
      "[DONE]"
    ])
    expect(failure).toBeUndefined()
    expect(events).toEqual([
      { _tag: "ToolCallStart", id: "call_a", name: "Read" },
      { _tag: "ToolCallDelta", id: "call_a", argumentsDelta: '{"file_path":"/a"}' },
      { _tag: "ToolCallStart", id: "call_b", name: "LS" },
      { _tag: "ToolCallDelta", id: "call_b", argumentsDelta: '{"path":"/"}' },
      // Ollama says "stop" even when it called tools.
      { _tag: "Finish", reason: "tool-calls", usage: undefined }
    ])
  })

  it("accumulates fragments per index, interleaved, and gives `{}` to a call without arguments", () => {
    const { events } = read(chatCompletions, [
      chunk({ tool_calls: [{ index: 0, id: "c0", type: "function", function: { name: "A", arguments: "" } }] }),
      chunk({ tool_calls: [{ index: 1, id: "c1", type: "function", function: { name: "B", arguments: "" } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: " 1}" } }] }),
      chunk({}, "tool_calls"),
      { choices: [], usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 } },
      "[DONE]"
    ])
    const args = (id: string) => events.flatMap((event) => (event._tag === "ToolCallDelta" && event.id === id ? [event.argumentsDelta] : [])).join("")
    expect(args("c0")).toBe('{"x": 1}')
    expect(args("c1")).toBe("{}")
    expect(events.at(-1)).toEqual({ _tag: "Finish", reason: "tool-calls", usage: { inputTokens: 10, outputTokens: 3 } })
  })

  it("tells calls apart when a server sends each one at index 0 with its own id", () => {
    const { events } = read(chatCompletions, [
      chunk({ tool_calls: [{ index: 0, id: "x1", function: { name: "A", arguments: "{}" } }] }),
      chunk({ tool_calls: [{ index: 0, id: "x2", function: { name: "B", arguments: "{}" } }] }),
      chunk({}, "tool_calls"),
      "[DONE]"
    ])
    expect(events.filter((event) => event._tag === "ToolCallStart").map((event) => event._tag === "ToolCallStart" && event.id)).toEqual(["x1", "x2"])
  })

  it("reads reasoning from `reasoning` (Ollama) and `reasoning_content` (vLLM)", () => {
    const { events } = read(chatCompletions, [chunk({ reasoning: "hmm " }), chunk({ reasoning_content: "ok" }), chunk({ content: "Hi" }, "stop"), "[DONE]"])
    expect(events.slice(0, 3)).toEqual([
      { _tag: "ReasoningDelta", text: "hmm " },
      { _tag: "ReasoningDelta", text: "ok" },
      { _tag: "TextDelta", text: "Hi" }
    ])
  })

  it("completes a body that ends without [DONE] once a finish reason came; fails one that ends before", () => {
    expect(read(chatCompletions, [chunk({ content: "a" }, "length")]).events.at(-1)).toEqual({ _tag: "Finish", reason: "length", usage: undefined })
    expect(read(chatCompletions, [chunk({ content: "a" })]).failure).toMatchObject({ kind: "stream" })
  })

  it("fails on an error object inside the stream, with the provider's message", () => {
    const { failure } = read(chatCompletions, [chunk({ content: "a" }), { error: { message: "model crashed", type: "server_error" } }])
    expect(failure).toEqual({ kind: "stream", detail: "model crashed", code: "server_error" })
  })

  it("fails on a chunk that is not JSON or has the wrong shape (trust boundary)", () => {
    expect(read(chatCompletions, ["{oops"]).failure).toMatchObject({ kind: "protocol" })
    expect(read(chatCompletions, [{ choices: [{ delta: { content: 42 } }] }]).failure?.detail).toContain("content")
  })
})

describe("Anthropic reader", () => {
  const start = { type: "message_start", message: { id: "m", usage: { input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 1 } } }
  it("counts cached input, ignores unknown events, and gives `{}` to a tool_use without input deltas", () => {
    const { events, failure } = read(anthropicMessages, [
      start,
      { type: "some_future_event", whatever: true },
      { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "toolu_1", name: "TodoRead", input: {} } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 9 } },
      { type: "message_stop" }
    ])
    expect(failure).toBeUndefined()
    expect(events).toEqual([
      { _tag: "ToolCallStart", id: "toolu_1", name: "TodoRead" },
      { _tag: "ToolCallDelta", id: "toolu_1", argumentsDelta: "{}" },
      { _tag: "Finish", reason: "tool-calls", usage: { inputTokens: 105, outputTokens: 9 } }
    ])
  })

  it("maps stop reasons", () => {
    const stop = (reason: string) =>
      read(anthropicMessages, [start, { type: "message_delta", delta: { stop_reason: reason }, usage: { output_tokens: 1 } }, { type: "message_stop" }]).events.at(-1)
    expect(stop("max_tokens")).toMatchObject({ reason: "length" })
    expect(stop("end_turn")).toMatchObject({ reason: "stop" })
    expect(stop("refusal")).toMatchObject({ reason: "content-filter" })
    expect(stop("pause_turn")).toMatchObject({ reason: "other" })
  })

  it("fails a stream that ends without message_stop, and an error event with its type", () => {
    expect(read(anthropicMessages, [start]).failure).toMatchObject({ kind: "stream" })
    expect(read(anthropicMessages, [start, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }]).failure).toEqual({
      kind: "stream",
      detail: "Overloaded",
      code: "overloaded_error"
    })
  })
})

describe("Responses reader", () => {
  it("takes arguments that only come whole (in .done), and fails on response.failed and error events", () => {
    const { events } = read(openaiResponses, [
      { type: "response.created", response: { status: "in_progress" } },
      { type: "response.output_item.added", output_index: 0, item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "Read", arguments: "" } },
      { type: "response.function_call_arguments.done", item_id: "fc_1", arguments: '{"a": 1}' },
      { type: "response.completed", response: { status: "completed", usage: { input_tokens: 3, output_tokens: 4 } } }
    ])
    expect(events).toEqual([
      { _tag: "ToolCallStart", id: "call_1", name: "Read" },
      { _tag: "ToolCallDelta", id: "call_1", argumentsDelta: '{"a": 1}' },
      { _tag: "Finish", reason: "tool-calls", usage: { inputTokens: 3, outputTokens: 4 } }
    ])
    expect(read(openaiResponses, [{ type: "response.failed", response: { status: "failed", error: { code: "server_error", message: "boom" } } }]).failure).toEqual({
      kind: "stream",
      detail: "boom",
      code: "server_error"
    })
    expect(read(openaiResponses, [{ type: "error", code: "rate_limit_exceeded", message: "slow" }]).failure).toMatchObject({ code: "rate_limit_exceeded" })
  })

  it("maps an incomplete response by its reason", () => {
    const incomplete = (reason: string) =>
      read(openaiResponses, [{ type: "response.incomplete", response: { status: "incomplete", incomplete_details: { reason } } }]).events.at(-1)
    expect(incomplete("max_output_tokens")).toMatchObject({ reason: "length" })
    expect(incomplete("content_filter")).toMatchObject({ reason: "content-filter" })
  })
})
