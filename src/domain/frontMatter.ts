/**
 * YAML front-matter of Markdown files (skills' SKILL.md, custom slash commands): the block
 * between a first line `---` and the next line `---`, decoded with a Schema. Files from users
 * and projects are untrusted: every problem comes back as a `FrontMatterError` naming the file
 * and what is wrong, never a throw.
 *
 * The `yaml` package (~115 kB minified) is required on first use only; in the bundle it lives in
 * dist/letta-yaml.cjs (build/yamlBundle.mjs), so runs without such files never load it.
 */
import * as Data from "effect/Data"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { parse as parseYaml } from "yaml"

export class FrontMatterError extends Data.TaggedError("FrontMatterError")<{
  readonly file: string
  readonly problem: string
}> {
  override get message(): string {
    return `${this.file}: ${this.problem}`
  }
}

export interface Split {
  /** The YAML text between the fences; undefined when the file has no front-matter. */
  readonly yaml: string | undefined
  /** The rest of the file, after the closing fence's line. */
  readonly body: string
}

export const UNCLOSED = "front-matter starts with --- but has no closing --- line"

const OPENING = /^\uFEFF?---[ \t]*\r?\n/
const CLOSING = /^---[ \t]*$/m

/** Splits a Markdown file into its front-matter text and its body. */
export const splitFrontMatter = (text: string): Split | "unclosed" => {
  const opening = OPENING.exec(text)
  if (opening === null) return { yaml: undefined, body: text.replace(/^\uFEFF/, "") }
  const rest = text.slice(opening[0].length)
  // An empty block: the closing fence is the very next line.
  const closing = CLOSING.exec(rest)
  if (closing === null) return "unclosed"
  const yaml = rest.slice(0, closing.index)
  const after = rest.slice(closing.index + closing[0].length)
  return { yaml, body: after.replace(/^\r?\n/, "") }
}

/**
 * The parser's message without its quoted source (a first line ending in "at line L, column C:"),
 * with the line counted in the whole file: the YAML starts on the file's second line.
 */
const yamlProblem = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const first = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")
  const pos: unknown = (error as { linePos?: unknown }).linePos
  const line = Array.isArray(pos) && typeof pos[0]?.line === "number" ? pos[0].line + 1 : undefined
  return line === undefined ? first : `${first} (line ${line})`
}

/**
 * Parses a file's front-matter as YAML and decodes it with `schema`. A file without
 * front-matter decodes `{}` (so a schema with only optional fields accepts it).
 */
export const decodeFrontMatter = <A, I>(
  file: string,
  text: string,
  schema: Schema.Schema<A, I>
): Either.Either<{ readonly data: A; readonly body: string }, FrontMatterError> => {
  const split = splitFrontMatter(text)
  if (split === "unclosed") return Either.left(new FrontMatterError({ file, problem: UNCLOSED }))
  let raw: unknown = {}
  if (split.yaml !== undefined && split.yaml.trim() !== "") {
    try {
      raw = parseYaml(split.yaml, { prettyErrors: true, uniqueKeys: true })
    } catch (error) {
      return Either.left(new FrontMatterError({ file, problem: `front-matter is not valid YAML: ${yamlProblem(error)}` }))
    }
    if (raw === null || raw === undefined) raw = {}
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return Either.left(new FrontMatterError({ file, problem: "front-matter must be a mapping of keys to values" }))
  }
  const decoded = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(raw)
  if (Either.isLeft(decoded)) {
    const issues = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
    const problem = issues
      .map((issue) =>
        issue.path.length === 0 ? issue.message : issue._tag === "Missing" ? `${issue.path.join(".")} is missing` : `${issue.path.join(".")}: ${issue.message}`
      )
      .join("; ")
    return Either.left(new FrontMatterError({ file, problem: `front-matter: ${problem}` }))
  }
  return Either.right({ data: decoded.right, body: split.body })
}
