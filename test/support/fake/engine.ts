/**
 * The scripted agent loop: approval state machine (§10, §11), steps of a ScriptTurn, server tool
 * execution (§14), history recording (§13) and usage. Output goes to a Sink (SSE or collected).
 */
import type { ServerTools } from "./memoryTools.js"
import type { SendPlan } from "./sendBody.js"
import type { Sink } from "./sse.js"
import { envelope } from "./store.js"
import type { FakeAgent, FakeRun, PendingToolCall, ScriptStep, ScriptToolCall, ScriptTurn, ScriptTurnStep } from "./types.js"
import { approvalIdFor, httpError, isoDate, isRecord, newId, otidFor, sleep, textOf, toolCallId, type Json } from "./util.js"

export const NO_PENDING_DETAIL =
  "Cannot process approval response: No tool call is currently awaiting approval. Please send a regular message to interact with the agent."
export const CONFLICT_MESSAGE =
  "CONFLICT: Cannot send a new message: The agent is waiting for approval on a tool call. Please approve or deny the pending request before continuing."
export const CANCEL_REASON = "The user cancelled the request, so the tool call was denied."

export type Gate =
  | { readonly kind: "run" }
  | { readonly kind: "conflict"; readonly requestId: string }
  | { readonly kind: "bad_ids"; readonly expected: ReadonlyArray<string>; readonly received: ReadonlyArray<string> }

export type Outcome =
  | { readonly kind: "done"; readonly stopReason: string; readonly usage: Json }
  | { readonly kind: "error"; readonly stopReason: string; readonly error: { readonly error_type: string; readonly message: string; readonly detail: string | null } }
  | { readonly kind: "cancelled" }

export interface RunContext {
  readonly agent: FakeAgent
  readonly plan: SendPlan
  readonly run: FakeRun
  readonly sink: Sink
  readonly signal: AbortSignal
}

interface Continuation {
  readonly steps: ScriptTurn
  readonly next: number
  readonly deferred: ReadonlyArray<PendingToolCall>
}

const sameIds = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && new Set(b).size === b.length && a.every((id) => b.includes(id))

export const normalizeCall = (call: ScriptToolCall): PendingToolCall => ({
  id: call.id ?? toolCallId(),
  name: call.name,
  arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments)
})

/** Text split into ~4-char token chunks (never inside a surrogate pair), or exactly `count` pieces. */
const chunksOf = (text: string, count: number | undefined): string[] => {
  const out: string[] = []
  if (count !== undefined) {
    for (let i = 0; i < count; i++) out.push(text.slice(Math.floor((i * text.length) / count), Math.floor(((i + 1) * text.length) / count)))
    return out
  }
  let i = 0
  while (i < text.length) {
    let end = Math.min(text.length, i + 4)
    const code = text.charCodeAt(end - 1)
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++
    out.push(text.slice(i, end))
    i = end
  }
  return out
}

const toolReturn = (id: string, stepId: string | null, runId: string, callId: string, status: string, text: string, stdout: unknown, stderr: unknown): Json => {
  const out = Array.isArray(stdout) ? stdout : null
  const err = Array.isArray(stderr) ? stderr : null
  return {
    ...envelope(id, isoDate(), "tool_return_message", otidFor(id, 0), stepId, runId),
    tool_return: text,
    status,
    tool_call_id: callId,
    stdout: out,
    stderr: err,
    tool_returns: [{ type: "tool", tool_return: text, status, tool_call_id: callId, stdout: out, stderr: err }]
  }
}

const wanted = (ctx: RunContext, messageType: string): boolean => ctx.plan.returnTypes === null || ctx.plan.returnTypes.has(messageType)

export class Engine {
  private readonly continuations = new Map<string, Continuation>()
  private readonly lastAnswered = new Map<string, ReadonlyArray<string>>()

  constructor(
    private readonly tools: ServerTools,
    private readonly nextTurn: (agent: FakeAgent, userText: string) => ScriptTurn
  ) {}

  /** Pre-flight check of a send against the pending state; "nothing pending" is a plain 400. */
  gate(agent: FakeAgent, plan: SendPlan): Gate {
    const pending = agent.pending
    if (plan.approval) {
      const received = plan.approval.entries.map((e) => String(e["tool_call_id"]))
      if (!pending) {
        // Re-sending an approval that was already processed is a no-op keepalive (§10.1).
        const last = this.lastAnswered.get(agent.id)
        if (last && sameIds(last, received)) return { kind: "run" }
        throw httpError(400, NO_PENDING_DETAIL)
      }
      const expected = pending.toolCalls.map((c) => c.id)
      return sameIds(expected, received) ? { kind: "run" } : { kind: "bad_ids", expected, received }
    }
    return pending ? { kind: "conflict", requestId: pending.messageId } : { kind: "run" }
  }

