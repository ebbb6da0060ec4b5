/**
 * How long a started stream may stay silent, and how big one event may be. A Letta server pings
 * every 20 s while a run works, so three missed pings mean the connection is dead; model
 * providers get the 90 s ceiling (some think for a while without a byte). Tests shorten these
 * with LETTA_STREAM_IDLE_TIMEOUT_MS and LETTA_STREAM_MAX_EVENT_BYTES.
 */
import { DEFAULT_MAX_EVENT_CHARS } from "./sseParser.js"

export const LETTA_STREAM_IDLE_MS = 60_000
export const PROVIDER_STREAM_IDLE_MS = 90_000

const positive = (name: string): number | undefined => {
  const raw = process.env[name]?.trim()
  if (raw === undefined || raw.length === 0) return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value > 0 ? value : undefined
}

export const streamIdleTimeoutMs = (fallback: number): number => positive("LETTA_STREAM_IDLE_TIMEOUT_MS") ?? fallback

export const maxEventChars = (): number => positive("LETTA_STREAM_MAX_EVENT_BYTES") ?? DEFAULT_MAX_EVENT_CHARS

export const describeSeconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`)

/** How long one request waits for the server's answer (LETTA_REQUEST_TIMEOUT_MS in tests). */
export const requestTimeoutMs = (): number => positive("LETTA_REQUEST_TIMEOUT_MS") ?? 60_000
