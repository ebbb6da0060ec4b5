/**
 * How an interactive session starts: the `--resume` picker (on a mounted screen), the agent
 * resolved while the screen's libraries load, the welcome panel, the agent's recent history
 * back-filled, and the screen mounted. Also the back-fill that /resume shows for another agent.
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import type { AgentChoice, RunConfig } from "../../domain/config.js"
import { type LettaMessage, type PendingToolCall, toolCallParts } from "../../domain/letta.js"
import type { AllSettings } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Workspace } from "../../services/Workspace.js"
import { VERSION } from "../../version.js"
import { waitForLayoutEngine } from "../../platform/layoutEngine.js"
import { loadInteractive } from "../../platform/terminalUi.js"
import { resolveSession, type Session } from "../session.js"
import type { InputHistoryStore } from "./inputHistory.js"
import { mountScreen } from "./mount.js"
import { welcomeLines } from "./panels.js"
import { pickAgent } from "./resumePicker.js"
import type { UiStore } from "./store.js"
import { colourWanted, terminalColourLevel } from "./theme.js"

export const runIdOf = (message: LettaMessage | undefined): string | undefined => {
  const runId: unknown = message?.run_id
  return typeof runId === "string" && runId.length > 0 ? runId : undefined
}

/** History entries back-filled when resuming an agent. */
export const BACKFILL_ENTRIES = 20
const BACKFILL_USER_CHARS = 500

/**
 * A resumed agent's recent history, less the calls still pending (the turn that resumes them
 * shows them, not twice), and the run it is paused on, when known.
 */
export const splitBackfill = (pendingCalls: ReadonlyArray<PendingToolCall>, backfill: ReadonlyArray<LettaMessage>) => {
  const pendingIds = new Set(pendingCalls.map((call) => call.toolCallId))
  const isPendingRequest = (message: LettaMessage) =>
    message.message_type === "approval_request_message" &&
    toolCallParts(message).every((part) => typeof part.tool_call_id === "string" && pendingIds.has(part.tool_call_id))
  return {
    recent: backfill.filter((message) => !isPendingRequest(message)),
    pausedRunId: pendingCalls.length === 0 ? undefined : runIdOf(backfill.find(isPendingRequest))
  }
}

/** The back-filled history on screen, framed as the recent conversation. */
export const showRecentHistory = (ui: UiStore, recent: ReadonlyArray<LettaMessage>): void =>
  ui.applyHistory(recent, BACKFILL_USER_CHARS, { heading: "Recent conversation:", closing: "─".repeat(24) })

export interface Started {
  readonly session: Session
  /** The run the agent is paused on (its calls await answers), when known. */
  readonly pausedRunId: string | undefined
}

/**
 * Resolves the agent and puts the session on screen. None: the user left from the `--resume`
 * picker (Ctrl-C twice). `initialPrompt` is offered as the newest history entry.
 */
export const startSession = (config: RunConfig, settings: AllSettings, ui: UiStore, history: InputHistoryStore, initialPrompt: string) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const policy = yield* PermissionPolicy
    const workspace = yield* Workspace
    const mount = (entries: ReadonlyArray<string>) =>
      Effect.zipRight(
        waitForLayoutEngine,
        mountScreen(ui, { colour: colourWanted(process.env, terminalColourLevel()) }, initialPrompt.length > 0 ? [...entries, initialPrompt] : entries)
      )

    // `--resume`: the screen comes first, with the picker of this project's agents on it.
    let choice: AgentChoice = config.agent
    let mountedWith: ReadonlyArray<string> | undefined
    if (choice._tag === "Pick") {
      yield* loadInteractive
      mountedWith = yield* history.load
      ui.setMode(yield* policy.mode)
      yield* mount(mountedWith)
      // Ctrl-C twice leaves from the picker too.
      const answer = yield* Effect.raceFirst(Effect.map(pickAgent(ui, workspace.projectDir, undefined), Option.some), Effect.as(ui.awaitExit, Option.none()))
      if (Option.isNone(answer)) return Option.none<Started>()
      const picked = answer.value
      if (Option.isNone(picked)) ui.addNotice("Starting a new agent.", "dim")
      choice = Option.match(picked, { onNone: () => ({ _tag: "New" }), onSome: (agentId) => ({ _tag: "Explicit", agentId }) })
    }
    const chosen = choice
    const preloaded = mountedWith
    const starting = Effect.gen(function* () {
      const session = yield* resolveSession(chosen, config.model, settings)
      const [agent, backfill, entries] = yield* Effect.all(
        [
          api.retrieveAgent(session.agentId, { includeBlocks: true }).pipe(Effect.option),
          session.created ? Effect.succeed([]) : api.listMessages(session.agentId, BACKFILL_ENTRIES).pipe(Effect.orElseSucceed(() => [])),
          preloaded === undefined ? history.load : Effect.succeed(preloaded)
        ],
        { concurrency: "unbounded" }
      )
      return { session, agent, backfill, entries }
    })
    // The screen's libraries load (synchronously, ~0.2 s) while the first requests are out.
    const started = yield* Effect.fork(starting)
    yield* Effect.sleep(0)
    yield* loadInteractive
    const { agent, backfill, entries, session } = yield* Fiber.join(started)
    const mode = yield* policy.mode
    ui.setMode(mode)
    const agentInfo = Option.getOrUndefined(agent)
    ui.addPanel(
      welcomeLines({
        version: VERSION,
        agentId: session.agentId,
        agentName: agentInfo?.name ?? undefined,
        created: session.created,
        model: session.model,
        isCloud: api.isCloud,
        serverUrl: api.displayName,
        blocks: (agentInfo?.blocks ?? []).flatMap((block) => (block.label === null || block.label === undefined ? [] : [block.label])),
        cwd: workspace.projectDir,
        mode,
        pendingCalls: session.pendingCalls.length
      }),
      true
    )
    const initial = splitBackfill(session.pendingCalls, backfill)
    showRecentHistory(ui, initial.recent)

    if (preloaded === undefined) yield* mount(entries)
    return Option.some<Started>({ session, pausedRunId: initial.pausedRunId })
  })
