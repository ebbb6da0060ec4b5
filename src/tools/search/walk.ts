/**
 * A directory walk that picks files by ripgrep's rules, so the in-process Glob and Grep see the
 * same files as `rg --no-require-git --no-ignore-global --no-ignore-exclude` does:
 *
 * - ignore files `.rgignore`, `.ignore` and `.gitignore` (gitignore syntax, via the `ignore`
 *   package) in the searched directory, below it and in every directory above it. Kinds take
 *   precedence in that order; within a kind the nearest file with a matching rule decides. A
 *   path is matched against the rules on its own (excluded directories are not entered): a
 *   search inside a directory that an outer ignore file excludes still finds its files, and a
 *   directory one ignore file excludes and a stronger one re-includes is searched, as with rg.
 * - hidden entries (names starting with ".") are skipped unless `includeHidden`, or an override
 *   glob, an ignore-file negation or a file type names them;
 * - `.git` is always skipped, symlinks are never followed nor listed.
 *
 * Plain node:fs callbacks rather than the Effect FileSystem: a walk makes tens of thousands of
 * calls and this is the hot path of Glob and Grep.
 *
 * It lives beside the tools, not in the Search layers (src/layers/search/), because LS and the
 * prompt's @-mentions pick files by the same rules, and tools and programs never import a layer.
 */
import { type Dirent, readdir, readFile } from "node:fs"
import { dirname } from "node:path"
import ignore, { type Ignore } from "ignore"

/** In precedence order, as ripgrep applies them. */
export const IGNORE_FILE_NAMES: ReadonlyArray<string> = [".rgignore", ".ignore", ".gitignore"]

/** The ignore rules in force in one directory: its own ignore files on top of its parent's. */
export interface IgnoreLevel {
  /** The directory of these ignore files, with a trailing "/". */
  readonly base: string
  /** One matcher per kind of IGNORE_FILE_NAMES, when the directory has such a file. */
  readonly matchers: ReadonlyArray<Ignore | undefined>
  readonly parent: IgnoreLevel | undefined
}

/** What an override glob says about an entry: keep it whatever else says, drop it, or no opinion. */
export type Verdict = "include" | "exclude" | "none"

export interface WalkOptions {
  /** Absolute path of the directory to walk. */
  readonly root: string
  readonly includeHidden: boolean
  /** Decides before anything else (ripgrep's `--glob`); `relative` uses "/" separators. */
  readonly override?: (relative: string, name: string, isDirectory: boolean) => Verdict
  /** Only files whose name passes are kept, and those count as explicitly wanted (ripgrep's `--type`). */
  readonly fileType?: (name: string) => boolean
  /** A last test on files that passed every rule (Glob's pattern). */
  readonly acceptFile?: (relative: string) => boolean
  /** Files deeper than this many path segments below the root are not looked for. */
  readonly maxDepth?: number
  readonly signal?: AbortSignal | undefined
  /** Called once, when the walk has found `count` files. */
  readonly onManyFiles?: { readonly count: number; readonly call: () => void }
}

const withSlash = (directory: string): string => (directory.endsWith("/") ? directory : `${directory}/`)

const makeMatcher = (text: string): Ignore => ignore({ ignorecase: false, allowRelativePaths: true }).add(text)

const readText = (file: string): Promise<string | undefined> =>
  new Promise((resolve) => readFile(file, "utf8", (error, text) => resolve(error ? undefined : text)))

/** One level from the texts of `directory`'s ignore files (in IGNORE_FILE_NAMES order). */
const levelOf = (directory: string, texts: ReadonlyArray<string | undefined>, parent: IgnoreLevel | undefined): IgnoreLevel | undefined =>
  texts.every((text) => text === undefined)
    ? parent
    : { base: withSlash(directory), matchers: texts.map((text) => (text === undefined ? undefined : makeMatcher(text))), parent }

/** The ignore files of `directory` among `present` (names found in it), as one level. */
export const loadLevel = async (
  directory: string,
  present: ReadonlyArray<string>,
  parent: IgnoreLevel | undefined
): Promise<IgnoreLevel | undefined> => {
  if (present.length === 0) return parent
  const texts = await Promise.all(
    IGNORE_FILE_NAMES.map((name) => (present.includes(name) ? readText(withSlash(directory) + name) : Promise.resolve(undefined)))
  )
  return levelOf(directory, texts, parent)
}

/** The ignore files of the directories above `root`, outermost first. */
export const ancestorLevels = async (root: string): Promise<IgnoreLevel | undefined> => {
  const ancestors: Array<string> = []
  for (let directory = dirname(root); ; directory = dirname(directory)) {
    ancestors.unshift(directory)
    if (dirname(directory) === directory) break
  }
  if (root === dirname(root)) ancestors.length = 0
  let level: IgnoreLevel | undefined
  for (const directory of ancestors) {
    const texts = await Promise.all(IGNORE_FILE_NAMES.map((name) => readText(withSlash(directory) + name)))
    level = levelOf(directory, texts, level)
  }
  return level
}

