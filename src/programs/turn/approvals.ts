/**
 * Answers every call a run is paused on: decide each with the policy
 * (asking the Prompter when the policy says Ask), run the allowed client tools — consecutive
 * read-only calls concurrently, anything that writes in order — and build ONE approval message.
 * A call is decided only after every earlier call that may change the file system has run: an
 * earlier `ln -s` or checkout changes where a later call's path really leads.
 */
import * as Effect from "effect/Effect"
import type { TurnEvent } from "../../domain/events.js"
import type { ApprovalAnswer, PendingToolCall } from "../../domain/letta.js"
import type { ToolOutput } from "../../domain/tools.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Prompter } from "../../services/Prompter.js"
import { type JudgedPaths, JudgedPathsRef, Tools, ToolOutputSink } from "../../services/Tools.js"
import { afterTool, decideWithHooks } from "./hooks.js"

type Plan =
  | {
      readonly _tag: "Run"
      readonly call: PendingToolCall
      readonly args: Readonly<Record<string, unknown>>
      /** Where its file paths led when it was judged: the tool refuses them if that changed. */
      readonly judged: JudgedPaths | undefined
    }
  | { readonly _tag: "Answered"; readonly call: PendingToolCall; readonly answer: ApprovalAnswer; readonly event: TurnEvent | undefined }

const denial = (call: PendingToolCall, reason: string): ApprovalAnswer => ({
  type: "approval",
  tool_call_id: call.toolCallId,
  approve: false,
  reason
})

/** A call the policy or the user denied; `input` is what it asked for (its decoded arguments). */
const deniedEvent = (call: PendingToolCall, reason: string, input: Readonly<Record<string, unknown>>): TurnEvent => ({
  _tag: "ToolResult",
  toolName: call.name,
  toolCallId: call.toolCallId,
  status: "denied",
  durationMs: 0,
  output: reason,
  deniedInput: input
})

