/** The turn routes: send (streaming and not), history listing, cancel (§5.2, §6, §7, §12, §13). */
import { CANCEL_REASON, CONFLICT_MESSAGE, type Engine, type Outcome } from "./engine.js"
import { agentOf, paginate, type RequestCtx } from "./routes.js"
import { parseSendBody } from "./sendBody.js"
import { CollectSink, SseSink, type StreamFaults } from "./sse.js"
import type { FakeStore } from "./store.js"
import type { FakeAgent, FakeRun } from "./types.js"
import { HttpError, httpError, isRecord, isStringArray, isoDate, newId, pyList, sendJson, validationError, type Json } from "./util.js"

export interface ActiveRun {
  readonly agentId: string
  readonly controller: AbortController
}

export interface MessagesDeps {
  readonly store: FakeStore
  readonly engine: Engine
  readonly pingIntervalMs: number
  readonly active: Map<string, ActiveRun>
  readonly cancels: Array<{ agentId: string; runIds: string[] | undefined }>
  readonly onFirstContent: () => void
}

const invalidIds = (expected: ReadonlyArray<string>, received: ReadonlyArray<string>): string =>
  `Invalid tool call IDs. Expected '${pyList([...expected])}', but received '${pyList([...received])}'.`

const errorMessage = (runId: string, errorType: string, message: string, detail: string | null): Json => ({
  message_type: "error_message",
  run_id: runId,
  error_type: errorType,
  message,
  detail,
  seq_id: null
})

const zeroUsage = (): Json => ({
  message_type: "usage_statistics",
  completion_tokens: 0,
  prompt_tokens: 0,
  total_tokens: 0,
  step_count: 0,
  run_ids: null,
  cached_input_tokens: null,
  cache_write_tokens: null,
  reasoning_tokens: null,
  context_tokens: 0
})

const isV1Sdk = (ctx: RequestCtx): boolean => {
  const version = ctx.req.headers["x-stainless-package-version"]
  if (typeof version === "string") return Number(version.split(".")[0]) >= 1
  return ctx.req.headers["user-agent"] === undefined
}

export class MessageRoutes {
  constructor(private readonly deps: MessagesDeps) {}

  async send(ctx: RequestCtx, agentId: string, alwaysStream: boolean, faults: StreamFaults): Promise<void> {
    const { store, engine } = this.deps
    const agent = agentOf(store, agentId)
    const plan = parseSendBody(ctx.body, alwaysStream)
    if (!alwaysStream && plan.streaming && !isV1Sdk(ctx)) {
      // Server quirk (§1): streaming=true on this route needs an SDK >= 1.0 header or no User-Agent.
      throw httpError(422, "streaming=true is only supported for SDK v1.0+ clients.")
    }
    const gate = engine.gate(agent, plan)
    if (!plan.streaming && gate.kind === "conflict") {
      throw new HttpError(409, { detail: { code: "PENDING_APPROVAL", message: CONFLICT_MESSAGE, pending_request_id: gate.requestId } })
    }
    if (!plan.streaming && gate.kind === "bad_ids") throw httpError(400, invalidIds(gate.expected, gate.received))

    const run: FakeRun = {
      id: newId("run"),
      agentId: agent.id,
      status: "running",
      stopReason: null,
      background: plan.background,
      clientTools: plan.clientTools,
      createdAt: isoDate(),
      completedAt: null,
      error: null
    }
    store.runs.set(run.id, run)
    const controller = new AbortController()
    this.deps.active.set(run.id, { agentId: agent.id, controller })
    const hooks = { onFirstContent: this.deps.onFirstContent, onClose: () => controller.abort("disconnect") }
    try {
      if (!plan.streaming) {
        const sink = new CollectSink(ctx.res, hooks)
        const outcome = await engine.execute({ agent, plan, run, sink, signal: controller.signal })
        this.finishRun(agent, run, outcome)
        sink.finished = true
        if (sink.closed) return
        const stopReason = outcome.kind === "cancelled" ? "cancelled" : outcome.stopReason
        const usage = outcome.kind === "done" ? outcome.usage : zeroUsage()
        sendJson(ctx.res, 200, {
          messages: sink.messages,
          stop_reason: { message_type: "stop_reason", stop_reason: stopReason },
          usage,
          logprobs: null,
          turns: null
        })
        return
      }
      const sink = new SseSink(ctx.res, plan.tokens, run.id, {
        includePings: plan.includePings,
        pingIntervalMs: this.deps.pingIntervalMs,
        background: plan.background,
        faults,
        hooks
      })
      sink.start()
      if (gate.kind !== "run") {
        // Errors after HTTP 200 are reported in-stream (§7.2, §9).
        const error =
          gate.kind === "conflict"
            ? errorMessage(run.id, "internal_error", CONFLICT_MESSAGE, `pending_request_id: ${gate.requestId}`)
            : errorMessage(run.id, "internal_error", "An unknown error occurred with the LLM streaming request.", invalidIds(gate.expected, gate.received))
        run.status = "failed"
        run.stopReason = "error"
        run.completedAt = isoDate()
        run.error = { type: String(error["error_type"]), message: String(error["message"]), detail: String(error["detail"]) }
        sink.finishError("error", error)
        return
      }
      const outcome = await engine.execute({ agent, plan, run, sink, signal: controller.signal })
      this.finishRun(agent, run, outcome)
      if (sink.closed) return
      if (outcome.kind === "cancelled") sink.finishCancelled()
      else if (outcome.kind === "error") sink.finishError(outcome.stopReason, errorMessage(run.id, outcome.error.error_type, outcome.error.message, outcome.error.detail))
      else sink.finish(outcome.stopReason, outcome.usage)
    } finally {
      this.deps.active.delete(run.id)
    }
  }