  /** Seed a pending approval without a run (a crashed earlier session). */
  setPending(agent: FakeAgent, calls: ReadonlyArray<ScriptToolCall>, runId: string): void {
    const toolCalls = calls.map(normalizeCall)
    const messageId = approvalIdFor(newId("message"))
    agent.messages.push(this.approvalRequest(messageId, newId("step"), runId, toolCalls))
    agent.pending = { runId, messageId, toolCalls }
    agent.lastStopReason = "requires_approval"
    this.continuations.delete(agent.id)
  }

  /** Deny everything pending (cancel of a paused run, §12). */
  denyPending(agent: FakeAgent, reason: string, runId: string): void {
    const pending = agent.pending
    if (!pending) return
    const entries = pending.toolCalls.map((c): Json => ({ type: "approval", tool_call_id: c.id, approve: false, reason }))
    this.recordAnswers(agent, pending.toolCalls, entries, null, runId, null)
    this.continuations.delete(agent.id)
  }

  forget(agentId: string): void {
    this.continuations.delete(agentId)
    this.lastAnswered.delete(agentId)
  }

  async execute(ctx: RunContext): Promise<Outcome> {
    const { agent, plan } = ctx
    let approvals: ReadonlyArray<Json> = []
    const pending = agent.pending
    if (plan.approval && pending) {
      const stepId = newId("step")
      const returns = this.recordAnswers(agent, pending.toolCalls, plan.approval.entries, plan.approval.otid, ctx.run.id, stepId)
      for (const r of returns) if (!(await this.emit(ctx, r.message, false, r.always))) return { kind: "cancelled" }
      const deferred = this.continuations.get(agent.id)?.deferred ?? []
      for (const call of deferred) {
        const result = this.tools.execute(agent, call.name, call.arguments)
        const message = toolReturn(newId("message"), stepId, ctx.run.id, call.id, result.status, result.text, null, null)
        agent.messages.push(message)
        if (!(await this.emit(ctx, message, false, true))) return { kind: "cancelled" }
      }
      approvals = plan.approval.entries
    }

    let steps: ScriptTurn
    let index: number
    if (plan.userMessages.length > 0) {
      for (const user of plan.userMessages) {
        const id = newId("message")
        const otid = user.otid ?? otidFor(id, 0)
        agent.messages.push({ ...envelope(id, isoDate(), `${user.role}_message`, otid, null, null), content: user.content })
      }
      steps = this.nextTurn(agent, plan.userMessages.map((u) => textOf(u.content)).join("\n"))
      index = 0
    } else if (plan.approval && pending) {
      // The model carries on after the answers: from where its script paused, or (the pause was
      // seeded, as by a crashed session) with the next scripted turn.
      const cont = this.continuations.get(agent.id)
      steps = cont?.steps ?? this.nextTurn(agent, "")
      index = cont?.next ?? 0
    } else {
      steps = []
      index = 0
    }
    this.continuations.delete(agent.id)
    return this.loop(ctx, steps, index, approvals)
  }

  /** Record an approval answer: approval_response_message + one tool_return_message per pending call. */
  private recordAnswers(
    agent: FakeAgent,
    calls: ReadonlyArray<PendingToolCall>,
    entries: ReadonlyArray<Json>,
    otid: string | null,
    runId: string,
    stepId: string | null
  ): Array<{ message: Json; always: boolean }> {
    const responseId = newId("message")
    const single = entries.length === 1 && entries[0]?.["type"] === "approval" ? entries[0] : undefined
    agent.messages.push({
      ...envelope(responseId, isoDate(), "approval_response_message", otid ?? otidFor(responseId, 0), null, runId),
      approvals: entries,
      approve: single ? single["approve"] : null,
      approval_request_id: single ? single["tool_call_id"] : null,
      reason: single && typeof single["reason"] === "string" ? single["reason"] : null
    })
    const out: Array<{ message: Json; always: boolean }> = []
    for (const call of calls) {
      const entry = entries.find((e) => e["tool_call_id"] === call.id)
      if (!isRecord(entry)) continue
      const id = newId("message")
      let message: Json
      let always = false
      if (entry["type"] === "tool") {
        const text = typeof entry["tool_return"] === "string" ? entry["tool_return"] : textOf(entry["tool_return"])
        message = toolReturn(id, stepId, runId, call.id, String(entry["status"]), text, entry["stdout"], entry["stderr"])
      } else if (entry["approve"] === true) {
        const result = this.tools.execute(agent, call.name, call.arguments)
        message = toolReturn(id, stepId, runId, call.id, result.status, result.text, null, null)
        always = true
      } else {
        const reason = typeof entry["reason"] === "string" ? entry["reason"] : "No reason provided"
        message = toolReturn(id, stepId, runId, call.id, "error", `Error: request to call tool denied. User reason: ${reason}`, null, null)
      }
      agent.messages.push(message)
      out.push({ message, always })
    }
    agent.pending = null
    this.lastAnswered.set(agent.id, entries.map((e) => String(e["tool_call_id"])))
    return out
  }

