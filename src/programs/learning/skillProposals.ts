/**
 * `propose_skill` in a reflection pass. A call is checked and recorded while the pass runs; the
 * proposals are stored (or, with `reflection.skills: "auto"`, installed) only once the pass has
 * succeeded, so a failed pass leaves nothing behind.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { PROPOSE_SKILL_TOOL, decodeProposal } from "../../skills/proposeSkillTool.js"
import { type ProposalMode, type ProposalPlace, type ProposeOutcome, listProposals, proposeSkill } from "../../skills/proposals.js"
import type { ProposalInput } from "../../skills/proposalFormat.js"
import { scanSkills } from "../../skills/discover.js"
import type { PassTool } from "./reflection.js"

/** A pass proposes at most this many skills. */
const MAX_PROPOSALS = 2

export interface SkillProposalTool {
  readonly tool: PassTool
  /** Stores (or installs) what the pass proposed; called once it has succeeded. */
  readonly settle: (mode: ProposalMode) => Effect.Effect<ReadonlyArray<ProposeOutcome>>
}

/** Which skills exist or wait for review already, so the pass does not propose them again. */
const existingSkills = (place: ProposalPlace): Effect.Effect<string> =>
  Effect.map(
    Effect.promise(() => Promise.all([scanSkills(place.projectDir, place.homeDir), listProposals(place.projectDir, place.homeDir)])),
    ([installed, pending]) => {
      const names = [...installed.skills.map((skill) => skill.name), ...pending.proposals.map((proposal) => `${proposal.name} (waiting for review)`)]
      return names.length === 0 ? "No skills exist yet." : `Skills that exist already (do not propose them again): ${names.join(", ")}.`
    }
  )

/** The tool for one pass. */
export const skillProposalTool = (place: ProposalPlace): Effect.Effect<SkillProposalTool> =>
  Effect.sync(() => {
    const recorded = new Map<string, ProposalInput>()
    const record = (argumentsJson: string) =>
      Effect.sync(() => {
        const decoded = decodeProposal(argumentsJson)
        if (Either.isLeft(decoded)) return { status: "error" as const, text: decoded.left }
        const proposal = decoded.right
        if (!recorded.has(proposal.name) && recorded.size >= MAX_PROPOSALS) {
          return { status: "error" as const, text: `Skill not proposed: a pass proposes at most ${MAX_PROPOSALS} skills.` }
        }
        recorded.set(proposal.name, proposal)
        return { status: "success" as const, text: `Recorded skill "${proposal.name}" (${proposal.scope}): it is kept for the user's review when this pass ends.` }
      })
    return {
      tool: {
        spec: PROPOSE_SKILL_TOOL,
        instructions: existingSkills(place),
        record
      },
      settle: (mode) => Effect.forEach([...recorded.values()], (proposal) => Effect.promise(() => proposeSkill(proposal, place, mode)))
    }
  })

/**
 * One line for what became of a proposal. `review` says how to review it: `/skills` in a
 * session, the command otherwise.
 */
export const describeSkillOutcome = (outcome: ProposeOutcome, review: "/skills" | "letta skills"): string => {
  switch (outcome._tag) {
    case "Pending":
      return `proposed skill: ${outcome.name} (${outcome.scope}) \u2014 ${review === "/skills" ? "/skills to review" : `letta skills accept ${outcome.name} to install it`}`
    case "Installed":
      return `new skill: ${outcome.name} (${outcome.scope}), offered from the next turn`
    case "Refused":
      return `skill not proposed: ${outcome.reason}`
  }
}
