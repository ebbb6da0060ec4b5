/**
 * The `<available_skills>` reminder sent with the user's message: on an agent's first turn in
 * this process, and again whenever the set of skills (names and descriptions) changed; not
 * when it is the same as what this agent was last sent. Skipped when the Skill tool is not
 * loaded, or when there is no workspace (tests of the bare pipeline).
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ClientToolSpec } from "../../domain/letta.js"
import { type SkillProblem, skillsReminder, skillsSignature } from "../../domain/skills.js"
import { Workspace } from "../../services/Workspace.js"
import { scanSkills } from "../../skills/discover.js"
import { displayPath } from "../skillsCommand.js"

export interface SkillsForTurn {
  /** The reminder to send with this turn's message, if any. */
  readonly reminder: string | undefined
  /** Problems not reported before in this process. */
  readonly newProblems: ReadonlyArray<SkillProblem>
  /** Each of them as one line for stderr or a notice (paths as the user would type them). */
  readonly problemLines: ReadonlyArray<string>
  /** Records the list as sent to the agent (call once the message went out). */
  readonly markSent: Effect.Effect<void>
}

const NOTHING: SkillsForTurn = { reminder: undefined, newProblems: [], problemLines: [], markSent: Effect.void }
const EMPTY = skillsSignature([])

/** What each agent was last sent, by agent and project. */
const lastSent = new Map<string, string>()
const reported = new Set<string>()

export const skillsForTurn = (agentId: string, specs: ReadonlyArray<ClientToolSpec>): Effect.Effect<SkillsForTurn> =>
  Effect.gen(function* () {
    if (!specs.some((spec) => spec.name === "Skill")) return NOTHING
    const workspace = yield* Effect.serviceOption(Workspace)
    if (Option.isNone(workspace)) return NOTHING
    const { projectDir, homeDir } = workspace.value
    const scan = yield* Effect.promise(() => scanSkills(projectDir, homeDir))
    const newProblems = scan.problems.filter((problem) => {
      const key = `${problem.file}\u0000${problem.problem}`
      if (reported.has(key)) return false
      reported.add(key)
      return true
    })
    const problemLines = newProblems.map((problem) => `skill ${displayPath(problem.file, projectDir, homeDir)}: ${problem.problem}`)
    const key = `${agentId}\u0000${projectDir}`
    const signature = skillsSignature(scan.skills)
    // Nothing to say: the same list as last time, or no skills ever.
    if ((lastSent.get(key) ?? EMPTY) === signature) return { ...NOTHING, newProblems, problemLines }
    return {
      reminder: skillsReminder(scan.skills),
      newProblems,
      problemLines,
      markSent: Effect.sync(() => lastSent.set(key, signature))
    }
  }).pipe(Effect.catchAllDefect(() => Effect.succeed(NOTHING)))

/**
 * The agent's history lost the list (`/clear`, `/compact`): its next turn sends it again, even
 * unchanged.
 */
export const forgetSkillsSent = (agentId: string): void => {
  for (const key of [...lastSent.keys()]) if (key.startsWith(`${agentId}\u0000`)) lastSent.delete(key)
}

