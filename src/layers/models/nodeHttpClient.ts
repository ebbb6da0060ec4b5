/**
 * An `@effect/platform` HttpClient over node:http(s), for the model providers. The platform's
 * FetchHttpClient uses the global fetch, which on Node 20 loads undici on first use (~200 ms and
 * ~40 MiB, see layers/lettaApi/nodeFetch.ts), and NodeHttpClient imports undici at load time;
 * node:http is already loaded. The response body is read straight from the IncomingMessage
 * (no web streams), through the small reader `HttpClientResponse.fromWeb` asks for.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import type { IncomingMessage } from "node:http"
import { transportFor } from "../nodeTransport.js"


const readAll = async (message: IncomingMessage): Promise<string> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of message) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString("utf8")
}

/**
 * The members of a web `Response` that `HttpClientResponse.fromWeb` reads for status, headers,
 * `text`/`json` and `stream` (a reader with `read` and `cancel`).
 */
const responseOf = (message: IncomingMessage) => {
  let text: Promise<string> | undefined
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value
  }
  const iterator = message[Symbol.asyncIterator]()
  const reader = {
    read: async (): Promise<{ done: boolean; value: Uint8Array | undefined }> => {
      const next = await iterator.next()
      return next.done === true ? { done: true, value: undefined } : { done: false, value: next.value as Uint8Array }
    },
    cancel: async (): Promise<void> => {
      message.destroy()
    },
    releaseLock: (): void => {}
  }
  return {
    status: message.statusCode ?? 0,
    headers,
    body: { getReader: () => reader },
    text: () => (text ??= readAll(message)),
    json: async () => JSON.parse(await (text ??= readAll(message))) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(await (text ??= readAll(message))).buffer,
    formData: async () => {
      throw new Error("form data bodies are not supported")
    }
  }
}

const bodyOf = (request: HttpClientRequest.HttpClientRequest): string | Uint8Array | undefined => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return undefined
    case "Uint8Array":
      return body.body
    case "Raw":
      return typeof body.body === "string" || body.body instanceof Uint8Array ? body.body : String(body.body)
    default:
      return undefined
  }
}

const send = (request: HttpClientRequest.HttpClientRequest, url: URL, signal: AbortSignal) =>
  Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((resume) => {
    const fail = (cause: unknown) => resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
    if (signal.aborted) {
      fail(new Error("The request was aborted"))
      return
    }
    if (request.body._tag === "FormData" || request.body._tag === "Stream") {
      fail(new Error(`a ${request.body._tag} request body is not supported`))
      return
    }
    const transport = transportFor(url)
    const outgoing = transport.request(url, { method: request.method, headers: { ...request.headers }, agent: transport.agent })
    let incoming: IncomingMessage | undefined
    // Before the answer: fail the request. After: end the body, which its reader sees.
    const onAbort = () => (incoming === undefined ? outgoing.destroy(new Error("The request was aborted")) : incoming.destroy())
    signal.addEventListener("abort", onAbort, { once: true })
    // Kept for the request's whole life: a late socket error must never become an uncaught one.
    outgoing.on("error", (error) => {
      signal.removeEventListener("abort", onAbort)
      if (incoming === undefined) fail(error)
    })
    outgoing.once("response", (message) => {
      incoming = message
      message.once("close", () => signal.removeEventListener("abort", onAbort))
      // The adapter carries exactly the members fromWeb reads (see responseOf).
      resume(Effect.succeed(HttpClientResponse.fromWeb(request, responseOf(message) as unknown as Response)))
    })
    const payload = bodyOf(request)
    if (payload === undefined) outgoing.end()
    else outgoing.end(payload)
    return Effect.sync(() => (incoming === undefined ? outgoing.destroy() : incoming.destroy()))
  })

/** node:http client; no tracing spans or trace headers (requests go to third parties). */
export const nodeHttpClient: HttpClient.HttpClient = HttpClient.make((request, url, signal) => send(request, url, signal)).pipe(
  HttpClient.withTracerDisabledWhen(() => true),
  HttpClient.withTracerPropagation(false)
)
