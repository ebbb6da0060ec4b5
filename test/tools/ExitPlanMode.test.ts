import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EXIT_PLAN_MODE_TOOL, ExitPlanMode } from "../../src/tools/ExitPlanMode.js"
import { decodeError, runTool } from "../support/toolHarness.js"

describe("ExitPlanMode tool", () => {
  it.effect("acknowledges the presented plan", () =>
    Effect.gen(function* () {
      expect(yield* runTool(ExitPlanMode, { plan: "1. Edit a.ts\n2. Run tests" })).toEqual({
        status: "success",
        text: "The plan (25 characters) was presented and approved. Carry it out now, starting with its first step."
      })
    }))

  it("validates its arguments and exports its name", () => {
    expect(EXIT_PLAN_MODE_TOOL).toBe("ExitPlanMode")
    expect(ExitPlanMode.name).toBe(EXIT_PLAN_MODE_TOOL)
    expect(decodeError(ExitPlanMode, {})).toBe("plan is missing")
    expect(ExitPlanMode.readOnly).toBe(false)
  })
})
