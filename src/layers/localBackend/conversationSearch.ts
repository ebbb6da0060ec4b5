/**
 * The pure half of `conversation_search`: decoding the model's arguments, turning any
 * query text into a safe SQLite FTS5 expression, and formatting the hits for the model.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

export type SearchRole = "user" | "assistant" | "tool"

export interface SearchArguments {
  readonly query: string
  /** Empty means every role. */
  readonly roles: ReadonlyArray<SearchRole>
  readonly limit: number
  /** ISO 8601 (UTC), inclusive. */
  readonly startDate?: string
  /** ISO 8601 (UTC), inclusive; a date alone means the end of that day. */
  readonly endDate?: string
}

export const SEARCH_DEFAULT_LIMIT = 10
export const SEARCH_MAX_LIMIT = 50
/** How much of one message text the model sees in a result. */
export const SEARCH_RESULT_MAX_CHARS = 500

// ── arguments ────────────────────────────────────────────────────────────────────────────────────

// `null` counts as absent: models often send null for the optional arguments they do not use.
const RawArguments = Schema.Struct({
  query: Schema.String,
  roles: Schema.optionalWith(Schema.Array(Schema.Literal("user", "assistant", "tool")), { nullable: true }),
  // Some models quote numbers, so "5" is accepted as well as 5.
  limit: Schema.optionalWith(Schema.Union(Schema.Int, Schema.compose(Schema.NumberFromString, Schema.Int)), {
    nullable: true
  }),
  start_date: Schema.optionalWith(Schema.String, { nullable: true }),
  end_date: Schema.optionalWith(Schema.String, { nullable: true })
})

// Schema's own messages describe types; the model needs to know which argument to fix and how.
const ARGUMENT_HINTS: Readonly<Record<string, string>> = {
  query: "Argument 'query' must be a string.",
  roles: `Argument 'roles' must be a list of "user", "assistant" or "tool".`,
  limit: "Argument 'limit' must be an integer.",
  start_date: "Argument 'start_date' must be a string (YYYY-MM-DD or YYYY-MM-DDTHH:MM).",
  end_date: "Argument 'end_date' must be a string (YYYY-MM-DD or YYYY-MM-DDTHH:MM)."
}

const describeIssue = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const key = issue === undefined ? "" : String(issue.path[0] ?? "")
  if (issue?._tag === "Missing") return `Missing required argument '${key}'.`
  return ARGUMENT_HINTS[key] ?? `Invalid arguments for conversation_search: ${issue?.message ?? "unknown problem"}.`
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i

/** A real calendar day? (`Date` silently turns 2024-02-30 into March 1st.) */
const isCalendarDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** The instant as ISO text; without a zone the time is UTC (never the machine's zone, which the model cannot see). */
const toIsoInstant = (text: string, endOfDay: boolean): string | undefined => {
  const t = text.trim()
  const day = DATE_ONLY.exec(t)
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])]
    if (!isCalendarDay(y, m, d)) return undefined
    const start = Date.UTC(y, m - 1, d)
    return new Date(endOfDay ? start + 86_400_000 - 1 : start).toISOString()
  }
  const moment = DATE_TIME.exec(t)
  if (moment === null || !isCalendarDay(Number(moment[1]), Number(moment[2]), Number(moment[3]))) return undefined
  const zone = moment[6]
  const normalized = t.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
  const ms = Date.parse(zone === undefined ? `${normalized}Z` : normalized)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

const dateArgument = (key: "start_date" | "end_date", text: string | undefined): Either.Either<string | undefined, string> => {
  if (text === undefined || text.trim() === "") return Either.right(undefined)
  const iso = toIsoInstant(text, key === "end_date")
  return iso === undefined
    ? Either.left(`Invalid ${key} format: ${text}. Use ISO 8601 format (YYYY-MM-DD or YYYY-MM-DDTHH:MM).`)
    : Either.right(iso)
}

export const parseSearchArguments = (argumentsJson: string): Either.Either<SearchArguments, string> =>
  Either.gen(function* () {
    const json = yield* Either.try({
      try: (): unknown => JSON.parse(argumentsJson.trim() === "" ? "{}" : argumentsJson),
      catch: () => `Invalid JSON arguments for tool 'conversation_search': ${argumentsJson}`
    })
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      return yield* Either.left("Arguments of tool 'conversation_search' must be a JSON object.")
    }
    const raw = yield* Either.mapLeft(Schema.decodeUnknownEither(RawArguments)(json), describeIssue)
    const limit = raw.limit ?? SEARCH_DEFAULT_LIMIT
    if (limit < 1) return yield* Either.left("Argument 'limit' must be at least 1.")
    const startDate = yield* dateArgument("start_date", raw.start_date)
    const endDate = yield* dateArgument("end_date", raw.end_date)
    if (startDate !== undefined && endDate !== undefined && startDate > endDate) {
      return yield* Either.left(`start_date (${startDate}) is after end_date (${endDate}); no message can match.`)
    }
    return {
      query: raw.query,
      roles: [...new Set(raw.roles ?? [])],
      // Too large a limit is trimmed rather than refused: the model still gets useful results.
      limit: Math.min(limit, SEARCH_MAX_LIMIT),
      ...(startDate === undefined ? {} : { startDate }),
      ...(endDate === undefined ? {} : { endDate })
    }
  })

// ── FTS5 query ───────────────────────────────────────────────────────────────────────────────────

// Word tokens only: everything else (quotes, `-`, `*`, `^`, `:`, parentheses) is FTS5 syntax or noise.
// Combining marks stay attached to their letter so "café" written with a combining accent is one word.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
// A bound on what one call can ask of SQLite, far above any sensible query.
const MAX_TOKENS = 64

const tokens = (text: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const out: Array<string> = []
  for (const [word] of text.matchAll(WORD)) {
    const key = word.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(word)
    if (out.length === MAX_TOKENS) break
  }
  return out
}

// Inside double quotes FTS5 reads a string, never an operator (AND, OR, NOT, NEAR, column filters).
const quoted = (token: string) => `"${token.replaceAll('"', '""')}"`

const join = (text: string, separator: string): string | undefined => {
  const words = tokens(text)
  return words.length === 0 ? undefined : words.map(quoted).join(separator)
}

/** Every word must match (FTS5 implicit AND); undefined when the text has no words. */
export const ftsQuery = (text: string): string | undefined => join(text, " ")

/** Any word may match: the fallback when the all-words query finds nothing. */
export const ftsQueryAny = (text: string): string | undefined => join(text, " OR ")

// ── results ──────────────────────────────────────────────────────────────────────────────────────

export interface SearchResultRow {
  readonly role: string
  /** ISO 8601. */
  readonly date: string
  readonly text: string
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair, and says how much was left out. */
const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}… [${text.length - end} more characters]`
}

const oneLine = (text: string) => shorten(text.replace(/\s+/g, " ").trim(), 100)

export const formatSearchResults = (rows: ReadonlyArray<SearchResultRow>, query: string): string => {
  const subject = query.trim() === "" ? "" : ` for "${oneLine(query)}"`
  if (rows.length === 0) return `No results found${subject}.`
  const header = `Found ${rows.length} ${rows.length === 1 ? "message" : "messages"}${subject}:`
  const entries = rows.map((row, i) => `[${i + 1}] ${row.role} · ${row.date}\n${shorten(row.text, SEARCH_RESULT_MAX_CHARS)}`)
  return [header, ...entries].join("\n\n")
}
