/**
 * A reflection pass: a short-lived agent, attached to the same shared blocks, reads the recent
 * transcript and the memory and makes at most a few small, durable changes (preferring none).
 * It is the same on both backends, because it only uses the Letta API: on the local backend the
 * agent runs in-process with its memory tools, and its changes are recorded with the source
 * `reflection` in the blocks' history. The agent is deleted afterwards, whatever happened.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { ApiError } from "../../domain/errors.js"
import { agentModel, contentText, type LettaMessage, toolCallParts } from "../../domain/letta.js"
import { REFLECTION_TAG, SERVER_TOOLS } from "../../domain/memory.js"
import { type AllSettings, serverKey } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { describeFailure } from "../failure.js"
import { storedBlockIds } from "../memoryBlocks.js"
import { userMessage } from "../turn/messages.js"

/** How much of the history a pass reads, and how long and how many steps it may take. */
const HISTORY_ENTRIES = 80
const TRANSCRIPT_CHARS = 24_000
const ENTRY_CHARS = 1_500
const MAX_STEPS = 6
const REFLECTION_TIMEOUT = Duration.seconds(120)

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

export interface BlockChangeSeen {
  readonly label: string
  readonly before: string
  readonly after: string
}

export interface ReflectionOutcome {
  readonly changes: ReadonlyArray<BlockChangeSeen>
  /** The pass's own one-line summary. */
  readonly summary: string
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)} [... ${text.length - max} characters cut]`)

/** One transcript line per history entry that says something (reasoning and pings left out). */
const transcriptLine = (message: LettaMessage): string | undefined => {
  switch (message.message_type) {
    case "user_message": {
      const text = contentText(message.content).replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, "").trim()
      return text.length === 0 ? undefined : `User: ${clip(text, ENTRY_CHARS)}`
    }
    case "assistant_message":
      return `Agent: ${clip(contentText(message.content).trim(), ENTRY_CHARS)}`
    case "tool_call_message":
    case "approval_request_message":
      return toolCallParts(message)
        .map((call) => `Agent called ${call.name ?? "a tool"}(${clip(String(call.arguments ?? ""), 300)})`)
        .join("\n")
    case "tool_return_message":
      return `Tool result (${message.status ?? "done"}): ${clip(typeof message.tool_return === "string" ? message.tool_return : JSON.stringify(message.tool_return ?? ""), 500)}`
    default:
      return undefined
  }
}

/** The newest part of the history that fits, oldest first. */
export const transcriptOf = (history: ReadonlyArray<LettaMessage>): string => {
  const lines: Array<string> = []
  let size = 0
  for (const message of [...history].reverse()) {
    const line = transcriptLine(message)
    if (line === undefined || line.length === 0) continue
    if (size + line.length > TRANSCRIPT_CHARS) break
    size += line.length + 1
    lines.unshift(line)
  }
  return lines.join("\n")
}

/**
 * Reflects on `agentId`'s recent history with the shared blocks `blockIds` (label → id).
 * Nothing to read (no history) is no pass at all.
 */
export const reflect = (
  agentId: string,
  blockIds: Readonly<Record<string, string>>
): Effect.Effect<ReflectionOutcome, ApiError, LettaApi> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const transcript = transcriptOf(yield* api.listMessages(agentId, HISTORY_ENTRIES))
    if (transcript.length === 0) return { changes: [], summary: "nothing to learn" }
    const labels = Object.keys(blockIds)
    const readBlocks = Effect.forEach(labels, (label) => Effect.map(api.retrieveBlock(blockIds[label]!), (block) => block.value), { concurrency: "unbounded" })
    const before = yield* readBlocks
    const agent = yield* api.retrieveAgent(agentId)
    const model = agentModel(agent)
    const reflector = yield* api.createAgent({
      name: "letta-reflection",
      system: REFLECTION_SYSTEM,
      ...(model === undefined ? {} : { model }),
      block_ids: labels.map((label) => blockIds[label]!),
      tools: [...SERVER_TOOLS],
      tags: [REFLECTION_TAG]
    })
    const summary = yield* Effect.scoped(
      Effect.gen(function* () {
        const chunks = yield* api.sendMessage(reflector.id, {
          messages: [userMessage(`The transcript of the agent's recent work:\n\n${transcript}`, false, undefined, undefined)],
          client_tools: [],
          stream_tokens: false,
          max_steps: MAX_STEPS
        })
        let last = ""
        yield* Stream.runForEach(chunks, (chunk) =>
          Effect.sync(() => {
            if (chunk.message.message_type === "assistant_message") last = contentText(chunk.message.content).trim()
          })
        )
        return last
      })
    ).pipe(Effect.ensuring(Effect.ignore(api.deleteAgent(reflector.id))))
    const after = yield* readBlocks
    const changes = labels.flatMap((label, index) => (before[index] === after[index] ? [] : [{ label, before: before[index]!, after: after[index]! }]))
    return { changes, summary: summary.split("\n")[0]?.trim() || (changes.length === 0 ? "nothing to learn" : "updated memory") }
  })

/** A pass that failed or ran out of time, in one line. */
const reflectionFailure = (error: ApiError | { readonly message: string }, server: string): string =>
  error instanceof ApiError ? describeFailure(error, server).message.split("\n")[0]! : error.message

/** "human: + Prefers pnpm over npm." — the first line the change added, for a one-line report. */
export const describeChange = (change: BlockChangeSeen): string => {
  const old = new Set(change.before.split("\n"))
  const added = change.after.split("\n").find((line) => line.trim().length > 0 && !old.has(line))
  return `${change.label}: ${clip((added ?? "rewritten").trim(), 120)}`
}

/**
 * A pass on `agentId` with this server's shared blocks (read from the settings files now: they may
 * have been created since the session started), within REFLECTION_TIMEOUT; a failure is its
 * one-line description.
 */
export const reflectOnAgent = (agentId: string, settings: AllSettings): Effect.Effect<Either.Either<ReflectionOutcome, string>, never, LettaApi> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const blockIds: Record<string, string> = {}
    for (const [label, id] of Object.entries(storedBlockIds(settings, serverKey(api.baseUrl)))) if (id !== undefined) blockIds[label] = id
    return yield* reflect(agentId, blockIds).pipe(
      Effect.timeoutFail({ duration: REFLECTION_TIMEOUT, onTimeout: () => ({ message: "it took longer than 120 s" }) }),
      Effect.mapError((error) => reflectionFailure(error, api.displayName)),
      Effect.either
    )
  })
