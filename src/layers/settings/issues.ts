/**
 * Turns a Schema decode failure of a settings file into one short line, e.g.
 * `permissions.allow: expected an array of strings, got "Bash"`.
 */
import * as ParseResult from "effect/ParseResult"

type Issue = ParseResult.ArrayFormatterIssue

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `permissions.allow[1]`, `lastAgentByServer["https://api.letta.com"]`. */
export const formatKeyPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (typeof segment === "symbol") out += `[${String(segment)}]`
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out === "" ? "(top level)" : out
}

const EXPECTED_ACTUAL = /^Expected (.*), actual (.*)$/s

const friendlyType = (ast: string): string => {
  if (ast === "string" || ast === "number" || ast === "boolean") return `a ${ast}`
  if (ast === "ReadonlyArray<string>") return "an array of strings"
  if (ast.startsWith("ReadonlyArray<")) return "an array"
  if (ast.startsWith("{")) return "an object"
  return ast
}

const shorten = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const samePrefix = (prefix: ReadonlyArray<PropertyKey>, path: ReadonlyArray<PropertyKey>): boolean =>
  prefix.length < path.length && prefix.every((segment, i) => segment === path[i])

interface Group {
  readonly path: ReadonlyArray<PropertyKey>
  readonly expected: Array<string>
  actual: string | undefined
  readonly other: Array<string>
}

/** At most `maxShown` problems, each "key.path: expected X or Y, got Z". */
export const describeDecodeError = (error: ParseResult.ParseError, maxShown = 2): string => {
  const issues: ReadonlyArray<Issue> = ParseResult.ArrayFormatter.formatErrorSync(error)
  // Every optional key is `T | undefined`: the "undefined" alternative is noise. An issue whose
  // path leads to a deeper issue is the same problem seen from the parent.
  const relevant = issues.filter((issue) => !/^Expected undefined, actual /s.test(issue.message))
  const deepest = relevant.filter((issue) => !relevant.some((other) => samePrefix(issue.path, other.path)))

  const groups: Array<Group> = []
  for (const issue of deepest.length > 0 ? deepest : issues) {
    const key = formatKeyPath(issue.path)
    let group = groups.find((g) => formatKeyPath(g.path) === key)
    if (group === undefined) {
      group = { path: issue.path, expected: [], actual: undefined, other: [] }
      groups.push(group)
    }
    const match = EXPECTED_ACTUAL.exec(issue.message)
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const expected = friendlyType(match[1])
      if (!group.expected.includes(expected)) group.expected.push(expected)
      group.actual = match[2]
    } else if (!group.other.includes(issue.message)) group.other.push(issue.message)
  }

  const lines = groups.slice(0, maxShown).map((group) => {
    const what = group.expected.length > 0
      ? `expected ${group.expected.join(" or ")}${group.actual === undefined ? "" : `, got ${shorten(group.actual)}`}`
      : group.other.join("; ")
    return `${formatKeyPath(group.path)}: ${what}`
  })
  const hidden = groups.length - maxShown
  return hidden > 0 ? `${lines.join("; ")} (and ${hidden} more)` : lines.join("; ")
}
