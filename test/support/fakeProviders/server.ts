/**
 * The fake provider server: node:http on 127.0.0.1:0, one FIFO queue of scripts consumed by model
 * calls, every request recorded, listings answered, and everything else a 404 in the provider's
 * error format. Encoding lives in the per-kind codecs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { anthropic, anthropicError } from "./anthropic.js"
import { requestId, type Codec, type ErrorAnswer } from "./codec.js"
import { listing, type Answer, type ListingContext } from "./listings.js"
import { openAiChat, openAiError } from "./openaiChat.js"
import { openAiResponses } from "./openaiResponses.js"
import { SSE_HEADERS, writeStream } from "./sse.js"
import { makeTurn } from "./turn.js"
import type { FakeProviderOptions, ProviderKind, RecordedRequest, Script, ScriptedReply } from "./types.js"

const CODECS: Readonly<Record<ProviderKind, Codec>> = {
  "openai-chat": openAiChat,
  "openai-responses": openAiResponses,
  anthropic
}

export const NO_REPLY_LEFT = "fake provider: no scripted reply left"

const DEFAULT_CONTEXT_WINDOW = 40_960

const defaultErrorMessages: Readonly<Record<number, string>> = {
  400: "Invalid request",
  401: "Invalid API key",
  403: "Permission denied",
  404: "Model not found",
  429: "Rate limit exceeded, please retry later",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  529: "Overloaded"
}

const flattenHeaders = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

const readBody = async (req: IncomingMessage): Promise<{ raw: string; body: unknown; invalidJson: boolean }> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer))
  const raw = Buffer.concat(chunks).toString("utf8")
  if (raw === "") return { raw, body: null, invalidJson: false }
  try {
    return { raw, body: JSON.parse(raw) as unknown, invalidJson: false }
  } catch {
    return { raw, body: raw, invalidJson: true }
  }
}

const send = (res: ServerResponse, answer: Answer | ErrorAnswer): void => {
  if (res.destroyed || res.headersSent) return
  const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body)
  res.writeHead(answer.status, {
    "content-type": typeof answer.body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "content-length": Buffer.byteLength(text),
    ...answer.headers
  })
  res.end(text)
}

export class FakeProvider {
  /** What a user puts in the provider's base URL setting: `${origin}/v1` for the OpenAI kinds, the origin for anthropic. */
  readonly baseUrl: string
  private readonly codec: Codec
  private readonly listingContext: ListingContext
  private readonly recorded: RecordedRequest[] = []
  private readonly queue: Script[] = []
  private readonly sockets = new Set<Socket>()
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>()
  private ids = 0
  private closing: Promise<void> | undefined

  private constructor(
    readonly kind: ProviderKind,
    private readonly server: Server,
    /** http://127.0.0.1:PORT */
    readonly origin: string,
    options: FakeProviderOptions
  ) {
    this.codec = CODECS[kind]
    this.baseUrl = kind === "anthropic" ? origin : `${origin}/v1`
    const models = options.models !== undefined && options.models.length > 0 ? options.models : this.codec.defaultModels
    this.listingContext = { kind, models, contextWindow: options.contextWindow ?? DEFAULT_CONTEXT_WINDOW }
    server.on("connection", (socket: Socket) => {
      this.sockets.add(socket)
      socket.on("close", () => this.sockets.delete(socket))
    })
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      res.on("error", () => undefined)
      this.handle(req, res).catch((e: unknown) => {
        send(res, this.codec.error(500, `fake provider: ${e instanceof Error ? e.message : String(e)}`))
      })
    })
  }

  /** Start a server of `kind` on 127.0.0.1 and a free port. */
  static async start(kind: ProviderKind, options: FakeProviderOptions = {}): Promise<FakeProvider> {
    if (!(kind in CODECS)) throw new Error(`unknown provider kind: ${String(kind)}`)
    const server = createServer()
    server.keepAliveTimeout = 1_000
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    return new FakeProvider(kind, server, `http://127.0.0.1:${port}`, options)
  }

  /** Queue scripts, one per model call, first in first out. */
  enqueue(...scripts: ReadonlyArray<Script>): void {
    this.queue.push(...scripts)
  }

  /** Every request received (model calls and listings), in arrival order. */
  get requests(): ReadonlyArray<RecordedRequest> {
    return this.recorded
  }

  /** Only the generation calls (POST to the kind's generation path). */
  modelCalls(): ReadonlyArray<RecordedRequest> {
    return this.recorded.filter((r) => r.method === "POST" && r.path === this.codec.generationPath)
  }

  /** Stop listening and destroy every open connection (hanging streams too). Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const [timer, wake] of this.sleepers) {
        clearTimeout(timer)
        wake()
      }
      this.sleepers.clear()
      this.server.close(() => resolve())
      for (const socket of this.sockets) socket.destroy()
      this.server.closeAllConnections()
    })
    return this.closing
  }

  private newId(prefix: string): string {
    this.ids++
    return `${prefix}fake${String(this.ids).padStart(6, "0")}`
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer)
        resolve()
      }, ms)
      this.sleepers.set(timer, resolve)
    })
  }

  private notFound(method: string, path: string): ErrorAnswer {
    return this.kind === "anthropic" ? anthropicError(404, "Not Found") : openAiError(404, `Invalid URL (${method} ${path})`, "invalid_request_error", null)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { body, invalidJson } = await readBody(req)
    const method = req.method ?? "GET"
    const request: RecordedRequest = { method, path: new URL(req.url ?? "/", "http://fake").pathname, headers: flattenHeaders(req), body }
    this.recorded.push(request)
    if (method === "POST" && request.path === this.codec.generationPath) {
      await this.generate(request, invalidJson, res)
      return
    }
    send(res, listing(this.listingContext, method, request.path, body) ?? this.notFound(method, request.path))
  }

  private async generate(request: RecordedRequest, invalidJson: boolean, res: ServerResponse): Promise<void> {
    const refusal = invalidJson ? this.codec.error(400, "We could not parse the JSON body of your request.") : this.codec.validate(request)
    if (refusal !== undefined) return send(res, refusal)
    const script = this.queue.shift()
    if (script === undefined) return send(res, this.codec.error(500, NO_REPLY_LEFT))
    const reply: ScriptedReply = typeof script === "function" ? script(request) : script
    if (reply.delayMs !== undefined && reply.delayMs > 0) await this.sleep(reply.delayMs)
    if (this.closing !== undefined || res.destroyed) return
    if (reply.error !== undefined) {
      const { status, type, message, retryAfter } = reply.error
      const answer = this.codec.error(status, message ?? defaultErrorMessages[status] ?? `HTTP ${status}`, type)
      return send(res, { ...answer, headers: { ...answer.headers, ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }) } })
    }
    const turn = makeTurn(reply, request, this.listingContext.models[0] ?? "model", (prefix) => this.newId(prefix))
    const idHeader = this.kind === "anthropic" ? { "request-id": requestId("req_") } : { "x-request-id": requestId("req_") }
    if (this.codec.streaming(request)) {
      res.writeHead(200, { ...SSE_HEADERS, ...idHeader })
      res.flushHeaders()
      await writeStream(res, this.codec.stream(turn), {
        ...(reply.hang === true ? { hang: true } : {}),
        ...(reply.streamErrorAfterChunks === undefined ? {} : { failAfter: reply.streamErrorAfterChunks })
      })
      return
    }
    // Not streamed: a hang sends the headers only; a "mid-stream" failure drops the connection.
    if (reply.hang === true) {
      res.writeHead(200, { "content-type": "application/json", ...idHeader })
      res.flushHeaders()
      return
    }
    if (reply.streamErrorAfterChunks !== undefined) {
      res.destroy()
      return
    }
    send(res, { status: 200, body: this.codec.complete(turn), headers: idHeader })
  }
}
