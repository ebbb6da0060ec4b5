import { describe, expect, it } from "vitest"
import type { LettaMessage } from "../../../src/domain/letta.js"
import { historySince, transcriptOf } from "../../../src/programs/learning/transcript.js"
import { reflectionPolicy } from "../../../src/programs/learning/reflectionPolicy.js"
import { afterUsage, CONTEXT_SHARE } from "../../../src/programs/learning/reflectionSchedule.js"
import { describeChange } from "../../../src/programs/learning/reflection.js"

const user = (id: string, text: string) => ({ id, message_type: "user_message", content: text }) as unknown as LettaMessage
const agent = (id: string, text: string) => ({ id, message_type: "assistant_message", content: text }) as unknown as LettaMessage
const reasoning = (id: string) => ({ id, message_type: "reasoning_message", reasoning: "hmm" }) as unknown as LettaMessage

describe("what a reflection pass reads", () => {
  const history = [user("m1", "first"), agent("m2", "one"), user("m3", "second"), reasoning("m4"), agent("m4", "two")]

  it("without a previous pass: all of it, reasoning left out", () => {
    expect(historySince(history, undefined)).toEqual({ transcript: "User: first\nAgent: one\nUser: second\nAgent: two", newestId: "m4" })
  })

  it("after a previous pass: only what came after the newest entry it read (entries sharing its id included in it)", () => {
    expect(historySince(history, "m2").transcript).toBe("User: second\nAgent: two")
    expect(historySince(history, "m4")).toEqual({ transcript: "", newestId: "m4" })
  })

  it("a previous pass older than the window read: everything in the window is new", () => {
    expect(historySince(history, "m0").transcript).toBe(transcriptOf(history))
  })

  it("a long history keeps what the user said before the agent's older work, and marks what it left out", () => {
    const long = [user("u0", "use pnpm, not npm"), ...Array.from({ length: 60 }, (_, i) => agent(`a${i}`, `step ${i} ${"x".repeat(1000)}`)), user("u1", "thanks")]
    const transcript = transcriptOf(long)
    expect(transcript.startsWith("User: use pnpm, not npm\n[\u2026]\n")).toBe(true)
    expect(transcript.endsWith("Agent: step 59 " + "x".repeat(1000) + "\nUser: thanks")).toBe(true)
    expect(transcript).not.toContain("step 0 ")
    expect(transcript.length).toBeLessThanOrEqual(24_000 + 20)
  })

  it("system reminders are not the user's words", () => {
    expect(transcriptOf([user("m1", "<system-reminder>skills</system-reminder>")])).toBe("")
  })
})

describe("reflection settings", () => {
  const settings = (user: object, project: object, local: object) => ({ user, project, local }) as never

  it("defaults: automatic, every 25 steps, skills reviewed", () => {
    expect(reflectionPolicy(settings({}, {}, {}))).toEqual({ auto: true, everySteps: 25, skills: "review" })
  })

  it("local over project over user", () => {
    const policy = reflectionPolicy(settings({ reflection: { everySteps: 5, auto: true } }, { reflection: { everySteps: 0 } }, { reflection: { auto: false } }))
    expect(policy).toMatchObject({ auto: false, everySteps: 0 })
  })

  it("skipping the review of skills is only read from the user's own files", () => {
    expect(reflectionPolicy(settings({}, { reflection: { skills: "auto" } }, {})).skills).toBe("review")
    expect(reflectionPolicy(settings({ reflection: { skills: "auto" } }, {}, {})).skills).toBe("auto")
    expect(reflectionPolicy(settings({}, {}, { reflection: { skills: "auto" } })).skills).toBe("auto")
  })
})

describe("automatic reflection in a session", () => {
  const policy = { auto: true, everySteps: 3, skills: "review" } as const
  const fresh = { stepsSince: 0, contextHigh: false }

  it("every everySteps model steps", () => {
    const one = afterUsage(fresh, 2, 0.1, policy)
    expect(one.reason).toBeUndefined()
    expect(afterUsage(one.counters, 1, 0.1, policy).reason).toBe("steps")
    expect(afterUsage(fresh, 5, 0.1, { ...policy, everySteps: 0 }).reason).toBeUndefined()
  })

  it("once when the context passes its share of the window, again only after it came back down", () => {
    const crossed = afterUsage(fresh, 1, CONTEXT_SHARE, policy)
    expect(crossed.reason).toBe("context")
    const still = afterUsage({ ...crossed.counters, stepsSince: 0 }, 1, 0.7, policy)
    expect(still.reason).toBeUndefined()
    const compacted = afterUsage(still.counters, 0, 0.3, policy)
    expect(afterUsage({ ...compacted.counters, stepsSince: 0 }, 1, 0.65, policy).reason).toBe("context")
  })

  it("never with auto off, though the steps are still counted (for the pass at exit)", () => {
    const off = afterUsage(fresh, 10, 0.9, { ...policy, auto: false })
    expect(off.reason).toBeUndefined()
    expect(off.counters.stepsSince).toBe(10)
  })
})

describe("a change in one line", () => {
  it("the first line the change added, without control characters", () => {
    expect(describeChange({ label: "human", before: "Likes tea.", after: "Likes tea.\nPrefers pnpm over npm." })).toBe("human: Prefers pnpm over npm.")
    expect(describeChange({ label: "project", before: "", after: "Use \u001b[2Jpnpm\u0007." })).toBe("project: Use  [2Jpnpm .")
    expect(describeChange({ label: "persona", before: "a\nb", after: "b\na" })).toBe("persona: rewritten")
  })
})
