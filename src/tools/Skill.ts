/**
 * Skill: loads one skill's SKILL.md (its instructions, without the front-matter) and lists the
 * skill folder's other files, which the agent reads with Read as usual. Read-only; allowed by
 * default (the skills are the ones letta lists to the agent itself), a `Skill` deny rule turns it off.
 */
import { promises as fs } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { splitFrontMatter } from "../domain/frontMatter.js"
import { toolError, toolSuccess } from "../domain/tools.js"
import { Workspace } from "../services/Workspace.js"
import { scanSkills } from "../skills/discover.js"
import { listSkillFiles } from "../skills/files.js"
import { defineTool, expected, param } from "./defineTool.js"

export const SKILL_MAX_CHARS = 30_000

export const SkillParameters = Schema.Struct({
  name: param(
    Schema.String.pipe(Schema.minLength(1, { message: expected("a non-empty string") })),
    "The skill's name, as listed in <available_skills>."
  )
})
export type SkillParameters = typeof SkillParameters.Type

const DESCRIPTION = [
  "Loads a skill: a procedure kept in a SKILL.md folder. The skills available now are listed in <available_skills> in a system reminder.",
  "",
  "- Returns the skill's instructions (SKILL.md without its front-matter) and its folder's other files; read those with Read when the instructions call for them.",
  "- Load a skill when the task matches its description, before starting the task, and follow it.",
  "- To keep a procedure you learned, write it to .letta/skills/<name>/SKILL.md with front-matter `name` and `description` (between --- lines); it is listed from the next turn on.",
  "- Changes no files."
].join("\n")

/** Enough of SKILL.md for the answer (a huge file is never read whole). */
const READ_BYTES = 256 * 1024

const readStart = async (file: string): Promise<string> => {
  const handle = await fs.open(file, "r")
  try {
    const buffer = Buffer.alloc(READ_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString("utf8")
  } finally {
    await handle.close()
  }
}

const scan = Effect.flatMap(Workspace, (workspace) => Effect.promise(() => scanSkills(workspace.projectDir, workspace.homeDir)))

export const Skill = defineTool({
  name: "Skill",
  description: DESCRIPTION,
  parameters: SkillParameters,
  readOnly: true,
  run: ({ name }) =>
    Effect.gen(function* () {
      const found = yield* scan
      const skill = found.skills.find((candidate) => candidate.name === name)
      if (skill === undefined) {
        const skipped = found.problems.filter((problem) => problem.file.endsWith(join(name, "SKILL.md")))
        const available = found.skills.length === 0 ? "(none)" : found.skills.map((candidate) => candidate.name).join(", ")
        return toolError(
          [`No skill named "${name}". Available skills: ${available}.`, ...skipped.map((problem) => `${problem.file}: ${problem.problem}`)].join("\n")
        )
      }
      const text = yield* Effect.tryPromise(() => readStart(skill.file))
      const split = splitFrontMatter(text)
      const body = split === "unclosed" ? text : split.body
      const files = yield* Effect.promise(() => listSkillFiles(skill.dir))
      const cut = body.length > SKILL_MAX_CHARS
      const lines = [
        `Skill "${skill.name}" (${skill.scope}): ${skill.file}`,
        `Base directory: ${skill.dir}`,
        files.paths.length === 0
          ? "Other files: none"
          : `Other files (paths relative to the base directory; read them with Read when needed):\n${files.paths.map((path) => `- ${path}`).join("\n")}${files.more > 0 ? `\n- ... and ${files.more} more` : ""}`,
        "",
        cut ? body.slice(0, SKILL_MAX_CHARS) : body,
        ...(cut ? [`\n[SKILL.md cut at ${SKILL_MAX_CHARS} characters: read ${join(skill.dir, "SKILL.md")} with Read for the rest]`] : [])
      ]
      return toolSuccess(lines.join("\n"))
    }).pipe(
      Effect.catchAll((error) => Effect.succeed(toolError(`Skill failed: ${error.error instanceof Error ? error.error.message : String(error.error)}`)))
    )
})
