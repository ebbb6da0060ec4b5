/** `/skills`: the skills the agent is offered, and the SKILL.md files that were skipped. */
import { homedir } from "node:os"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { oneLine, type SkillScan } from "../../domain/skills.js"
import { Workspace } from "../../services/Workspace.js"
import { scanSkills } from "../../skills/discover.js"
import { displayPath, formatSkillProblems } from "../skillsCommand.js"
import type { PanelLine } from "./transcript.js"

export const skillsLines = (scan: SkillScan, projectDir: string, homeDir: string): ReadonlyArray<PanelLine> => {
  const lines: Array<PanelLine> = [{ text: `Skills (${scan.skills.length})`, bold: true }]
  if (scan.skills.length === 0) {
    lines.push({
      text: "None. A skill is a folder with a SKILL.md (front-matter: name, description) in .letta/skills/ or ~/.letta/skills/; .agents/skills/ and .claude/skills/ are read too.",
      tone: "dim",
      prefix: "  "
    })
  }
  for (const skill of scan.skills) {
    lines.push({ text: `${skill.name} \u00b7 ${skill.scope} \u00b7 ${displayPath(skill.file, projectDir, homeDir)}`, tone: "info", prefix: "  " })
    lines.push({ text: oneLine(skill.description), tone: "dim", prefix: "    " })
  }
  const problems = formatSkillProblems(scan, projectDir, homeDir)
  if (problems.length > 0) {
    lines.push({ text: "Skipped", bold: true })
    for (const problem of problems) lines.push({ text: problem, tone: "warning", prefix: "  " })
  }
  return lines
}

/** The panel for this session's project (the process's directory when no Workspace is given). */
export const skillsPanel: Effect.Effect<ReadonlyArray<PanelLine>> = Effect.gen(function* () {
  const workspace = Option.getOrElse(yield* Effect.serviceOption(Workspace), () => ({ projectDir: process.cwd(), homeDir: homedir() }))
  const scan = yield* Effect.promise(() => scanSkills(workspace.projectDir, workspace.homeDir))
  return skillsLines(scan, workspace.projectDir, workspace.homeDir)
})
