/** Mocked layers for unit tests of the programs: a scripted LettaApi and simple tool/policy doubles. */
import { Effect, FiberRef, Layer, Schema, Stream } from "effect"
import { ApiError } from "../../src/domain/errors.js"
import { type AgentInfo, LettaMessage, type SendMessageBody, type StreamChunk } from "../../src/domain/letta.js"
import type { PermissionMode } from "../../src/domain/config.js"
import type { PermissionDecision, PromptAnswer } from "../../src/domain/permissions.js"
import { toolSuccess } from "../../src/domain/tools.js"
import { LettaApi, type LettaApiShape } from "../../src/services/LettaApi.js"
import { Output } from "../../src/services/Output.js"
import { PermissionPolicy } from "../../src/services/PermissionPolicy.js"
import { Prompter } from "../../src/services/Prompter.js"
import { ToolOutputSink, Tools } from "../../src/services/Tools.js"

const decode = Schema.decodeUnknownSync(LettaMessage)

export const chunk = (raw: Record<string, unknown>): StreamChunk => ({ message: decode(raw), raw })

/** Chunks of a response: text deltas, tool calls, stop reason and usage. */
export const response = (options: {
  readonly text?: ReadonlyArray<string>
  readonly calls?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly args: string }>
  readonly stop?: string
  readonly steps?: number
  readonly runId?: string
}): ReadonlyArray<StreamChunk> => {
  const run = options.runId ?? "run-1"
  const chunks: Array<StreamChunk> = [chunk({ message_type: "ping", id: "ping-1", run_id: run })]
  for (const text of options.text ?? []) {
    chunks.push(chunk({ message_type: "assistant_message", id: "message-a", otid: "otid-a", run_id: run, content: text }))
  }
  for (const call of options.calls ?? []) {
    chunks.push(
      chunk({
        message_type: "approval_request_message",
        id: "message-b",
        otid: "message-b",
        run_id: run,
        tool_call: { name: call.name, arguments: null, tool_call_id: call.id },
        tool_calls: { name: call.name, arguments: null, tool_call_id: call.id }
      }),
      chunk({
        message_type: "approval_request_message",
        id: "message-b",
        otid: "message-b",
        run_id: run,
        tool_call: { name: null, arguments: call.args, tool_call_id: call.id },
        tool_calls: { name: null, arguments: call.args, tool_call_id: call.id }
      })
    )
  }
  if (options.stop !== undefined) chunks.push(chunk({ message_type: "stop_reason", stop_reason: options.stop }))
  chunks.push(
    chunk({ message_type: "usage_statistics", prompt_tokens: 100, completion_tokens: 10, total_tokens: 110, step_count: options.steps ?? 1 })
  )
  return chunks
}

/** What the scripted server does with one send: chunks to stream, or a failure. */
export type ScriptedReply =
  | ReadonlyArray<StreamChunk>
  | { readonly fail: ApiError }
  | { readonly failAfter: ReadonlyArray<StreamChunk>; readonly error: ApiError }
  | { readonly hang: ReadonlyArray<StreamChunk> }

export interface ScriptedApi {
  readonly layer: Layer.Layer<LettaApi>
  readonly sent: Array<SendMessageBody>
  readonly cancelled: Array<ReadonlyArray<string>>
}

export const httpError = (status: number, detail = "boom", streamStarted = false) =>
  new ApiError({ kind: "http", operation: "send the message", status, detail, streamStarted })

