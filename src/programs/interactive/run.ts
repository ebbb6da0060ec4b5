/**
 * Interactive mode: the same agent resolution and turn pipeline as headless,
 * drawn by Ink. The session loop takes the user's messages one at a time; each turn runs in its
 * own fiber so Esc can interrupt it (the pipeline then cancels the server run, kills tool
 * processes and answers pending calls). Exit (/exit, Ctrl-C twice) prints the session stats.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Stream from "effect/Stream"
import { type AgentChoice, PERMISSION_MODES, type PermissionMode, type RunConfig } from "../../domain/config.js"
import { isLettaFailure } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import { type LettaMessage, type PendingToolCall, toolCallParts } from "../../domain/letta.js"
import type { AllSettings, ExtraSettings } from "../../domain/settings.js"
import { maskUrlCredentials } from "../../domain/redaction.js"
import { LettaApi } from "../../services/LettaApi.js"
import type { Output } from "../../services/Output.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import type { Settings } from "../../services/Settings.js"
import { Workspace } from "../../services/Workspace.js"
import { VERSION } from "../../version.js"
import { describeFailure } from "../failure.js"
import { RunStats } from "../render/runStats.js"
import { awaitOtherSessions } from "../agentLease.js"
import { resolveSession } from "../session.js"
import { turn as turnEvents } from "../turn/turn.js"
import { parseInput } from "./slashCommands.js"
import { loadCustomCommandMenu, runCustomCommand } from "../customCommands/interactive.js"
import { pickAgent } from "./resumePicker.js"
import { makeInputHistory } from "./inputHistory.js"
import { waitForLayoutEngine } from "../../platform/layoutEngine.js"
import { loadInteractive } from "../../platform/terminalUi.js"
import { mountScreen } from "./mount.js"
import { statsLines, welcomeLines } from "./panels.js"
import { makeNotifier } from "./notify.js"
import { makeInputExtras } from "./shellMode.js"
import { sessionStatus } from "./sessionStatus.js"
import { showApprovals } from "./showApprovals.js"
import { contextWindowOf, runCommand, type SessionState } from "./runSlashCommand.js"
import type { UiStore } from "./store.js"
import { colourWanted, terminalColourLevel } from "./theme.js"
import { verboseTurn } from "./verboseTurn.js"

const runIdOf = (message: LettaMessage | undefined): string | undefined => {
  const runId: unknown = message?.run_id
  return typeof runId === "string" && runId.length > 0 ? runId : undefined
}

/** History entries back-filled when resuming an agent. */
const BACKFILL_ENTRIES = 20
const BACKFILL_USER_CHARS = 500

export const nextMode = (mode: PermissionMode): PermissionMode =>
  PERMISSION_MODES[(PERMISSION_MODES.indexOf(mode) + 1) % PERMISSION_MODES.length] ?? "default"

/** The message for a failed turn or command: the failure's own, else the defect's. */
const describeCause = (cause: Cause.Cause<unknown>, server: string): string => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure) && isLettaFailure(failure.value)) return maskUrlCredentials(describeFailure(failure.value, server).message)
  const squashed = Cause.squash(cause)
  return maskUrlCredentials(`Internal error: ${squashed instanceof Error ? squashed.message : String(squashed)}`)
}

/**
 * A resumed agent's recent history, less the calls still pending (the turn that resumes them
 * shows them, not twice), and the run it is paused on, when known.
 */
const splitBackfill = (pendingCalls: ReadonlyArray<PendingToolCall>, backfill: ReadonlyArray<LettaMessage>) => {
  const pendingIds = new Set(pendingCalls.map((call) => call.toolCallId))
  const isPendingRequest = (message: LettaMessage) =>
    message.message_type === "approval_request_message" &&
    toolCallParts(message).every((part) => typeof part.tool_call_id === "string" && pendingIds.has(part.tool_call_id))
  return {
    recent: backfill.filter((message) => !isPendingRequest(message)),
    pausedRunId: pendingCalls.length === 0 ? undefined : runIdOf(backfill.find(isPendingRequest))
  }
}

