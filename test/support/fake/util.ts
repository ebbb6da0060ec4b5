/** Small helpers shared by the fake server modules: ids, dates, JSON responses, validation errors. */
import { randomUUID } from "node:crypto"
import type { ServerResponse } from "node:http"

export type Json = Record<string, unknown>

export const newId = (prefix: string): string => `${prefix}-${randomUUID()}`

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** Path ids are `<prefix>-<uuid4>`; anything else is a 422 on the real server. */
export const isValidId = (prefix: string, id: string): boolean =>
  id.startsWith(`${prefix}-`) && UUID4.test(id.slice(prefix.length + 1))

const hexOf = (uuid: string): bigint => BigInt(`0x${uuid.replace(/-/g, "")}`)
const uuidOf = (n: bigint): string => {
  const h = n.toString(16).padStart(32, "0")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** otid of part `index` of a message: its uuid with the low byte set to 0x80 + index (§6.4). */
export const otidFor = (messageId: string, index: number): string => {
  const uuid = messageId.slice(messageId.indexOf("-") + 1)
  return uuidOf((hexOf(uuid) & ~0xffn) | BigInt((0x80 + index) & 0xff))
}

/** The approval_request_message id: the step's message id minus one (§6.3). */
export const approvalIdFor = (messageId: string): string => {
  const dash = messageId.indexOf("-")
  return `${messageId.slice(0, dash)}-${uuidOf(hexOf(messageId.slice(dash + 1)) - 1n)}`
}

export const toolCallId = (): string => `call_${randomUUID().replace(/-/g, "").slice(0, 24)}`

/** ISO-8601 with seconds and offset: `2026-03-31T12:00:05+00:00`. */
export const isoDate = (ms: number = Date.now()): string => `${new Date(ms).toISOString().slice(0, 19)}+00:00`

export const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string")

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void => {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

/** An error that becomes an HTTP response `{"detail": …}` (or the 422 validation shape). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
  }
}

export const httpError = (status: number, detail: unknown): HttpError => new HttpError(status, { detail })

const pyRepr = (value: unknown): string => {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`
  if (typeof value === "number") return String(value)
  if (typeof value === "boolean") return value ? "True" : "False"
  if (value === null || value === undefined) return "None"
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`
  return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`
}

/** Python-style list rendering, as in "Invalid tool call IDs. Expected '[…]'". */
export const pyList = (items: ReadonlyArray<string | number>): string => pyRepr([...items])

/** 422 `{"trace_id":…,"detail":"<stringified list of pydantic errors>"}` (§9). */
export const validationError = (loc: ReadonlyArray<string | number>, msg: string, input?: unknown): HttpError => {
  const err = `{'type': 'value_error', 'loc': (${loc.map(pyRepr).join(", ")}${loc.length === 1 ? "," : ""}), 'msg': ${pyRepr(msg)}, 'input': ${pyRepr(input ?? null)}}`
  return new HttpError(422, { trace_id: randomUUID().replace(/-/g, ""), detail: `[${err}]` })
}

/** Resolve after `ms`, or early when `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve()
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort)
      resolve()
    }, ms)
    signal?.addEventListener("abort", onAbort, { once: true })
  })

/** Text of a `content` / `tool_return` value: a string or `{type:"text",text}` parts. */
export const textOf = (content: unknown): string => {
  if (typeof content === "string") return content
  if (!Array.isArray(content)) return ""
  let out = ""
  for (const part of content) if (isRecord(part) && typeof part["text"] === "string") out += part["text"]
  return out
}