/** The arguments of a call that is not one of ours (a server tool), as far as they are JSON. */
const rawArguments = (call: PendingToolCall): Readonly<Record<string, unknown>> => {
  try {
    const parsed: unknown = JSON.parse(call.arguments)
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/**
 * The answer to a call interrupted while it ran, with the output it printed before: a tool
 * result (an error) rather than a denial, so the agent sees what happened.
 */
export const interruptedAnswer = (call: PendingToolCall, partialOutput: string, reason: string): ApprovalAnswer => ({
  type: "tool",
  tool_call_id: call.toolCallId,
  status: "error",
  tool_return: `${partialOutput}${partialOutput.endsWith("\n") ? "" : "\n"}[${reason}: the command was killed while it ran; the output above is what it printed until then]`
})

/** Denies every call with one reason (interrupts, max turns, recovered sessions). */
export const denyAll = (calls: ReadonlyArray<PendingToolCall>, reason: string): ReadonlyArray<ApprovalAnswer> =>
  calls.map((call) => denial(call, reason))

const toolAnswer = (call: PendingToolCall, output: ToolOutput): ApprovalAnswer => ({
  type: "tool",
  tool_call_id: call.toolCallId,
  status: output.status,
  tool_return: output.text,
  ...(output.stdout === undefined ? {} : { stdout: output.stdout }),
  ...(output.stderr === undefined ? {} : { stderr: output.stderr })
})

/** Decides one call. Emits an AutoApproval event when the policy allowed it by itself. */
const planCall = <E>(call: PendingToolCall, emit: (event: TurnEvent) => Effect.Effect<void, E>) =>
  Effect.gen(function* () {
    const tools = yield* Tools
    const policy = yield* PermissionPolicy
    const prompter = yield* Prompter
    const isClientTool = tools.specs.some((spec) => spec.name === call.name)

    let args: Readonly<Record<string, unknown>> | undefined
    let judged: JudgedPaths | undefined
    if (isClientTool) {
      const decoded = tools.decode(call.name, call.arguments)
      if (decoded._tag === "Invalid") {
        // Nothing runs, so there is nothing to permit: tell the model what was wrong.
        const plan: Plan = {
          _tag: "Answered",
          call,
          answer: toolAnswer(call, decoded.output),
          event: {
            _tag: "ToolResult",
            toolName: call.name,
            toolCallId: call.toolCallId,
            status: "error",
            durationMs: 0,
            output: decoded.output.text
          }
        }
        return plan
      }
      args = decoded.args
      // Taken before the policy resolves the same paths, so a change after this is caught at run time.
      judged = yield* tools.locate(call.name, args)
    }

    // PreToolUse hooks are heard before the policy decides (a no-op without hooks).
    const decision = yield* decideWithHooks(call.name, args ?? rawArguments(call), policy.decide({ toolName: call.name, args }))
    let approved: boolean
    let reason = ""
    switch (decision._tag) {
      case "Allow":
        yield* emit({ _tag: "AutoApproval", toolName: call.name, toolCallId: call.toolCallId, matchedRule: decision.decidedBy })
        approved = true
        break
      case "Deny":
        approved = false
        reason = decision.reason
        break
      case "Ask": {
        const answer = yield* prompter.ask({ toolName: call.name, toolCallId: call.toolCallId, args })
        approved = answer._tag === "Approve"
        reason = answer._tag === "Reject" ? answer.reason : ""
        break
      }
    }
    if (!approved) {
      const plan: Plan = { _tag: "Answered", call, answer: denial(call, reason), event: deniedEvent(call, reason, args ?? rawArguments(call)) }
      return plan
    }
    if (args === undefined) {
      // Not one of our tools (a server tool that asked for approval): let the server run it.
      const plan: Plan = {
        _tag: "Answered",
        call,
        answer: { type: "approval", tool_call_id: call.toolCallId, approve: true },
        event: undefined
      }
      return plan
    }
    const plan: Plan = { _tag: "Run", call, args, judged }
    return plan
  })

/** An approved ExitPlanMode that ran ends plan mode (back to the default mode). */
const leavePlanMode = Effect.gen(function* () {
  const policy = yield* PermissionPolicy
  if ((yield* policy.mode) === "plan") yield* policy.setMode("default")
})

/** Live output is sent on at most this often. */
export const LIVE_OUTPUT_INTERVAL_MS = 100
/** The output of a running call kept for an interrupt, like Bash's own cap. */
export const PARTIAL_OUTPUT_CHARS = 30_000

/**
 * Live output of running calls (interactive mode): a `ToolOutput` event at most every
 * LIVE_OUTPUT_INTERVAL_MS while a tool reports output, and what each running call printed so
 * far in `partial` (by tool call id), so an interrupt can send it back instead of losing it.
 */
export interface LiveToolOutput {
  readonly partial: Map<string, string>
  /** Where the `ToolOutput` events go (straight to the screen, also while an interrupt stops the call). */
  readonly report: (event: Extract<TurnEvent, { readonly _tag: "ToolOutput" }>) => Effect.Effect<void>
}

/** Runs a call, with the paths it was judged on for its file tool to check. */
const execute = (plan: Extract<Plan, { _tag: "Run" }>) =>
  Effect.flatMap(Tools, (tools) => Effect.locally(tools.execute(plan.call.name, plan.args), JudgedPathsRef, plan.judged))

/** Runs a call with its output reported live: throttled events, and the partial output kept. */
const executeLive = (plan: Extract<Plan, { _tag: "Run" }>, live: LiveToolOutput) =>
  Effect.gen(function* () {
    const id = plan.call.toolCallId
    let pending = ""
    live.partial.set(id, "")
    const sink = (text: string) => {
      pending += text
      const kept = live.partial.get(id) ?? ""
      if (kept.length < PARTIAL_OUTPUT_CHARS) live.partial.set(id, (kept + text).slice(0, PARTIAL_OUTPUT_CHARS))
    }
    const flush = Effect.suspend(() => {
      if (pending.length === 0) return Effect.void
      const text = pending
      pending = ""
      return live.report({ _tag: "ToolOutput", toolCallId: id, text })
    })
    const ticker = Effect.sleep(LIVE_OUTPUT_INTERVAL_MS).pipe(Effect.zipRight(Effect.ignore(flush)), Effect.forever)
    const output = yield* Effect.scoped(
      Effect.zipRight(Effect.forkScoped(ticker), Effect.locally(execute(plan), ToolOutputSink, sink))
    ).pipe(
      // Interrupted: what it printed since the last tick still reaches the screen.
      Effect.onInterrupt(() => Effect.ignore(flush))
    )
    // Finished: the result carries the whole output; the partial copy is no longer needed.
    live.partial.delete(id)
    yield* Effect.ignore(flush)
    return output
  })

const runPlanned = <E>(
  plan: Extract<Plan, { _tag: "Run" }>,
  emit: (event: TurnEvent) => Effect.Effect<void, E>,
  live: LiveToolOutput | undefined
) =>
  Effect.gen(function* () {
    yield* emit({ _tag: "ToolStarted", toolName: plan.call.name, toolCallId: plan.call.toolCallId, args: plan.args })
    const started = Date.now()
    const output = yield* afterTool(plan.call.name, plan.args, yield* live === undefined ? execute(plan) : executeLive(plan, live))
    if (plan.call.name === "ExitPlanMode" && output.status === "success") yield* leavePlanMode
    yield* emit({
      _tag: "ToolResult",
      toolName: plan.call.name,
      toolCallId: plan.call.toolCallId,
      status: output.status,
      durationMs: Date.now() - started,
      output: output.text
    })
    return toolAnswer(plan.call, output)
  })

/** Runs decided calls in order: consecutive read-only ones concurrently, others alone. */
const runPlans = <E>(
  plans: ReadonlyArray<Plan>,
  emit: (event: TurnEvent) => Effect.Effect<void, E>,
  live: LiveToolOutput | undefined
): Effect.Effect<ReadonlyArray<ApprovalAnswer>, E, Tools | PermissionPolicy> =>
  Effect.gen(function* () {
    const tools = yield* Tools
    const answers = new Array<ApprovalAnswer>(plans.length)
    let index = 0
    while (index < plans.length) {
      const plan = plans[index]!
      if (plan._tag === "Answered") {
        if (plan.event !== undefined) yield* emit(plan.event)
        answers[index] = plan.answer
        index += 1
        continue
      }
      let end = index + 1
      if (tools.isReadOnly(plan.call.name)) {
        while (end < plans.length) {
          const next = plans[end]!
          if (next._tag !== "Run" || !tools.isReadOnly(next.call.name)) break
          end += 1
        }
      }
      const group = plans.slice(index, end).filter((p): p is Extract<Plan, { _tag: "Run" }> => p._tag === "Run")
      const results = yield* Effect.forEach(group, (p) => runPlanned(p, emit, live), { concurrency: "unbounded" })
      results.forEach((answer, offset) => {
        answers[index + offset] = answer
      })
      index = end
    }
    return answers
  })

/**
 * Decides and runs every pending call; returns the answers in the order of the calls. Each call
 * is decided after the earlier calls that may change the file system have run, so its decision
 * sees what they did; read-only calls change nothing, so a run of them is decided first and then
 * run together. Decisions stay one at a time: an interactive prompter shows one dialog at a time.
 */
export const answerPendingCalls = <E>(
  calls: ReadonlyArray<PendingToolCall>,
  emit: (event: TurnEvent) => Effect.Effect<void, E>,
  live?: LiveToolOutput
): Effect.Effect<ReadonlyArray<ApprovalAnswer>, E, Tools | PermissionPolicy | Prompter> =>
  Effect.gen(function* () {
    const tools = yield* Tools
    const answers: Array<ApprovalAnswer> = []
    // Decided but not yet run: denied calls and read-only ones, ended by at most one writer.
    let decided: Array<Plan> = []
    const runDecided = Effect.suspend(() => {
      const plans = decided
      decided = []
      return Effect.map(runPlans(plans, emit, live), (done) => void answers.push(...done))
    })
    for (const call of calls) {
      const plan = yield* planCall(call, emit)
      decided.push(plan)
      if (plan._tag === "Run" && !tools.isReadOnly(call.name)) yield* runDecided
    }
    yield* runDecided
    return answers
  })
