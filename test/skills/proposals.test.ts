/** Skill proposals: checks, the SKILL.md they write, where they wait, accept, reject and auto. */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { decodeFrontMatter } from "../../src/domain/frontMatter.js"
import { SkillFrontMatter } from "../../src/domain/skills.js"
import { scanSkills } from "../../src/skills/discover.js"
import { proposalProblem, skillMarkdown } from "../../src/skills/proposalFormat.js"
import { acceptProposal, listProposals, proposeSkill, rejectProposal } from "../../src/skills/proposals.js"
import { projectProposalsDir, proposalsRoot } from "../../src/skills/proposalStore.js"
import { useTempWorkspace } from "../support/tempWorkspace.js"

let root = ""
let project = ""
let home = ""

useTempWorkspace("letta-proposals-", (dirs) => {
  ;({ root, project, home } = dirs)
})

const runTests = { name: "run-tests", description: "Run this repository's tests.", body: "1. npm ci\n2. npm test\n", scope: "project" as const }
const place = () => ({ projectDir: project, homeDir: home, agentId: "agent-1" })

describe("a proposal's checks", () => {
  it("each problem is one line the model can act on", () => {
    expect(proposalProblem(runTests)).toBeUndefined()
    expect(proposalProblem({ ...runTests, name: "Run Tests" })).toBe(
      'name must be 1-64 lowercase letters, digits or hyphens, starting with a letter or digit (e.g. "run-tests"), got "Run Tests"'
    )
    expect(proposalProblem({ ...runTests, name: "-x" })).toMatch(/^name must be/)
    expect(proposalProblem({ ...runTests, name: "a".repeat(65) })).toMatch(/^name must be/)
    expect(proposalProblem({ ...runTests, name: "a".repeat(64) })).toBeUndefined()
    expect(proposalProblem({ ...runTests, description: "  " })).toBe("description must not be empty: say in one or two sentences when to use the skill")
    expect(proposalProblem({ ...runTests, description: "d".repeat(1025) })).toBe("description must be at most 1024 characters (it has 1025)")
    expect(proposalProblem({ ...runTests, body: "\n \n" })).toBe("body must not be empty: give the steps, commands and pitfalls in markdown")
    expect(proposalProblem({ ...runTests, body: "b".repeat(20_001) })).toBe("body must be at most 20000 characters (it has 20001)")
    expect(proposalProblem({ ...runTests, scope: "global" })).toBe('scope must be "project" or "user", got "global"')
    for (const forged of ["\u001b[2Kok", "a\u001b]8;;http://x\u0007link", "bell\u0007", "c1\u009b31m"]) {
      expect(proposalProblem({ ...runTests, body: forged })).toMatch(/^description and body must not contain control characters/)
      expect(proposalProblem({ ...runTests, description: forged })).toMatch(/^description and body must not contain control characters/)
    }
    expect(proposalProblem({ ...runTests, body: "1. npm test\r\n\t2. done\n" })).toBeUndefined()
  })

  it("the SKILL.md parses back with the skills' own front-matter decoder, whatever the description holds", () => {
    for (const description of ["Run tests: always", 'Say "hi" and \'bye\'', "Use # not //", "First line.\nSecond: line", "---\nnot a fence", "- a list?", "yes"]) {
      const text = skillMarkdown({ name: "run-tests", description, body: "## Steps\n\n1. npm test\n" })
      const decoded = decodeFrontMatter("SKILL.md", text, SkillFrontMatter)
      expect(Either.isRight(decoded), `${description}: ${JSON.stringify(decoded)}`).toBe(true)
      if (Either.isRight(decoded)) {
        expect(decoded.right.data).toEqual({ name: "run-tests", description })
        expect(decoded.right.body).toBe("\n## Steps\n\n1. npm test\n")
      }
    }
    expect(skillMarkdown({ name: "a", description: "b", body: "c" })).toBe("---\nname: a\ndescription: b\n---\n\nc\n")
  })
})