  private finishRun(agent: FakeAgent, run: FakeRun, outcome: Outcome): void {
    run.completedAt = isoDate()
    if (outcome.kind === "cancelled") {
      run.status = "cancelled"
      run.stopReason = "cancelled"
    } else if (outcome.kind === "error") {
      run.status = "failed"
      run.stopReason = outcome.stopReason
      run.error = { type: outcome.error.error_type, message: outcome.error.message, detail: outcome.error.detail }
    } else {
      run.status = "completed"
      run.stopReason = outcome.stopReason
    }
    agent.lastStopReason = run.stopReason
    agent.updatedAt = isoDate()
  }

  list(ctx: RequestCtx, agentId: string): void {
    const agent = agentOf(this.deps.store, agentId)
    const types = ctx.query.getAll("include_return_message_types")
    const items = types.length === 0 ? agent.messages : agent.messages.filter((m) => types.includes(String(m["message_type"])))
    const order = ctx.query.get("order") ?? "desc"
    if (order !== "asc" && order !== "desc") throw validationError(["query", "order"], "Input should be 'asc' or 'desc'", order)
    // Newest `limit` (desc) or oldest `limit` (asc), always chronological within the page.
    sendJson(ctx.res, 200, paginate(items, (m) => String(m["id"]), ctx.query, 100, order === "desc"))
  }

  cancel(ctx: RequestCtx, agentId: string): void {
    const { store, engine, active } = this.deps
    const agent = agentOf(store, agentId)
    const body = ctx.body === undefined || ctx.body === null ? {} : ctx.body
    if (!isRecord(body)) throw validationError(["body"], "Input should be a valid dictionary", body)
    const raw = body["run_ids"]
    if (raw !== undefined && raw !== null && !isStringArray(raw)) throw validationError(["body", "run_ids"], "Input should be a valid list", raw)
    const runIds = raw === undefined || raw === null ? undefined : raw
    this.deps.cancels.push({ agentId: agent.id, runIds })
    const result: Record<string, string> = {}
    for (const [id, run] of active) {
      if (run.agentId !== agent.id || (runIds !== undefined && !runIds.includes(id))) continue
      run.controller.abort("cancel")
      result[id] = "cancelled"
    }
    const pending = agent.pending
    if (runIds !== undefined && pending && runIds.includes(pending.runId)) {
      engine.denyPending(agent, CANCEL_REASON, pending.runId)
      const run = store.runs.get(pending.runId)
      if (run) {
        run.status = "cancelled"
        run.stopReason = "cancelled"
      }
      agent.lastStopReason = "cancelled"
      result[pending.runId] = "cancelled"
    }
    if (Object.keys(result).length === 0) throw httpError(409, `CONFLICT: No active runs to cancel for agent ${agent.id}`)
    sendJson(ctx.res, 200, result)
  }
}
