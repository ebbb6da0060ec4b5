/**
 * Interactive mode: the same agent resolution and turn pipeline as headless,
 * drawn by Ink. The session loop takes the user's messages one at a time; each turn runs in its
 * own fiber so Esc can interrupt it (the pipeline then cancels the server run, kills tool
 * processes and answers pending calls). Exit (/exit, Ctrl-C twice) prints the session stats.
 * The start is sessionStart.ts, a turn sessionTurn.ts, what each submission does sessionInput.ts.
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import { PERMISSION_MODES, type PermissionMode, type RunConfig } from "../../domain/config.js"
import type { AllSettings, ExtraSettings } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Workspace } from "../../services/Workspace.js"
import { RunStats } from "../render/runStats.js"
import { loadCustomCommandMenu } from "../customCommands/interactive.js"
import { makeInputHistory } from "./inputHistory.js"
import { statsLines } from "./panels.js"
import { makeNotifier } from "./notify.js"
import { makeInputExtras } from "./shellMode.js"
import { sessionStatus } from "./sessionStatus.js"
import { showApprovals } from "./showApprovals.js"
import { contextWindowOf } from "./runSlashCommand.js"
import { startSession } from "./sessionStart.js"
import { makeReflectionSchedule } from "../learning/reflectionSchedule.js"
import { handleSubmission } from "./sessionInput.js"
import { type LiveSession, runTurn, syncMode } from "./sessionTurn.js"
import type { UiStore } from "./store.js"

export const nextMode = (mode: PermissionMode): PermissionMode =>
  PERMISSION_MODES[(PERMISSION_MODES.indexOf(mode) + 1) % PERMISSION_MODES.length] ?? "default"

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

      const started = yield* startSession(config, settings, ui, history, initialPrompt)
      if (Option.isNone(started)) {
        ui.setExiting()
        yield* ui.rendered
        return
      }
      const { session } = started.value
      // The prompter's dialogs reach the screen from here on (before any turn can ask).
      yield* Effect.forkScoped(showApprovals(ui))

      const live: LiveSession = {
        ui,
        config,
        state: {
          agentId: session.agentId,
          model: session.model,
          streamTokens: settings.user.tokenStreaming ?? true,
          stats: new RunStats(),
          startedAt
        },
        // The status line: the model now; its context window once the model list answers.
        status: sessionStatus(ui),
        turn: undefined,
        pausedRunId: started.value.pausedRunId
      }
      const { state, status } = live
      live.reflection = yield* makeReflectionSchedule(live, settings, yield* Effect.scope)
      status.update({ model: state.model })
      yield* Effect.forkScoped(
        api.listModels.pipe(
          Effect.tap((models) => Effect.sync(() => status.update({ contextWindow: contextWindowOf(models, state.model) }))),
          Effect.ignore
        )
      )

      // Esc and Shift+Tab act at once, whatever the session loop is doing.
      const controls = Effect.forever(
        Effect.flatMap(Queue.take(ui.controls), (control) => {
          if (control === "interrupt") return live.turn === undefined ? Effect.void : Effect.asVoid(Fiber.interruptFork(live.turn))
          return Effect.flatMap(policy.mode, (current) => Effect.zipRight(policy.setMode(nextMode(current)), syncMode(ui, policy)))
        })
      )
      yield* Effect.forkScoped(controls)

      // An earlier session left the agent waiting on tool calls: they are put to the user now, in
      // the approval dialog, and the agent carries on with the answers.
      const resume = session.pendingCalls.length === 0 ? Effect.void : runTurn(live, undefined, session.pendingCalls)

      // `!command`, `#note` and `@file` mentions (shellMode.ts, mentions.ts).
      const extras = makeInputExtras(ui, workspace.projectDir)
      // Files that cannot be custom commands, said once the session is on screen.
      yield* Effect.forkScoped(Effect.flatMap(Fiber.join(customMenu), (report) => Effect.sync(() => report(ui))))
      // A bell and OSC 9 when an approval waits or a long turn ends (notify.ts).
      ui.setNotifier(makeNotifier(process.stdout, settings.user.notifications))

      const input = { session: live, settings, extra, history, extras }
      const loop = Effect.forever(Effect.flatMap(ui.takeSubmission, (submission) => handleSubmission(input, submission)))

      if (initialPrompt.length > 0) ui.submit({ text: initialPrompt, display: initialPrompt })

      // The loop never ends by itself; exit (/exit, Ctrl-C twice) stops it, and a turn with it.
      const sessionFiber = yield* Effect.fork(Effect.zipRight(resume, loop))
      yield* Effect.raceFirst(Fiber.join(sessionFiber), ui.awaitExit)
      if (ui.awaitingApproval && live.pausedRunId !== undefined) {
        // Leaving while the agent waits on approvals: cancelling the paused run makes the server
        // deny every pending call without another model step. The turn's own
        // clean-up then has nothing left to answer; where the server cannot, it denies them itself.
        yield* api.cancelRuns(state.agentId, [live.pausedRunId]).pipe(Effect.timeout("3 seconds"), Effect.ignore)
      }
      // Waits for the turn's clean-up (pending calls denied, the run cancelled, tools stopped).
      yield* Fiber.interrupt(sessionFiber)
      ui.finishTurn("denied", (was) => (was === "running" ? "Interrupted: the session ended" : "Denied: the session ended"))
      yield* live.reflection.atExit
      ui.addPanel(statsLines(state.stats, Date.now() - startedAt, state.agentId, api.isCloud))
      ui.setExiting()
      yield* ui.rendered
    })
  )
