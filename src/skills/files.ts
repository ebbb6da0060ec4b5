/** The files of a skill's folder besides its SKILL.md, for the Skill tool's answer. */
import { promises as fs } from "node:fs"
import { join } from "node:path"

const MAX_FILES = 100
const MAX_DEPTH = 4
const NOT_LISTED = new Set([".git", "node_modules"])

/** Paths relative to `dir`, breadth first and sorted; `more` counts what was left out. */
export const listSkillFiles = async (dir: string): Promise<{ readonly paths: ReadonlyArray<string>; readonly more: number }> => {
  const paths: Array<string> = []
  let more = 0
  let level: Array<string> = [""]
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: Array<string> = []
    for (const relative of level) {
      const entries = await fs.readdir(join(dir, relative), { withFileTypes: true }).catch(() => [])
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      for (const entry of entries) {
        const path = relative === "" ? entry.name : `${relative}/${entry.name}`
        if (entry.isDirectory()) {
          if (!NOT_LISTED.has(entry.name)) next.push(path)
          continue
        }
        if (path === "SKILL.md") continue
        if (paths.length < MAX_FILES) paths.push(path)
        else more++
      }
    }
    level = next
  }
  return { paths, more }
}
