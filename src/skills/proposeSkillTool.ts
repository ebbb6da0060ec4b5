/**
 * `propose_skill`: the client tool a reflection pass is offered to write down a procedure that
 * worked and will recur. Its arguments come from a model: decoded here, and every problem comes
 * back as one line the model can act on.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ClientToolSpec } from "../domain/letta.js"
import { MAX_DESCRIPTION_LENGTH } from "../domain/skills.js"
import { MAX_BODY_LENGTH, type ProposalInput, proposalProblem } from "./proposalFormat.js"

export const PROPOSE_SKILL_TOOL_NAME = "propose_skill"

export const PROPOSE_SKILL_TOOL: ClientToolSpec = {
  name: PROPOSE_SKILL_TOOL_NAME,
  description:
    "Propose a skill: a SKILL.md procedure future sessions can load and follow. Use it for a procedure that worked in this " +
    "session and will recur (how to run this repository's tests, how to cut a release, how to regenerate fixtures), not for " +
    "one-off facts or preferences, which belong in the memory blocks. The user reviews a proposal before it is installed. " +
    "Propose at most one or two skills per reflection, and only procedures you saw succeed.",
  parameters: {
    type: "object",
    properties: {
      name: {
        type: "string",
        description: 'The skill\'s name: lowercase letters, digits and hyphens, at most 64 characters (e.g. "run-tests").'
      },
      description: {
        type: "string",
        description: `When to use the skill, in one or two sentences (at most ${MAX_DESCRIPTION_LENGTH} characters); the agent sees only this until it loads the skill.`
      },
      body: {
        type: "string",
        description: `Markdown without front-matter: the steps, the exact commands, and the pitfalls met (at most ${MAX_BODY_LENGTH} characters).`
      },
      scope: {
        type: "string",
        enum: ["project", "user"],
        description: "project: a procedure of this repository (.letta/skills/); user: one that applies in every project (~/.letta/skills/)."
      }
    },
    required: ["name", "description", "body", "scope"],
    additionalProperties: false
  }
}

const Arguments = Schema.parseJson(
  Schema.Struct({
    name: Schema.String,
    description: Schema.String,
    body: Schema.String,
    scope: Schema.String
  })
)

/** The first problem of undecodable arguments, in one line. */
const argumentsProblem = (error: ParseResult.ParseError): string => {
  const first = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (first === undefined) return "the arguments are invalid"
  if (first.path.length === 0) {
    const message = first.message.split("\n")[0] ?? ""
    return /JSON/i.test(message) ? `the arguments are not valid JSON (${message})` : `the arguments must be an object with name, description, body and scope (${message})`
  }
  const field = first.path.join(".")
  return first._tag === "Missing" ? `"${field}" is missing` : `"${field}" must be a string`
}

/**
 * The model's arguments as a proposal, checked without touching the disk; or the one line the
 * model reads back about what is wrong.
 */
export const decodeProposal = (argumentsJson: string): Either.Either<ProposalInput, string> => {
  const decoded = Schema.decodeUnknownEither(Arguments, { onExcessProperty: "ignore" })(argumentsJson)
  if (Either.isLeft(decoded)) return Either.left(`${PROPOSE_SKILL_TOOL_NAME}: ${argumentsProblem(decoded.left)}`)
  const args = decoded.right
  const problem = proposalProblem(args)
  if (problem !== undefined) return Either.left(`Skill not proposed: ${problem}`)
  return Either.right({ ...args, scope: args.scope === "user" ? "user" : "project" })
}
