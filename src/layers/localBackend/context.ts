/**
 * A step's context: the system prompt with the memory blocks rendered
 * as Letta renders them, then as much recent history as fits the window minus the reply budget.
 * When the history would pass ~75 % of the window, the oldest part is summarised into one
 * summary message that stands in for it; the originals stay in the database.
 */
import * as Effect from "effect/Effect"
import type { StoreError } from "../../domain/errors.js"
import type { AgentRecord, MessageRecord } from "../../domain/localState.js"
import { LocalStore } from "../../services/LocalStore.js"
import type { ModelMessage, ModelRequest, ModelTool, ResolvedModel } from "../../services/Models.js"
import { newId } from "../localStore/ids.js"
import { renderMemoryBlocks, renderMemoryMetadata } from "./renderMemory.js"
import { estimateTokens } from "./tokens.js"

/** The system prompt, memory and tool schemas alone leave no room for the conversation. */
export class ContextOverflow {
  readonly _tag = "ContextOverflow"
  constructor(readonly fixedTokens: number, readonly window: number) {}
}

/** Compaction begins when history passes this share of the window… */
const COMPACT_AT = 0.75
/** …and keeps the newest messages up to this share, summarising the rest. */
const KEEP_AFTER_COMPACTION = 0.3
/** No single message takes more than this share of the room for history. */
const MESSAGE_SHARE = 0.5
/** The words around a summary in the context (`<summary>The earlier conversation, summarised:`). */
const SUMMARY_FRAME_TOKENS = 16

export interface Summariser {
  /** Summarises the transcript (with the previous summary, if any); undefined when the model could not. */
  readonly summarise: (previous: string | undefined, transcript: ReadonlyArray<MessageRecord>) => Effect.Effect<string | undefined>
}

export interface CompiledContext {
  readonly request: ModelRequest
  /** Estimated tokens of everything sent. */
  readonly tokens: number
  /** Set when this compile compacted the history: how many messages were summarised and kept. */
  readonly compaction?: { readonly summarised: number; readonly kept: number }
}

export interface CompileOptions {
  /** Compact now (`/compact`), whatever the history's size: all of it since the last summary is summarised. */
  readonly force?: boolean
}

export const compileContext = (
  agent: AgentRecord,
  model: ResolvedModel,
  tools: ReadonlyArray<ModelTool>,
  summariser: Summariser,
  options: CompileOptions = {}
): Effect.Effect<CompiledContext, StoreError | ContextOverflow, LocalStore> =>
  Effect.gen(function* () {
    const store = yield* LocalStore
    const [blocks, changedAt, count] = yield* Effect.all([
      store.agentBlocks(agent.id),
      store.memoryChangedAt(agent.id),
      store.messageCount(agent.id)
    ])
    const system = [
      agent.system,
      renderMemoryBlocks(blocks),
      renderMemoryMetadata({ now: new Date(), memoryLastModified: changedAt === undefined ? undefined : new Date(changedAt), previousMessages: count })
    ].join("\n\n")
    const fixed = estimateTokens(system) + estimateTokens(JSON.stringify(tools))
    const window = model.contextWindow
    const room = window - model.maxOutputTokens - fixed
    if (room <= 0) return yield* Effect.fail(new ContextOverflow(fixed, window))

    let summary = yield* store.latestSummary(agent.id, agent.contextStartSeq)
    const floor = () => (summary !== undefined && summary.body._tag === "summary" ? Math.max(agent.contextStartSeq, summary.body.throughSeq) : agent.contextStartSeq)
    const summaryTokens = () => summary?.tokens ?? 0
    const messageCap = Math.max(16, Math.floor(room * MESSAGE_SHARE))

    // Room for the summary and the history together.
    const historyLimit = Math.min(room, Math.floor(window * COMPACT_AT) - fixed)
    const threshold = historyLimit - summaryTokens()
    let history = yield* store.historyWindow(agent.id, floor(), Math.max(0, threshold), messageCap)
    let compaction: CompiledContext["compaction"]
    if (history.more || (options.force === true && history.messages.length > 0)) {
      // Keep the newest part; whatever is older (since the last summary) is summarised. When the
      // system prompt, memory and tools alone take more than the kept share of a small window,
      // still keep what one message may take: the message being answered is never summarised away.
      const keepBudget = options.force === true ? 0 : Math.max(0, Math.min(historyLimit, Math.max(Math.floor(window * KEEP_AFTER_COMPACTION) - fixed, messageCap)))
      const kept = yield* store.historyWindow(agent.id, floor(), keepBudget, messageCap)
      const keptMessages = dropLeadingToolResults(kept.messages)
      const throughSeq = keptMessages[0] === undefined ? Number.MAX_SAFE_INTEGER : keptMessages[0].seq - 1
      const older = yield* store.messagesBetween(agent.id, floor(), throughSeq, 2_000)
      const previous = summary !== undefined && summary.body._tag === "summary" ? summary.body.text : undefined
      const written =
        (yield* summariser.summarise(previous, older)) ??
        `${previous === undefined ? "" : `${previous}\n\n`}(${older.length} earlier messages are not shown here; conversation_search finds them.)`
      // The summary shares the room with what was kept and with the turns to come: at most half of
      // what is left, so the next step does not compact again at once. A longer one is cut.
      const text = truncate(written, Math.max(16, Math.floor((historyLimit - kept.tokens) / 2) - SUMMARY_FRAME_TOKENS))
      const lastSummarised = older[older.length - 1]?.seq ?? floor()
      const [saved] = yield* store.commit(agent.id, [{ id: newId("message"), runId: undefined, otid: undefined, body: { _tag: "summary", text, throughSeq: lastSummarised } }], {})
      summary = saved
      history = { ...kept, messages: keptMessages }
      compaction = { summarised: older.length, kept: keptMessages.length }
    }

    const messages: Array<ModelMessage> = []
    if (summary !== undefined && summary.body._tag === "summary") {
      messages.push({ role: "user", text: `<summary>The earlier conversation, summarised:\n${summary.body.text}</summary>` })
    }
    messages.push(...toModelMessages(dropLeadingToolResults(history.messages), messageCap))
    const request: ModelRequest = { system, messages, tools, maxOutputTokens: model.maxOutputTokens }
    return { request, tokens: fixed + summaryTokens() + history.tokens, ...(compaction === undefined ? {} : { compaction }) }
  })

