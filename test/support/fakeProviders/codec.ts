/** What each wire API's encoder provides to the server (see openaiChat.ts, openaiResponses.ts, anthropic.ts). */
import { randomBytes } from "node:crypto"
import type { StreamPlan } from "./sse.js"
import type { Turn } from "./turn.js"
import type { RecordedRequest } from "./types.js"

/** A complete non-2xx answer. */
export interface ErrorAnswer {
  readonly status: number
  readonly body: unknown
  readonly headers: Readonly<Record<string, string>>
}

export interface Codec {
  /** Where model calls go (POST). */
  readonly generationPath: string
  readonly defaultModels: ReadonlyArray<string>
  /** A loose check of a model call: the provider's refusal when the real API would refuse it. */
  readonly validate: (request: RecordedRequest) => ErrorAnswer | undefined
  /** Whether the call asks for a stream (`"stream": true`). */
  readonly streaming: (request: RecordedRequest) => boolean
  /** The provider's error answer for `status`; `type` overrides the provider's error type for that status. */
  readonly error: (status: number, message: string, type?: string) => ErrorAnswer
  readonly stream: (turn: Turn) => StreamPlan
  /** The body of a non-streamed answer. */
  readonly complete: (turn: Turn) => unknown
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** The request body as an object (empty when it is not one). */
export const bodyOf = (request: RecordedRequest): Record<string, unknown> => (isRecord(request.body) ? request.body : {})

export const requestId = (prefix: string): string => `${prefix}${randomBytes(12).toString("hex")}`
