/**
 * A scripted fake Letta server (v1 API, letta-api.md) for tests, the demo and benchmarks.
 * node:http only; listens on 127.0.0.1. Scripted turns are taken from one global queue; faults
 * are injected per request. Implementation modules live in ./fake/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { Engine } from "./fake/engine.js"
import { MessageRoutes, type ActiveRun } from "./fake/messages.js"
import { ServerTools } from "./fake/memoryTools.js"
import { Routes, type RequestCtx } from "./fake/routes.js"
import { DEFAULT_MODELS, FakeStore } from "./fake/store.js"
import type {
  FakeAgent,
  FakeAgentInit,
  FakeBlock,
  FakeBlockInit,
  FakeRun,
  FakeServerOptions,
  Fault,
  FaultRoute,
  RecordedRequest,
  ScriptToolCall,
  ScriptTurn
} from "./fake/types.js"
import { HttpError, isRecord, newId, isoDate, sendJson, sleep, validationError } from "./fake/util.js"

export type * from "./fake/types.js"

const DEFAULT_REPLY = "Hello from fake Letta"

const defaultDetail = (status: number): string =>
  ({ 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 500: "An unknown error occurred", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" })[status] ??
  "Injected fault"

/** Which fault `route` a request belongs to. */
const routeGroup = (method: string, segments: ReadonlyArray<string>): Exclude<FaultRoute, "any"> | "other" => {
  const [a, , c, d] = segments
  if (a === "agents" && c === "messages" && method === "POST" && (d === undefined || d === "stream") && segments.length <= 4) return "messages"
  if (a === "agents" && c === "core-memory") return "blocks"
  if (a === "agents") return "agents"
  if (a === "blocks") return "blocks"
  if (a === "models") return "models"
  return "other"
}

interface QueuedFault {
  readonly fault: Fault
  remaining: number
}

