/**
 * Headless mode (PRODUCT.md §6): resolve the agent, run one turn, render it in the requested
 * format. Failures before the agent is known go to stderr only; after that the json formats
 * also carry them as an error result.
 *
 * In the text and json formats `--continue`'s stored agent is trusted without a lookup: the
 * message request goes out at once and proves it (one request, one round trip). Should the
 * server no longer have it, nothing has been printed yet: the run fails as for an unknown agent.
 * An approval left pending is met by the turn's own recovery (the server refuses the message;
 * the calls are denied, the message sent again). stream-json looks the agent up first: its first
 * line names the model, and it shows every server message, including a refused first attempt.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { RunConfig } from "../domain/config.js"
import type { TurnEvent } from "../domain/events.js"
import { AgentNotFound, ApiError, BrokenPipe, isUnknownId, type LettaFailure, MaxTurnsReached, NoAssistantReply } from "../domain/errors.js"
import type { PendingToolCall } from "../domain/letta.js"
import { serverKey, type AllSettings } from "../domain/settings.js"
import { maskUrlCredentials } from "../domain/redaction.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { Settings } from "../services/Settings.js"
import { Tools } from "../services/Tools.js"
import { Workspace } from "../services/Workspace.js"
import { awaitOtherSessions } from "./agentLease.js"
import { describeFailure } from "./failure.js"
import { makeRenderer, type Renderer } from "./render/renderer.js"
import { verboseRenderer } from "./render/verbose.js"
import { rememberAgent, resolveSession, trustedAgent } from "./session.js"
import { runTurn } from "./turn.js"
import { retryNotice } from "./turn/retry.js"

/** The result of a run stopped by Ctrl-C or SIGTERM (json and stream-json). */
export const INTERRUPTED_MESSAGE = "interrupted"
const INTERRUPT_REPORT_TIMEOUT = "1 second"

/** Server messages that show the agent at work. */
const ACTIVITY = new Set(["reasoning_message", "hidden_reasoning_message", "tool_call_message", "tool_return_message", "approval_request_message"])

const isActivity = (event: TurnEvent): boolean =>
  event._tag === "ToolResult" || (event._tag === "ServerMessage" && ACTIVITY.has(event.chunk.message.message_type))

/** The agent a turn goes to: known (looked up or created), or trusted from settings. */
interface Target {
  readonly agentId: string
  readonly trusted: boolean
  /** For stream-json's init line (unknown for trusted agents, which that format never uses). */
  readonly model: string | undefined
  readonly pendingCalls: ReadonlyArray<PendingToolCall>
}

const AGENT_ID = /^agent-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The server has no such agent. On a message send, a 422 for a well-formed agent id is about the
 * request, not the agent, and must not replace it.
 */
const isGone = (error: ApiError, agentId: string): boolean => isUnknownId(error) && (error.status === 404 || !AGENT_ID.test(agentId))

/** A trusted agent the server turned out not to have, before anything was printed. */
class TrustedAgentGone {
  readonly _tag = "TrustedAgentGone"
}

