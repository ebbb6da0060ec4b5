/**
 * Skills the agent proposes for itself. A proposal waits aside (proposalStore.ts) until the user
 * accepts it, which installs it into `.letta/skills/` of the project or of home, or rejects it;
 * in "auto" mode it is installed at once. An installed skill is never overwritten. Every
 * function answers with a tagged outcome, never a throw: a refusal carries a one-line reason.
 */
import { promises as fs } from "node:fs"
import { join } from "node:path"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { decodeFrontMatter } from "../domain/frontMatter.js"
import { SKILL_FILE, SkillFrontMatter, type SkillProblem, type SkillScope } from "../domain/skills.js"
import { findSkill, scanSkills } from "./discover.js"
import { bodyOf, isProposalName, PROPOSAL_META_FILE, ProposalMeta, type ProposalInput, proposalProblem, skillMarkdown } from "./proposalFormat.js"
import { errorText, exists, installedSkillsDir, proposalsDir, shownPath, writeFolderAtomically } from "./proposalStore.js"

export interface SkillProposal {
  readonly name: string
  readonly description: string
  readonly scope: SkillScope
  /** The proposal's folder. */
  readonly dir: string
  /** Its SKILL.md, the complete file as it would be installed. */
  readonly file: string
  /** ISO time. */
  readonly proposedAt: string
  /** The SKILL.md's text after the front-matter. */
  readonly body: string
  readonly agentId?: string
}

export interface ProposalList {
  /** By name; a name pending in both scopes, the project's first. */
  readonly proposals: ReadonlyArray<SkillProposal>
  /** Proposals skipped because their files are malformed. */
  readonly problems: ReadonlyArray<SkillProblem>
}

/** Where a proposal is made from: the session's project and home, and the agent proposing. */
export interface ProposalPlace {
  readonly projectDir: string
  readonly homeDir: string
  readonly agentId?: string
}

export type ProposalMode = "review" | "auto"

export interface Refused {
  readonly _tag: "Refused"
  readonly reason: string
}

export type ProposeOutcome =
  | { readonly _tag: "Pending"; readonly name: string; readonly scope: SkillScope; readonly file: string }
  | { readonly _tag: "Installed"; readonly name: string; readonly scope: SkillScope; readonly file: string }
  | Refused

export type AcceptOutcome = { readonly _tag: "Accepted"; readonly name: string; readonly scope: SkillScope; readonly file: string } | Refused

export type RejectOutcome = { readonly _tag: "Rejected"; readonly name: string; readonly scope: SkillScope } | Refused

const refused = (reason: string): Refused => ({ _tag: "Refused", reason })

export const unknownProposal = (name: string): Refused =>
  refused(`no pending skill proposal named ${JSON.stringify(name)} (letta skills pending lists them)`)

const byNameThenProject = (a: SkillProposal, b: SkillProposal): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.scope === b.scope ? 0 : a.scope === "project" ? -1 : 1

const decodeMeta = Schema.decodeUnknownEither(Schema.parseJson(ProposalMeta))

const readProposal = async (dir: string, folder: string, scope: SkillScope): Promise<{ readonly proposal?: SkillProposal; readonly problem?: SkillProblem }> => {
  const metaFile = join(dir, PROPOSAL_META_FILE)
  const file = join(dir, SKILL_FILE)
  const metaText = await fs.readFile(metaFile, "utf8").catch((error: unknown) => new Error(errorText(error)))
  if (metaText instanceof Error) return { problem: { file: metaFile, problem: `skipped: cannot be read (${metaText.message})` } }
  const meta = decodeMeta(metaText)
  if (Either.isLeft(meta)) {
    const first = ParseResult.ArrayFormatter.formatErrorSync(meta.left)[0]
    const where = first === undefined || first.path.length === 0 ? "" : `${first.path.join(".")}: `
    return { problem: { file: metaFile, problem: `skipped: malformed (${where}${(first?.message ?? "invalid").split("\n")[0]})` } }
  }
  if (meta.right.name !== folder || meta.right.scope !== scope) {
    return { problem: { file: metaFile, problem: `skipped: it names ${meta.right.scope} skill "${meta.right.name}", not the folder's ${scope} skill "${folder}"` } }
  }
  const text = await fs.readFile(file, "utf8").catch((error: unknown) => new Error(errorText(error)))
  if (text instanceof Error) return { problem: { file, problem: `skipped: cannot be read (${text.message})` } }
  const parsed = decodeFrontMatter(file, text, SkillFrontMatter)
  if (Either.isLeft(parsed)) return { problem: { file, problem: `skipped: ${parsed.left.problem}` } }
  return {
    proposal: {
      name: folder,
      description: parsed.right.data.description,
      scope,
      dir,
      file,
      proposedAt: meta.right.proposedAt,
      body: bodyOf(parsed.right.body),
      ...(meta.right.agentId === undefined ? {} : { agentId: meta.right.agentId })
    }
  }
}

/** The pending proposals visible from this project: the user's, and this project's own. */
export const listProposals = async (projectDir: string, homeDir: string): Promise<ProposalList> => {
  const proposals: Array<SkillProposal> = []
  const problems: Array<SkillProblem> = []
  for (const scope of ["project", "user"] as const) {
    const root = await proposalsDir(scope, projectDir, homeDir)
    const folders = await fs.readdir(root).catch(() => [] as Array<string>)
    // Dot-folders are writes in progress (proposalStore.ts).
    const found = await Promise.all(folders.filter((folder) => !folder.startsWith(".")).sort().map((folder) => readProposal(join(root, folder), folder, scope)))
    for (const one of found) {
      if (one.proposal !== undefined) proposals.push(one.proposal)
      if (one.problem !== undefined) problems.push(one.problem)
    }
  }
  return { proposals: proposals.sort(byNameThenProject), problems }
}