/** A context never starts with a tool result whose call was left out. */
const dropLeadingToolResults = (messages: ReadonlyArray<MessageRecord>): ReadonlyArray<MessageRecord> => {
  let start = 0
  while (start < messages.length && messages[start]!.body._tag === "tool") start++
  return messages.slice(start)
}

const truncate = (text: string, maxTokens: number): string => {
  const maxChars = maxTokens * 4
  if (text.length <= maxChars) return text
  const kept = Math.max(0, maxChars - 120)
  return `${text.slice(0, kept)}\n[… ${text.length - kept} characters cut: this message is larger than the context window allows]`
}

/**
 * Stored messages as the model's conversation. A call whose result was never recorded (a
 * process killed between the two) gets an error result, so every provider accepts the history.
 */
export const toModelMessages = (records: ReadonlyArray<MessageRecord>, messageCap: number): ReadonlyArray<ModelMessage> => {
  const out: Array<ModelMessage> = []
  let open: Array<{ id: string; name: string }> = []
  const closeOpenCalls = () => {
    for (const call of open) {
      out.push({ role: "tool", toolCallId: call.id, toolName: call.name, isError: true, output: "Error: no result was recorded for this call (the run was interrupted)." })
    }
    open = []
  }
  for (const record of records) {
    const body = record.body
    switch (body._tag) {
      case "user":
        closeOpenCalls()
        out.push({ role: "user", text: truncate(body.text, messageCap) })
        break
      case "assistant":
        closeOpenCalls()
        out.push({
          role: "assistant",
          text: truncate(body.text, messageCap),
          reasoning: body.reasoning.map((part) => ({ text: part.text, signature: part.signature })),
          toolCalls: body.toolCalls.map((call) => ({ id: call.id, name: call.name, arguments: call.arguments }))
        })
        open = body.toolCalls.map((call) => ({ id: call.id, name: call.name }))
        break
      case "tool": {
        const index = open.findIndex((call) => call.id === body.toolCallId)
        if (index < 0) break
        open.splice(index, 1)
        out.push({ role: "tool", toolCallId: body.toolCallId, toolName: body.toolName, isError: body.status === "error", output: truncate(body.output, messageCap) })
        break
      }
      case "summary":
        break
    }
  }
  closeOpenCalls()
  return out
}
