/**
 * A reflection pass: a short-lived agent, attached to the same shared blocks, reads what happened
 * since the previous pass and the memory, and makes at most a few small, durable changes
 * (preferring none); it may also propose a skill. It is the same on both backends, because it
 * only uses the Letta API: on the local backend the agent runs in-process with its memory tools,
 * and its changes are recorded with the source `reflection` in the blocks' history. The agent is
 * deleted afterwards, whatever happened; a pass that fails leaves memory as it found it.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { ApiError } from "../../domain/errors.js"
import { agentModel, type ApprovalAnswer, type BlockInfo, type ClientToolSpec, type MessageItem, type PendingToolCall } from "../../domain/letta.js"
import { REFLECTION_TAG, SERVER_TOOLS } from "../../domain/memory.js"
import { LettaApi, type LettaApiShape } from "../../services/LettaApi.js"
import { describeFailure } from "../failure.js"
import { NEAR_LIMIT } from "../memoryCommand.js"
import { ResponseAccumulator } from "../turn/accumulator.js"
import { approvalMessage, userMessage } from "../turn/messages.js"
import { rollBack } from "./rollback.js"
import { clip, HISTORY_ENTRIES, historySince } from "./transcript.js"

/** How many model steps and requests a pass may take, and how long. */
const MAX_STEPS = 6
const MAX_REQUESTS = 4
export const REFLECTION_SECONDS = 120
/** At the end of a session the user is waiting to leave: a shorter bound (Esc skips it anyway). */
export const EXIT_REFLECTION_SECONDS = 60
/** Rolling back after a failure gets its own short bound. */
const ROLLBACK_TIMEOUT = Duration.seconds(15)

const REFLECTION_SYSTEM = [
  "You are the reflection pass of a coding agent. You do not talk to the user and you do not do tasks.",
  "You read a transcript of the agent's recent work with its user, and the agent's memory blocks, and decide",
  "whether anything durable was learned that the memory lacks:",
  "- `human`: the user's preferences and corrections (\"use pnpm, not npm\", \"keep answers short\");",
  "- `project`: facts and conventions of the repository (commands, layout, rules);",
  "- `persona`: how the agent should work (rarely).",
  "Make at most three small edits with your memory tools, merging with what a block already says; never",
  "duplicate, never store secrets, one-off details or anything already there. Prefer making no change at all.",
  "A block near its character limit: rewrite it shorter, keeping everything durable.",
  "When done, answer with one short line saying what you changed, or \"nothing to learn\"."
].join("\n")

const SKILLS_SYSTEM = [
  "If the transcript shows a procedure of several steps that worked and will be needed again (how to run this",
  "repository's tests, how to cut a release), you may propose it as a skill with propose_skill: at most one per",
  "pass, never for a one-off task or a single fact (facts go in memory). The user reviews every proposal."
].join("\n")

export interface BlockChangeSeen {
  readonly label: string
  readonly before: string
  readonly after: string
}

/**
 * The client tool a pass may call besides its memory tools (propose_skill). `record` answers a
 * call; what it records is only acted on once the pass has succeeded.
 */
export interface PassTool {
  readonly spec: ClientToolSpec
  /** Lines added to the pass's instructions (what exists already); read only when a pass runs. */
  readonly instructions: Effect.Effect<string>
  readonly record: (argumentsJson: string) => Effect.Effect<{ readonly status: "success" | "error"; readonly text: string }>
}

export interface PassResult {
  readonly changes: ReadonlyArray<BlockChangeSeen>
  /** False when there was nothing new to read: no pass ran. */
  readonly ran: boolean
  /** The newest history entry read: the next pass starts after it. */
  readonly newestId: string | undefined
}

/** Answers the calls a pass's response paused on: its own tool, and a refusal for anything else. */
const answerCalls = (calls: ReadonlyArray<PendingToolCall>, tool: PassTool | undefined): Effect.Effect<ReadonlyArray<ApprovalAnswer>> =>
  Effect.forEach(calls, (call) =>
    tool !== undefined && call.name === tool.spec.name
      ? Effect.map(tool.record(call.arguments), (answer): ApprovalAnswer => ({ type: "tool", tool_call_id: call.toolCallId, status: answer.status, tool_return: answer.text }))
      : Effect.succeed<ApprovalAnswer>({ type: "approval", tool_call_id: call.toolCallId, approve: false, reason: "A reflection pass may only use its memory tools and propose_skill." })
  )

/** The pass's conversation: the transcript, then answers to its tool calls, within its step budget. */
const converse = (reflectorId: string, request: string, tool: PassTool | undefined): Effect.Effect<void, ApiError, LettaApi> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    let messages: ReadonlyArray<MessageItem> = [userMessage(request, false, undefined, undefined)]
    let stepsLeft = MAX_STEPS
    for (let request = 0; request < MAX_REQUESTS && stepsLeft > 0; request++) {
      const response = new ResponseAccumulator()
      yield* Effect.scoped(
        Effect.flatMap(
          api.sendMessage(reflectorId, { messages, client_tools: tool === undefined ? [] : [tool.spec], stream_tokens: false, max_steps: stepsLeft }),
          (chunks) => Stream.runForEach(chunks, (chunk) => Effect.sync(() => response.add(chunk.message)))
        )
      )
      stepsLeft -= Math.max(1, response.steps)
      const calls = response.pendingCalls()
      if (calls.length === 0) break
      messages = [approvalMessage(yield* answerCalls(calls, tool))]
    }
  })

