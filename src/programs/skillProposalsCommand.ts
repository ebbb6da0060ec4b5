/**
 * `letta skills pending|accept|reject` and the same texts for `/skills accept|reject` in a
 * session: the skills the agent proposed, waiting for the user's review.
 */
import * as Effect from "effect/Effect"
import { ConfigError } from "../domain/errors.js"
import { oneLine } from "../domain/skills.js"
import { Output } from "../services/Output.js"
import { Workspace } from "../services/Workspace.js"
import { acceptProposal, listProposals, type ProposalList, rejectProposal, type SkillProposal } from "../skills/proposals.js"
import { displayPath } from "./skillsCommand.js"

const MAX_DESCRIPTION = 200

/** The first `lines` lines of a proposal's body, and how many are left out. */
export const bodyPreview = (body: string, lines: number): { readonly shown: ReadonlyArray<string>; readonly more: number } => {
  const all = body.split(/\r?\n/)
  return { shown: all.slice(0, lines), more: Math.max(0, all.length - lines) }
}

export const moreLines = (more: number): string => `\u2026 (${more} more line${more === 1 ? "" : "s"})`

/** `2026-12-07 17:40` (UTC, as `letta memory history` shows times). */
const when = (iso: string): string => iso.slice(0, 16).replace("T", " ")

export const REVIEW_HINT = "letta skills accept <name> | letta skills reject <name>"

/** Each proposal: name, scope and date; its description; the start of its body. */
export const formatPendingProposals = (list: ProposalList): string => {
  if (list.proposals.length === 0) return "No skill proposals wait for review.\n"
  const width = Math.max(...list.proposals.map((proposal) => proposal.name.length))
  const entries = list.proposals.map((proposal) => {
    const description = oneLine(proposal.description)
    const shown = description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 3)}...` : description
    const preview = bodyPreview(proposal.body, 12)
    return [
      `${proposal.name.padEnd(width)}  ${proposal.scope.padEnd(7)}  proposed ${when(proposal.proposedAt)}`,
      `    ${shown}`,
      ...preview.shown.map((line) => (line.trim() === "" ? "" : `      ${line}`)),
      ...(preview.more > 0 ? [`      ${moreLines(preview.more)}`] : [])
    ].join("\n")
  })
  return `${entries.join("\n\n")}\n\n${REVIEW_HINT}\n`
}

/** Malformed proposals, one line each. */
export const formatProposalProblems = (list: ProposalList, projectDir: string, homeDir: string): ReadonlyArray<string> =>
  list.problems.map((problem) => `skill proposal ${displayPath(problem.file, projectDir, homeDir)}: ${problem.problem}`)

/** `letta skills list`'s reminder on stderr, when proposals wait. */
export const pendingReminder = (proposals: ReadonlyArray<SkillProposal>): string | undefined =>
  proposals.length === 0 ? undefined : `${proposals.length} skill proposal${proposals.length === 1 ? "" : "s"} wait${proposals.length === 1 ? "s" : ""} for review: letta skills pending`

export const acceptedText = (name: string, file: string, projectDir: string, homeDir: string): string =>
  `Accepted skill "${name}": ${displayPath(file, projectDir, homeDir)} (offered from the next turn).`

export const rejectedText = (name: string): string => `Rejected skill proposal "${name}".`

export const listWorkspaceProposals = Effect.flatMap(Workspace, (workspace) =>
  Effect.map(
    Effect.promise(() => listProposals(workspace.projectDir, workspace.homeDir)),
    (list) => ({ list, projectDir: workspace.projectDir, homeDir: workspace.homeDir })
  )
)

export const showPendingProposals = Effect.gen(function* () {
  const output = yield* Output
  const { homeDir, list, projectDir } = yield* listWorkspaceProposals
  for (const line of formatProposalProblems(list, projectDir, homeDir)) yield* output.stderr(`letta: ${line}\n`)
  yield* output.stdout(formatPendingProposals(list)).pipe(Effect.catchAll(() => Effect.void))
})

export const acceptSkillProposal = (name: string) =>
  Effect.gen(function* () {
    const output = yield* Output
    const { homeDir, projectDir } = yield* Workspace
    const outcome = yield* Effect.promise(() => acceptProposal(name, projectDir, homeDir))
    if (outcome._tag === "Refused") return yield* new ConfigError({ message: outcome.reason })
    yield* output.stdout(`${acceptedText(outcome.name, outcome.file, projectDir, homeDir)}\n`).pipe(Effect.catchAll(() => Effect.void))
  })

export const rejectSkillProposal = (name: string) =>
  Effect.gen(function* () {
    const output = yield* Output
    const { homeDir, projectDir } = yield* Workspace
    const outcome = yield* Effect.promise(() => rejectProposal(name, projectDir, homeDir))
    if (outcome._tag === "Refused") return yield* new ConfigError({ message: outcome.reason })
    yield* output.stdout(`${rejectedText(outcome.name)}\n`).pipe(Effect.catchAll(() => Effect.void))
  })
