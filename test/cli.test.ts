/** `toRunConfig`: which agent a run asks for (PRODUCT.md §1). */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { type Parsed, toRunConfig } from "../src/cli.js"

const parsed = (overrides: Partial<Parsed> = {}): Parsed => ({
  prompt: true,
  outputFormat: "text",
  continue: false,
  agent: Option.none(),
  new: false,
  backend: Option.none(),
  model: Option.none(),
  tools: Option.none(),
  allowedTools: Option.none(),
  disallowedTools: Option.none(),
  permissionMode: Option.none(),
  yolo: false,
  maxTurns: Option.none(),
  words: ["hi"],
  ...overrides
})

describe("toRunConfig: the agent choice", () => {
  it.effect("no flag means a new agent; --new (kept for scripts) means the same", () =>
    Effect.gen(function* () {
      expect((yield* toRunConfig(parsed(), true)).agent).toEqual({ _tag: "New" })
      expect((yield* toRunConfig(parsed({ new: true }), true)).agent).toEqual({ _tag: "New" })
    })
  )

  it.effect("--continue resumes; --agent names one", () =>
    Effect.gen(function* () {
      expect((yield* toRunConfig(parsed({ continue: true }), true)).agent).toEqual({ _tag: "Continue" })
      expect((yield* toRunConfig(parsed({ agent: Option.some(" agent-1 ") }), true)).agent).toEqual({ _tag: "Explicit", agentId: "agent-1" })
    })
  )

  it.effect("contradictory choices are usage errors", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(toRunConfig(parsed({ continue: true, new: true }), true))
      expect(error.message).toBe("--continue and --new cannot be used together.")
      const three = yield* Effect.flip(toRunConfig(parsed({ continue: true, new: true, agent: Option.some("agent-1") }), true))
      expect(three.message).toBe("--continue and --agent and --new cannot be used together.")
    })
  )
})