/** Blocks near their limit are named, so the pass consolidates them before an edit fails. */
const nearLimitNote = (blocks: Record<string, BlockInfo>): string => {
  const near = Object.entries(blocks).flatMap(([label, block]) =>
    typeof block.limit === "number" && block.limit > 0 && block.value.length >= block.limit * NEAR_LIMIT
      ? [`${label} (${Math.round((block.value.length / block.limit) * 100)}% of ${block.limit.toLocaleString("en-US")} characters)`]
      : []
  )
  return near.length === 0 ? "" : `\n\nNear their character limit, so rewrite each shorter, keeping everything durable: ${near.join(", ")}.`
}

/** A pass that failed, in one line. */
const failureLine = (error: ApiError | { readonly message: string }, server: string): string =>
  error instanceof ApiError ? describeFailure(error, server).message.split("\n")[0]! : error.message

/**
 * Reflects on `agentId`'s history after `lastSeenId` with the shared blocks `blockIds` (label →
 * id), within `seconds`. Nothing new to read is no pass at all. A failure (its one-line
 * description) has rolled back what the pass had changed.
 */
export const reflect = (
  agentId: string,
  blockIds: Readonly<Record<string, string>>,
  lastSeenId: string | undefined,
  tool: PassTool | undefined,
  seconds: number = REFLECTION_SECONDS
): Effect.Effect<PassResult, string, LettaApi> =>
  Effect.flatMap(LettaApi, (api) => pass(api, agentId, blockIds, lastSeenId, tool, seconds).pipe(Effect.mapError((error) => failureLine(error, api.displayName))))

const pass = (
  api: LettaApiShape,
  agentId: string,
  blockIds: Readonly<Record<string, string>>,
  lastSeenId: string | undefined,
  tool: PassTool | undefined,
  seconds: number
) =>
  Effect.gen(function* () {
    const labels = Object.keys(blockIds)
    const readBlocks = Effect.map(
      Effect.forEach(labels, (label) => Effect.map(api.retrieveBlock(blockIds[label]!), (block) => [label, block] as const), { concurrency: "unbounded" }),
      (entries): Record<string, BlockInfo> => Object.fromEntries(entries)
    )
    const valuesOf = (blocks: Record<string, BlockInfo>): Record<string, string> => Object.fromEntries(labels.map((label) => [label, blocks[label]!.value]))
    const { newestId, transcript } = historySince(yield* api.listMessages(agentId, HISTORY_ENTRIES), lastSeenId)
    if (transcript.length === 0) return { changes: [], ran: false, newestId } satisfies PassResult
    const blocksBefore = yield* readBlocks
    const before = valuesOf(blocksBefore)
    const agent = yield* api.retrieveAgent(agentId)
    const model = agentModel(agent)
    const reflector = yield* api.createAgent({
      name: "letta-reflection",
      system: tool === undefined ? REFLECTION_SYSTEM : `${REFLECTION_SYSTEM}\n\n${SKILLS_SYSTEM}\n${yield* tool.instructions}`,
      ...(model === undefined ? {} : { model }),
      block_ids: labels.map((label) => blockIds[label]!),
      tools: [...SERVER_TOOLS],
      tags: [REFLECTION_TAG]
    })
    let rollbackNote = ""
    yield* converse(reflector.id, `The transcript of the agent's recent work:\n\n${transcript}${nearLimitNote(blocksBefore)}`, tool).pipe(
      Effect.timeoutFail({ duration: Duration.seconds(seconds), onTimeout: () => ({ message: `it took longer than ${seconds} s` }) }),
      // A failure, the time bound or an interrupt: what the pass changed is rolled back first.
      Effect.onError(() =>
        rollBack(blockIds, before, reflector.id).pipe(
          Effect.timeout(ROLLBACK_TIMEOUT),
          Effect.match({
            onFailure: () => (rollbackNote = " (its edits may remain: undoing them took too long)"),
            onSuccess: (kept) => (rollbackNote = kept.length === 0 ? "" : ` (its edit of ${kept.join(", ")} stays: the block changed since)`)
          })
        )
      ),
      Effect.ensuring(Effect.ignore(api.deleteAgent(reflector.id)))
    ).pipe(Effect.mapError((error) => ({ message: `${failureLine(error, api.displayName)}${rollbackNote}` })))
    const after = valuesOf(yield* readBlocks)
    const changes = labels.flatMap((label) => (before[label] === after[label] ? [] : [{ label, before: before[label]!, after: after[label]! }]))
    return { changes, ran: true, newestId } satisfies PassResult
  })

/** "human: + Prefers pnpm over npm." — the first line the change added, for a one-line report. */
export const describeChange = (change: BlockChangeSeen): string => {
  const old = new Set(change.before.split("\n"))
  const added = change.after.split("\n").find((line) => line.trim().length > 0 && !old.has(line))
  // The line is the model's writing, shown in a terminal: no control characters get through.
  return `${change.label}: ${clip((added ?? "rewritten").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim(), 120)}`
}
