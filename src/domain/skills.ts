/**
 * Skills: folders holding a SKILL.md whose front-matter names the skill and says when to use it.
 * Only names and descriptions go into the agent's context (`<available_skills>`); the Skill tool
 * loads one skill's full text on demand.
 */
import * as Schema from "effect/Schema"

/** Where skills are looked for, in precedence order: project ones first, then the user's. */
export type SkillScope = "project" | "user"

export interface SkillRoot {
  readonly scope: SkillScope
  /** The directory holding one folder per skill. */
  readonly dir: string
}

export interface SkillInfo {
  readonly name: string
  readonly description: string
  readonly scope: SkillScope
  /** The skill's folder. */
  readonly dir: string
  /** Its SKILL.md. */
  readonly file: string
}

export interface SkillProblem {
  readonly file: string
  readonly problem: string
}

export interface SkillScan {
  /** By name, sorted. */
  readonly skills: ReadonlyArray<SkillInfo>
  /** Files skipped (malformed) and skills shadowed by another of the same name. */
  readonly problems: ReadonlyArray<SkillProblem>
}

export const SKILL_FILE = "SKILL.md"

/** The folders searched under the project directory and under home, in precedence order. */
export const SKILL_DIRS: ReadonlyArray<ReadonlyArray<string>> = [
  [".letta", "skills"],
  [".agents", "skills"],
  [".claude", "skills"]
]

export const MAX_NAME_LENGTH = 64
export const MAX_DESCRIPTION_LENGTH = 1024

/** Letters, digits, `-`, `_`, `.`, `:`; they sit unescaped in the reminder and in tool arguments. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/

export const isSkillName = (name: string): boolean => name.length <= MAX_NAME_LENGTH && NAME.test(name)

const SkillName = Schema.String.pipe(
  Schema.filter(
    (name) =>
      isSkillName(name) ||
      `must be 1-${MAX_NAME_LENGTH} letters, digits, "-", "_", "." or ":" (starting with a letter or digit), got ${JSON.stringify(name.slice(0, 80))}`
  )
)

const Description = Schema.String.pipe(
  Schema.filter((text) => text.trim() !== "" || "description must not be empty"),
  Schema.filter(
    (text) => text.length <= MAX_DESCRIPTION_LENGTH || `description must be at most ${MAX_DESCRIPTION_LENGTH} characters (it has ${text.length})`
  )
)

/**
 * SKILL.md front-matter (Claude Code's and agentskills.io's format). `name` may be left out: the
 * folder's name is used. Other keys (`allowed-tools`, `license`, `metadata`…) are ignored.
 */
export const SkillFrontMatter = Schema.Struct({
  name: Schema.optional(SkillName),
  description: Description
})
export type SkillFrontMatter = typeof SkillFrontMatter.Type

/** A description on one line, so one skill is one line of the list. */
export const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim()

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/**
 * The system reminder listing the skills; a skill's description comes from a file, so it is
 * escaped: it cannot close the list or the reminder.
 */
export const skillsReminder = (skills: ReadonlyArray<Pick<SkillInfo, "name" | "description">>): string => {
  if (skills.length === 0) {
    return "<system-reminder>\n<available_skills>\n</available_skills>\nNo skills are available now.\n</system-reminder>"
  }
  const lines = skills.map((skill) => `- ${skill.name}: ${escapeXml(oneLine(skill.description))}`)
  return [
    "<system-reminder>",
    "<available_skills>",
    ...lines,
    "</available_skills>",
    "Skills are procedures kept in SKILL.md folders. When a task matches a skill's description, load it with the Skill tool " +
      '({"name": "<skill name>"}) before you start, and follow it. This list replaces any earlier one.',
    "</system-reminder>"
  ].join("\n")
}

/** What the list depends on: it is sent again only when this changes. */
export const skillsSignature = (skills: ReadonlyArray<Pick<SkillInfo, "name" | "description">>): string =>
  JSON.stringify(skills.map((skill) => [skill.name, oneLine(skill.description)]))
