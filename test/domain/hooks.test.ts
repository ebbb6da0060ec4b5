/** The hooks block of a settings file: decoding (errors name the key) and matchers. */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { HooksSettings, matchingHooks } from "../../src/domain/hooks.js"

const decode = Schema.decodeUnknownEither(HooksSettings, { errors: "all" })

const settings = (matcher: string | undefined) =>
  Either.getOrThrow(decode({ PreToolUse: [{ ...(matcher === undefined ? {} : { matcher }), hooks: [{ type: "command", command: "x" }] }] }))

describe("hooks settings", () => {
  it("matchers: missing, empty and * match all; a name matches itself only; a regex matches whole names", () => {
    for (const all of [undefined, "", "*"]) expect(matchingHooks(settings(all), "PreToolUse", "Bash")).toHaveLength(1)
    expect(matchingHooks(settings("Bash"), "PreToolUse", "Bash")).toHaveLength(1)
    expect(matchingHooks(settings("Bash"), "PreToolUse", "BashOutput")).toHaveLength(0)
    expect(matchingHooks(settings("Edit|Write"), "PreToolUse", "Write")).toHaveLength(1)
    expect(matchingHooks(settings("mcp__github__.*"), "PreToolUse", "mcp__github__create_issue")).toHaveLength(1)
    // An invalid regular expression matches only its exact text.
    expect(matchingHooks(settings("Bash("), "PreToolUse", "Bash")).toHaveLength(0)
    expect(matchingHooks(settings("Bash"), "PostToolUse", "Bash")).toHaveLength(0)
  })

  it("a malformed entry is an error naming what is wrong; events it does not run are kept", () => {
    const bad = decode({ PreToolUse: [{ hooks: [{ type: "prompt", command: "x" }] }], Stop: [{ hooks: [{ type: "command", timeout: -1, command: "y" }] }] })
    expect(Either.isLeft(bad)).toBe(true)
    const message = Either.isLeft(bad) ? bad.left.message : ""
    expect(message).toContain("type")
    expect(message).toContain("timeout")
    expect(Either.isRight(decode({ SubagentStop: [{ whatever: true }] }))).toBe(true)
  })
})