  /** Send unless it is an echo in token mode; false when the run was cancelled meanwhile. */
  private async emit(ctx: RunContext, message: Json, content: boolean, always = true): Promise<boolean> {
    if ((always || !ctx.sink.tokens) && wanted(ctx, String(message["message_type"]))) {
      if (!ctx.sink.send(message, content)) await ctx.sink.drain()
    }
    return !ctx.signal.aborted
  }

  private async loop(ctx: RunContext, steps: ScriptTurn, start: number, approvals: ReadonlyArray<Json>): Promise<Outcome> {
    let index = start
    let stepsRun = 0
    let prompt = 0
    let completion = 0
    let previous = { approvals }
    let stopReason = "end_turn"
    for (;;) {
      if (stepsRun > 0 && stepsRun >= ctx.plan.maxSteps) {
        stopReason = "max_steps"
        break
      }
      const raw: ScriptTurnStep | undefined = steps[index]
      if (raw === undefined) break
      index++
      const step = typeof raw === "function" ? raw(previous) : raw
      previous = { approvals: [] }
      if (step.delayMs !== undefined && step.delayMs > 0) {
        ctx.sink.flush()
        await sleep(step.delayMs, ctx.signal)
      }
      if (ctx.signal.aborted) return { kind: "cancelled" }
      stepsRun++
      const result = await this.step(ctx, step, steps, index)
      if (result === "cancelled" || ctx.signal.aborted) return { kind: "cancelled" }
      prompt += step.usage?.prompt_tokens ?? 100
      completion += step.usage?.completion_tokens ?? step.tokenCount ?? (result.tokenEvents > 0 ? result.tokenEvents : 10)
      if (step.streamError) {
        const e = step.streamError
        return { kind: "error", stopReason: "llm_api_error", error: { error_type: e.error_type, message: e.message, detail: e.detail ?? null } }
      }
      if (result.stop !== undefined) {
        stopReason = result.stop
        break
      }
    }
    const total = prompt + completion
    const usage: Json = {
      message_type: "usage_statistics",
      completion_tokens: completion,
      prompt_tokens: prompt,
      total_tokens: total,
      step_count: stepsRun,
      run_ids: null,
      cached_input_tokens: null,
      cache_write_tokens: null,
      reasoning_tokens: null,
      context_tokens: total
    }
    return { kind: "done", stopReason, usage }
  }

  private approvalRequest(id: string, stepId: string, runId: string, calls: ReadonlyArray<PendingToolCall>): Json {
    const list = calls.map((c) => ({ name: c.name, arguments: c.arguments, tool_call_id: c.id }))
    return { ...envelope(id, isoDate(), "approval_request_message", id, stepId, runId), tool_call: list[0] ?? null, tool_calls: list }
  }

