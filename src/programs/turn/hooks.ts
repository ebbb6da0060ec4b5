/**
 * Where the turn meets the user's hooks. Each helper does nothing (and costs nothing) when no
 * Hooks service is provided, i.e. no settings file defines hooks.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { UnexpectedStop } from "../../domain/errors.js"
import type { PermissionDecision } from "../../domain/permissions.js"
import type { ToolOutput } from "../../domain/tools.js"
import { Hooks } from "../../services/Hooks.js"

/** Times one turn's Stop hooks may send the agent back to work: a hook that always blocks cannot loop forever. */
export const MAX_STOP_CONTINUES = 3

/** The stop reason of a turn whose prompt a UserPromptSubmit hook blocked. */
export const PROMPT_BLOCKED = "prompt_blocked_by_hook"

const withHooks = <A>(none: A, body: (hooks: Hooks["Type"]) => Effect.Effect<A>): Effect.Effect<A> =>
  Effect.flatMap(Effect.serviceOption(Hooks), (hooks) => (Option.isNone(hooks) ? Effect.succeed(none) : body(hooks.value)))

const reminder = (text: string) => `<system-reminder>\n${text}\n</system-reminder>`

/**
 * The prompt as sent: SessionStart (first turn) and UserPromptSubmit hooks run first; their
 * context is added after it. Fails with PROMPT_BLOCKED when a hook blocks it: it is not sent.
 */
export const submitPrompt = (agentId: string, prompt: string | undefined): Effect.Effect<string | undefined, UnexpectedStop> =>
  Effect.flatMap(Effect.serviceOption(Hooks), (found) => {
    if (Option.isNone(found) || prompt === undefined) return Effect.succeed(prompt)
    const hooks = found.value
    return Effect.gen(function* () {
      yield* hooks.setSession(agentId)
      const start = yield* hooks.startSession
      const submit = hooks.has("UserPromptSubmit") ? yield* hooks.run("UserPromptSubmit", undefined, { prompt }) : undefined
      if (submit?.block === true) {
        return yield* new UnexpectedStop({ stopReason: PROMPT_BLOCKED, detail: submit.reason || "no reason given" })
      }
      const context = [start.context, submit?.context ?? ""].filter((text) => text.length > 0)
      return context.length === 0 ? prompt : `${prompt}\n\n${reminder(context.join("\n"))}`
    })
  })

/**
 * The permission decision with the PreToolUse hooks heard first: their deny (or exit 2) blocks,
 * their ask turns an allow into a question, their allow skips only a default question, never an
 * ask or deny rule, a protected file or plan mode.
 */
export const decideWithHooks = (
  toolName: string,
  input: Readonly<Record<string, unknown>>,
  decide: Effect.Effect<PermissionDecision>
): Effect.Effect<PermissionDecision> =>
  Effect.flatMap(Effect.serviceOption(Hooks), (found) => {
    if (Option.isNone(found)) return decide
    const hooks = found.value
    const notifying = (decision: PermissionDecision) =>
      decision._tag === "Ask" && hooks.interactive && hooks.has("Notification")
        ? Effect.as(Effect.forkDaemon(hooks.run("Notification", undefined, { message: `letta needs your permission to use ${toolName}` })), decision)
        : Effect.succeed(decision)
    if (!hooks.has("PreToolUse")) return Effect.flatMap(decide, notifying)
    return Effect.flatMap(hooks.run("PreToolUse", toolName, { tool_name: toolName, tool_input: input }), (said) => {
      if (said.block || said.permission === "deny") {
        const reason = `Blocked by a PreToolUse hook: ${said.reason || "no reason given"}`
        return Effect.succeed<PermissionDecision>({ _tag: "Deny", decidedBy: "PreToolUse hook", reason })
      }
      const combined = Effect.map(decide, (decision): PermissionDecision => {
        if (said.permission === "ask" && decision._tag === "Allow") {
          return { _tag: "Ask", decidedBy: `PreToolUse hook${said.reason.length > 0 ? `: ${said.reason}` : ""}` }
        }
        if (said.permission === "allow" && decision._tag === "Ask" && decision.decidedBy.startsWith("default:")) {
          return { _tag: "Allow", decidedBy: "PreToolUse hook" }
        }
        return decision
      })
      return Effect.flatMap(combined, notifying)
    })
  })

/** The tool's output with what PostToolUse hooks said back to the agent (exit 2, `decision: block`). */
export const afterTool = (toolName: string, input: Readonly<Record<string, unknown>>, output: ToolOutput): Effect.Effect<ToolOutput> =>
  withHooks(output, (hooks) => {
    if (!hooks.has("PostToolUse")) return Effect.succeed(output)
    const response = { status: output.status, output: output.text }
    return Effect.map(hooks.run("PostToolUse", toolName, { tool_name: toolName, tool_input: input, tool_response: response }), (said) => {
      const notes = [said.block ? `PostToolUse hook: ${said.reason || "blocked"}` : "", said.context].filter((text) => text.length > 0)
      return notes.length === 0 ? output : { ...output, text: `${output.text}\n${reminder(notes.join("\n"))}` }
    })
  })

/**
 * Run the Stop hooks when the agent ends its turn; the message to send when one blocks (the
 * agent goes on with its reason), at most MAX_STOP_CONTINUES times a turn.
 */
export const stopFeedback = (continued: number): Effect.Effect<string | undefined> =>
  withHooks(undefined, (hooks) => {
    if (!hooks.has("Stop")) return Effect.succeed(undefined)
    return Effect.map(hooks.run("Stop", undefined, { stop_hook_active: continued > 0 }), (said) =>
      said.block && continued < MAX_STOP_CONTINUES ? reminder(`A Stop hook asks you to continue: ${said.reason || "keep going"}`) : undefined
    )
  })

/** `/compact`: PreCompact hooks run first (they cannot stop it; what they say is shown). */
export const beforeCompact = (trigger: "manual" | "auto"): Effect.Effect<void> =>
  withHooks(undefined, (hooks) => (hooks.has("PreCompact") ? Effect.asVoid(hooks.run("PreCompact", trigger, { trigger, custom_instructions: "" })) : Effect.void))
