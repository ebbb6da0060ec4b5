/**
 * When an interactive session reflects: on `/reflect`; by itself (unless `reflection.auto` is
 * false) every `reflection.everySteps` model steps, when the context passes CONTEXT_SHARE of the
 * window (compaction will soon drop the oldest history from it), before `/compact`, and at exit.
 * One pass at a time, in the background of the session (the prompt is never held up). A pass
 * nobody asked for waits until the session has been idle for IDLE_BEFORE_PASS, so it never
 * competes with the user's own turns for the model. At exit the session waits for it, and Esc or
 * Ctrl-C skips it (a skipped pass changes nothing).
 */
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import type { TurnEvent } from "../../domain/events.js"
import type { AllSettings } from "../../domain/settings.js"
import { Settings } from "../../services/Settings.js"
import type { LiveSession } from "../interactive/sessionTurn.js"
import { reflectOnAgent, type ReflectionOutcome, type ReflectionServices } from "./reflectOnAgent.js"
import { type ReflectionPolicy, reflectionPolicy } from "./reflectionPolicy.js"
import { describeChange, EXIT_REFLECTION_SECONDS } from "./reflection.js"
import { describeSkillOutcome } from "./skillProposals.js"

/** Past this share of the context window, a pass runs before compaction can summarise history away. */
export const CONTEXT_SHARE = 0.6
/** How long the session must have been idle (no turn, no event) before a pass nobody asked for starts. */
export const IDLE_BEFORE_PASS = Duration.seconds(5)

type Reason = "asked" | "steps" | "context" | "compact" | "exit"

export interface ReflectionSchedule {
  /** Each event of a turn: counts the model steps and watches the context's size. */
  readonly observe: (event: TurnEvent) => Effect.Effect<void>
  /** `/reflect`. */
  readonly ask: Effect.Effect<void>
  /** Before `/compact`. */
  readonly beforeCompaction: Effect.Effect<void>
  /** The session is ending: the running pass, or a last one, before the screen closes. */
  readonly atExit: Effect.Effect<void>
}

/** What a pass's outcome says in the transcript: each change and skill a dim line; a failure one line. */
const report = (session: LiveSession, reason: Reason, outcome: ReflectionOutcome | string): void => {
  const { ui } = session
  if (typeof outcome === "string") return ui.addNotice(`Reflection failed: ${outcome}`, "warning")
  for (const change of outcome.changes) ui.addNotice(`learned: ${describeChange(change)} \u2014 /memory to review`, "dim")
  for (const skill of outcome.skills) ui.addNotice(describeSkillOutcome(skill, "/skills"), skill._tag === "Refused" ? "warning" : "dim")
  if (outcome.changes.length === 0 && outcome.skills.length === 0 && (reason === "asked" || reason === "exit")) ui.addNotice(`Reflection: ${outcome.ran ? "nothing to learn" : "nothing new since the last reflection"}`, "dim")
}

export interface UsageCounters {
  /** Model steps since the last pass began. */
  readonly stepsSince: number
  /** The context was past CONTEXT_SHARE at the last step: a pass ran for this crossing already. */
  readonly contextHigh: boolean
}

/**
 * After a response's usage (its steps, the context's share of the window): which automatic pass
 * is due, if any. The context trigger fires once per crossing (compaction brings it back down).
 */
export const afterUsage = (
  counters: UsageCounters,
  steps: number,
  share: number,
  policy: ReflectionPolicy
): { readonly counters: UsageCounters; readonly reason?: "steps" | "context" } => {
  const next = { stepsSince: counters.stepsSince + steps, contextHigh: share >= CONTEXT_SHARE }
  if (!policy.auto) return { counters: next }
  if (next.contextHigh && !counters.contextHigh) return { counters: next, reason: "context" }
  if (policy.everySteps > 0 && next.stepsSince >= policy.everySteps) return { counters: next, reason: "steps" }
  return { counters: next }
}