  /** Emit one LLM step. `stop` undefined = the loop continues (server tools ran). */
  private async step(
    ctx: RunContext,
    step: ScriptStep,
    steps: ScriptTurn,
    next: number
  ): Promise<{ stop?: string; tokenEvents: number } | "cancelled"> {
    const { agent, sink, run } = ctx
    const messageId = newId("message")
    const stepId = newId("step")
    const date = isoDate()
    const tokens = sink.tokens
    let part = 0
    let tokenEvents = 0
    // Await the socket only when its buffer is full (or the client left: then stop).
    const drained = async (): Promise<boolean> => {
      await sink.drain()
      return !ctx.signal.aborted
    }
    const send = async (message: Json, content: boolean): Promise<boolean> =>
      !wanted(ctx, String(message["message_type"])) || sink.send(message, content) || drained()
    const head = (type: string, otid: string | null, id = messageId): Json => envelope(id, date, type, otid, stepId, run.id)

    if (step.reasoning !== undefined) {
      const otid = otidFor(messageId, part++)
      if (tokens && wanted(ctx, "reasoning_message")) {
        // Token deltas are serialised from a per-part template: the envelope is identical across deltas.
        const prefix = `${JSON.stringify({ ...head("reasoning_message", otid), source: "reasoner_model" }).slice(0, -1)},"reasoning":`
        for (const chunk of chunksOf(step.reasoning, undefined)) {
          tokenEvents++
          if (!sink.sendRaw(`${prefix}${JSON.stringify(chunk)},"signature":null}`, true) && !(await drained())) return "cancelled"
        }
      }
      const whole = { ...head("reasoning_message", otid), source: "reasoner_model", reasoning: step.reasoning, signature: null }
      if (!tokens && !(await send(whole, true))) return "cancelled"
      agent.messages.push(whole)
    }
    if (step.text !== undefined || step.tokenCount !== undefined) {
      const text = step.text ?? "word ".repeat(step.tokenCount ?? 0)
      const otid = otidFor(messageId, part++)
      if (tokens && wanted(ctx, "assistant_message")) {
        const prefix = `${JSON.stringify(head("assistant_message", otid)).slice(0, -1)},"content":`
        for (const chunk of chunksOf(text, step.tokenCount)) {
          tokenEvents++
          if (!sink.sendRaw(`${prefix}${JSON.stringify(chunk)}}`, true) && !(await drained())) return "cancelled"
        }
      }
      const whole = { ...head("assistant_message", otid), content: text }
      if (!tokens && !(await send(whole, true))) return "cancelled"
      agent.messages.push(whole)
    }
    if (step.streamError) return { tokenEvents }

    // A client tool with the same name as a server tool overrides it for this request (§5.2), and a
    // `requires_approval` tool rule turns a server call into an approval request (§10.1).
    const clientNames = new Set((ctx.plan.clientTools ?? []).map((t) => String(t["name"])))
    for (const rule of agent.toolRules) {
      if (isRecord(rule) && rule["type"] === "requires_approval" && typeof rule["tool_name"] === "string") clientNames.add(rule["tool_name"])
    }
    const scripted = (step.serverToolCalls ?? []).map(normalizeCall)
    const serverCalls = scripted.filter((c) => !clientNames.has(c.name))
    const clientCalls = [...(step.toolCalls ?? []).map(normalizeCall), ...scripted.filter((c) => clientNames.has(c.name))]
    for (const call of serverCalls) {
      const otid = otidFor(messageId, part++)
      const whole = { ...head("tool_call_message", otid), tool_call: { name: call.name, arguments: call.arguments, tool_call_id: call.id }, tool_calls: [{ name: call.name, arguments: call.arguments, tool_call_id: call.id }] }
      if (tokens) {
        const first = { name: call.name, tool_call_id: call.id }
        if (!(await send({ ...head("tool_call_message", otid), tool_call: first, tool_calls: first }, false))) return "cancelled"
        for (const frag of chunksOf(call.arguments, Math.max(1, Math.ceil(call.arguments.length / 24)))) {
          const delta = { arguments: frag, tool_call_id: call.id }
          if (!(await send({ ...head("tool_call_message", otid), tool_call: delta, tool_calls: delta }, false))) return "cancelled"
        }
      } else if (!(await send(whole, false))) return "cancelled"
      agent.messages.push(whole)
    }

    if (clientCalls.length > 0) {
      const approvalId = approvalIdFor(messageId)
      const whole = this.approvalRequest(approvalId, stepId, run.id, clientCalls)
      if (tokens) {
        for (const call of clientCalls) {
          const first = { name: call.name, arguments: null, tool_call_id: call.id }
          if (!(await send({ ...head("approval_request_message", approvalId, approvalId), tool_call: first, tool_calls: first }, false))) return "cancelled"
          for (const frag of chunksOf(call.arguments, Math.max(1, Math.ceil(call.arguments.length / 24)))) {
            const delta = { name: null, arguments: frag, tool_call_id: call.id }
            if (!(await send({ ...head("approval_request_message", approvalId, approvalId), tool_call: delta, tool_calls: delta }, false))) return "cancelled"
          }
        }
      } else if (!(await send(whole, false))) return "cancelled"
      agent.messages.push(whole)
      const stop = step.stopReason ?? "requires_approval"
      if (stop === "requires_approval") {
        agent.pending = { runId: run.id, messageId: approvalId, toolCalls: clientCalls }
        this.continuations.set(agent.id, { steps, next, deferred: serverCalls })
      }
      return { stop, tokenEvents }
    }

    if (serverCalls.length > 0) {
      for (const call of serverCalls) {
        const result = this.tools.execute(agent, call.name, call.arguments)
        const message = toolReturn(newId("message"), stepId, run.id, call.id, result.status, result.text, null, null)
        agent.messages.push(message)
        if (!(await send(message, false))) return "cancelled"
      }
      return step.stopReason !== undefined ? { stop: step.stopReason, tokenEvents } : { tokenEvents }
    }
    return { stop: step.stopReason ?? "end_turn", tokenEvents }
  }
}
