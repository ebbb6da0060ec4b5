/**
 * Headless mode: resolve the agent, run one turn, render it in the requested
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
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Stream from "effect/Stream"
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
import { turn } from "./turn/turn.js"
import { retryNotice } from "./turn/retry.js"

/** The result of a run stopped by Ctrl-C or SIGTERM (json and stream-json). */
export const INTERRUPTED_MESSAGE = "interrupted"
const INTERRUPT_REPORT_TIMEOUT = "1 second"

/** Server messages that show the agent at work. */
const ACTIVITY = new Set(["reasoning_message", "hidden_reasoning_message", "tool_call_message", "tool_return_message", "approval_request_message"])

const isActivity = (event: TurnEvent): boolean =>
  event._tag === "ToolResult" || (event._tag === "ServerMessage" && ACTIVITY.has(event.chunk.message.message_type))

const isRetry = (event: TurnEvent): boolean => event._tag === "Retry"

/** What the result needs from the turn's events. */
interface Summary {
  /** The agent's last message, once the turn completed. */
  readonly finalText: string | undefined
  /** The agent did something this turn (reasoned, called tools), even without a last word. */
  readonly acted: boolean
}

const NO_SUMMARY: Summary = { finalText: undefined, acted: false }

const summarise = (summary: Summary, event: TurnEvent): Summary =>
  event._tag === "TurnComplete"
    ? { ...summary, finalText: event.finalText }
    : !summary.acted && isActivity(event)
      ? { ...summary, acted: true }
      : summary

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
        const initialised = yield* Ref.make(false)
        /** The result (or failure) is being rendered: an interrupt must not add another. */
        const concluded = yield* Ref.make(false)
        const renderer: Renderer = {
          ...rendered,
          success: (text) => Effect.zipRight(Ref.set(concluded, true), rendered.success(text)),
          // Error text can quote a URL the user configured (a provider's base URL): not its credentials.
          failure: (message, maxTurns) => Effect.zipRight(Ref.set(concluded, true), rendered.failure(maskUrlCredentials(message), maxTurns))
        }
        const init = Effect.flatMap(Ref.getAndSet(initialised, true), (done) =>
          done
            ? Effect.void
            : Effect.flatMap(policy.mode, (permissionMode) =>
                renderer.init({
                  agentId: target.agentId,
                  model: overrideModel ?? target.model,
                  backend: api.backend,
                  tools: tools.specs.map((spec) => spec.name),
                  cwd: workspace.projectDir,
                  permissionMode
                })
              )
        )
        if (!target.trusted) yield* init
        // The server streaming for this agent proves it exists: it becomes the last agent.
        const proven = yield* Ref.make(!target.trusted)
        const prove = Effect.flatMap(Ref.getAndSet(proven, true), (done) =>
          done ? Effect.void : Effect.provideService(rememberAgent(settings, serverKey(api.baseUrl), target.agentId), Settings, store)
        )
        /**
         * An event before the agent is proven (or a retry): the output starts with it, and a
         * server message proves the agent. A retry is announced; whatever fails while it is
         * shown does not stop the retry.
         */
        const renderOpening = (event: TurnEvent) => {
          switch (event._tag) {
            case "Retry":
              return Effect.ignore(
                Effect.zipRight(
                  Effect.zipRight(init, output.stderr(retryNotice(event.reason, event.delayMs, event.attempt, event.maxAttempts))),
                  renderer.event(event)
                )
              )
            case "ServerMessage":
              return Effect.zipRight(Effect.zipRight(init, prove), renderer.event(event))
            default:
              return Effect.zipRight(init, renderer.event(event))
          }
        }
        /** A batch of events: the per-token path is nothing but the renderer once the agent is proven. */
        const renderBatch = (events: Chunk.Chunk<TurnEvent>) =>
          Effect.flatMap(Ref.get(proven), (isProven) =>
            Effect.forEach(events, isProven && !Chunk.some(events, isRetry) ? renderer.event : renderOpening, { discard: true })
          )

        const turnEvents = turn({
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
        })
        const summary = yield* Ref.make(NO_SUMMARY)
        /** Records what the result needs from a batch (rarely anything: most are tokens). */
        const record = (events: Chunk.Chunk<TurnEvent>) =>
          Effect.flatMap(Ref.get(summary), (before) => {
            const after = Chunk.reduce(events, before, summarise)
            return after === before ? Effect.void : Ref.set(summary, after)
          })
        // Recorded and rendered a batch at a time: the per-token path.
        const rendering = turnEvents.pipe(
          Stream.mapChunksEffect((events) => Effect.as(record(events), events)),
          Stream.runForEachChunk(renderBatch),
          Effect.zipRight(Ref.get(summary))
        )

        const reportFailure = (failure: LettaFailure): Effect.Effect<never, LettaFailure> =>
          Effect.flatMap(Ref.get(initialised), (started): Effect.Effect<never, LettaFailure> => {
            // A trusted agent the server turned out not to have, before anything was printed:
            // the same message as a `--continue` whose agent is gone.
            if (!started && target.trusted && failure instanceof ApiError && isGone(failure, target.agentId)) {
              return Effect.fail(new AgentNotFound({ agentId: target.agentId, source: "continue" }))
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
          })

        // Ctrl-C / SIGTERM once the agent is known: the json formats still end with their result
        // (after the turn's own clean-up has answered or cancelled what the agent was doing).
        const reportInterrupt = Effect.flatMap(Ref.get(concluded), (done) =>
          done ? Effect.void : init.pipe(Effect.zipRight(Effect.suspend(() => renderer.failure(INTERRUPTED_MESSAGE, false))))
        ).pipe(Effect.timeout(INTERRUPT_REPORT_TIMEOUT), Effect.ignore)

        yield* rendering.pipe(
          Effect.flatMap(({ acted, finalText }): Effect.Effect<void, BrokenPipe | NoAssistantReply> => {
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
    yield* runOn({ agentId: trusted, trusted: true, model: undefined, pendingCalls: [] })
  })