export const makeReflectionSchedule = (
  session: LiveSession,
  startSettings: AllSettings,
  scope: Scope.Scope
): Effect.Effect<ReflectionSchedule, never, ReflectionServices | Settings> =>
  Effect.gen(function* () {
    const context = yield* Effect.context<ReflectionServices | Settings>()
    const policy = reflectionPolicy(startSettings)
    const { ui } = session
    let counters: UsageCounters = { stepsSince: 0, contextHigh: false }
    let running: Fiber.RuntimeFiber<void> | undefined
    /** An automatic pass that waits for the session to be idle. */
    let due: Reason | undefined
    let lastActivity = Date.now()

    // Settings read again at each pass: blocks may have been created since the session began.
    const pass = (reason: Reason) =>
      Effect.gen(function* () {
        const settings = yield* Effect.flatMap(Settings, (store) => store.load).pipe(Effect.orElseSucceed(() => startSettings))
        const outcome = yield* reflectOnAgent(session.state.agentId, settings, reason === "exit" ? EXIT_REFLECTION_SECONDS : undefined)
        report(session, reason, outcome._tag === "Left" ? outcome.left : outcome.right)
      }).pipe(Effect.provide(context))

    const start = (reason: Reason): Effect.Effect<void> =>
      Effect.gen(function* () {
        if (running !== undefined) {
          if (reason === "asked") ui.addNotice("A reflection pass is already running: what it learns shows when it ends.", "dim")
          return
        }
        counters = { ...counters, stepsSince: 0 }
        due = undefined
        if (reason === "asked") ui.addNotice("Reflecting on this session in the background\u2026", "dim")
        const fiber = yield* Effect.forkIn(pass(reason), scope)
        running = fiber
        fiber.addObserver(() => {
          if (running === fiber) running = undefined
        })
      })

    const observe = (event: TurnEvent): Effect.Effect<void> => {
      lastActivity = Date.now()
      if (event._tag !== "ServerMessage" || event.chunk.message.message_type !== "usage_statistics") return Effect.void
      const tokens = event.chunk.raw["context_tokens"]
      const window = session.status.getSnapshot().contextWindow
      const share = typeof tokens === "number" && window !== undefined && window > 0 ? tokens / window : 0
      const next = afterUsage(counters, event.chunk.message.step_count ?? 1, share, policy)
      counters = next.counters
      if (next.reason !== undefined) due ??= next.reason
      return Effect.void
    }

    // Starts the due pass once no turn has run for IDLE_BEFORE_PASS.
    const idleCheck = Effect.suspend(() => {
      if (due === undefined || running !== undefined || session.turn !== undefined || ui.isBusy) return Effect.void
      if (Date.now() - lastActivity < Duration.toMillis(IDLE_BEFORE_PASS)) return Effect.void
      const reason = due
      due = undefined
      return start(reason)
    })
    yield* Effect.forkIn(Effect.repeat(idleCheck, Schedule.spaced(Duration.millis(250))), scope)

    // In the foreground: the session waits, Esc or Ctrl-C (which interrupt "the turn") skip it.
    const atExit = Effect.gen(function* () {
      let fiber = running
      if (fiber !== undefined) ui.addNotice("Finishing the reflection pass before exit \u00b7 Esc to skip", "dim")
      else if (policy.auto && counters.stepsSince > 0) {
        ui.addNotice("Reflecting on this session before exit \u00b7 Esc to skip", "dim")
        fiber = yield* Effect.fork(pass("exit"))
      } else return
      session.turn = fiber
      ui.setBusy(true)
      const exit = yield* Fiber.await(fiber)
      ui.setBusy(false)
      session.turn = undefined
      if (Exit.isFailure(exit) && Cause.isInterruptedOnly(exit.cause)) ui.addNotice("Reflection skipped: memory is unchanged", "dim")
    })

    return {
      observe,
      ask: start("asked"),
      beforeCompaction: Effect.sync(() => {
        lastActivity = Date.now()
        if (policy.auto) due ??= "compact"
      }),
      atExit
    }
  })
