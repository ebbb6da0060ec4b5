/**
 * Compaction's summary: the model condenses the oldest part of the
 * history into one message. If the model cannot (an error, an empty answer), compaction still
 * happens, with a note pointing to conversation_search instead of a summary.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { MessageRecord } from "../../domain/localState.js"
import { Hooks } from "../../services/Hooks.js"
import type { ModelsShape, ResolvedModel } from "../../services/Models.js"
import type { Summariser } from "./context.js"
import { estimateTokens } from "./tokens.js"

const SUMMARY_SYSTEM = [
  "You condense a coding agent's conversation with its user so the agent can continue the work without it.",
  "Keep: the user's goals and requests, decisions made, files and commands involved, results of tool calls that still matter,",
  "open questions and what was about to happen next. Drop pleasantries and anything superseded. Write plain prose and short",
  "lists, at most about 400 words. Do not invent anything."
].join(" ")

const line = (record: MessageRecord): string => {
  const body = record.body
  switch (body._tag) {
    case "user":
      return `User: ${body.text}`
    case "assistant": {
      const calls = body.toolCalls.map((call) => `[called ${call.name} ${call.arguments}]`).join(" ")
      return `Assistant: ${body.text}${calls.length > 0 ? ` ${calls}` : ""}`
    }
    case "tool":
      return `Tool ${body.toolName} (${body.status}): ${body.output}`
    case "summary":
      return ""
  }
}

export const makeSummariser = (models: ModelsShape, model: ResolvedModel): Summariser => ({
  summarise: (previous, transcript) =>
    Effect.gen(function* () {
      // The summary request must fit the window itself: the newest lines that fit, each capped.
      const budget = Math.max(256, model.contextWindow - model.maxOutputTokens - estimateTokens(SUMMARY_SYSTEM) - 512)
      const perLine = Math.max(64, Math.floor(budget / 8)) * 4
      const lines: Array<string> = []
      let used = estimateTokens(previous ?? "")
      for (let index = transcript.length - 1; index >= 0; index--) {
        const text = line(transcript[index]!).slice(0, perLine)
        if (used + estimateTokens(text) > budget) break
        used += estimateTokens(text)
        lines.unshift(text)
      }
      const request = {
        system: SUMMARY_SYSTEM,
        messages: [
          {
            role: "user" as const,
            text: `${previous === undefined ? "" : `The summary so far:\n${previous}\n\n`}The conversation to add to it:\n${lines.join("\n")}\n\nWrite the updated summary.`
          }
        ],
        tools: [],
        maxOutputTokens: Math.min(model.maxOutputTokens, 1024)
      }
      const text = yield* Effect.scoped(
        Effect.flatMap(models.stream(model, request), (events) =>
          Stream.runFold(events, "", (acc, event) => (event._tag === "TextDelta" ? acc + event.text : acc))
        )
      )
      return text.trim().length > 0 ? text.trim() : undefined
    }).pipe(Effect.orElseSucceed(() => undefined))
})

/**
 * An automatic compaction (the history outgrew the window) first runs the user's PreCompact
 * hooks, as a Letta server's client would before `/compact`; they cannot stop it. The hooks are
 * the session's (the turn that sent the message provides them), when it has any.
 */
export const withPreCompactHooks = (summariser: Summariser): Summariser => ({
  summarise: (previous, transcript) =>
    Effect.zipRight(
      Effect.flatMap(Effect.serviceOption(Hooks), (hooks) =>
        Option.isSome(hooks) && hooks.value.has("PreCompact") ? Effect.asVoid(hooks.value.run("PreCompact", "auto", { trigger: "auto", custom_instructions: "" })) : Effect.void
      ),
      summariser.summarise(previous, transcript)
    )
})