export const runHeadless = (config: RunConfig, prompt: string, settings: AllSettings, startedAt: number, overrideModel?: string) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const tools = yield* Tools
    const policy = yield* PermissionPolicy
    const workspace = yield* Workspace
    const store = yield* Settings
    const formatted = makeRenderer(config.outputFormat, output, startedAt)
    const rendered = config.verbose ? verboseRenderer(formatted, output, startedAt) : formatted

    const runOn = (target: Target) =>
      Effect.gen(function* () {
        // A trusted agent is initialised with its first event (or failure): by then it exists.
        let initialised = false
        /** The result (or failure) is being rendered: an interrupt must not add another. */
        let concluded = false
        const renderer: Renderer = {
          ...rendered,
          success: (text) => Effect.suspend(() => ((concluded = true), rendered.success(text))),
          // Error text can quote a URL the user configured (a provider's base URL): not its credentials.
          failure: (message, maxTurns) => Effect.suspend(() => ((concluded = true), rendered.failure(maskUrlCredentials(message), maxTurns)))
        }
        let proven = !target.trusted
        const init = Effect.suspend(() => {
          if (initialised) return Effect.void
          initialised = true
          return Effect.flatMap(policy.mode, (permissionMode) =>
            renderer.init({
              agentId: target.agentId,
              model: overrideModel ?? target.model,
              backend: api.backend,
              tools: tools.specs.map((spec) => spec.name),
              cwd: workspace.projectDir,
              permissionMode
            })
          )
        })
        if (!target.trusted) yield* init

        let finalText: string | undefined
        /** The agent did something this turn (reasoned, called tools), even without a last word. */
        let acted = false
        const turn = runTurn(
          {
            agentId: target.agentId,
            prompt,
            recoveredCalls: target.pendingCalls,
            recovery: "deny",
            maxSteps: config.maxTurns._tag === "Some" ? config.maxTurns.value : undefined,
            overrideModel,
            streamTokens: settings.user.tokenStreaming ?? true,
            appendSystemPrompt: Option.getOrUndefined(config.appendSystemPrompt),
            notice: (line) => output.stderr(`letta: ${line}\n`),
            othersPending: (calls) =>
              awaitOtherSessions(target.agentId, calls).pipe(
                Effect.provideService(LettaApi, api),
                Effect.provideService(Output, output),
                Effect.provideService(Settings, store)
              )
          },
          (event) => {
            if (!acted && isActivity(event)) acted = true
            if (event._tag === "TurnComplete") finalText = event.finalText
            // The per-token path: nothing but the renderer once the agent is initialised and proven.
            if (initialised && proven && event._tag !== "Retry") return renderer.event(event)
            const announce =
              event._tag === "Retry"
                ? output.stderr(retryNotice(event.reason, event.delayMs, event.attempt, event.maxAttempts))
                : Effect.void
            // The server streaming for this agent proves it exists: it becomes the last agent.
            const prove =
              !proven && event._tag === "ServerMessage"
                ? Effect.suspend(() => {
                    proven = true
                    return Effect.provideService(rememberAgent(settings, serverKey(api.baseUrl), target.agentId), Settings, store)
                  })
                : Effect.void
            return Effect.zipRight(Effect.zipRight(init, Effect.zipRight(prove, announce)), renderer.event(event))
          }
        )

        const reportFailure = (failure: LettaFailure): Effect.Effect<never, LettaFailure | TrustedAgentGone> => {
          if (!initialised && target.trusted && failure instanceof ApiError && isGone(failure, target.agentId)) {
            return Effect.fail(new TrustedAgentGone())
          }
          return failure instanceof BrokenPipe
            ? Effect.fail(failure)
            : init.pipe(
                // Suspended: the result object names the agent, which `init` records first.
                Effect.zipRight(
                  Effect.suspend(() => renderer.failure(describeFailure(failure, api.displayName).message, failure instanceof MaxTurnsReached))
                ),
                Effect.zipRight(Effect.fail(failure))
              )
        }

        // Ctrl-C / SIGTERM once the agent is known: the json formats still end with their result
        // (after the turn's own clean-up has answered or cancelled what the agent was doing).
        const reportInterrupt = Effect.suspend(() =>
          concluded ? Effect.void : init.pipe(Effect.zipRight(Effect.suspend(() => renderer.failure(INTERRUPTED_MESSAGE, false))))
        ).pipe(Effect.timeout(INTERRUPT_REPORT_TIMEOUT), Effect.ignore)

        yield* turn.pipe(
          Effect.flatMap((): Effect.Effect<void, BrokenPipe | NoAssistantReply> => {
            if (finalText !== undefined && finalText.trim().length > 0) return renderer.success(finalText)
            // Reasoning and tool calls with no closing message is a finished turn, not a failure.
            if (!acted) return Effect.fail(new NoAssistantReply())
            const note = config.outputFormat === "text" ? output.stderr("letta: the agent ended its turn without a final message.\n") : Effect.void
            return Effect.zipRight(note, renderer.success(""))
          }),
          Effect.catchAll(reportFailure),
          Effect.onInterrupt(() => reportInterrupt)
        )
      })

    const trusted = config.outputFormat === "stream-json" ? undefined : trustedAgent(config.agent, config.model, settings, api.baseUrl)
    if (trusted === undefined) {
      const session = yield* resolveSession(config.agent, config.model, settings)
      return yield* runOn({ agentId: session.agentId, trusted: false, model: session.model, pendingCalls: session.pendingCalls })
    }
    yield* runOn({ agentId: trusted, trusted: true, model: undefined, pendingCalls: [] }).pipe(
      Effect.catchIf(
        (error): error is TrustedAgentGone => error instanceof TrustedAgentGone,
        () => Effect.fail(new AgentNotFound({ agentId: trusted, source: "continue" }))
      )
    )
  })
