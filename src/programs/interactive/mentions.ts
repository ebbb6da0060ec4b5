/**
 * `@file` mentions: typing `@` then part of a path offers the project's files (fuzzy, by the
 * same walk and ignore rules as Glob and Grep: .gitignore/.ignore/.rgignore, no hidden files);
 * Tab or Enter completes. On send, each mentioned file's text is attached to the message in a
 * `<file path=…>` block, as Claude Code does, when the permission rules allow a Read of it
 * (a denied or ask-outcome file is not attached, and a notice says why), capped like Read.
 */
import { open, stat } from "node:fs/promises"
import { isAbsolute, relative, resolve, sep } from "node:path"
import * as Effect from "effect/Effect"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { READ_DEFAULT_LIMIT, READ_MAX_LINE_CHARS, READ_MAX_WHOLE_BYTES, looksBinary } from "../../tools/Read.js"
import { walkFiles } from "../../tools/search/walk.js"

/** Suggestions shown under the prompt. */
export const MENTION_ROWS = 8
/** Files listed for completion at most (a huge tree is cut there). */
const INDEX_MAX_FILES = 50_000
/** The file list is walked again when older than this. */
const INDEX_TTL_MS = 10_000

// ── the `@` being typed ───────────────────────────────────────────────────

export interface ActiveMention {
  /** Index of the `@`. */
  readonly start: number
  /** What follows it, up to the cursor. */
  readonly query: string
}

/** The `@word` the cursor ends (an `@` at the start or after whitespace, no space since). */
export const activeMention = (text: string, cursor: number): ActiveMention | undefined => {
  const before = text.slice(0, cursor)
  const at = before.lastIndexOf("@")
  if (at === -1) return undefined
  if (at > 0 && !/\s/.test(before[at - 1] ?? "")) return undefined
  const query = before.slice(at + 1)
  if (/\s/.test(query)) return undefined
  // The word must end at the cursor.
  const next = text[cursor]
  if (next !== undefined && !/\s/.test(next)) return undefined
  return { start: at, query }
}

/** The text with the active mention replaced by `@path ` (cursor after it). */
export const completeMention = (text: string, mention: ActiveMention, path: string): { readonly text: string; readonly cursor: number } => {
  const end = mention.start + 1 + mention.query.length
  const inserted = `@${path} `
  const rest = text.slice(end).replace(/^ /, "")
  return { text: text.slice(0, mention.start) + inserted + rest, cursor: mention.start + inserted.length }
}

// ── fuzzy matching ───────────────────────────────────────────────────────

/**
 * How well `query` matches `path` (higher is better), or undefined when its characters do not
 * all occur in order. Contiguous runs, matches at word starts and in the file name count more;
 * shorter paths win ties.
 */
export const fuzzyScore = (path: string, query: string): number | undefined => {
  if (query.length === 0) return -path.length
  const p = path.toLowerCase()
  const q = query.toLowerCase()
  const nameStart = p.lastIndexOf("/") + 1
  let score = 0
  let from = 0
  let previous = -2
  for (const char of q) {
    const at = p.indexOf(char, from)
    if (at === -1) return undefined
    score += 1
    if (at === previous + 1) score += 5
    const before = p[at - 1]
    if (at === 0 || before === "/" || before === "." || before === "_" || before === "-") score += 3
    if (at >= nameStart) score += 2
    previous = at
    from = at + 1
  }
  if (p.includes(q)) score += 10 + (p.slice(nameStart).startsWith(q) ? 10 : 0)
  return score * 100 - path.length
}

export const matchFiles = (files: ReadonlyArray<string>, query: string, limit = MENTION_ROWS): ReadonlyArray<string> => {
  const scored: Array<{ readonly path: string; readonly score: number }> = []
  for (const path of files) {
    const score = fuzzyScore(path, query)
    if (score !== undefined) scored.push({ path, score })
  }
  scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1))
  return scored.slice(0, limit).map((entry) => entry.path)
}

// ── the project's files ──────────────────────────────────────────────────

const toSlashes = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"))

interface IndexEntry {
  readonly at: number
  readonly files: Promise<ReadonlyArray<string>>
}
const indexes = new Map<string, IndexEntry>()

/** The project's files (relative, "/" separators), walked as Glob does; cached for a few seconds. */
export const projectFiles = (root: string): Promise<ReadonlyArray<string>> => {
  const cached = indexes.get(root)
  if (cached !== undefined && Date.now() - cached.at < INDEX_TTL_MS) return cached.files
  const controller = new AbortController()
  const files = walkFiles({
    root,
    includeHidden: false,
    signal: controller.signal,
    onManyFiles: { count: INDEX_MAX_FILES, call: () => controller.abort() }
  })
    .then((found) => found.map((path) => toSlashes(relative(root, path))).sort())
    .catch(() => [] as ReadonlyArray<string>)
  indexes.set(root, { at: Date.now(), files })
  return files
}

// ── attaching on send ────────────────────────────────────────────────────

/** Trailing punctuation a sentence may put after a mention: `see @a.ts.` */
const TRAILING = /[.,;:!?)\]}'"]+$/

