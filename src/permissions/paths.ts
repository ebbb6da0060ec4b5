/**
 * Paths for permission decisions: every path a file-tool call touches,
 * resolved the way the tools resolve it (absolute, or relative to the project directory) and
 * then through the file system (symlinks followed, dangling ones included, for the longest
 * existing prefix), so `./.env`, `sub/../.env`, `/abs/project/.env`, `//abs/project/.env` and
 * a symlink to it are one file. Path rules are picomatch globs (`dot: true`) anchored at a
 * directory; a rule that names a directory also covers what is inside it.
 */
import { FileSystem } from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import picomatch from "picomatch"
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path"
import { isInside } from "../domain/paths.js"
import type { PathAnchor } from "./rules.js"

/** How many symlinks one resolution may follow (the kernel's own limit is 40). */
const MAX_LINKS = 40

/**
 * The physical path of `absolute`: each existing component through `realpath`, a dangling
 * symlink through its target, `..` applied to the real parent, and whatever does not exist
 * appended as written (with `.` and `..` collapsed).
 */
export const realPathOf = (absolute: string): Effect.Effect<string, never, FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem
    // Most paths exist and hold no `..`: then one realpath of the whole path is the same answer
    // as the walk below (which would realpath every prefix, one file-system round trip each).
    if (!absolute.split("/").includes("..")) {
      const whole = yield* Effect.option(fs.realPath(absolute))
      if (Option.isSome(whole)) return whole.value
    }
    let pending = absolute.split("/")
    let current = "/"
    let links = 0
    while (pending.length > 0) {
      const segment = pending[0]!
      pending = pending.slice(1)
      if (segment === "" || segment === ".") continue
      if (segment === "..") {
        current = posix.dirname(current)
        continue
      }
      const next = join(current, segment)
      const real = yield* Effect.option(fs.realPath(next))
      if (Option.isSome(real)) {
        current = real.value
        continue
      }
      // A symlink whose target does not exist (yet): writing through it creates the target.
      const target = yield* Effect.option(fs.readLink(next))
      if (Option.isSome(target) && links < MAX_LINKS) {
        links += 1
        const linked = isAbsolute(target.value) ? target.value : join(current, target.value)
        pending = [...linked.split("/"), ...pending]
        current = "/"
        continue
      }
      return resolve(next, ...pending.filter((part) => part.length > 0))
    }
    return current
  })

/** Where a call's path points: as resolved by the tool, and through the file system. */
export interface ResolvedPath {
  /** `path.resolve(projectDir, raw)`: what the tools open. */
  readonly lexical: string
  /** The physical paths (of the lexical path, and of the path as written when `..` follows a symlink). */
  readonly real: ReadonlyArray<string>
}

export const resolvePath = (projectDir: string, raw: string): Effect.Effect<ResolvedPath, never, FileSystem> =>
  Effect.gen(function* () {
    const lexical = resolve(projectDir, raw)
    const asWritten = isAbsolute(raw) ? raw : `${projectDir}/${raw}`
    const real = [yield* realPathOf(lexical)]
    if (asWritten !== lexical) {
      const physical = yield* realPathOf(asWritten)
      if (!real.includes(physical)) real.push(physical)
    }
    return { lexical, real }
  })

const GLOB_CHARS = /[*?[\]{}()\\]/

/** Splits `src/**\/*.ts` into its literal directory (`src`) and the glob below it (`**\/*.ts`). */
export const splitGlob = (pattern: string): { readonly literal: string; readonly glob: string } => {
  const segments = pattern.split("/")
  let index = 0
  while (index < segments.length && !GLOB_CHARS.test(segments[index]!)) index += 1
  return { literal: segments.slice(0, index).join("/"), glob: segments.slice(index).join("/") }
}

/**
 * The wildcard-free segments of a glob, in order, after `..` cancels the segment before it
 * (`**\/.letta/*.json` → `.letta`; `.letta/../**` → nothing: it is the whole directory).
 */
export const literalSegments = (pattern: string): ReadonlyArray<string> => {
  const kept: Array<string> = []
  for (const segment of pattern.split("/")) {
    if (segment.length === 0 || segment === ".") continue
    if (segment === "..") kept.pop()
    else kept.push(segment)
  }
  return kept.filter((segment) => !GLOB_CHARS.test(segment))
}

