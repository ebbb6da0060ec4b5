/** `/skills` in a session: pending proposals with a preview, and `/skills accept|reject <name>`. */
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import type { RunConfig } from "../../../src/domain/config.js"
import { runCommand, type SessionState } from "../../../src/programs/interactive/runSlashCommand.js"
import { skillsCommand, skillsLines } from "../../../src/programs/interactive/skillsPanel.js"
import type { UiStore } from "../../../src/programs/interactive/store.js"
import type { PanelLine, Tone } from "../../../src/programs/interactive/transcript.js"
import { RunStats } from "../../../src/programs/render/runStats.js"
import { Settings } from "../../../src/services/Settings.js"
import { Workspace } from "../../../src/services/Workspace.js"
import { scanSkills } from "../../../src/skills/discover.js"
import { listProposals, proposeSkill } from "../../../src/skills/proposals.js"
import { policy, scriptedApi } from "../../support/testLayers.js"
import { useTempWorkspace } from "../../support/tempWorkspace.js"

let project = ""
let home = ""

useTempWorkspace("letta-skills-panel-", (dirs) => {
  ;({ project, home } = dirs)
})

const body = Array.from({ length: 8 }, (_, i) => `step ${i + 1}`).join("\n")
const propose = (name: string) => proposeSkill({ name, description: "Run the tests.", body, scope: "project" }, { projectDir: project, homeDir: home }, "review")
const inWorkspace = <A>(effect: Effect.Effect<A>) => Effect.runPromise(Effect.provideService(effect, Workspace, { projectDir: project, homeDir: home }))

describe("the /skills panel", () => {
  it("has no pending section without proposals", async () => {
    const lines = skillsLines(await scanSkills(project, home), project, home, await listProposals(project, home))
    expect(lines.map((line) => line.text).some((text) => text.startsWith("Pending review"))).toBe(false)
  })

  it("lists pending proposals: name and scope, the description dim, six lines of preview, then how to review", async () => {
    await propose("run-tests")
    const lines = skillsLines(await scanSkills(project, home), project, home, await listProposals(project, home))
    const start = lines.findIndex((line) => line.text === "Pending review (1)")
    expect(start).toBeGreaterThan(0)
    expect(lines[start]).toMatchObject({ bold: true })
    expect(lines.slice(start + 1)).toEqual([
      { text: "run-tests \u00b7 project", tone: "info", prefix: "  " },
      { text: "Run the tests.", tone: "dim", prefix: "    " },
      ...Array.from({ length: 6 }, (_, i) => ({ text: `step ${i + 1}`, tone: "dim", prefix: "      " })),
      { text: "\u2026 (2 more lines)", tone: "dim", prefix: "      " },
      { text: "/skills accept <name> or /skills reject <name>", tone: "dim", prefix: "  " }
    ])
  })
})

describe("/skills accept|reject", () => {
  it("accept installs it, with the CLI's text; the skill is offered, the proposal gone", async () => {
    await propose("run-tests")
    const reply = await inWorkspace(skillsCommand("accept run-tests"))
    expect(reply).toEqual({
      _tag: "Notice",
      text: `Accepted skill "run-tests": ${join(".letta", "skills", "run-tests", "SKILL.md")} (offered from the next turn).`,
      tone: "success"
    })
    expect((await scanSkills(project, home)).skills.map((skill) => skill.name)).toEqual(["run-tests"])
    expect((await listProposals(project, home)).proposals).toEqual([])
  })

  it("reject, an unknown name, a missing name, an unknown action", async () => {
    await propose("run-tests")
    expect(await inWorkspace(skillsCommand("  reject   run-tests "))).toEqual({ _tag: "Notice", text: 'Rejected skill proposal "run-tests".', tone: "success" })
    expect(await inWorkspace(skillsCommand("reject run-tests"))).toEqual({
      _tag: "Notice",
      text: 'no pending skill proposal named "run-tests" (letta skills pending lists them)',
      tone: "error"
    })
    expect(await inWorkspace(skillsCommand("accept"))).toMatchObject({ _tag: "Notice", tone: "error", text: "Name the proposal: /skills accept <name> (/skills lists them)" })
    expect(await inWorkspace(skillsCommand("remove x"))).toMatchObject({ _tag: "Notice", tone: "error", text: expect.stringMatching(/^Unknown: \/skills remove x/) })
    expect(await inWorkspace(skillsCommand(""))).toMatchObject({ _tag: "Panel" })
  })

  it("runCommand passes the arguments on: a notice for accept, the panel for /skills alone", async () => {
    await propose("run-tests")
    const notices: Array<[string, Tone]> = []
    const panels: Array<ReadonlyArray<PanelLine>> = []
    const ui = { addNotice: (text: string, tone: Tone) => notices.push([text, tone]), addPanel: (lines: ReadonlyArray<PanelLine>) => panels.push(lines) } as unknown as UiStore
    const state: SessionState = { agentId: "agent-1", model: undefined, streamTokens: true, stats: new RunStats(), startedAt: Date.now() }
    const layer = Layer.mergeAll(
      scriptedApi([]).layer,
      policy(() => ({ _tag: "Allow" }) as never),
      Layer.succeed(Settings, {} as never),
      Layer.succeed(Workspace, { projectDir: project, homeDir: home })
    )
    const run = (args: string | undefined) =>
      Effect.runPromise(Effect.provide(runCommand("skills", { ui, state, config: {} as RunConfig, ...(args === undefined ? {} : { args }) }), layer))
    await run(undefined)
    expect(panels[0]?.map((line) => line.text)).toContain("Pending review (1)")
    await run("accept run-tests")
    expect(notices).toEqual([[`Accepted skill "run-tests": ${join(".letta", "skills", "run-tests", "SKILL.md")} (offered from the next turn).`, "success"]])
  })
})
