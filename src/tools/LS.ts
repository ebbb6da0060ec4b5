/** LS: a directory's contents as a tree, shallow levels first when it must be cut. */
import { type Dirent } from "node:fs"
import { promises as fsPromises } from "node:fs"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import picomatch from "picomatch"
import { toolError, toolSuccess } from "../domain/tools.js"
import { defineTool, expected, optionalParam } from "./defineTool.js"
import { pathFailure, resolveProjectPath } from "./files.js"
import { searchHider, withHiddenNote } from "./search/hidden.js"
import { ancestorLevels, IGNORE_FILE_NAMES, type IgnoreLevel, ignoreVerdict, loadLevel } from "./search/walk.js"

export const LS_MAX_ENTRIES = 1_000

/** Listed, never expanded: they are large and rarely what the model is looking for. */
const NOT_EXPANDED = new Set([".git", "node_modules"])

export const LSParameters = Schema.Struct({
  path: optionalParam(
    Schema.String,
    "Directory to list: absolute, or relative to the project directory (default: the project directory)."
  ),
  ignore: optionalParam(
    Schema.Array(Schema.String).annotations({ message: expected("an array of glob patterns") }),
    "Glob patterns of entries to leave out, matched against each entry's name and its path relative to the listed directory (e.g. `*.log`, `dist`)."
  )
})
export type LSParameters = typeof LSParameters.Type

const DESCRIPTION = [
  "Lists a directory as a tree: in each directory, subdirectories first (with a trailing /), then files, each sorted by name.",
  "",
  "- `path` may be absolute or relative to the project directory (default: the project directory).",
  "- Hidden entries are listed. `.git` and `node_modules` directories, and directories excluded by .gitignore, .ignore or .rgignore files, are listed but not expanded (marked \"not expanded\"). Symbolic links are listed, not followed.",
  "- Files that the permission rules deny, or ask about, are left out; a note says how many and by which rule.",
  "- `ignore` leaves out entries matching any of its glob patterns.",
  `- At most ${LS_MAX_ENTRIES} entries: levels nearer the top are listed first, and directories that were not listed in full are marked.`,
  "- To find files by name pattern use Glob; to search contents use Grep."
].join("\n")

interface Entry {
  readonly name: string
  readonly kind: "directory" | "file" | "symlink"
  /** Why its contents are not shown, for a directory. */
  note?: string
  children?: Array<Entry>
}

const compareNames = (a: Entry, b: Entry): number => {
  const rank = (entry: Entry) => (entry.kind === "directory" ? 0 : 1)
  return rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
}

interface Pending {
  readonly path: string
  readonly relative: string
  readonly entry: Entry
  readonly level: IgnoreLevel | undefined
}

const listTree = async (root: string, ignoreGlobs: ReadonlyArray<string>, hides: (path: string) => boolean) => {
  const leaveOut = ignoreGlobs.length === 0 ? () => false : picomatch([...ignoreGlobs], { dot: true })
  const top: Entry = { name: root, kind: "directory" }
  let count = 0
  let cut = false
  let queue: Array<Pending> = [{ path: root, relative: "", entry: top, level: await ancestorLevels(root) }]
  // Breadth first, so that when the cap is hit the deepest levels are the ones left out.
  while (queue.length > 0 && !cut) {
    const next: Array<Pending> = []
    for (const item of queue) {
      let dirents: Array<Dirent>
      try {
        dirents = await fsPromises.readdir(item.path, { withFileTypes: true })
      } catch {
        item.entry.note = "cannot be read"
        continue
      }
      const present = dirents.filter((dirent) => IGNORE_FILE_NAMES.includes(dirent.name)).map((dirent) => dirent.name)
      const level = await loadLevel(item.path, present, item.level)
      const children: Array<Entry> = []
      for (const dirent of dirents) {
        const relative = item.relative + dirent.name
        if (leaveOut(dirent.name) || leaveOut(relative)) continue
        if (hides(`${item.path === "/" ? "" : item.path}/${dirent.name}`)) continue
        const kind = dirent.isSymbolicLink() ? "symlink" : dirent.isDirectory() ? "directory" : "file"
        children.push({ name: dirent.name, kind })
      }
      children.sort(compareNames)
      const room = LS_MAX_ENTRIES - count
      if (children.length > room) {
        cut = true
        item.entry.note = "more inside"
      }
      const kept = children.slice(0, Math.max(0, room))
      count += kept.length
      item.entry.children = kept
      for (const child of kept) {
        if (child.kind !== "directory") continue
        const path = `${item.path === "/" ? "" : item.path}/${child.name}`
        if (NOT_EXPANDED.has(child.name) || ignoreVerdict(level, path, true) === "exclude") {
          child.note = "not expanded"
          continue
        }
        next.push({ path, relative: `${item.relative}${child.name}/`, entry: child, level })
      }
      if (cut) {
        // Directories queued at this depth or later are not read any more.
        for (const pending of [...queue.slice(queue.indexOf(item) + 1), ...next]) pending.entry.note = "contents not listed"
        break
      }
    }
    queue = next
  }
  return { top, count, cut }
}

const render = (entry: Entry, depth: number, lines: Array<string>): void => {
  const suffix = entry.kind === "directory" ? "/" : entry.kind === "symlink" ? " (symlink)" : ""
  const note = entry.note === undefined ? "" : ` (${entry.note})`
  lines.push(`${"  ".repeat(depth)}- ${entry.name}${entry.name.endsWith("/") && suffix === "/" ? "" : suffix}${note}`)
  for (const child of entry.children ?? []) render(child, depth + 1, lines)
}

export const LS = defineTool({
  name: "LS",
  description: DESCRIPTION,
  parameters: LSParameters,
  readOnly: true,
  run: (args) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const directory = yield* resolveProjectPath(args.path ?? ".")
      const info = yield* fs.stat(directory)
      if (info.type !== "Directory") return toolError(`${directory} is not a directory; use Read to read a file.`)
      const hider = yield* searchHider("LS", directory)
      const tree = yield* Effect.promise(() => listTree(directory, args.ignore ?? [], hider.hides))
      const lines: Array<string> = []
      render(tree.top, 0, lines)
      if (tree.count === 0 && tree.top.note === undefined) lines.push("  (empty)")
      if (tree.cut) {
        lines.push(
          "",
          `[Stopped at ${LS_MAX_ENTRIES} entries: directories marked "more inside" or "contents not listed" were not listed in full. List a subdirectory to see more.]`
        )
      }
      return toolSuccess(withHiddenNote(lines.join("\n"), hider.note("entry", "entries")))
    }).pipe(
      Effect.catchAll((error) => pathFailure(args.path ?? ".", error, "Directory does not exist", "list"))
    )
})
