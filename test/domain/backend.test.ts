import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { chooseBackend } from "../../src/domain/backend.js"

describe("chooseBackend", () => {
  const none = Option.none()
  it("the flag wins, then LETTA_BACKEND, then the setting", () => {
    expect(chooseBackend(Option.some("local"), { LETTA_BACKEND: "cloud", LETTA_API_KEY: "k" }, "cloud")).toEqual(Either.right("local"))
    expect(chooseBackend(none, { LETTA_BACKEND: "local", LETTA_API_KEY: "k" }, "cloud")).toEqual(Either.right("local"))
    expect(chooseBackend(none, { LETTA_API_KEY: "k" }, "local")).toEqual(Either.right("local"))
  })
  it("defaults to cloud when a Letta server is configured, local otherwise", () => {
    expect(chooseBackend(none, { LETTA_API_KEY: "k" }, undefined)).toEqual(Either.right("cloud"))
    expect(chooseBackend(none, { LETTA_BASE_URL: "http://x" }, undefined)).toEqual(Either.right("cloud"))
    expect(chooseBackend(none, { LETTA_API_KEY: "  " }, undefined)).toEqual(Either.right("local"))
    expect(chooseBackend(none, {}, undefined)).toEqual(Either.right("local"))
  })
  it("a bad LETTA_BACKEND is a usage error naming the value", () => {
    const result = chooseBackend(none, { LETTA_BACKEND: "bogus" }, undefined)
    expect(Either.isLeft(result) && result.left.message).toContain('"bogus"')
  })
})
