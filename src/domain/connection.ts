/** Which Letta server to talk to, from LETTA_BASE_URL / LETTA_API_KEY. */
import * as Either from "effect/Either"
import { ConfigError } from "./errors.js"
import { maskUrlCredentials } from "./redaction.js"

export const LETTA_CLOUD_URL = "https://api.letta.com"

export interface Connection {
  /** Normalised: no trailing slash, no `/v1` suffix. */
  readonly baseUrl: string
  readonly apiKey: string | undefined
  readonly isCloud: boolean
  /** LETTA_DEBUG=1: log each request's timing to stderr. */
  readonly debug: boolean
}

export const connectionFromEnv = (env: Readonly<Record<string, string | undefined>>): Either.Either<Connection, ConfigError> => {
  const raw = env["LETTA_BASE_URL"]?.trim() || LETTA_CLOUD_URL
  // What messages show of it: a user:password part is credentials.
  const shown = maskUrlCredentials(raw)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return Either.left(new ConfigError({ message: `LETTA_BASE_URL is not a valid URL: "${shown}".`, hint: "Example: http://localhost:8283" }))
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Either.left(new ConfigError({ message: `LETTA_BASE_URL must be an http(s) URL, got "${shown}".` }))
  }
  // Users often paste the API root; the SDK adds /v1 itself.
  const path = url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "")
  const baseUrl = `${url.protocol}//${url.host}${path}`
  const apiKey = env["LETTA_API_KEY"]?.trim() || undefined
  const isCloud = url.host === "api.letta.com"
  if (isCloud && apiKey === undefined) {
    return Either.left(
      new ConfigError({
        message: "LETTA_API_KEY is not set, and Letta Cloud needs it.",
        hint: "Create a key at https://app.letta.com and `export LETTA_API_KEY=...`, or set LETTA_BASE_URL to a self-hosted server (e.g. http://localhost:8283)."
      })
    )
  }
  return Either.right({ baseUrl, apiKey, isCloud, debug: env["LETTA_DEBUG"] === "1" })
}
