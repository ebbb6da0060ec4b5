/** `propose_skill`: the model's arguments decoded, what it reads back, and what a pass stores once it succeeds. */
import { join } from "node:path"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { listProposals } from "../../src/skills/proposals.js"
import * as Effect from "effect/Effect"
import { skillProposalTool } from "../../src/programs/learning/skillProposals.js"
import { decodeProposal, PROPOSE_SKILL_TOOL } from "../../src/skills/proposeSkillTool.js"
import { useTempWorkspace } from "../support/tempWorkspace.js"

let project = ""
let home = ""

useTempWorkspace("letta-propose-", (dirs) => {
  ;({ project, home } = dirs)
})

const args = { name: "run-tests", description: "Run the tests.", body: "npm test", scope: "project" }
const where = () => ({ projectDir: project, homeDir: home })

describe("propose_skill", () => {
  it("its spec asks for all four arguments", () => {
    expect(PROPOSE_SKILL_TOOL.name).toBe("propose_skill")
    expect(PROPOSE_SKILL_TOOL.parameters).toMatchObject({ required: ["name", "description", "body", "scope"], properties: { scope: { enum: ["project", "user"] } } })
    expect(PROPOSE_SKILL_TOOL.description).toContain("memory blocks")
  })

  it("bad JSON, a missing field, a wrong type: one clear line", () => {
    const bad = decodeProposal("{not json")
    expect(bad).toEqual(Either.left(expect.stringMatching(/^propose_skill: the arguments are not valid JSON \(/)))
    expect(Either.isLeft(bad) && bad.left.includes("\n")).toBe(false)
    expect(decodeProposal(JSON.stringify({ ...args, body: undefined }))).toEqual(Either.left('propose_skill: "body" is missing'))
    expect(decodeProposal(JSON.stringify({ ...args, name: 3 }))).toEqual(Either.left('propose_skill: "name" must be a string'))
    expect(decodeProposal("[]")).toEqual(Either.left(expect.stringMatching(/^propose_skill: the arguments must be an object/)))
    expect(decodeProposal(JSON.stringify({ ...args, scope: "everywhere" }))).toEqual(Either.left('Skill not proposed: scope must be "project" or "user", got "everywhere"'))
  })

  it("in a pass: a call is only recorded; settling stores it for review, or installs it in auto mode, never over an existing skill", async () => {
    const pass = await Effect.runPromise(skillProposalTool(where()))
    expect(await Effect.runPromise(pass.tool.record("{not json"))).toMatchObject({ status: "error" })
    expect(await Effect.runPromise(pass.tool.record(JSON.stringify(args)))).toEqual({
      status: "success",
      text: 'Recorded skill "run-tests" (project): it is kept for the user\'s review when this pass ends.'
    })
    expect((await listProposals(project, home)).proposals).toEqual([])
    expect(await Effect.runPromise(pass.settle("review"))).toEqual([expect.objectContaining({ _tag: "Pending", name: "run-tests", scope: "project" })])
    expect((await listProposals(project, home)).proposals.map((proposal) => proposal.name)).toEqual(["run-tests"])

    const auto = await Effect.runPromise(skillProposalTool(where()))
    expect(await Effect.runPromise(auto.tool.instructions)).toContain("run-tests (waiting for review)")
    await Effect.runPromise(auto.tool.record(JSON.stringify({ ...args, name: "cut-release", scope: "user" })))
    expect(await Effect.runPromise(auto.settle("auto"))).toEqual([expect.objectContaining({ _tag: "Installed", name: "cut-release", scope: "user" })])

    const again = await Effect.runPromise(skillProposalTool(where()))
    expect(await Effect.runPromise(again.tool.instructions)).toContain("cut-release")
    await Effect.runPromise(again.tool.record(JSON.stringify({ ...args, name: "cut-release" })))
    expect(await Effect.runPromise(again.settle("review"))).toEqual([
      { _tag: "Refused", reason: `a skill named "cut-release" already exists (~/${join(".letta", "skills", "cut-release", "SKILL.md")}); propose a different name` }
    ])
  })

  it("a pass proposes at most two skills", async () => {
    const pass = await Effect.runPromise(skillProposalTool(where()))
    for (const name of ["one", "two"]) expect((await Effect.runPromise(pass.tool.record(JSON.stringify({ ...args, name })))).status).toBe("success")
    expect(await Effect.runPromise(pass.tool.record(JSON.stringify({ ...args, name: "three" })))).toEqual({ status: "error", text: "Skill not proposed: a pass proposes at most 2 skills." })
  })

  it("decodeProposal checks without touching the disk", () => {
    expect(decodeProposal(JSON.stringify({ ...args, extra: 1 }))).toEqual(Either.right(args))
    expect(decodeProposal(JSON.stringify({ ...args, name: "No" }))).toEqual(Either.left(expect.stringMatching(/^Skill not proposed: name must be/)))
  })
})