/** `extra`: the `--settings` file, whose rules /permissions lists (the files it reads again do not have them). */
export const runInteractive = (config: RunConfig, settings: AllSettings, ui: UiStore, extra?: ExtraSettings) =>
  Effect.scoped(
    Effect.gen(function* () {
      const api = yield* LettaApi
      const policy = yield* PermissionPolicy
      const workspace = yield* Workspace
      // Custom commands join the `/` menu as soon as they are read (programs/customCommands).
      const customMenu = yield* Effect.forkScoped(loadCustomCommandMenu(workspace.projectDir, workspace.homeDir))
      const startedAt = Date.now()

      const history = yield* makeInputHistory(workspace.homeDir, workspace.projectDir)
      // `--verbose`: full tool results from the start, back-filled history included.
      if (config.verbose) ui.setExpanded(true)
      // `letta explain this repo` on a terminal: the session starts with that message sent.
      const initialPrompt = config.promptWords.join(" ").trim()
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
        if (Option.isNone(answer)) {
          ui.setExiting()
          yield* ui.rendered
          return
        }
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
      /** The run the agent is paused on (its calls await answers), when known: quitting cancels it. */
      let pausedRunId: string | undefined = initial.pausedRunId
      ui.applyHistory(initial.recent, BACKFILL_USER_CHARS, { heading: "Recent conversation:", closing: "─".repeat(24) })

      if (preloaded === undefined) yield* mount(entries)
      // The prompter's dialogs reach the screen from here on (before any turn can ask).
      yield* Effect.forkScoped(showApprovals(ui))

      const state: SessionState = {
        agentId: session.agentId,
        model: session.model,
        streamTokens: settings.user.tokenStreaming ?? true,
        stats: new RunStats(),
        startedAt
      }
      let turn: Fiber.RuntimeFiber<void, unknown> | undefined
      // The status line: the model now; its context window once the model list answers.
      const status = sessionStatus(ui)
      status.update({ model: state.model })
      yield* Effect.forkScoped(
        api.listModels.pipe(
          Effect.tap((models) => Effect.sync(() => status.update({ contextWindow: contextWindowOf(models, state.model) }))),
          Effect.ignore
        )
      )

      const syncMode = Effect.flatMap(policy.mode, (current) => Effect.sync(() => ui.setMode(current)))

      // Esc and Shift+Tab act at once, whatever the session loop is doing.
      const controls = Effect.forever(
        Effect.flatMap(Queue.take(ui.controls), (control) => {
          if (control === "interrupt") return turn === undefined ? Effect.void : Effect.asVoid(Fiber.interruptFork(turn))
          return Effect.flatMap(policy.mode, (current) => Effect.zipRight(policy.setMode(nextMode(current)), syncMode))
        })
      )
      yield* Effect.forkScoped(controls)

      const leaseContext = yield* Effect.context<LettaApi | Output | Settings>()
      /** One turn: the user's message, or (prompt undefined) answering the calls left pending. */
      const runOneTurn = (prompt: string | undefined, recoveredCalls: ReadonlyArray<PendingToolCall> = [], overrideModel?: string) =>
        Effect.gen(function* () {
          ui.setBusy(true)
          const verbose = config.verbose ? verboseTurn(ui) : undefined
          /** What the store, the stats and the status line take from each event. */
          const observe = (event: TurnEvent) =>
            Effect.zipRight(
              Effect.sync(() => {
                state.stats.observe(event)
                status.observe(event)
                if (event._tag === "ServerMessage") {
                  const runId = runIdOf(event.chunk.message)
                  if (runId !== undefined) pausedRunId = runId
                }
                ui.apply(event)
                verbose?.observe(event)
              }),
              event._tag === "ToolResult" ? syncMode : Effect.void
            )
          const events = turnEvents({
            agentId: state.agentId,
            prompt,
            recoveredCalls,
            recovery: "ask",
            maxSteps: undefined,
            overrideModel,
            streamTokens: state.streamTokens,
            liveToolOutput: observe,
            appendSystemPrompt: Option.getOrUndefined(config.appendSystemPrompt),
            notice: (line) => Effect.sync(() => ui.addNotice(line, "warning")),
            othersPending: (calls) =>
              awaitOtherSessions(state.agentId, calls, (line) => Effect.sync(() => ui.addNotice(line, "dim"))).pipe(Effect.provide(leaseContext))
          })
          const fiber = yield* Effect.fork(Stream.runForEach(events, observe))
          turn = fiber
          const exit = yield* Fiber.await(fiber)
          turn = undefined
          ui.setBusy(false)
          yield* syncMode
          if (Exit.isSuccess(exit)) {
            verbose?.finish()
          } else if (Cause.isInterruptedOnly(exit.cause)) {
            ui.finishTurn("denied", "Interrupted")
            verbose?.finish()
            ui.addNotice("Interrupted · tell the agent what to do instead", "warning")
          } else {
            ui.finishTurn("error", "The turn failed before this call finished")
            verbose?.finish()
            ui.addNotice(describeCause(exit.cause, api.displayName), "error")
          }
        })

      // An earlier session left the agent waiting on tool calls: they are put to the user now, in
      // the approval dialog, and the agent carries on with the answers.
      const resume = session.pendingCalls.length === 0 ? Effect.void : runOneTurn(undefined, session.pendingCalls)

      // `!command`, `#note` and `@file` mentions (shellMode.ts, mentions.ts).
      const extras = makeInputExtras(ui, workspace.projectDir, settings)
      // Files that cannot be custom commands, said once the session is on screen.
      yield* Effect.forkScoped(Effect.flatMap(Fiber.join(customMenu), (report) => Effect.sync(() => report(ui))))
      // A bell and OSC 9 when an approval waits or a long turn ends (notify.ts).
      ui.setNotifier(makeNotifier(process.stdout, settings.user.notifications))

      /** `/resume`: the picker; the chosen agent's recent history, then its pending calls, if any. */
      const switchAgent = Effect.gen(function* () {
        const picked = yield* pickAgent(ui, workspace.projectDir, state.agentId)
        if (Option.isNone(picked)) return
        if (picked.value === state.agentId) {
          ui.addNotice("Already talking to that agent.", "dim")
          return
        }
        const next = yield* resolveSession({ _tag: "Explicit", agentId: picked.value }, Option.none(), settings)
        const [agent, backfill] = yield* Effect.all(
          [api.retrieveAgent(next.agentId).pipe(Effect.option), api.listMessages(next.agentId, BACKFILL_ENTRIES).pipe(Effect.orElseSucceed(() => []))],
          { concurrency: "unbounded" }
        )
        state.agentId = next.agentId
        state.model = next.model
        const split = splitBackfill(next.pendingCalls, backfill)
        pausedRunId = split.pausedRunId
        const name = Option.getOrUndefined(agent)?.name ?? undefined
        ui.addNotice(`Resumed agent ${next.agentId}${name === undefined ? "" : ` (${name})`}${next.model === undefined ? "" : ` · ${next.model}`}`, "success")
        ui.applyHistory(split.recent, BACKFILL_USER_CHARS, { heading: "Recent conversation:", closing: "─".repeat(24) })
        status.update({ model: next.model, contextTokens: undefined, contextWindow: undefined })
        yield* Effect.forkScoped(
          api.listModels.pipe(
            Effect.tap((models) => Effect.sync(() => status.update({ contextWindow: contextWindowOf(models, next.model) }))),
            Effect.ignore
          )
        )
        if (next.pendingCalls.length > 0) yield* runOneTurn(undefined, next.pendingCalls)
      })

      const loop = Effect.forever(
        Effect.gen(function* () {
          const submission = yield* ui.takeSubmission
          yield* history.append(submission.text)
          const special = extras.special(submission.text)
          if (special !== undefined) {
            // Runs like a turn: the spinner shows and Esc stops it.
            ui.addUser(submission.display)
            ui.setBusy(true)
            const fiber = yield* Effect.fork(special)
            turn = fiber
            yield* Fiber.await(fiber)
            turn = undefined
            ui.setBusy(false)
            return
          }
          const input = parseInput(submission.text)
          switch (input._tag) {
            case "Message":
              ui.addUser(submission.display)
              yield* runOneTurn(yield* extras.prepare(input.text))
              return
            case "Unknown":
              ui.addUser(submission.display)
              if (yield* runCustomCommand(ui, workspace.projectDir, workspace.homeDir, submission.text, (prompt, model) => runOneTurn(prompt, [], model))) return
              ui.addNotice(`Unknown command: /${input.name} · /help lists the commands`, "error")
              return
            case "Command":
              ui.addUser(submission.display)
              if (input.name === "resume") {
                yield* switchAgent.pipe(
                  Effect.catchAllCause((cause) => Effect.sync(() => ui.addNotice(describeCause(cause, api.displayName), "error")))
                )
                return
              }
              yield* runCommand(input.name, { ui, state, config, extraSettings: extra }).pipe(
                Effect.catchAllCause((cause) => Effect.sync(() => ui.addNotice(describeCause(cause, api.displayName), "error")))
              )
              return
          }
        })
      )

      if (initialPrompt.length > 0) ui.submit({ text: initialPrompt, display: initialPrompt })

      // The loop never ends by itself; exit (/exit, Ctrl-C twice) stops it, and a turn with it.
      const sessionFiber = yield* Effect.fork(Effect.zipRight(resume, loop))
      yield* Effect.raceFirst(Fiber.join(sessionFiber), ui.awaitExit)
      if (ui.awaitingApproval && pausedRunId !== undefined) {
        // Leaving while the agent waits on approvals: cancelling the paused run makes the server
        // deny every pending call without another model step. The turn's own
        // clean-up then has nothing left to answer; where the server cannot, it denies them itself.
        yield* api.cancelRuns(state.agentId, [pausedRunId]).pipe(Effect.timeout("3 seconds"), Effect.ignore)
      }
      // Waits for the turn's clean-up (pending calls denied, the run cancelled, tools stopped).
      yield* Fiber.interrupt(sessionFiber)
      ui.finishTurn("denied", (was) => (was === "running" ? "Interrupted: the session ended" : "Denied: the session ended"))
      ui.addPanel(statsLines(state.stats, Date.now() - startedAt, state.agentId, api.isCloud))
      ui.setExiting()
      yield* ui.rendered
    })
  )
