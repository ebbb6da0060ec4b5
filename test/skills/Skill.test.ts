import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import type { ClientToolSpec } from "../../src/domain/letta.js"
import { forgetSkillsSent, skillsForTurn } from "../../src/programs/turn/skillsReminder.js"
import { Workspace } from "../../src/services/Workspace.js"
import { Skill } from "../../src/tools/Skill.js"
import { decide, makeDirs, makePolicy } from "../permissions/support.js"
import { runTool, sessionLayer, useTempDir } from "../support/toolHarness.js"

const temp = useTempDir("letta-skill-tool-")

const write = async (path: string, text: string) => {
  await mkdir(join(path, ".."), { recursive: true })
  await writeFile(path, text)
}

describe("Skill tool", () => {
  it.live("returns the SKILL.md body and lists the skill's other files", () =>
    Effect.gen(function* () {
      const dir = join(temp.path(), ".letta", "skills", "deploy")
      yield* Effect.promise(async () => {
        await write(join(dir, "SKILL.md"), "---\nname: deploy\ndescription: Deploys\n---\n# Deploy\nRun scripts/go.sh\n")
        await write(join(dir, "scripts", "go.sh"), "echo go\n")
        await write(join(dir, "reference.md"), "ref\n")
      })
      const out = yield* runTool(Skill, { name: "deploy" }).pipe(Effect.provide(sessionLayer(temp.path())))
      expect(out.status).toBe("success")
      expect(out.text).toContain(`Base directory: ${dir}`)
      expect(out.text).toContain("- reference.md\n- scripts/go.sh")
      expect(out.text).toContain("# Deploy\nRun scripts/go.sh\n")
      expect(out.text).not.toContain("description: Deploys")
    }))

  it.live("names the available skills for an unknown name, and why a skill was skipped", () =>
    Effect.gen(function* () {
      yield* Effect.promise(async () => {
        await write(join(temp.path(), ".letta", "skills", "good", "SKILL.md"), "---\ndescription: ok\n---\n")
        await write(join(temp.path(), ".letta", "skills", "broken", "SKILL.md"), "---\nname: broken\n---\n")
      })
      const layer = sessionLayer(temp.path())
      const unknown = yield* runTool(Skill, { name: "nope" }).pipe(Effect.provide(layer))
      expect(unknown).toEqual({ status: "error", text: 'No skill named "nope". Available skills: good.' })
      const broken = yield* runTool(Skill, { name: "broken" }).pipe(Effect.provide(layer))
      expect(broken.status).toBe("error")
      expect(broken.text).toContain("broken/SKILL.md: skipped: front-matter: description is missing")
    }))
})

describe("skills reminder per turn", () => {
  const specs = (names: ReadonlyArray<string>) => names.map((name): ClientToolSpec => ({ name, description: "", parameters: {} }))

  it.live("sends the list on the first turn, not again while unchanged, again when it changes", () =>
    Effect.gen(function* () {
      const project = temp.path()
      const layer = Layer.succeed(Workspace, { projectDir: project, homeDir: join(project, "home") })
      const turn = (agent: string, tools = ["Read", "Skill"]) => skillsForTurn(agent, specs(tools)).pipe(Effect.provide(layer))
      // No skills ever: nothing to say.
      expect((yield* turn("agent-1")).reminder).toBeUndefined()
      yield* Effect.promise(() => write(join(project, ".letta", "skills", "a", "SKILL.md"), "---\ndescription: first\n---\n"))
      const first = yield* turn("agent-1")
      expect(first.reminder).toContain("- a: first")
      // Not sent (the request failed): offered again.
      expect((yield* turn("agent-1")).reminder).toContain("- a: first")
      yield* (yield* turn("agent-1")).markSent
      expect((yield* turn("agent-1")).reminder).toBeUndefined()
      // Another agent has not seen it.
      expect((yield* turn("agent-2")).reminder).toContain("- a: first")
      // Without the Skill tool, no list.
      expect((yield* turn("agent-3", ["Read"])).reminder).toBeUndefined()
      yield* Effect.promise(() => write(join(project, ".letta", "skills", "b", "SKILL.md"), "---\ndescription: second\n---\n"))
      const changed = yield* turn("agent-1")
      expect(changed.reminder).toContain("- a: first\n- b: second")
      yield* changed.markSent
      // After /clear or /compact, sent again unchanged.
      forgetSkillsSent("agent-1")
      expect((yield* turn("agent-1")).reminder).toContain("- a: first\n- b: second")
      // A malformed file is reported once.
      yield* Effect.promise(() => write(join(project, ".letta", "skills", "c", "SKILL.md"), "---\nname: c\n---\n"))
      expect((yield* turn("agent-1")).newProblems.map((p) => p.problem)).toEqual(["skipped: front-matter: description is missing"])
      expect((yield* turn("agent-1")).newProblems).toEqual([])
    }))
})

describe("Skill permissions", () => {
  it("allowed by default, also in plan mode; a Skill deny rule turns it off", async () => {
    const dirs = makeDirs()
    try {
      const policy = await makePolicy(dirs)
      expect(await decide(policy, "Skill", { name: "deploy" })).toEqual({ _tag: "Allow", decidedBy: "default: Skill reads a listed skill" })
      const planning = await makePolicy(dirs, { mode: "plan" })
      expect((await decide(planning, "Skill", { name: "deploy" }))._tag).toBe("Allow")
      const denying = await makePolicy(dirs, { project: { deny: ["Skill"] } })
      expect((await decide(denying, "Skill", { name: "deploy" }))._tag).toBe("Deny")
    } finally {
      dirs.cleanup()
    }
  })
})

describe("Skill tool limits", () => {
  it.live("a huge SKILL.md is cut, with a note saying where the rest is", () =>
    Effect.gen(function* () {
      const file = join(temp.path(), ".letta", "skills", "big", "SKILL.md")
      yield* Effect.promise(() => write(file, `---\ndescription: big\n---\n${"line of text\n".repeat(100_000)}`))
      const out = yield* runTool(Skill, { name: "big" }).pipe(Effect.provide(sessionLayer(temp.path())))
      expect(out.status).toBe("success")
      expect(out.text.length).toBeLessThan(31_000)
      expect(out.text).toContain(`[SKILL.md cut at 30000 characters: read ${file} with Read for the rest]`)
    }))
})