/** The paths mentioned in a message (`@path` at the start or after whitespace), in order, once each. */
export const mentionedPaths = (text: string): ReadonlyArray<string> => {
  const found: Array<string> = []
  for (const match of text.matchAll(/(?:^|\s)@([^\s@]+)/g)) {
    const raw = match[1] ?? ""
    if (raw.length > 0 && !found.includes(raw)) found.push(raw)
  }
  return found
}

export interface Attachment {
  /** The `<file>` blocks to add to the message. */
  readonly blocks: ReadonlyArray<string>
  /** What was attached, for the transcript: `src/greet.ts (3 lines)`. */
  readonly attached: ReadonlyArray<string>
  /** Why some mentioned files were not attached. */
  readonly notices: ReadonlyArray<string>
}

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** A mention as the file it names: as typed, or without trailing punctuation. */
const resolveMention = async (projectDir: string, raw: string): Promise<{ readonly shown: string; readonly path: string } | undefined> => {
  const candidates = [raw, raw.replace(TRAILING, "")].filter((c, i, all) => c.length > 0 && all.indexOf(c) === i)
  for (const candidate of candidates) {
    const expanded = candidate.startsWith("~/") ? resolve(process.env["HOME"] ?? "~", candidate.slice(2)) : candidate
    const path = isAbsolute(expanded) ? expanded : resolve(projectDir, expanded)
    if (await isFile(path)) return { shown: candidate, path }
  }
  return undefined
}

export type FileText =
  | { readonly _tag: "Text"; readonly text: string; readonly lines: number }
  | { readonly _tag: "Refused"; readonly reason: string }

/** A file's text as the Read tool would give it whole: at most READ_DEFAULT_LIMIT lines, long lines cut. */
export const readCapped = async (path: string): Promise<FileText> => {
  const size = (await stat(path)).size
  if (size > READ_MAX_WHOLE_BYTES) return { _tag: "Refused", reason: `it is over the ${READ_MAX_WHOLE_BYTES / (1024 * 1024)} MB limit for reading a file whole` }
  const handle = await open(path, "r")
  let bytes: Buffer
  try {
    bytes = await handle.readFile()
  } finally {
    await handle.close()
  }
  if (looksBinary(bytes.subarray(0, 8 * 1024))) return { _tag: "Refused", reason: "it is a binary file" }
  const lines = bytes.toString("utf8").replace(/\n$/, "").split("\n")
  const shown = lines.slice(0, READ_DEFAULT_LIMIT).map((line) => {
    const plain = line.replace(/\r$/, "")
    return plain.length > READ_MAX_LINE_CHARS
      ? `${plain.slice(0, READ_MAX_LINE_CHARS)} [line cut: ${plain.length - READ_MAX_LINE_CHARS} more characters]`
      : plain
  })
  const more = lines.length - shown.length
  const note = more > 0 ? `\n[Showed lines 1-${shown.length} of ${lines.length}. To read more, call Read with offset=${shown.length + 1}.]` : ""
  return { _tag: "Text", text: `${shown.join("\n")}${note}`, lines: shown.length }
}

const escapeAttribute = (value: string): string => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")

/**
 * The mentioned files' blocks, each read only where the policy allows a Read of it. Mentions that
 * name no file (`@someone`) are left as they are, silently.
 */
export const attachMentions = (text: string, projectDir: string): Effect.Effect<Attachment, never, PermissionPolicy> =>
  Effect.gen(function* () {
    const raws = mentionedPaths(text)
    if (raws.length === 0) return { blocks: [], attached: [], notices: [] }
    const policy = yield* PermissionPolicy
    const blocks: Array<string> = []
    const attached: Array<string> = []
    const notices: Array<string> = []
    const seen = new Set<string>()
    for (const raw of raws) {
      const found = yield* Effect.promise(() => resolveMention(projectDir, raw))
      if (found === undefined || seen.has(found.path)) continue
      seen.add(found.path)
      const decision = yield* policy.decide({ toolName: "Read", args: { file_path: found.path } })
      if (decision._tag === "Deny") {
        notices.push(`@${found.shown} not attached: ${decision.reason}`)
        continue
      }
      if (decision._tag === "Ask") {
        notices.push(`@${found.shown} not attached: reading it needs approval (${decision.decidedBy})`)
        continue
      }
      const read = yield* Effect.promise(() => readCapped(found.path).catch((error: unknown): FileText => ({ _tag: "Refused", reason: String(error) })))
      if (read._tag === "Refused") {
        notices.push(`@${found.shown} not attached: ${read.reason}`)
        continue
      }
      blocks.push(`<file path="${escapeAttribute(found.shown)}">\n${read.text}\n</file>`)
      attached.push(`${found.shown} (${read.lines} line${read.lines === 1 ? "" : "s"})`)
    }
    return { blocks, attached, notices }
  })

/** The message with the attached files after it. */
export const withAttachments = (text: string, blocks: ReadonlyArray<string>): string =>
  blocks.length === 0 ? text : `${text}\n\n${blocks.join("\n\n")}`
