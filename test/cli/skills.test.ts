/** `letta skills pending|accept|reject`, and `letta skills list`'s reminder, in-process. */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { proposeSkill } from "../../src/skills/proposals.js"
import { runCli, tempProject } from "../support/cliHarness.js"

let workspace: ReturnType<typeof tempProject>
beforeEach(() => {
  workspace = tempProject()
})
afterEach(() => workspace.remove())

const body = Array.from({ length: 15 }, (_, i) => `${i + 1}. step ${i + 1}`).join("\n")
const propose = (name: string, scope: "project" | "user", text = body) =>
  proposeSkill({ name, description: `When to ${name}:\nalways.`, body: text, scope }, workspace, "review")

describe("letta skills pending", () => {
  it("none: says so", async () => {
    const run = await runCli(["skills", "pending"], { workspace })
    expect(run).toMatchObject({ code: 0, stdout: "No skill proposals wait for review.\n", stderr: "", message: "", chosen: [] })
  })

  it("each proposal with its scope, date, description and the start of its body; then how to review", async () => {
    await propose("run-tests", "project")
    await propose("fmt", "user", "Run prettier.")
    const run = await runCli(["skills", "pending"], { workspace })
    expect(run).toMatchObject({ code: 0, stderr: "", chosen: [] })
    const date = /proposed \d{4}-\d\d-\d\d \d\d:\d\d/.source
    const lines = run.stdout.split("\n")
    expect(lines[0]).toMatch(new RegExp(`^fmt        user     ${date}$`))
    expect(lines[1]).toBe("    When to fmt: always.")
    expect(lines[2]).toBe("      Run prettier.")
    expect(lines[3]).toBe("")
    expect(lines[4]).toMatch(new RegExp(`^run-tests  project  ${date}$`))
    expect(lines[5]).toBe("    When to run-tests: always.")
    expect(lines.slice(6, 18)).toEqual(Array.from({ length: 12 }, (_, i) => `      ${i + 1}. step ${i + 1}`))
    expect(lines[18]).toBe("      \u2026 (3 more lines)")
    expect(lines.slice(19)).toEqual(["", "letta skills accept <name> | letta skills reject <name>", ""])
  })
})

describe("letta skills accept|reject", () => {
  it("accept installs the skill, says where, and list then shows it", async () => {
    await propose("run-tests", "project")
    const run = await runCli(["skills", "accept", "run-tests"], { workspace })
    const file = join(".letta", "skills", "run-tests", "SKILL.md")
    expect(run).toMatchObject({ code: 0, stderr: "", message: "", stdout: `Accepted skill "run-tests": ${file} (offered from the next turn).\n` })
    expect(readFileSync(join(workspace.projectDir, file), "utf8")).toMatch(/^---\nname: run-tests\ndescription: /)
    const list = await runCli(["skills", "list"], { workspace })
    expect(list.stdout).toMatch(/^run-tests  project  /)
    expect(list.stderr).toBe("")
    expect((await runCli(["skills", "pending"], { workspace })).stdout).toBe("No skill proposals wait for review.\n")
  })

  it("accept refuses to overwrite an installed skill: one line, exit 1, the proposal kept", async () => {
    await propose("run-tests", "user")
    // Installed after the proposal was made.
    await proposeSkill({ name: "run-tests", description: "Mine.", body: "x", scope: "project" }, workspace, "auto")
    const run = await runCli(["skills", "accept", "run-tests"], { workspace })
    expect(run).toMatchObject({ code: 1, stdout: "" })
    expect(run.message).toBe(
      `letta: a skill named "run-tests" already exists (${join(".letta", "skills", "run-tests", "SKILL.md")}); reject this proposal, or remove or rename that skill first`
    )
    expect((await runCli(["skills", "pending"], { workspace })).stdout).toMatch(/^run-tests  user /)
    expect(existsSync(join(workspace.homeDir, ".letta", "skills"))).toBe(false)
  })

  it("reject removes it", async () => {
    await propose("run-tests", "project")
    const run = await runCli(["skills", "reject", "run-tests"], { workspace })
    expect(run).toMatchObject({ code: 0, stderr: "", message: "", stdout: 'Rejected skill proposal "run-tests".\n' })
    expect((await runCli(["skills", "pending"], { workspace })).stdout).toBe("No skill proposals wait for review.\n")
  })

  it("an unknown name: one line naming the command that lists them, exit 1", async () => {
    for (const action of ["accept", "reject"]) {
      const run = await runCli(["skills", action, "nope"], { workspace })
      expect(run).toMatchObject({ code: 1, stdout: "", message: 'letta: no pending skill proposal named "nope" (letta skills pending lists them)' })
    }
  })

  it("without a name: a usage error", async () => {
    const run = await runCli(["skills", "accept"], { workspace })
    expect(run.code).toBe(2)
  })
})

describe("letta skills list with proposals waiting", () => {
  it("says so on stderr; stdout is unchanged", async () => {
    const before = await runCli(["skills", "list"], { workspace })
    await propose("run-tests", "project")
    await propose("fmt", "user")
    const after = await runCli(["skills", "list"], { workspace })
    expect(after.stdout).toBe(before.stdout)
    expect(after.stderr).toBe("letta: 2 skill proposals wait for review: letta skills pending\n")
    await runCli(["skills", "reject", "fmt"], { workspace })
    expect((await runCli(["skills", "list"], { workspace })).stderr).toBe("letta: 1 skill proposal waits for review: letta skills pending\n")
  })
})

describe("the help", () => {
  it("letta skills --help names the review commands; letta --help stays one screen, within 100 columns", async () => {
    const skills = await runCli(["skills", "--help"], { workspace })
    for (const usage of ["letta skills pending", "letta skills accept <name>", "letta skills reject <name>"]) expect(skills.stdout).toContain(usage)
    const root = await runCli(["--help"], { workspace })
    expect(root.stdout).toContain("skills list|pending|accept|reject")
    const lines = root.stdout.split("\n")
    expect(lines.length).toBeLessThanOrEqual(62)
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100)
  })
})
