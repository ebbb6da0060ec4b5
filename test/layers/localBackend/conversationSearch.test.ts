import { createRequire } from "node:module"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { afterAll } from "vitest"
import {
  formatSearchResults,
  ftsQuery,
  ftsQueryAny,
  parseSearchArguments,
  SEARCH_RESULT_MAX_CHARS
} from "../../../src/layers/localBackend/conversationSearch.js"

// better-sqlite3 ships no types; this is the little of it the test uses.
interface Statement {
  all(...params: ReadonlyArray<unknown>): ReadonlyArray<{ readonly body: string }>
  run(...params: ReadonlyArray<unknown>): unknown
}
interface Database {
  exec(sql: string): void
  prepare(sql: string): Statement
  close(): void
}
const Sqlite = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => Database

const db = new Sqlite(":memory:")
db.exec("CREATE VIRTUAL TABLE messages USING fts5(body)")
const insert = db.prepare("INSERT INTO messages (body) VALUES (?)")
for (const body of [
  "the zebra-quartz-42 build failed",
  "I don't like tabs",
  "café au lait",
  "deploy with NEAR(staging) AND prod",
  "zebra crossing"
]) {
  insert.run(body)
}
const search = db.prepare("SELECT body FROM messages WHERE messages MATCH ? ORDER BY rowid")
afterAll(() => db.close())

const matches = (text: string, build = ftsQuery) => {
  const expression = build(text)
  return expression === undefined ? undefined : search.all(expression).map((row) => row.body)
}