export class FakeLettaServer {
  readonly requests: RecordedRequest[] = []
  readonly cancels: Array<{ agentId: string; runIds: string[] | undefined }> = []
  private readonly store: FakeStore
  private readonly engine: Engine
  private readonly routes: Routes
  private readonly messageRoutes: MessageRoutes
  private readonly queue: ScriptTurn[] = []
  private readonly faults: QueuedFault[] = []
  private readonly active = new Map<string, ActiveRun>()
  private requestCount = 0
  private firstTokenAfter: number | undefined

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeServerOptions
  ) {
    const models = options.models ?? DEFAULT_MODELS
    this.store = new FakeStore(models, options.defaultModel ?? models[0] ?? "openai/gpt-5")
    this.engine = new Engine(new ServerTools(this.store), (agent, userText) => this.nextTurn(agent, userText))
    this.routes = new Routes(this.store, this.engine)
    this.messageRoutes = new MessageRoutes({
      store: this.store,
      engine: this.engine,
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      active: this.active,
      cancels: this.cancels,
      onFirstContent: () => {
        if (this.firstTokenAfter === undefined) this.firstTokenAfter = this.requestCount
      }
    })
  }

  static async start(options: FakeServerOptions = {}): Promise<FakeLettaServer> {
    const server = createServer({ keepAliveTimeout: 5_000 })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
    })
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    const fake = new FakeLettaServer(server, `http://127.0.0.1:${port}`, options)
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      fake.handle(req, res).catch(() => res.destroy())
    })
    return fake
  }

  /** Script the next turns: the next user message (any agent) takes the next turn. */
  enqueue(...turns: ScriptTurn[]): void {
    this.queue.push(...turns)
  }

  /** Faults are consumed in order, each by the first request it matches. */
  injectFault(fault: Fault): void {
    const times = fault.kind === "http" || fault.kind === "rate_limit" || fault.kind === "html_200" || fault.kind === "redirect" ? (fault.times ?? 1) : 1
    this.faults.push({ fault, remaining: times })
  }

  agent(id: string): FakeAgent | undefined {
    return this.store.agents.get(id)
  }
  /** The message requests (`POST …/messages`), in arrival order. */
  messagePosts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === "POST" && /\/messages\/?$/.test(r.path))
  }
  agents(): FakeAgent[] {
    return [...this.store.agents.values()]
  }
  block(id: string): FakeBlock | undefined {
    return this.store.blocks.get(id)
  }
  blocks(): FakeBlock[] {
    return [...this.store.blocks.values()]
  }
  run(id: string): FakeRun | undefined {
    return this.store.runs.get(id)
  }
  deleteBlock(id: string): void {
    this.store.deleteBlock(id)
  }
  deleteAgent(id: string): void {
    this.store.deleteAgent(id)
    this.engine.forget(id)
  }
  createAgentDirect(init: Partial<FakeAgentInit> = {}): FakeAgent {
    return this.store.createAgent(init)
  }
  createBlockDirect(init: Partial<FakeBlockInit> = {}): FakeBlock {
    return this.store.createBlock(init)
  }

  /** Simulate a crashed earlier session: the agent waits for approval of `toolCalls`. */
  setPendingApproval(agentId: string, toolCalls: ReadonlyArray<ScriptToolCall>): void {
    const agent = this.store.agents.get(agentId)
    if (!agent) throw new Error(`No agent ${agentId}`)
    const now = isoDate()
    const run: FakeRun = { id: newId("run"), agentId, status: "completed", stopReason: "requires_approval", background: false, clientTools: null, createdAt: now, completedAt: now, error: null }
    this.store.runs.set(run.id, run)
    this.engine.setPending(agent, toolCalls, run.id)
  }

  /** Requests received (since resetCounters()) when the first reasoning/assistant event was produced. */
  requestsBeforeFirstToken(): number | undefined {
    return this.firstTokenAfter
  }

  resetCounters(): void {
    this.requestCount = 0
    this.firstTokenAfter = undefined
  }

  async close(): Promise<void> {
    for (const run of this.active.values()) run.controller.abort("close")
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private nextTurn(agent: FakeAgent, userText: string): ScriptTurn {
    const next = this.queue.shift()
    if (next) return next
    if (this.options.defaultTurn) return this.options.defaultTurn({ agentId: agent.id, userText })
    return [{ text: this.options.defaultReply ?? DEFAULT_REPLY }]
  }

  /** The first queued fault this request matches (consumed), if any. */
  private takeFault(group: ReturnType<typeof routeGroup>, streaming: boolean, method: string): Fault | undefined {
    const idx = this.faults.findIndex(({ fault }) => {
      switch (fault.kind) {
        case "no_answer":
          return group === fault.route && method === "POST"
        case "http":
        case "rate_limit":
        case "html_200":
        case "redirect": {
          const route = fault.route ?? "any"
          return route === "any" || route === group
        }
        case "slow_first_byte":
          return group === "messages"
        default:
          return group === "messages" && streaming
      }
    })
    const queued = this.faults[idx]
    if (!queued) return undefined
    queued.remaining--
    if (queued.remaining <= 0) this.faults.splice(idx, 1)
    return queued.fault
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requestCount++
    const method = req.method ?? "GET"
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
    const text = Buffer.concat(chunks).toString("utf8")
    let body: unknown = undefined
    let badJson = false
    if (text.length > 0) {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
        badJson = true
      }
    }
    this.requests.push({ method, path: url.pathname, query: url.searchParams, headers: { ...req.headers }, body, at: Date.now() })

    try {
      const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname
      const parts = path.split("/")
      const segments = parts.slice(2)
      const isHealth = segments.length === 1 && segments[0] === "health"
      if (this.options.apiKey !== undefined && !isHealth && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
        return sendJson(res, 401, { detail: "Unauthorized" })
      }
      if (parts[1] !== "v1" || segments.length === 0) return sendJson(res, 404, { detail: "Not Found" })

      const group = routeGroup(method, segments)
      const streaming = segments[3] === "stream" || (isRecord(body) && body["streaming"] === true)
      const fault = this.takeFault(group, streaming, method)
      const streamFaults: { resetAfterEvents?: number; noStopReason?: boolean; malformedEvent?: boolean } = {}
      if (fault) {
        switch (fault.kind) {
          case "http":
            return sendJson(res, fault.status, { detail: fault.detail ?? defaultDetail(fault.status) }, fault.headers ?? {})
          case "rate_limit":
            return sendJson(res, 429, { detail: "Rate limit exceeded" }, { "retry-after": String(fault.retryAfterSeconds) })
          case "slow_first_byte":
            await sleep(fault.ms)
            break
          case "stall_after_first_byte":
            res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" })
            res.write(`data: ${JSON.stringify({ id: newId("ping"), message_type: "ping", run_id: newId("run") })}\n\n`)
            return // left open: close() ends it
          case "no_answer":
            if (fault.handled !== true) return // left open: close() ends it
            // Do the work, but let the answer go nowhere.
            res.writeHead = () => res
            res.write = () => true
            res.end = () => res
            break
          case "html_200": {
            const page = "<!doctype html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>\n"
            res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(page)) })
            res.end(page)
            return
          }
          case "redirect":
            res.writeHead(fault.status ?? 301, { location: fault.location, "content-length": "0" })
            res.end()
            return
          case "reset_mid_stream":
            streamFaults.resetAfterEvents = fault.afterEvents ?? 2
            break
          case "no_stop_reason":
            streamFaults.noStopReason = true
            break
          case "malformed_event":
            streamFaults.malformedEvent = true
            break
        }
      }
      if (badJson) throw validationError(["body"], "JSON decode error", text.slice(0, 200))

      const ctx: RequestCtx = { req, res, method, segments, query: url.searchParams, body }
      const [a, agentId, c, d] = segments
      if (a === "agents" && agentId !== undefined && c === "messages" && segments.length <= 4) {
        if (d === undefined && method === "POST") return await this.messageRoutes.send(ctx, agentId, false, streamFaults)
        if (d === "stream" && method === "POST") return await this.messageRoutes.send(ctx, agentId, true, streamFaults)
        if (d === undefined && method === "GET") return this.messageRoutes.list(ctx, agentId)
        if (d === "cancel" && method === "POST") return this.messageRoutes.cancel(ctx, agentId)
        if (d === undefined || d === "stream" || d === "cancel") return sendJson(res, 405, { detail: "Method Not Allowed" })
      }
      const handled = this.routes.handle(ctx)
      if (handled === "method") return sendJson(res, 405, { detail: "Method Not Allowed" })
      if (!handled) return sendJson(res, 404, { detail: "Not Found" })
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, e.body, e.headers)
      if (!res.headersSent) return sendJson(res, 500, { detail: "An unknown error occurred" })
      res.destroy()
    }
  }
}
