/**
 * What the session does with each thing the user sends: `!`/`#` input, a message (a turn), a
 * custom command, a built-in slash command, or /resume (another agent). One submission at a
 * time; the session loop in run.ts takes them from the store.
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import type { AllSettings, ExtraSettings } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { Workspace } from "../../services/Workspace.js"
import { resolveSession } from "../session.js"
import { runCustomCommand } from "../customCommands/interactive.js"
import type { InputHistoryStore } from "./inputHistory.js"
import { pickAgent } from "./resumePicker.js"
import { contextWindowOf, runCommand } from "./runSlashCommand.js"
import { learningPrompt } from "../learning/builtInPrompts.js"
import { rememberPrompt } from "../learning/remember.js"
import { type InputExtras, parseSpecial } from "./shellMode.js"
import { parseInput } from "./slashCommands.js"
import { BACKFILL_ENTRIES, showRecentHistory, splitBackfill } from "./sessionStart.js"
import type { Submission } from "./store.js"
import { describeCause, type LiveSession, runTurn } from "./sessionTurn.js"

/** `/resume`: the picker; the chosen agent's recent history, then its pending calls, if any. */
const switchAgent = (session: LiveSession, settings: AllSettings) =>
  Effect.gen(function* () {
    const { state, status, ui } = session
    const api = yield* LettaApi
    const workspace = yield* Workspace
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
    session.pausedRunId = split.pausedRunId
    const name = Option.getOrUndefined(agent)?.name ?? undefined
    ui.addNotice(`Resumed agent ${next.agentId}${name === undefined ? "" : ` (${name})`}${next.model === undefined ? "" : ` · ${next.model}`}`, "success")
    showRecentHistory(ui, split.recent)
    status.update({ model: next.model, contextTokens: undefined, contextWindow: undefined })
    yield* Effect.forkScoped(
      api.listModels.pipe(
        Effect.tap((models) => Effect.sync(() => status.update({ contextWindow: contextWindowOf(models, next.model) }))),
        Effect.ignore
      )
    )
    if (next.pendingCalls.length > 0) yield* runTurn(session, undefined, next.pendingCalls)
  })

export interface InputContext {
  readonly session: LiveSession
  readonly settings: AllSettings
  /** `--settings <file>`, whose rules /permissions lists. */
  readonly extra: ExtraSettings | undefined
  readonly history: InputHistoryStore
  readonly extras: InputExtras
}

/** Handles one submission: it is in the history first, then on screen, then acted on. */
export const handleSubmission = (ctx: InputContext, submission: Submission) =>
  Effect.gen(function* () {
    const { extras, history, session } = ctx
    const { config, state, ui } = session
    const api = yield* LettaApi
    const workspace = yield* Workspace
    yield* history.append(submission.text)
    // `#note`: the agent files it (as `/remember`), in a turn like any other.
    const note = parseSpecial(submission.text)
    if (note?._tag === "Memory") {
      ui.addUser(submission.display)
      yield* runTurn(session, rememberPrompt(note.line))
      return
    }
    const special = extras.special(submission.text)
    if (special !== undefined) {
      // Runs like a turn: the spinner shows and Esc stops it.
      ui.addUser(submission.display)
      ui.setBusy(true)
      const fiber = yield* Effect.fork(special)
      session.turn = fiber
      yield* Fiber.await(fiber)
      session.turn = undefined
      ui.setBusy(false)
      return
    }
    const input = parseInput(submission.text)
    switch (input._tag) {
      case "Message":
        ui.addUser(submission.display)
        yield* runTurn(session, yield* extras.prepare(input.text))
        return
      case "Unknown":
        ui.addUser(submission.display)
        if (yield* runCustomCommand(ui, workspace.projectDir, workspace.homeDir, submission.text, (prompt, model) => runTurn(session, prompt, [], model))) return
        ui.addNotice(`Unknown command: /${input.name} · /help lists the commands`, "error")
        return
      case "Command":
        ui.addUser(submission.display)
        if (input.name === "remember" || input.name === "init") {
          const message = yield* learningPrompt(`/${input.name} ${input.args}`).pipe(Effect.either)
          if (message._tag === "Left") ui.addNotice(message.left.message, "error")
          else if (message.right !== undefined) yield* runTurn(session, message.right)
          return
        }
        if (input.name === "reflect") {
          // In the background: the prompt is free at once; what it learned shows when done.
          if (session.reflection !== undefined) yield* session.reflection.ask
          return
        }
        // Compaction is about to summarise history away from the context: learn from it first.
        if (input.name === "compact" && session.reflection !== undefined) yield* session.reflection.beforeCompaction
        if (input.name === "resume") {
          yield* switchAgent(session, ctx.settings).pipe(
            Effect.catchAllCause((cause) => Effect.sync(() => ui.addNotice(describeCause(cause, api.displayName), "error")))
          )
          return
        }
        yield* runCommand(input.name, { ui, state, config, extraSettings: ctx.extra, args: input.args }).pipe(
          Effect.catchAllCause((cause) => Effect.sync(() => ui.addNotice(describeCause(cause, api.displayName), "error")))
        )
        return
    }
  })