export const scriptedApi = (
  replies: Array<ScriptedReply>,
  agent: Partial<AgentInfo> = {}
): ScriptedApi => {
  const sent: Array<SendMessageBody> = []
  const cancelled: Array<ReadonlyArray<string>> = []
  const notUsed = Effect.die("not used in this test")
  const agentInfo: AgentInfo = { id: "agent-1", model: "test/model", ...agent }
  const shape: LettaApiShape = {
    baseUrl: "http://fake",
    isCloud: false,
    backend: "cloud",
    displayName: "http://fake",
    retrieveAgent: () => Effect.succeed(agentInfo),
    createAgent: () => notUsed,
    addBaseTools: notUsed,
    updateAgentModel: () => notUsed,
    listAgents: () => notUsed,
    defaultModel: Effect.succeed(undefined),
    listModels: notUsed,
    checkModel: () => notUsed,
    blockHistory: () => notUsed,
    revertBlock: () => notUsed,
    retrieveBlock: () => notUsed,
    createBlock: () => notUsed,
    updateBlockValue: () => notUsed,
    listMessages: () => notUsed,
    compact: () => notUsed,
    deleteAgent: () => notUsed,
    resetMessages: () => notUsed,
    cancelRuns: (_agentId, runIds) => Effect.sync(() => void cancelled.push(runIds)),
    sendMessage: (_agentId, body) =>
      Effect.suspend(() => {
        sent.push(body)
        const reply = replies.shift()
        if (reply === undefined) return Effect.die(`unexpected request #${sent.length}`)
        if ("fail" in reply) return Effect.fail(reply.fail)
        if ("failAfter" in reply) return Effect.succeed(Stream.concat(Stream.fromIterable(reply.failAfter), Stream.fail(reply.error)))
        if ("hang" in reply) return Effect.succeed(Stream.concat(Stream.fromIterable(reply.hang), Stream.never))
        return Effect.succeed(Stream.fromIterable(reply))
      })
  }
  return { layer: Layer.succeed(LettaApi, shape), sent, cancelled }
}

/** One client tool, "Echo" ({text}), read-only; "Slow" waits forever (for interrupts). */
export const echoTools = (executed: Array<string> = []) =>
  Layer.succeed(Tools, {
    specs: [
      { name: "Echo", description: "echo", parameters: { type: "object" } },
      { name: "Slow", description: "never ends", parameters: { type: "object" } }
    ],
    decode: (name, raw) => {
      try {
        const args: unknown = JSON.parse(raw)
        if (typeof args === "object" && args !== null && !Array.isArray(args) && (name === "Slow" || "text" in args)) {
          return { _tag: "Valid", args: Object.fromEntries(Object.entries(args)) }
        }
      } catch {
        // fall through
      }
      return { _tag: "Invalid", output: { status: "error", text: `Invalid arguments for ${name}: text is missing` } }
    },
    isReadOnly: (name) => name === "Echo",
    locate: () => Effect.succeed(undefined),
    execute: (name, args) =>
      name === "Slow"
        ? // Prints a line (seen only when someone listens: the live output), then never ends.
          Effect.flatMap(FiberRef.get(ToolOutputSink), (sink) => {
            sink?.("started\nhalf way\n")
            return Effect.never
          })
        : Effect.sync(() => {
            executed.push(String(args["text"]))
            return toolSuccess(`echo: ${String(args["text"])}`)
          })
  })

/** A policy double: decisions by tool name; the mode can change (ExitPlanMode) and is recorded in `modes`. */
export const policy = (
  decide: (toolName: string) => PermissionDecision,
  mode: PermissionMode = "default",
  modes: Array<PermissionMode> = []
) => {
  let current = mode
  return Layer.succeed(PermissionPolicy, {
    mode: Effect.sync(() => current),
    setMode: (next) =>
      Effect.sync(() => {
        current = next
        modes.push(next)
      }),
    decide: ({ toolName }) => Effect.succeed(decide(toolName)),
    addSessionRule: () => Effect.void,
    searchFilter: () => Effect.succeed(undefined)
  })
}

export const prompter = (answer: PromptAnswer) => Layer.succeed(Prompter, { ask: () => Effect.succeed(answer) })

export const collectingOutput = () => {
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const layer = Layer.succeed(Output, {
    stdout: (text) => Effect.sync(() => void stdout.push(text)),
    stderr: (text) => Effect.sync(() => void stderr.push(text))
  })
  return { layer, stdout, stderr }
}
