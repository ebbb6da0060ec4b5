/**
 * What a skill proposal is: its checks (each failing with one line the model can act on), the
 * SKILL.md it would install, and the `proposal.json` kept beside it while it waits for review.
 */
import * as Schema from "effect/Schema"
import { stringify as stringifyYaml } from "yaml"
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, type SkillScope } from "../domain/skills.js"

export const MAX_BODY_LENGTH = 20_000

/** Stricter than the names of skills in general: lowercase, digits and hyphens. */
const PROPOSAL_NAME = new RegExp(`^[a-z0-9][a-z0-9-]{0,${MAX_NAME_LENGTH - 1}}$`)

/** Control characters besides tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const isProposalName = (name: string): boolean => PROPOSAL_NAME.test(name)

/** A skill as the model proposes it. */
export interface ProposalInput {
  readonly name: string
  readonly description: string
  /** Markdown: the steps, commands and pitfalls. */
  readonly body: string
  readonly scope: SkillScope
}

/** Why `input` cannot be proposed, in one line; undefined when it can. `scope` may be any string here. */
export const proposalProblem = (input: Omit<ProposalInput, "scope"> & { readonly scope: string }): string | undefined => {
  if (!isProposalName(input.name)) {
    return `name must be 1-${MAX_NAME_LENGTH} lowercase letters, digits or hyphens, starting with a letter or digit (e.g. "run-tests"), got ${JSON.stringify(input.name.slice(0, 80))}`
  }
  const description = input.description.trim()
  if (description === "") return "description must not be empty: say in one or two sentences when to use the skill"
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    return `description must be at most ${MAX_DESCRIPTION_LENGTH} characters (it has ${description.length})`
  }
  const body = input.body.trim()
  if (body === "") return "body must not be empty: give the steps, commands and pitfalls in markdown"
  if (body.length > MAX_BODY_LENGTH) return `body must be at most ${MAX_BODY_LENGTH} characters (it has ${body.length})`
  // A proposal is shown in the terminal for review: escape sequences could forge or hide what it says.
  if (CONTROL.test(input.description) || CONTROL.test(input.body)) return "description and body must not contain control characters (escape sequences): plain text and markdown only"
  // The front-matter is written from name and description; a second one would be read as text.
  if (/^---[ \t]*\r?\n/.test(body)) return "body must hold only the steps, without front-matter: name and description are separate arguments"
  if (input.scope !== "project" && input.scope !== "user") return `scope must be "project" or "user", got ${JSON.stringify(input.scope.slice(0, 40))}`
  return undefined
}

/**
 * The SKILL.md as it would be installed: front-matter written by the YAML library (so a `:`,
 * `#`, quote or newline in the description is quoted right), a blank line, then the body.
 */
export const skillMarkdown = (input: Pick<ProposalInput, "name" | "description" | "body">): string => {
  const frontMatter = stringifyYaml({ name: input.name, description: input.description.trim() }, { lineWidth: 0 })
  const body = input.body.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd()
  return `---\n${frontMatter}---\n\n${body}\n`
}

/** The body as the user reads it: without the blank line after the front-matter. */
export const bodyOf = (parsedBody: string): string => parsedBody.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd()

/** `proposal.json`: who proposed what, when, for which project. Read back through `ProposalMeta`. */
export const ProposalMeta = Schema.Struct({
  name: Schema.String,
  description: Schema.String,
  scope: Schema.Literal("project", "user"),
  projectDir: Schema.optional(Schema.String),
  proposedAt: Schema.String,
  agentId: Schema.optional(Schema.String)
})
export type ProposalMeta = typeof ProposalMeta.Type

export const PROPOSAL_META_FILE = "proposal.json"
