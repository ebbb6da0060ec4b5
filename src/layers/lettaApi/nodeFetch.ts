/**
 * A `fetch` for the SDK built on node:http(s). On Node 20 the global fetch (undici) costs
 * ~200 ms and ~40 MiB on first use — most of a warm headless turn — while node:http is already
 * loaded. The SDK only needs status, headers, `text()`/`json()` and an async-iterable body, so
 * the response is a small object with exactly those, and the body is the Node stream itself.
 */
import type { IncomingMessage } from "node:http"
import { type Transport, transportFor } from "../nodeTransport.js"
import { LightHeaders } from "../../platform/lightHeaders.js"


class AbortError extends Error {
  override readonly name = "AbortError"
}

const readAll = async (body: IncomingMessage): Promise<string> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString("utf8")
}

const headerRecord = (headers: RequestInit["headers"]): Record<string, string> => {
  const record: Record<string, string> = {}
  for (const [name, value] of new LightHeaders(headers)) record[name] = value
  return record
}

const responseHeaders = (message: IncomingMessage): LightHeaders => {
  const headers = new LightHeaders()
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/** The part of `Response` the SDK reads. */
interface MinimalResponse {
  readonly ok: boolean
  readonly status: number
  readonly url: string
  readonly headers: LightHeaders
  readonly body: IncomingMessage
  text(): Promise<string>
  json(): Promise<unknown>
}

const send = (url: URL, init: RequestInit | undefined, transport: Transport): Promise<MinimalResponse> =>
  new Promise((resolve, reject) => {
    const signal = init?.signal ?? undefined
    if (signal?.aborted === true) {
      reject(new AbortError("The request was aborted"))
      return
    }
    const request = transport.request(url, {
      method: init?.method ?? "GET",
      headers: headerRecord(init?.headers),
      agent: transport.agent
    })
    let response: IncomingMessage | undefined
    // Before the answer: fail the request. After: end the body, which its reader sees as the end.
    const onAbort = () => (response === undefined ? request.destroy(new AbortError("The request was aborted")) : response.destroy())
    signal?.addEventListener("abort", onAbort, { once: true })
    // Kept for the request's whole life: a late socket error must never become an uncaught one.
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort)
      // The SDK treats a TypeError from fetch as a connection error; keep that contract.
      reject(error instanceof AbortError ? error : Object.assign(new TypeError("fetch failed"), { cause: error }))
    })
    request.once("response", (message) => {
      response = message
      message.once("close", () => signal?.removeEventListener("abort", onAbort))
      const status = message.statusCode ?? 0
      let text: Promise<string> | undefined
      const body = () => (text ??= readAll(message))
      resolve({
        ok: status >= 200 && status < 300,
        status,
        url: url.toString(),
        headers: responseHeaders(message),
        body: message,
        text: body,
        json: async () => JSON.parse(await body())
      })
    })
    const payload = init?.body
    if (typeof payload === "string" || payload instanceof Uint8Array) request.end(payload)
    else request.end()
  })

export const nodeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url)
  // The SDK only reads the members MinimalResponse has (see the comment at the top).
  return send(url, init, transportFor(url)) as unknown as Promise<Response>
}
