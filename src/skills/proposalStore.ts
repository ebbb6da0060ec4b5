/**
 * Where skill proposals wait, and the folder writes they and accepted skills need. Proposals sit
 * under the user's home, never in a skills folder (the agent must not be offered them) and never
 * in the repository (they are the user's to review, not the project's to commit).
 */
import { createHash } from "node:crypto"
import { promises as fs } from "node:fs"
import { basename, dirname, join, relative, resolve, sep } from "node:path"
import { isInside } from "../domain/paths.js"
import type { SkillScope } from "../domain/skills.js"

/** `~/.letta/skill-proposals`. */
export const proposalsRoot = (homeDir: string): string => join(homeDir, ".letta", "skill-proposals")

/** A project's proposals are kept by a hash of its real path: the same repository, however reached. */
export const projectProposalsDir = async (projectDir: string, homeDir: string): Promise<string> => {
  const real = await fs.realpath(projectDir).catch(() => resolve(projectDir))
  const key = createHash("sha256").update(real).digest("hex").slice(0, 12)
  return join(proposalsRoot(homeDir), `project-${key}`)
}

/** The folder holding one folder per pending proposal of `scope`. */
export const proposalsDir = (scope: SkillScope, projectDir: string, homeDir: string): Promise<string> =>
  scope === "user" ? Promise.resolve(join(proposalsRoot(homeDir), "user")) : projectProposalsDir(projectDir, homeDir)

/** Where an accepted skill of `scope` is installed: `.letta/skills/` of the project, or of home. */
export const installedSkillsDir = (scope: SkillScope, projectDir: string, homeDir: string): string =>
  join(scope === "project" ? projectDir : homeDir, ".letta", "skills")

/** A path as the user would type it: relative inside the project, `~/…` under home. */
export const shownPath = (path: string, projectDir: string, homeDir: string): string => {
  if (isInside(projectDir, path)) return relative(projectDir, path) || "."
  if (isInside(homeDir, path)) return `~${sep}${relative(homeDir, path)}`
  return path
}

export const exists = (path: string): Promise<boolean> => fs.lstat(path).then(() => true, () => false)

/**
 * Makes `target` a folder holding exactly `files`, all at once: they are written into a hidden
 * temporary folder beside it, which is then renamed. With `replace`, a folder already there is
 * swapped out and removed; without, the rename fails rather than overwrite one.
 */
export const writeFolderAtomically = async (
  target: string,
  files: Readonly<Record<string, string>>,
  options: { readonly replace: boolean }
): Promise<void> => {
  const parent = dirname(target)
  await fs.mkdir(parent, { recursive: true })
  const name = basename(target)
  // Hidden: skill and proposal listings skip dot-folders, so a half-written one is never read.
  const temp = await fs.mkdtemp(join(parent, `.${name}.tmp-`))
  let aside: string | undefined
  try {
    for (const [file, text] of Object.entries(files)) await fs.writeFile(join(temp, file), text, { flag: "wx" })
    if (options.replace && (await exists(target))) {
      aside = join(parent, `.${name}.old-${temp.slice(temp.lastIndexOf(".tmp-") + 5)}`)
      await fs.rename(target, aside)
    }
    await renameNoReplace(temp, target)
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    // Put back what was swapped out, so a failure loses nothing.
    if (aside !== undefined) await fs.rename(aside, target).catch(() => undefined)
    throw error
  }
  if (aside !== undefined) await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined)
}

/** rename(2) replaces an empty folder silently; a folder that appeared meanwhile must stay. */
const renameNoReplace = async (from: string, to: string): Promise<void> => {
  if (await exists(to)) throw Object.assign(new Error(`${to} already exists`), { code: "EEXIST" })
  await fs.rename(from, to)
}

/** An error's message without the stack, for a one-line reason. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))