/** The pending proposal `name` (of `scope`, or the project's before the user's). */
const findProposal = async (name: string, projectDir: string, homeDir: string, scope: SkillScope | undefined): Promise<SkillProposal | undefined> => {
  if (!isProposalName(name)) return undefined
  const { proposals } = await listProposals(projectDir, homeDir)
  return proposals.find((proposal) => proposal.name === name && (scope === undefined || proposal.scope === scope))
}

/** Installs a SKILL.md as `<scope's .letta/skills>/<name>/`, refusing when any skill of that name is there. */
const install = async (name: string, markdown: string, scope: SkillScope, projectDir: string, homeDir: string, conflictHint: string): Promise<AcceptOutcome> => {
  const installed = findSkill(await scanSkills(projectDir, homeDir), name)
  if (installed !== undefined) {
    return refused(`a skill named "${name}" already exists (${shownPath(installed.file, projectDir, homeDir)}); ${conflictHint}`)
  }
  const target = join(installedSkillsDir(scope, projectDir, homeDir), name)
  if (await exists(target)) return refused(`${shownPath(target, projectDir, homeDir)} already exists; ${conflictHint}`)
  try {
    await writeFolderAtomically(target, { [SKILL_FILE]: markdown }, { replace: false })
  } catch (error) {
    return refused(`cannot install skill "${name}" in ${shownPath(target, projectDir, homeDir)}: ${errorText(error)}`)
  }
  return { _tag: "Accepted", name, scope, file: join(target, SKILL_FILE) }
}

/**
 * Proposes a skill: in "review" mode it waits for the user (replacing a pending one of the same
 * name and scope); in "auto" mode it is installed at once. A name an installed skill already has
 * is refused either way.
 */
export const proposeSkill = async (input: ProposalInput, place: ProposalPlace, mode: ProposalMode): Promise<ProposeOutcome> => {
  const problem = proposalProblem(input)
  if (problem !== undefined) return refused(problem)
  const { homeDir, projectDir } = place
  const markdown = skillMarkdown(input)
  if (mode === "auto") {
    const outcome = await install(input.name, markdown, input.scope, projectDir, homeDir, "propose a different name")
    return outcome._tag === "Accepted" ? { ...outcome, _tag: "Installed" } : outcome
  }
  const installed = findSkill(await scanSkills(projectDir, homeDir), input.name)
  if (installed !== undefined) {
    return refused(`a skill named "${input.name}" already exists (${shownPath(installed.file, projectDir, homeDir)}); propose a different name`)
  }
  const dir = join(await proposalsDir(input.scope, projectDir, homeDir), input.name)
  const meta: ProposalMeta = {
    name: input.name,
    description: input.description.trim(),
    scope: input.scope,
    ...(input.scope === "project" ? { projectDir } : {}),
    proposedAt: new Date().toISOString(),
    ...(place.agentId === undefined ? {} : { agentId: place.agentId })
  }
  try {
    await writeFolderAtomically(dir, { [SKILL_FILE]: markdown, [PROPOSAL_META_FILE]: `${JSON.stringify(meta, null, 2)}\n` }, { replace: true })
  } catch (error) {
    return refused(`cannot store the proposal in ${shownPath(dir, projectDir, homeDir)}: ${errorText(error)}`)
  }
  return { _tag: "Pending", name: input.name, scope: input.scope, file: join(dir, SKILL_FILE) }
}

/**
 * Installs the pending proposal `name` as it stands, then removes the proposal. Without `scope`,
 * a name pending in both scopes is taken from the project's first.
 */
export const acceptProposal = async (name: string, projectDir: string, homeDir: string, scope?: SkillScope): Promise<AcceptOutcome> => {
  const proposal = await findProposal(name, projectDir, homeDir, scope)
  if (proposal === undefined) return unknownProposal(name)
  const markdown = await fs.readFile(proposal.file, "utf8").catch((error: unknown) => new Error(errorText(error)))
  if (markdown instanceof Error) return refused(`cannot read ${shownPath(proposal.file, projectDir, homeDir)}: ${markdown.message}`)
  const outcome = await install(name, markdown, proposal.scope, projectDir, homeDir, "reject this proposal, or remove or rename that skill first")
  if (outcome._tag === "Accepted") await fs.rm(proposal.dir, { recursive: true, force: true }).catch(() => undefined)
  return outcome
}

/** Removes the pending proposal `name`, even a malformed one (of `scope`, or the project's first). */
export const rejectProposal = async (name: string, projectDir: string, homeDir: string, scope?: SkillScope): Promise<RejectOutcome> => {
  if (!isProposalName(name)) return unknownProposal(name)
  for (const candidate of scope === undefined ? (["project", "user"] as const) : [scope]) {
    const dir = join(await proposalsDir(candidate, projectDir, homeDir), name)
    if (!(await exists(dir))) continue
    try {
      await fs.rm(dir, { recursive: true })
    } catch (error) {
      return refused(`cannot remove ${shownPath(dir, projectDir, homeDir)}: ${errorText(error)}`)
    }
    return { _tag: "Rejected", name, scope: candidate }
  }
  return unknownProposal(name)
}
