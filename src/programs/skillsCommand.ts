/** `letta skills list` and the TUI's `/skills`: the skills the agent is offered, and the skipped files. */
import { relative, sep } from "node:path"
import * as Effect from "effect/Effect"
import { isInside } from "../domain/paths.js"
import { oneLine, type SkillScan } from "../domain/skills.js"
import { Output } from "../services/Output.js"
import { Workspace } from "../services/Workspace.js"
import { scanSkills } from "../skills/discover.js"

/** A path as the user would type it: relative inside the project, `~/…` under home. */
export const displayPath = (path: string, projectDir: string, homeDir: string): string => {
  if (isInside(projectDir, path)) return relative(projectDir, path) || "."
  if (isInside(homeDir, path)) return `~${sep}${relative(homeDir, path)}`
  return path
}

const MAX_DESCRIPTION = 200

/** The list, one skill per entry: name, scope and file, then its description indented. */
export const formatSkills = (scan: SkillScan, projectDir: string, homeDir: string): string => {
  if (scan.skills.length === 0) {
    return "No skills. A skill is a folder with a SKILL.md (front-matter: name, description) in .letta/skills/ (project) or ~/.letta/skills/ (user); .agents/skills/ and .claude/skills/ are read too.\n"
  }
  const width = Math.max(...scan.skills.map((skill) => skill.name.length))
  return scan.skills
    .map((skill) => {
      const description = oneLine(skill.description)
      const shown = description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 3)}...` : description
      return `${skill.name.padEnd(width)}  ${skill.scope.padEnd(7)}  ${displayPath(skill.file, projectDir, homeDir)}\n    ${shown}\n`
    })
    .join("")
}

/** Skipped files, one line each. */
export const formatSkillProblems = (scan: SkillScan, projectDir: string, homeDir: string): ReadonlyArray<string> =>
  scan.problems.map((problem) => `skill ${displayPath(problem.file, projectDir, homeDir)}: ${problem.problem}`)

export const scanWorkspaceSkills = Effect.flatMap(Workspace, (workspace) =>
  Effect.map(
    Effect.promise(() => scanSkills(workspace.projectDir, workspace.homeDir)),
    (scan) => ({ scan, projectDir: workspace.projectDir, homeDir: workspace.homeDir })
  )
)

export const listSkills = Effect.gen(function* () {
  const output = yield* Output
  const { homeDir, projectDir, scan } = yield* scanWorkspaceSkills
  for (const line of formatSkillProblems(scan, projectDir, homeDir)) yield* output.stderr(`letta: ${line}\n`)
  yield* output.stdout(formatSkills(scan, projectDir, homeDir)).pipe(Effect.catchAll(() => Effect.void))
  // Proposals are not skills yet (stdout lists only what the agent is offered); say that some wait.
  const proposals = yield* Effect.promise(() => import("./skillProposalsCommand.js"))
  const { list } = yield* proposals.listWorkspaceProposals
  const reminder = proposals.pendingReminder(list.proposals)
  if (reminder !== undefined) yield* output.stderr(`letta: ${reminder}\n`)
})
