/**
 * `letta -p`, in-process: a scripted turn rendered on the captured stdout in each output format,
 * and a failing server's message and exit code.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { ApiError } from "../../src/domain/errors.js"
import type { SendMessageBody } from "../../src/domain/letta.js"
import { ALL_TOOL_NAMES } from "../../src/domain/tools.js"
import { apiWith, runCli, tempProject } from "../support/cliHarness.js"
import { httpError, response, scriptedApi } from "../support/testLayers.js"

const lines = (stdout: string): ReadonlyArray<Record<string, unknown>> =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** The user's text in a message request. */
const userText = (body: SendMessageBody | undefined): string => {
  const user = (body?.messages ?? []).find((message) => message.type === "message")
  const content: unknown = user?.content
  return Array.isArray(content) ? content.map((part: { text?: string }) => part.text ?? "").join("") : String(content)
}

const hello = () => scriptedApi([response({ text: ["Hel", "lo"], stop: "end_turn" })])

describe("the headless renderers", () => {
  it("text: the answer alone; the agent becomes the last one", async () => {
    const api = hello()
    const run = await runCli(["-p", "--agent", "agent-1", "say", "hello"], { api: api.layer })
    expect(run).toMatchObject({ code: 0, message: "", stdout: "Hello\n", stderr: "" })
    expect(api.sent.map(userText)).toEqual(["say hello"])
    expect(run.settings.local).toMatchObject({ lastAgent: "agent-1" })
  })

  it("json: one result object", async () => {
    const run = await runCli(["-p", "-a", "agent-1", "hi", "--output-format", "json"], { api: hello().layer })
    expect(run).toMatchObject({ code: 0, stderr: "" })
    // One object: JSON.parse refuses anything after it.
    expect(JSON.parse(run.stdout)).toMatchObject({
      type: "result",
      subtype: "success",
      is_error: false,
      num_turns: 1,
      result: "Hello",
      session_id: "agent-1",
      agent_id: "agent-1",
      usage: { input_tokens: 100, output_tokens: 10, total_tokens: 110, step_count: 1 },
      permission_denials: []
    })
  })

  it("stream-json: init first, each server message, result last", async () => {
    const run = await runCli(["-p", "-a", "agent-1", "hi", "--output-format", "stream-json"], { api: hello().layer })
    expect(run).toMatchObject({ code: 0, stderr: "" })
    const events = lines(run.stdout)
    expect(events[0]).toMatchObject({ type: "system", subtype: "init", agent_id: "agent-1", model: "test/model", backend: "cloud", cwd: run.projectDir, permission_mode: "default" })
    expect(events[0]?.["tools"]).toEqual([...ALL_TOOL_NAMES])
    expect(events.filter((e) => e["message_type"] === "assistant_message").map((e) => e["content"])).toEqual(["Hel", "lo"])
    expect(events.some((e) => e["message_type"] === "ping")).toBe(false)
    expect(events.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "Hello" })
    for (const event of events) expect(Date.parse(String(event["timestamp"]))).not.toBeNaN()
  })

  it("--continue (text, json) trusts the stored agent; piped stdin is appended to the words", async () => {
    const api = hello()
    const settings = { local: { lastAgent: "agent-7", lastAgentByServer: { "http://fake": "agent-7" } } }
    const run = await runCli(["-c", "-p", "review", "--output-format", "json"], { api: api.layer, settings, stdin: { isTTY: false, text: "+ added line\n" } })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ agent_id: "agent-7", result: "Hello" })
    expect(api.sent.map(userText)).toEqual(["review\n\n+ added line"])
  })

  it("a tool call runs with the real tools and the answer follows", async () => {
    const workspace = tempProject()
    writeFileSync(join(workspace.projectDir, "notes.txt"), "remember the milk\n")
    const api = scriptedApi([
      response({ calls: [{ id: "call-1", name: "Read", args: JSON.stringify({ file_path: join(workspace.projectDir, "notes.txt") }) }], stop: "requires_approval" }),
      response({ text: ["Read it."], stop: "end_turn" })
    ])
    const run = await runCli(["-p", "-a", "agent-1", "read notes", "--output-format", "stream-json"], { api: api.layer, workspace })
    workspace.remove()
    expect(run).toMatchObject({ code: 0, stderr: "" })
    const results = lines(run.stdout).filter((e) => e["type"] === "tool_result" || e["message_type"] === "tool_return_message")
    expect(JSON.stringify(results)).toContain("remember the milk")
    expect(lines(run.stdout).at(-1)).toMatchObject({ type: "result", subtype: "success", result: "Read it." })
    expect(api.sent).toHaveLength(2)
  })
})

describe("a failing server", () => {
  const REFUSED = "The Letta server at http://fake refused access (HTTP 403) while trying to send the message: nope"

  it("text: the failure on stderr, exit 1, nothing on stdout", async () => {
    const run = await runCli(["-p", "-a", "agent-1", "hi"], { api: scriptedApi([{ fail: httpError(403, "nope") }]).layer })
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: "", message: `letta: ${REFUSED}` })
  })

  it("json: an error result too", async () => {
    const run = await runCli(["-p", "-a", "agent-1", "hi", "--output-format", "json"], { api: scriptedApi([{ fail: httpError(403, "nope") }]).layer })
    expect(run).toMatchObject({ code: 1, message: `letta: ${REFUSED}` })
    expect(JSON.parse(run.stdout)).toMatchObject({ type: "result", subtype: "error_during_execution", is_error: true, result: REFUSED, agent_id: "agent-1" })
  })

  it("stream-json: a stream that fails midway ends with an error line and an error result", async () => {
    const error = new ApiError({ kind: "stream", operation: "send the message", detail: "the model crashed", streamStarted: true })
    const api = scriptedApi([{ failAfter: response({ text: ["partial"] }).slice(0, 2), error }])
    const run = await runCli(["-p", "-a", "agent-1", "hi", "--output-format", "stream-json"], { api: api.layer })
    const message = "The server reported an error during the run: the model crashed"
    expect(run).toMatchObject({ code: 1, message: `letta: ${message}` })
    const events = lines(run.stdout)
    expect(events.map((e) => e["type"])).toEqual(["system", "message", "error", "result"])
    expect(events[2]).toMatchObject({ message })
    expect(events[3]).toMatchObject({ subtype: "error_during_execution", is_error: true, result: message })
  })

  it("a stop reason the run cannot go on from", async () => {
    const run = await runCli(["-p", "-a", "agent-1", "hi"], { api: scriptedApi([response({ stop: "llm_api_error" })]).layer })
    expect(run).toMatchObject({ code: 1, stdout: "", message: "letta: The run stopped: the model provider returned an error [llm_api_error]" })
  })

  it("an unknown --agent: exit 1 naming it", async () => {
    const api = apiWith({ retrieveAgent: () => Effect.fail(httpError(404, "no such agent")) })
    const run = await runCli(["-p", "-a", "agent-x", "hi"], { api })
    expect(run).toMatchObject({ code: 1, stdout: "" })
    expect(run.message).toMatch(/^letta: Agent agent-x was not found on http:\/\/fake\./)
  })
})