/** The raw paths a file-tool call touches, or undefined when the arguments carry none. */
export const pathArguments = (toolName: string, args: Readonly<Record<string, unknown>> | undefined): ReadonlyArray<string> | undefined => {
  if (args === undefined) return undefined
  const text = (key: string): string | undefined => {
    const value = args[key]
    return typeof value === "string" && value.length > 0 ? value : undefined
  }
  switch (toolName) {
    case "Read":
    case "Write":
    case "Edit":
    case "MultiEdit": {
      const file = text("file_path")
      return file === undefined ? undefined : [file]
    }
    case "Grep":
    case "LS":
      return [text("path") ?? "."]
    case "Glob": {
      const root = text("path") ?? "."
      const pattern = text("pattern")
      if (pattern === undefined) return [root]
      const { glob, literal } = splitGlob(pattern)
      // `..` below a glob could lead anywhere: say so with the widest path there is.
      if (glob.split("/").includes("..")) return [root, "/"]
      if (literal.length === 0 && !isAbsolute(pattern)) return [root]
      // Joined as text, not normalised: `link/../x` must go through the symlink (resolvePath does).
      return [root, isAbsolute(pattern) ? literal || "/" : `${root.replace(/\/+$/, "")}/${literal}`]
    }
    default:
      return undefined
  }
}

/** A path rule, compiled: anchored at one or more directories (as written and real). */
export interface PathMatcher {
  readonly bases: ReadonlyArray<string>
  /** Tests a path relative to a base; undefined = the base itself and everything inside it. */
  readonly glob: ((relativePath: string) => boolean) | undefined
  /** The glob is only `**` segments, so it covers the base directory itself. */
  readonly coversBase: boolean
}

export const anchorDirectory = (anchor: PathAnchor, dirs: { readonly projectDir: string; readonly homeDir: string }): string =>
  anchor === "project" ? dirs.projectDir : anchor === "home" ? dirs.homeDir : "/"

export const compilePathMatcher = (
  anchor: PathAnchor,
  pattern: string,
  dirs: { readonly projectDir: string; readonly homeDir: string }
): Effect.Effect<PathMatcher, never, FileSystem> =>
  Effect.gen(function* () {
    const { glob, literal } = splitGlob(pattern.replace(/\/+$/, ""))
    const lexical = resolve(anchorDirectory(anchor, dirs), literal)
    const real = yield* realPathOf(lexical)
    const test = glob.length === 0 ? undefined : picomatch(glob, { dot: true, nonegate: true })
    return {
      bases: real === lexical ? [lexical] : [lexical, real],
      glob: test,
      coversBase: glob.length > 0 && glob.split("/").every((segment) => segment === "**")
    }
  })

/** Whether the matcher covers `path` (an absolute, normalised path). */
export const matchesPath = (matcher: PathMatcher, path: string): boolean =>
  matcher.bases.some((base) => {
    if (!isInside(base, path)) return false
    const rel = relative(base, path)
    if (matcher.glob === undefined) return true
    if (rel === "") return matcher.coversBase
    // A rule that matches a directory covers everything inside it.
    const parts = rel.split(sep)
    for (let end = 1; end <= parts.length; end++) {
      if (matcher.glob(parts.slice(0, end).join("/"))) return true
    }
    return false
  })

/** Whether `path` lies in one of `dirs`, by path segments. */
export const insideAny = (dirs: ReadonlyArray<string>, path: string): boolean => dirs.some((dir) => isInside(dir, path))

/** The tools that open exactly the file they name (`file_path`): their paths can be re-checked. */
const SINGLE_FILE_TOOLS = ["Read", "Write", "Edit", "MultiEdit"]

/**
 * The absolute path each file a single-file call names is opened at, mapped to its real path
 * now; undefined for other tools. Taken when the call is judged, so the tool can tell whether
 * that path still leads to the same place when it runs.
 */
export const judgedPathsOf = (
  projectDir: string,
  toolName: string,
  args: Readonly<Record<string, unknown>>
): Effect.Effect<ReadonlyMap<string, string> | undefined, never, FileSystem> =>
  Effect.gen(function* () {
    if (!SINGLE_FILE_TOOLS.includes(toolName)) return undefined
    const raws = pathArguments(toolName, args)
    if (raws === undefined) return undefined
    const judged = new Map<string, string>()
    for (const raw of raws) {
      const lexical = resolve(projectDir, raw)
      judged.set(lexical, yield* realPathOf(lexical))
    }
    return judged
  })
