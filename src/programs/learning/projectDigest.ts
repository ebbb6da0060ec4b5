/**
 * What `/init` puts before the model, read by letta itself (no tool calls, one request): the
 * project's instructions (AGENTS.md, CLAUDE.md), its README, its manifests and build files, its CI
 * configuration, and the layout (top-level entries and their children). Each file is capped, and
 * so is the whole, so a large repository still fits in one request.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import { Workspace } from "../../services/Workspace.js"

/** Read in this order; a missing one is skipped. */
const INSTRUCTIONS = ["AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md"]
const READMES = ["README.md", "README", "README.rst", "README.txt", "readme.md"]
const MANIFESTS = [
  "package.json",
  "pnpm-workspace.yaml",
  "tsconfig.json",
  "pyproject.toml",
  "setup.cfg",
  "requirements.txt",
  "Cargo.toml",
  "go.mod",
  "Gemfile",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "composer.json",
  "deno.json",
  "mix.exs",
  "Makefile",
  "justfile",
  "Dockerfile",
  ".tool-versions",
  ".nvmrc"
]
/** CI configuration: these files, and every file directly in these folders. */
const CI_FILES = [".gitlab-ci.yml", ".circleci/config.yml", "azure-pipelines.yml", ".travis.yml", "Jenkinsfile"]
const CI_FOLDERS = [".github/workflows", ".ci"]

/** Folders the layout does not descend into (and does not list when they are noise). */
const SKIPPED = new Set([".git", "node_modules", "dist", "build", "target", ".venv", "venv", "__pycache__", ".next", "coverage", ".letta", ".idea", ".vscode"])

export const FILE_CHARS = 6_000
export const TOTAL_CHARS = 60_000
const LAYOUT_ENTRIES = 200

export interface ProjectDigest {
  /** `path` → its (capped) text, in the order read. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>
  /** One line per entry: `src/`, `src/main.ts`, … (two levels). */
  readonly layout: ReadonlyArray<string>
}

const cap = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)}\n[... ${text.length - max} more characters not shown]`)

export const readProjectDigest: Effect.Effect<ProjectDigest, never, FileSystem.FileSystem | Path.Path | Workspace> = Effect.gen(function* () {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const { projectDir } = yield* Workspace
  const list = (relative: string) => Effect.orElseSucceed(fs.readDirectory(path.join(projectDir, relative)), () => [] as Array<string>)

  const ciFiles: Array<string> = [...CI_FILES]
  for (const folder of CI_FOLDERS) for (const name of (yield* list(folder)).sort()) ciFiles.push(`${folder}/${name}`)
  const files: Array<{ path: string; text: string }> = []
  let total = 0
  let readme = false
  // Read straight away: a missing file (or a folder of that name) is simply not there.
  for (const relative of [...INSTRUCTIONS, ...READMES, ...MANIFESTS, ...ciFiles]) {
    const isReadme = READMES.includes(relative)
    if (total >= TOTAL_CHARS || (isReadme && readme)) continue
    const text = yield* Effect.option(fs.readFileString(path.join(projectDir, relative)))
    if (text._tag === "None" || text.value.includes("\u0000")) continue
    // Only the first README that exists.
    if (isReadme) readme = true
    const capped = cap(text.value, Math.min(FILE_CHARS, TOTAL_CHARS - total))
    total += capped.length
    files.push({ path: relative, text: capped })
  }

  const layout: Array<string> = []
  const isDir = (relative: string) => Effect.map(Effect.option(fs.stat(path.join(projectDir, relative))), (info) => info._tag === "Some" && info.value.type === "Directory")
  for (const name of (yield* list(".")).sort()) {
    if (layout.length >= LAYOUT_ENTRIES) break
    if (SKIPPED.has(name)) continue
    if (!(yield* isDir(name))) {
      layout.push(name)
      continue
    }
    layout.push(`${name}/`)
    for (const child of (yield* list(name)).sort().filter((entry) => !SKIPPED.has(entry)).slice(0, 25)) {
      layout.push(`${name}/${child}${(yield* isDir(`${name}/${child}`)) ? "/" : ""}`)
    }
  }
  return { files, layout: layout.slice(0, LAYOUT_ENTRIES) }
})

/** The `/init` message: the digest and what to write from it. */
export const initPrompt = (digest: ProjectDigest): string =>
  [
    "<system-reminder>",
    "The user ran /init: (re)write the `project` memory block from the repository below in one call, replacing what it says",
    "now: memory_rethink with label `project` (if you only have the `memory` tool: its str_replace of the block's whole text).",
    "Keep anything already there that is still true and",
    "not in these files (conventions the user told you). Write a concise cheat-sheet, at most about 40 lines:",
    "what the project is; the exact commands to install, build, test, lint and run it; the layout (where things live);",
    "conventions and anything surprising. No file contents, no guesses: only what these files show. Then say in one line",
    "what you wrote. Do not call other tools: everything you need is here.",
    "</system-reminder>",
    "",
    ...digest.files.flatMap((file) => [`<file path="${file.path}">`, file.text.replace(/\s+$/, ""), "</file>", ""]),
    "<layout>",
    ...(digest.layout.length === 0 ? ["(empty)"] : digest.layout),
    "</layout>"
  ].join("\n")
