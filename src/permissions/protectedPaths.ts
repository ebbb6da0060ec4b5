/**
 * Files that change the rules: writing them changes what a later run (or the next shell, or the
 * next `git commit`) may do, so the edit family asks for them even where edits are otherwise
 * allowed (acceptEdits, an allow rule that does not name them). Pure: the policy passes the
 * written and the real (symlink-resolved) spellings of a path.
 *
 * - anywhere: a `.letta` directory (settings, permissions, commands, skills: the project's,
 *   `~/.letta`, and a subdirectory's, read when letta starts there), a `.mcp.json` file, a git
 *   repository's hooks and config (`.git/hooks/**`, `.git/config`, the same under
 *   `.git/modules/…` and `.git/worktrees/…`);
 * - in the home directory: the shell start-up files and git's user configuration. The same names
 *   in a project are not run by any shell, so they are ordinary files there.
 *
 * A rule names a protected file when the literal (wildcard-free) segments of its pattern contain
 * the file's key segments in order: `Edit(.letta/**)` and `Edit(~/.bashrc)` name theirs,
 * `Edit`, `Edit(**)` and `Edit(src/../**)` name nothing, `Edit(.git/**)` does not name the hooks.
 */
import { relative, sep } from "node:path"
import { isInside } from "../domain/paths.js"
import { literalSegments } from "./paths.js"
import type { PermissionRule } from "./rules.js"

export interface Protection {
  /** The file as shown and as a rule would name it: project-relative, `~/…`, or absolute. */
  readonly shown: string
  /** What it is, as a noun phrase: `letta's own configuration (settings, permissions, commands, skills)`. */
  readonly why: string
  /** The segments a rule's pattern must contain, in order, to name it. */
  readonly key: ReadonlyArray<string>
}

/** Where the anchors are, each as written and as real paths. */
export interface ProtectedPlaces {
  readonly projectDirs: ReadonlyArray<string>
  readonly homeDirs: ReadonlyArray<string>
}

const LETTA = "letta's own configuration (settings, permissions, commands, skills)"
const MCP = "MCP server configuration (it starts programs)"
const GIT_HOOK = "a git hook (git runs it)"
const GIT_CONFIG = "git configuration (it can make git run programs)"
const SHELL_STARTUP = "a shell start-up file (new shells run it)"

/** Home-relative files, with their key segments. */
const HOME_FILES: ReadonlyArray<{ readonly path: string; readonly key: ReadonlyArray<string>; readonly why: string }> = [
  ...[".bashrc", ".bash_profile", ".bash_login", ".profile", ".bash_logout", ".zshrc", ".zshenv", ".zprofile", ".zlogin", ".zlogout"].map(
    (name) => ({ path: name, key: [name], why: SHELL_STARTUP })
  ),
  { path: ".config/fish/config.fish", key: ["fish", "config.fish"], why: SHELL_STARTUP },
  { path: ".gitconfig", key: [".gitconfig"], why: GIT_CONFIG },
  { path: ".config/git/config", key: ["git", "config"], why: GIT_CONFIG }
]

/** Home-relative directories whose every file is protected. */
const HOME_DIRS: ReadonlyArray<{ readonly path: string; readonly key: ReadonlyArray<string>; readonly why: string }> = [
  { path: ".config/fish/conf.d", key: ["fish", "conf.d"], why: SHELL_STARTUP }
]

/** Below `.git`: a nested repository's or a worktree's own hooks and config are as live as the top ones. */
const NESTED_GIT = new Set(["modules", "worktrees"])

type Found = Omit<Protection, "shown">

const gitProtection = (below: ReadonlyArray<string>): Found | undefined => {
  const first = below[0]
  if (first === undefined) return undefined
  const nested = NESTED_GIT.has(first)
  if (first === "hooks" || (nested && below.includes("hooks"))) return { why: GIT_HOOK, key: [".git", "hooks"] }
  const last = below[below.length - 1]!
  if ((below.length === 1 || nested) && (last === "config" || last === "config.worktree")) return { why: GIT_CONFIG, key: [".git", last] }
  return undefined
}

/** Protection by the path's own segments, wherever it is. */
const bySegments = (segments: ReadonlyArray<string>): Found | undefined => {
  if (segments.includes(".letta")) return { why: LETTA, key: [".letta"] }
  if (segments[segments.length - 1] === ".mcp.json") return { why: MCP, key: [".mcp.json"] }
  for (let index = 0; index < segments.length; index++) {
    if (segments[index] !== ".git") continue
    const found = gitProtection(segments.slice(index + 1))
    if (found !== undefined) return found
  }
  return undefined
}

/** Protection as a file of the home directory (`rel` relative to it, `/`-separated). */
const byHome = (rel: string): Found | undefined => {
  const file = HOME_FILES.find((entry) => entry.path === rel)
  if (file !== undefined) return { why: file.why, key: file.key }
  const dir = HOME_DIRS.find((entry) => rel.startsWith(`${entry.path}/`))
  return dir === undefined ? undefined : { why: dir.why, key: dir.key }
}

const shownAs = (path: string, places: ProtectedPlaces): string => {
  const project = places.projectDirs.find((dir) => isInside(dir, path))
  if (project !== undefined) return relative(project, path).split(sep).join("/") || "."
  const home = places.homeDirs.find((dir) => isInside(dir, path))
  if (home !== undefined) return `~/${relative(home, path).split(sep).join("/")}`
  return path
}

/** Whether `path` (absolute, normalised) is a file that changes the rules. */
export const protectionOf = (path: string, places: ProtectedPlaces): Protection | undefined => {
  const home = places.homeDirs.find((dir) => isInside(dir, path) && dir !== path)
  const found = bySegments(path.split(sep)) ?? (home === undefined ? undefined : byHome(relative(home, path).split(sep).join("/")))
  return found === undefined ? undefined : { ...found, shown: shownAs(path, places) }
}

/** The first protected spelling among a path's spellings (written first, then real). */
export const protectionOfAny = (spellings: ReadonlyArray<string>, places: ProtectedPlaces): Protection | undefined => {
  for (const spelling of spellings) {
    const found = protectionOf(spelling, places)
    if (found !== undefined) return found
  }
  return undefined
}

/** Whether `segments` holds `key` in order (not necessarily next to each other). */
const containsInOrder = (segments: ReadonlyArray<string>, key: ReadonlyArray<string>): boolean => {
  let next = 0
  for (const segment of segments) {
    if (segment === key[next]) next += 1
    if (next === key.length) return true
  }
  return key.length === 0
}

/** Whether an allow rule targets the protected file explicitly (see the module comment). */
export const namesProtected = (rule: PermissionRule, protection: Protection): boolean =>
  rule._tag === "PathGlob" && containsInOrder(literalSegments(rule.pattern), protection.key)