describe("proposing", () => {
  it("stores the proposal aside under home: the agent is not offered it", async () => {
    const outcome = await proposeSkill(runTests, place(), "review")
    const dir = join(await projectProposalsDir(project, home), "run-tests")
    expect(outcome).toEqual({ _tag: "Pending", name: "run-tests", scope: "project", file: join(dir, "SKILL.md") })
    expect(dir.startsWith(join(home, ".letta", "skill-proposals", "project-"))).toBe(true)
    expect((await scanSkills(project, home)).skills).toEqual([])
    expect(await readdir(project)).toEqual([])
    const meta = JSON.parse(await readFile(join(dir, "proposal.json"), "utf8"))
    expect(meta).toMatchObject({ name: "run-tests", description: "Run this repository's tests.", scope: "project", projectDir: project, agentId: "agent-1" })
    expect(Number.isNaN(Date.parse(meta.proposedAt))).toBe(false)
    const list = await listProposals(project, home)
    expect(list.problems).toEqual([])
    expect(list.proposals).toEqual([
      {
        name: "run-tests",
        description: "Run this repository's tests.",
        scope: "project",
        dir,
        file: join(dir, "SKILL.md"),
        proposedAt: meta.proposedAt,
        body: "1. npm ci\n2. npm test",
        agentId: "agent-1"
      }
    ])
  })

  it("writes atomically: no temporary folder or file is left, and a second proposal replaces the first", async () => {
    await proposeSkill(runTests, place(), "review")
    await proposeSkill({ ...runTests, description: "Second version." }, place(), "review")
    const scopeDir = await projectProposalsDir(project, home)
    expect(await readdir(scopeDir)).toEqual(["run-tests"])
    expect((await readdir(join(scopeDir, "run-tests"))).sort()).toEqual(["SKILL.md", "proposal.json"])
    const list = await listProposals(project, home)
    expect(list.proposals.map((p) => p.description)).toEqual(["Second version."])
  })

  it("refuses an invalid proposal, and a name an installed skill has", async () => {
    expect(await proposeSkill({ ...runTests, name: "Bad_Name" }, place(), "review")).toMatchObject({ _tag: "Refused", reason: expect.stringMatching(/^name must be/) })
    await mkdir(join(project, ".letta", "skills", "run-tests"), { recursive: true })
    await writeFile(join(project, ".letta", "skills", "run-tests", "SKILL.md"), "---\ndescription: mine\n---\nx\n")
    expect(await proposeSkill(runTests, place(), "review")).toEqual({
      _tag: "Refused",
      reason: `a skill named "run-tests" already exists (${join(".letta", "skills", "run-tests", "SKILL.md")}); propose a different name`
    })
    expect(await proposeSkill({ ...runTests, scope: "user" }, place(), "auto")).toMatchObject({ _tag: "Refused" })
    expect((await listProposals(project, home)).proposals).toEqual([])
  })

  it("in auto mode installs at once and leaves no proposal", async () => {
    const outcome = await proposeSkill({ ...runTests, scope: "user" }, place(), "auto")
    const file = join(home, ".letta", "skills", "run-tests", "SKILL.md")
    expect(outcome).toEqual({ _tag: "Installed", name: "run-tests", scope: "user", file })
    const scan = await scanSkills(project, home)
    expect(scan.skills.map((s) => [s.name, s.scope, s.description, s.file])).toEqual([["run-tests", "user", "Run this repository's tests.", file]])
    expect((await listProposals(project, home)).proposals).toEqual([])
    expect(await readdir(join(home, ".letta", "skills"))).toEqual(["run-tests"])
  })

  it("another project's proposals are not listed; the user's are, everywhere", async () => {
    const other = join(root, "other")
    await mkdir(other)
    await proposeSkill(runTests, { projectDir: other, homeDir: home }, "review")
    await proposeSkill({ ...runTests, name: "cut-release", scope: "user" }, { projectDir: other, homeDir: home }, "review")
    expect((await listProposals(project, home)).proposals.map((p) => [p.name, p.scope])).toEqual([["cut-release", "user"]])
    expect((await listProposals(other, home)).proposals.map((p) => [p.name, p.scope])).toEqual([
      ["cut-release", "user"],
      ["run-tests", "project"]
    ])
  })

  it("a malformed proposal.json is skipped with a problem, never a crash", async () => {
    await proposeSkill(runTests, place(), "review")
    await proposeSkill({ ...runTests, name: "cut-release", scope: "user" }, place(), "review")
    const broken = join(proposalsRoot(home), "user", "cut-release", "proposal.json")
    await writeFile(broken, '{"name": "cut-release", "scope": "user"}')
    await mkdir(join(proposalsRoot(home), "user", "junk"))
    await writeFile(join(proposalsRoot(home), "user", "junk", "proposal.json"), "not json")
    const list = await listProposals(project, home)
    expect(list.proposals.map((p) => p.name)).toEqual(["run-tests"])
    expect(list.problems.map((p) => p.file)).toEqual([broken, join(proposalsRoot(home), "user", "junk", "proposal.json")])
    expect(list.problems[0]?.problem).toMatch(/^skipped: malformed \(/)
  })
})

describe("accepting and rejecting", () => {
  it("accept installs the proposal: scanSkills finds it, and the proposal is gone", async () => {
    await proposeSkill(runTests, place(), "review")
    const outcome = await acceptProposal("run-tests", project, home)
    const file = join(project, ".letta", "skills", "run-tests", "SKILL.md")
    expect(outcome).toEqual({ _tag: "Accepted", name: "run-tests", scope: "project", file })
    const scan = await scanSkills(project, home)
    expect(scan.skills.map((s) => [s.name, s.scope, s.file])).toEqual([["run-tests", "project", file]])
    expect(await readFile(file, "utf8")).toBe(skillMarkdown(runTests))
    expect((await listProposals(project, home)).proposals).toEqual([])
    expect(await readdir(join(project, ".letta", "skills"))).toEqual(["run-tests"])
  })

  it("accept never overwrites: a folder already there refuses, and the proposal stays", async () => {
    await proposeSkill(runTests, place(), "review")
    const target = join(project, ".letta", "skills", "run-tests")
    await mkdir(target, { recursive: true })
    await writeFile(join(target, "notes.txt"), "mine")
    const outcome = await acceptProposal("run-tests", project, home)
    expect(outcome).toMatchObject({ _tag: "Refused", reason: expect.stringContaining(`${join(".letta", "skills", "run-tests")} already exists`) })
    expect(await readdir(target)).toEqual(["notes.txt"])
    expect((await listProposals(project, home)).proposals.map((p) => p.name)).toEqual(["run-tests"])
  })

  it("a name pending in both scopes: the project's first, or the scope asked for", async () => {
    await proposeSkill(runTests, place(), "review")
    await proposeSkill({ ...runTests, scope: "user" }, place(), "review")
    expect(await rejectProposal("run-tests", project, home, "user")).toEqual({ _tag: "Rejected", name: "run-tests", scope: "user" })
    await proposeSkill({ ...runTests, scope: "user" }, place(), "review")
    expect(await acceptProposal("run-tests", project, home)).toMatchObject({ _tag: "Accepted", scope: "project" })
    expect((await listProposals(project, home)).proposals.map((p) => p.scope)).toEqual(["user"])
  })

  it("reject removes it; an unknown name says how to list them", async () => {
    await proposeSkill(runTests, place(), "review")
    expect(await rejectProposal("run-tests", project, home)).toEqual({ _tag: "Rejected", name: "run-tests", scope: "project" })
    expect((await listProposals(project, home)).proposals).toEqual([])
    expect((await scanSkills(project, home)).skills).toEqual([])
    const unknown = { _tag: "Refused", reason: 'no pending skill proposal named "run-tests" (letta skills pending lists them)' }
    expect(await rejectProposal("run-tests", project, home)).toEqual(unknown)
    expect(await acceptProposal("run-tests", project, home)).toEqual(unknown)
    expect(await acceptProposal("../../etc", project, home)).toMatchObject({ _tag: "Refused", reason: expect.stringMatching(/^no pending skill proposal named/) })
  })
})
