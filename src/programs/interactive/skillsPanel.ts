/**
 * `/skills`: the skills the agent is offered, the skills it proposed that wait for review, and the
 * SKILL.md files that were skipped; `/skills accept|reject <name>` settles a proposal.
 */
import { homedir } from "node:os"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { oneLine, type SkillScan } from "../../domain/skills.js"
import { Workspace } from "../../services/Workspace.js"
import { scanSkills } from "../../skills/discover.js"
import { acceptProposal, listProposals, type ProposalList, rejectProposal } from "../../skills/proposals.js"
import { acceptedText, bodyPreview, formatProposalProblems, moreLines, rejectedText } from "../skillProposalsCommand.js"
import { displayPath, formatSkillProblems } from "../skillsCommand.js"
import type { PanelLine, Tone } from "./transcript.js"

const NO_PROPOSALS: ProposalList = { proposals: [], problems: [] }

/** The body lines a proposal shows in the panel. */
const PREVIEW_LINES = 6

export const REVIEW_HINT = "/skills accept <name> or /skills reject <name>"

export const skillsLines = (scan: SkillScan, projectDir: string, homeDir: string, pending: ProposalList = NO_PROPOSALS): ReadonlyArray<PanelLine> => {
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
  if (pending.proposals.length > 0) {
    lines.push({ text: `Pending review (${pending.proposals.length})`, bold: true })
    for (const proposal of pending.proposals) {
      lines.push({ text: `${proposal.name} \u00b7 ${proposal.scope}`, tone: "info", prefix: "  " })
      lines.push({ text: oneLine(proposal.description), tone: "dim", prefix: "    " })
      const preview = bodyPreview(proposal.body, PREVIEW_LINES)
      for (const line of preview.shown) lines.push({ text: line, tone: "dim", prefix: "      " })
      if (preview.more > 0) lines.push({ text: moreLines(preview.more), tone: "dim", prefix: "      " })
    }
    lines.push({ text: REVIEW_HINT, tone: "dim", prefix: "  " })
  }
  const problems = [...formatSkillProblems(scan, projectDir, homeDir), ...formatProposalProblems(pending, projectDir, homeDir)]
  if (problems.length > 0) {
    lines.push({ text: "Skipped", bold: true })
    for (const problem of problems) lines.push({ text: problem, tone: "warning", prefix: "  " })
  }
  return lines
}

/** This session's project and home (the process's directory when no Workspace is given). */
const workspaceDirs = Effect.map(Effect.serviceOption(Workspace), (workspace) =>
  Option.getOrElse(workspace, () => ({ projectDir: process.cwd(), homeDir: homedir() }))
)

/** The panel for this session's project. */
export const skillsPanel: Effect.Effect<ReadonlyArray<PanelLine>> = Effect.gen(function* () {
  const { homeDir, projectDir } = yield* workspaceDirs
  const [scan, pending] = yield* Effect.promise(() => Promise.all([scanSkills(projectDir, homeDir), listProposals(projectDir, homeDir)]))
  return skillsLines(scan, projectDir, homeDir, pending)
})

/** What `/skills [accept|reject <name>]` shows: the panel, or one notice. */
export type SkillsReply = { readonly _tag: "Panel"; readonly lines: ReadonlyArray<PanelLine> } | { readonly _tag: "Notice"; readonly text: string; readonly tone: Tone }

const notice = (text: string, tone: Tone): SkillsReply => ({ _tag: "Notice", text, tone })

/** `/skills` with its arguments. */
export const skillsCommand = (args: string): Effect.Effect<SkillsReply> =>
  Effect.gen(function* () {
    const words = args.trim().split(/\s+/).filter((word) => word !== "")
    if (words.length === 0) return { _tag: "Panel", lines: yield* skillsPanel }
    const [action, name, ...rest] = words
    if ((action !== "accept" && action !== "reject") || rest.length > 0) {
      return notice(`Unknown: /skills ${args.trim()} \u00b7 /skills lists the skills; ${REVIEW_HINT}`, "error")
    }
    if (name === undefined) return notice(`Name the proposal: /skills ${action} <name> (/skills lists them)`, "error")
    const { homeDir, projectDir } = yield* workspaceDirs
    if (action === "accept") {
      const outcome = yield* Effect.promise(() => acceptProposal(name, projectDir, homeDir))
      return outcome._tag === "Refused" ? notice(outcome.reason, "error") : notice(acceptedText(outcome.name, outcome.file, projectDir, homeDir), "success")
    }
    const outcome = yield* Effect.promise(() => rejectProposal(name, projectDir, homeDir))
    return outcome._tag === "Refused" ? notice(outcome.reason, "error") : notice(rejectedText(outcome.name), "success")
  })