describe("ftsQuery", () => {
  it("quotes every word and joins them with AND", () => {
    expect(ftsQuery("zebra-quartz-42")).toBe(`"zebra" "quartz" "42"`)
    expect(matches("zebra-quartz-42")).toEqual(["the zebra-quartz-42 build failed"])
    expect(matches(`"don't"`)).toEqual(["I don't like tabs"])
    expect(matches("Café")).toEqual(["café au lait"])
  })

  it("turns FTS5 syntax into plain words", () => {
    expect(ftsQuery("NEAR(staging")).toBe(`"NEAR" "staging"`)
    expect(matches("NEAR(staging")).toEqual(["deploy with NEAR(staging) AND prod"])
    expect(ftsQuery("AND OR NOT")).toBe(`"AND" "OR" "NOT"`)
    expect(ftsQuery("^body:zebra*")).toBe(`"body" "zebra"`)
    expect(matches("zebra*")).toEqual(["the zebra-quartz-42 build failed", "zebra crossing"])
  })

  it("is undefined without words, and drops repeated words", () => {
    expect(ftsQuery("")).toBeUndefined()
    expect(ftsQuery(` "*" ^ :() - \u0301 `)).toBeUndefined()
    expect(ftsQuery("Zebra zebra ZEBRA")).toBe(`"Zebra"`)
  })

  it("ftsQueryAny matches any of the words", () => {
    expect(ftsQueryAny("zebra lait")).toBe(`"zebra" OR "lait"`)
    expect(matches("zebra lait")).toEqual([])
    expect(matches("zebra lait", ftsQueryAny)).toEqual([
      "the zebra-quartz-42 build failed",
      "café au lait",
      "zebra crossing"
    ])
  })

  it("never produces an FTS5 syntax error, whatever the text", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(fc.constantFrom(`"`, "'", "*", "^", ":", "(", ")", "-", "+", "NEAR", "AND", "OR", "NOT", "body", " ", "x", "{", "}", ","), {
        maxLength: 20
      }).map((parts) => parts.join(""))
    )
    fc.assert(
      fc.property(text, (t) => {
        for (const build of [ftsQuery, ftsQueryAny]) {
          const expression = build(t)
          if (expression !== undefined) expect(() => search.all(expression)).not.toThrow()
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe("parseSearchArguments", () => {
  const parse = (args: unknown) => parseSearchArguments(JSON.stringify(args))
  const error = (args: unknown) => Either.getLeft(typeof args === "string" ? parseSearchArguments(args) : parse(args))

  it("applies the defaults", () => {
    expect(parse({ query: "zebra" })).toEqual(Either.right({ query: "zebra", roles: [], limit: 10 }))
    expect(parse({ query: "zebra", roles: null, limit: null, start_date: null })).toEqual(
      Either.right({ query: "zebra", roles: [], limit: 10 })
    )
  })

  it("reads roles, limit and dates (a date-only end_date means the end of that day, in UTC)", () => {
    expect(
      parse({ query: "q", roles: ["user", "tool", "user"], limit: "5", start_date: "2024-01-15", end_date: "2024-01-20" })
    ).toEqual(
      Either.right({
        query: "q",
        roles: ["user", "tool"],
        limit: 5,
        startDate: "2024-01-15T00:00:00.000Z",
        endDate: "2024-01-20T23:59:59.999Z"
      })
    )
    expect(parse({ query: "q", start_date: "2024-01-15T14:30", end_date: "2024-01-15T18:00:00+02:00" })).toEqual(
      Either.right({ query: "q", roles: [], limit: 10, startDate: "2024-01-15T14:30:00.000Z", endDate: "2024-01-15T16:00:00.000Z" })
    )
  })

  it("caps the limit at 50", () => {
    expect(Either.map(parse({ query: "q", limit: 500 }), (a) => a.limit)).toEqual(Either.right(50))
  })

  it("names the argument that is wrong", () => {
    expect(error("{oops")).toEqual(expect.objectContaining({ value: "Invalid JSON arguments for tool 'conversation_search': {oops" }))
    expect(error("[]")).toEqual(expect.objectContaining({ value: "Arguments of tool 'conversation_search' must be a JSON object." }))
    expect(error({})).toEqual(expect.objectContaining({ value: "Missing required argument 'query'." }))
    expect(error({ query: 3 })).toEqual(expect.objectContaining({ value: "Argument 'query' must be a string." }))
    expect(error({ query: "q", roles: ["system"] })).toEqual(
      expect.objectContaining({ value: `Argument 'roles' must be a list of "user", "assistant" or "tool".` })
    )
    expect(error({ query: "q", limit: 2.5 })).toEqual(expect.objectContaining({ value: "Argument 'limit' must be an integer." }))
    expect(error({ query: "q", limit: 0 })).toEqual(expect.objectContaining({ value: "Argument 'limit' must be at least 1." }))
    expect(error({ query: "q", start_date: "yesterday" })).toEqual(
      expect.objectContaining({
        value: "Invalid start_date format: yesterday. Use ISO 8601 format (YYYY-MM-DD or YYYY-MM-DDTHH:MM)."
      })
    )
    expect(error({ query: "q", end_date: "2024-02-30" })._tag).toBe("Some")
    expect(error({ query: "q", start_date: "2024-03-02", end_date: "2024-03-01" })._tag).toBe("Some")
  })
})

describe("formatSearchResults", () => {
  it("says when nothing was found", () => {
    expect(formatSearchResults([], "zebra")).toBe(`No results found for "zebra".`)
  })

  it("shows the count, then each message's role, date and text", () => {
    const text = formatSearchResults(
      [
        { role: "user", date: "2024-01-15T10:00:00.000Z", text: "where is the zebra?" },
        { role: "assistant", date: "2024-01-15T10:00:05.000Z", text: "in src/zebra.ts" }
      ],
      "zebra"
    )
    expect(text).toBe(
      [
        `Found 2 messages for "zebra":`,
        "[1] user · 2024-01-15T10:00:00.000Z\nwhere is the zebra?",
        "[2] assistant · 2024-01-15T10:00:05.000Z\nin src/zebra.ts"
      ].join("\n\n")
    )
  })

  it("shortens long texts with a marker", () => {
    const text = formatSearchResults([{ role: "tool", date: "2024-01-15T10:00:00.000Z", text: "a".repeat(2000) }], "a")
    expect(text).toContain(`${"a".repeat(SEARCH_RESULT_MAX_CHARS)}… [1500 more characters]`)
    expect(text).not.toContain("a".repeat(SEARCH_RESULT_MAX_CHARS + 1))
    expect(text.startsWith(`Found 1 message for "a":`)).toBe(true)
  })
})