interface RuleVerdict {
  readonly ignored: boolean
  readonly unignored: boolean
}

/** `ignore`'s rule list, which tests one path against the rules without its parent directories. */
interface RuleList {
  readonly test: (path: string, checkUnignored: boolean, mode: "regex") => RuleVerdict
}

/**
 * What `matcher`'s rules say about `relative` itself, as ripgrep matches: the walk never enters
 * an excluded directory, so what is found inside a directory it did enter is judged on its own.
 * `Ignore.test` also tests every parent directory, which excludes the files of a directory that
 * a stronger ignore file (or an override) re-included, unlike rg, and costs ~4 µs per new path
 * (most of a walk). The rule list is internal to `ignore` (pinned at 7.0.5); without it the
 * public test is used. test/tools/walk.test.ts holds the walk to ripgrep's choices.
 */
const testOwnRules = (matcher: Ignore, relative: string): RuleVerdict => {
  const rules = (matcher as unknown as { readonly _rules?: Partial<RuleList> })._rules
  return typeof rules?.test === "function" ? rules.test(relative, true, "regex") : matcher.test(relative)
}

/** What the ignore files say about `path` (absolute): "exclude", "include" (a negation) or "none". */
export const ignoreVerdict = (level: IgnoreLevel | undefined, path: string, isDirectory: boolean): Verdict => {
  for (let kind = 0; kind < IGNORE_FILE_NAMES.length; kind++) {
    for (let current = level; current !== undefined; current = current.parent) {
      const matcher = current.matchers[kind]
      if (matcher === undefined) continue
      const relative = path.slice(current.base.length)
      const result = testOwnRules(matcher, isDirectory ? `${relative}/` : relative)
      if (result.ignored) return "exclude"
      if (result.unignored) return "include"
    }
  }
  return "none"
}

/** The absolute paths of the files under `options.root` that pass the rules, in no particular order. */
export const walkFiles = async (options: WalkOptions): Promise<Array<string>> => {
  const root = options.root
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY
  const files: Array<string> = []
  const rootLevel = await ancestorLevels(root)

  const keep = (level: IgnoreLevel | undefined, path: string, relative: string, name: string, isDirectory: boolean) => {
    const override = options.override?.(relative, name, isDirectory) ?? "none"
    if (override !== "none") return override === "include"
    let wanted = false
    const ignored = ignoreVerdict(level, path, isDirectory)
    if (ignored === "exclude") return false
    if (ignored === "include") wanted = true
    if (!isDirectory && options.fileType !== undefined) {
      if (!options.fileType(name)) return false
      wanted = true
    }
    return wanted || options.includeHidden || !name.startsWith(".")
  }

  return new Promise((resolve) => {
    let pending = 0
    const settle = () => {
      pending -= 1
      if (pending === 0) resolve(files)
    }

    const visit = (directory: string, relativeDirectory: string, depth: number, level: IgnoreLevel | undefined) => {
      pending += 1
      if (options.signal?.aborted === true) {
        settle()
        return
      }
      readdir(directory, { withFileTypes: true }, (error, entries) => {
        if (error !== null) {
          settle()
          return
        }
        const present = entries.filter((entry) => IGNORE_FILE_NAMES.some((name) => name === entry.name)).map((entry) => entry.name)
        if (present.length === 0) {
          scan(directory, relativeDirectory, depth, level, entries)
          settle()
          return
        }
        void loadLevel(directory, present, level).then((inner) => {
          scan(directory, relativeDirectory, depth, inner, entries)
          settle()
        })
      })
    }

    const scan = (
      directory: string,
      relativeDirectory: string,
      depth: number,
      level: IgnoreLevel | undefined,
      entries: ReadonlyArray<Dirent>
    ) => {
      const prefix = withSlash(directory)
      for (const entry of entries) {
        const name = entry.name
        if (name === ".git") continue
        const relative = relativeDirectory + name
        if (entry.isDirectory()) {
          if (depth + 1 >= maxDepth) continue
          const path = prefix + name
          if (keep(level, path, relative, name, true)) visit(path, `${relative}/`, depth + 1, level)
        } else if (entry.isFile()) {
          const path = prefix + name
          if (keep(level, path, relative, name, false) && (options.acceptFile?.(relative) ?? true)) {
            if (files.push(path) === options.onManyFiles?.count) options.onManyFiles.call()
          }
        }
      }
    }

    visit(root, "", 0, rootLevel)
  })
}
