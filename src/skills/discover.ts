/**
 * Finds the skills on disk: every `<root>/<folder>/SKILL.md` under the project's and the user's
 * skill folders. Read fresh on every call (a skill the agent just wrote is seen on its next
 * turn); a file's parsed front-matter is kept while its size and mtime stay the same. With no
 * skill folder at all this costs a few stats and never loads the YAML parser.
 */
import { promises as fs } from "node:fs"
import { join } from "node:path"
import * as Either from "effect/Either"
import { decodeFrontMatter, UNCLOSED } from "../domain/frontMatter.js"
import { isInside } from "../domain/paths.js"
import {
  isSkillName,
  SKILL_DIRS,
  SKILL_FILE,
  SkillFrontMatter,
  type SkillInfo,
  type SkillProblem,
  type SkillRoot,
  type SkillScan
} from "../domain/skills.js"

/** Front-matter must close within this much of the file; the rest is read only by the Skill tool. */
const HEAD_BYTES = 64 * 1024

/** The roots in precedence order: the project's, then the user's (once, when they coincide). */
export const skillRoots = (projectDir: string, homeDir: string): ReadonlyArray<SkillRoot> => {
  const roots: Array<SkillRoot> = []
  const seen = new Set<string>()
  for (const [scope, base] of [["project", projectDir], ["user", homeDir]] as const) {
    for (const parts of SKILL_DIRS) {
      const dir = join(base, ...parts)
      if (seen.has(dir)) continue
      seen.add(dir)
      roots.push({ scope, dir })
    }
  }
  return roots
}

type Parsed = { readonly _tag: "Skill"; readonly name: string; readonly description: string } | { readonly _tag: "Problem"; readonly problem: string }

/** Parsed front-matter by file, valid while the file's identity, size and mtime are unchanged. */
const cache = new Map<string, { readonly key: string; readonly parsed: Parsed }>()

const readHead = async (file: string): Promise<string> => {
  const handle = await fs.open(file, "r")
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString("utf8")
  } finally {
    await handle.close()
  }
}

const parseSkillFile = async (file: string, folder: string, size: number, key: string): Promise<Parsed> => {
  const cached = cache.get(file)
  if (cached !== undefined && cached.key === key) return cached.parsed
  let parsed: Parsed
  try {
    const decoded = decodeFrontMatter(file, await readHead(file), SkillFrontMatter)
    // Only the head was read: the fence may close further on.
    const unclosed = Either.isLeft(decoded) && size > HEAD_BYTES && decoded.left.problem === UNCLOSED
    parsed = Either.isLeft(decoded)
      ? { _tag: "Problem", problem: unclosed ? `front-matter does not close within the first ${HEAD_BYTES / 1024} KiB` : decoded.left.problem }
      : { _tag: "Skill", name: decoded.right.data.name ?? folder, description: decoded.right.data.description }
    if (parsed._tag === "Skill" && !isSkillName(parsed.name)) {
      parsed = { _tag: "Problem", problem: "front-matter has no name, and the folder's name is not a valid skill name" }
    }
  } catch (error) {
    parsed = { _tag: "Problem", problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` }
  }
  cache.set(file, { key, parsed })
  return parsed
}

const realOrUndefined = (path: string): Promise<string | undefined> => fs.realpath(path).catch(() => undefined)

const scanRoot = async (
  root: SkillRoot,
  projectReal: string | undefined
): Promise<ReadonlyArray<{ readonly skill?: SkillInfo; readonly problem?: SkillProblem }>> => {
  let names: Array<string>
  try {
    names = (await fs.readdir(root.dir)).filter((name) => !name.startsWith(".")).sort()
  } catch {
    return []
  }
  const found = await Promise.all(
    names.map(async (folder) => {
      const dir = join(root.dir, folder)
      const file = join(dir, SKILL_FILE)
      const stat = await fs.stat(file).catch(() => undefined)
      // A folder without a SKILL.md is not a skill (it may be a skill's shared files).
      if (stat === undefined || !stat.isFile()) return {}
      if (root.scope === "project") {
        // A project's skill is read without asking, so it must really be in the project.
        const real = await realOrUndefined(file)
        if (real === undefined || projectReal === undefined || !isInside(projectReal, real)) {
          return { problem: { file, problem: "skipped: it links to a file outside the project" } }
        }
      }
      const parsed = await parseSkillFile(file, folder, stat.size, `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`)
      if (parsed._tag === "Problem") return { problem: { file, problem: `skipped: ${parsed.problem}` } }
      const skill: SkillInfo = { name: parsed.name, description: parsed.description, scope: root.scope, dir, file }
      return { skill }
    })
  )
  return found
}

/** Every skill, the first of a name winning (project over user; .letta over .agents over .claude). */
export const scanSkills = async (projectDir: string, homeDir: string): Promise<SkillScan> => {
  const roots = skillRoots(projectDir, homeDir)
  const present = await Promise.all(roots.map((root) => fs.stat(root.dir).then((stat) => stat.isDirectory(), () => false)))
  const existing = roots.filter((_, index) => present[index])
  if (existing.length === 0) return { skills: [], problems: [] }
  const projectReal = await realOrUndefined(projectDir)
  const perRoot = await Promise.all(existing.map((root) => scanRoot(root, projectReal)))
  const byName = new Map<string, SkillInfo>()
  const problems: Array<SkillProblem> = []
  for (const results of perRoot) {
    for (const result of results) {
      if (result.problem !== undefined) problems.push(result.problem)
      const skill = result.skill
      if (skill === undefined) continue
      const winner = byName.get(skill.name)
      if (winner === undefined) {
        byName.set(skill.name, skill)
        continue
      }
      problems.push({ file: skill.file, problem: `skipped: skill "${skill.name}" is also defined by ${winner.file} (${winner.scope}), which is used` })
    }
  }
  const skills = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { skills, problems }
}

/** One skill by name, or why not. */
export const findSkill = (scan: SkillScan, name: string): SkillInfo | undefined => scan.skills.find((skill) => skill.name === name)
