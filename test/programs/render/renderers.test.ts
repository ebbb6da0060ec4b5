import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { TurnEvent } from "../../../src/domain/events.js"
import { makeRenderer } from "../../../src/programs/render/renderer.js"
import { previewOutput, TOOL_OUTPUT_PREVIEW_CHARS } from "../../../src/programs/render/streamJson.js"
import { Output } from "../../../src/services/Output.js"
import { chunk, collectingOutput } from "../../support/testLayers.js"

const init = { agentId: "agent-1", model: "a/b", backend: "cloud" as const, tools: ["Bash", "Read"], cwd: "/p", permissionMode: "default" }

const events: ReadonlyArray<TurnEvent> = [
  { _tag: "ServerMessage", chunk: chunk({ message_type: "assistant_message", id: "m", otid: "o", content: "Hi" }) },
  { _tag: "ServerMessage", chunk: chunk({ message_type: "stop_reason", stop_reason: "requires_approval" }) },
  {
    _tag: "ServerMessage",
    chunk: chunk({ message_type: "usage_statistics", prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, step_count: 1 })
  },
  { _tag: "RequestFinished", durationMs: 40 },
  { _tag: "AutoApproval", toolName: "Read", toolCallId: "c1", matchedRule: "default: read inside the project" },
  { _tag: "ToolResult", toolName: "Read", toolCallId: "c1", status: "success", durationMs: 3, output: "x".repeat(3000) },
  { _tag: "Retry", attempt: 2, maxAttempts: 3, delayMs: 500, reason: "HTTP 503" },
  {
    _tag: "ServerMessage",
    chunk: chunk({ message_type: "usage_statistics", prompt_tokens: 20, completion_tokens: 3, total_tokens: 23, step_count: 1 })
  },
  { _tag: "RequestFinished", durationMs: 60 }
]

const render = (format: "text" | "json" | "stream-json", finish: "success" | "failure" | "max") => {
  const out = collectingOutput()
  return Effect.gen(function* () {
    const output = yield* Output
    const renderer = makeRenderer(format, output, performance.now())
    yield* renderer.init(init)
    for (const event of events) yield* renderer.event(event)
    if (finish === "success") yield* renderer.success("All done")
    else yield* renderer.failure("it broke", finish === "max")
    return out
  }).pipe(Effect.provide(out.layer))
}

describe("headless renderers", () => {
  it.effect("text prints only the final answer", () =>
    Effect.gen(function* () {
      const out = yield* render("text", "success")
      expect(out.stdout.join("")).toBe("All done\n")
      const failed = yield* render("text", "failure")
      expect(failed.stdout).toEqual([])
    })
  )

  it.effect("json prints one object with summed usage and API time", () =>
    Effect.gen(function* () {
      const out = yield* render("json", "success")
      expect(out.stdout).toHaveLength(1)
      const result = JSON.parse(out.stdout[0]!)
      expect(result).toMatchObject({
        type: "result",
        subtype: "success",
        is_error: false,
        duration_api_ms: 100,
        num_turns: 2,
        result: "All done",
        session_id: "agent-1",
        agent_id: "agent-1",
        usage: { input_tokens: 30, output_tokens: 5, total_tokens: 35, step_count: 2 }
      })
      const max = JSON.parse((yield* render("json", "max")).stdout[0]!)
      expect(max).toMatchObject({ subtype: "error_max_turns", is_error: true, result: "it broke" })
    })
  )

  it.effect("stream-json writes init, the server's chunks, tool lines, retry, error and result", () =>
    Effect.gen(function* () {
      const out = yield* render("stream-json", "failure")
      const lines = out.stdout.join("").trimEnd().split("\n").map((l) => JSON.parse(l))
      expect(lines.map((l) => l.type)).toEqual([
        "system",
        "message",
        "message",
        "message",
        "auto_approval",
        "tool_result",
        "retry",
        "message",
        "error",
        "result"
      ])
      expect(lines[1]).toMatchObject({ type: "message", message_type: "assistant_message", content: "Hi", otid: "o" })
      expect(lines[5].output.length).toBeLessThan(3000)
      expect(lines[5].output.startsWith("x".repeat(TOOL_OUTPUT_PREVIEW_CHARS))).toBe(true)
      expect(lines[9]).toMatchObject({ subtype: "error_during_execution", is_error: true, result: "it broke" })
    })
  )

  it.effect("denied calls: permission_denials in json and stream-json results, a notice on stderr in text", () =>
    Effect.gen(function* () {
      const denied: ReadonlyArray<TurnEvent> = [
        { _tag: "ToolResult", toolName: "Bash", toolCallId: "c1", status: "denied", durationMs: 0, output: "needs approval", deniedInput: { command: "rm -rf build" } },
        // Answered as interrupted or stopped: not a permission denial.
        { _tag: "ToolResult", toolName: "Read", toolCallId: "c2", status: "denied", durationMs: 0, output: "interrupted by the user" }
      ]
      const finish = (format: "text" | "json" | "stream-json") => {
        const out = collectingOutput()
        return Effect.gen(function* () {
          const renderer = makeRenderer(format, yield* Output, performance.now())
          yield* renderer.init(init)
          for (const event of denied) yield* renderer.event(event)
          yield* renderer.success("ok")
          return out
        }).pipe(Effect.provide(out.layer))
      }
      const expected = [{ tool_name: "Bash", tool_call_id: "c1", tool_input: { command: "rm -rf build" } }]
      expect(JSON.parse((yield* finish("json")).stdout.join("")).permission_denials).toEqual(expected)
      expect(JSON.parse((yield* finish("stream-json")).stdout.join("").trimEnd().split("\n").at(-1)!).permission_denials).toEqual(expected)
      const text = yield* finish("text")
      expect(text.stdout.join("")).toBe("ok\n")
      expect(text.stderr.join("")).toBe("letta: 1 tool call was denied: Bash(rm -rf build): needs approval\n")
      expect(JSON.parse((yield* render("json", "success")).stdout[0]!).permission_denials).toEqual([])
    })
  )

  it("previewOutput keeps short output and marks what it cut", () => {
    expect(previewOutput("short")).toBe("short")
    expect(previewOutput("y".repeat(2500))).toContain("[500 more characters not shown]")
  })
})
