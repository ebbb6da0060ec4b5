/** The `providers` and `backend` settings keys (LOCAL-BACKEND.md §1–2), decoded with Schema. */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { ProjectSettings, UserSettings } from "../../../src/domain/settings.js"

const decodeUser = Schema.decodeUnknownEither(UserSettings)
const decodeProject = Schema.decodeUnknownEither(ProjectSettings)

describe("providers and backend settings", () => {
  it("decodes custom providers (user and project) and keeps unknown keys", () => {
    const providers = {
      groq: { api: "openai-chat", baseUrl: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", contextWindow: 131072, note: "kept" },
      gw: { api: "anthropic", baseUrl: "http://127.0.0.1:8080" }
    }
    const user = decodeUser({ providers, backend: "local", other: 1 })
    expect(Either.isRight(user) && user.right).toEqual({ providers, backend: "local", other: 1 })
    expect(Either.isRight(decodeProject({ providers }))).toBe(true)
  })

  it("refuses an unknown api, a base URL that is not http(s), a bad window, an unknown backend", () => {
    expect(Either.isLeft(decodeUser({ providers: { x: { api: "gemini", baseUrl: "https://x" } } }))).toBe(true)
    expect(Either.isLeft(decodeUser({ providers: { x: { api: "openai-chat", baseUrl: "api.groq.com" } } }))).toBe(true)
    expect(Either.isLeft(decodeUser({ providers: { x: { api: "openai-chat", baseUrl: "https://x", contextWindow: -5 } } }))).toBe(true)
    expect(Either.isLeft(decodeUser({ backend: "docker" }))).toBe(true)
  })
})
