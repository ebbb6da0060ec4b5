import { describe, expect, it } from "vitest"
import { anchorPattern, parseRule } from "../../src/permissions/rules.js"

const ok = (text: string) => {
  const parsed = parseRule(text, "local settings")
  if (parsed._tag === "Error") throw new Error(`${text}: ${parsed.problem}`)
  return parsed.rule
}
const problem = (text: string) => {
  const parsed = parseRule(text, "--allowedTools")
  if (parsed._tag === "Ok") throw new Error(`${text} parsed`)
  return parsed.problem
}

describe("rule parsing", () => {
  it.each([
    ["Bash", "AnyCall"],
    ["Bash()", "AnyCall"],
    ["Bash(*)", "AnyCall"],
    ["Bash(:*)", "AnyCall"],
    ["Bash(npm test)", "BashExact"],
    ["Bash(npm run test:*)", "BashPrefix"],
    ["Read", "AnyCall"],
    ["Read()", "AnyCall"],
    ["Read(src/**)", "PathGlob"],
    ["TodoWrite", "AnyCall"],
    ["TodoWrite()", "AnyCall"],
    ["mcp__github__create_issue", "AnyCall"],
    ["  Bash( git diff:* )  ", "BashPrefix"]
  ])("%s is a %s rule", (text, tag) => {
    expect(ok(text)._tag).toBe(tag)
  })

  it("keeps the text and the source", () => {
    expect(ok(" Bash(git diff:*) ")).toMatchObject({ text: "Bash(git diff:*)", source: "local settings", tool: "Bash", prefix: "git diff" })
    expect(ok("Bash(npm test)")).toMatchObject({ command: "npm test" })
  })

  it("Edit governs the edit family, Read every reading tool, others only themselves", () => {
    expect(ok("Edit(src/**)").governs).toEqual(["Edit", "MultiEdit", "Write"])
    expect(ok("Edit").governs).toEqual(["Edit", "MultiEdit", "Write"])
    expect(ok("Read(x)").governs).toEqual(["Read", "Glob", "Grep", "LS"])
    expect(ok("Write(x)").governs).toEqual(["Write"])
    expect(ok("MultiEdit(x)").governs).toEqual(["MultiEdit"])
    expect(ok("Glob(x)").governs).toEqual(["Glob"])
    expect(ok("Bash").governs).toEqual(["Bash"])
  })

  it.each([
    ["./x", "project", "x"],
    ["x", "project", "x"],
    ["././src/**", "project", "src/**"],
    [".", "project", ""],
    ["~/x", "home", "x"],
    ["~", "home", ""],
    ["//etc/passwd", "root", "etc/passwd"],
    ["/etc/passwd", "root", "etc/passwd"],
    ["///etc", "root", "etc"]
  ])("path %s is anchored at %s as %s", (spec, anchor, pattern) => {
    expect(anchorPattern(spec)).toEqual({ anchor, pattern })
  })

  it.each([
    ["", "empty rule"],
    ["TodoWrite(x)", "take no specifier"],
    ["BashOutput(abc)", "take no specifier"],
    ["Foo(bar)", "take no specifier"],
    ["*", "not a tool name"],
    ["Bash(git diff", "missing closing parenthesis"],
    ["Bash(a:*b:*)", ":*"],
    ["Bash(echo a:* b)", ":*"],
    ["Read(!secret)", "negated"],
    ["Read(~root/x)", "~user"],
    ["(x)", "not a tool name"]
  ])("%s is rejected (%s)", (text, words) => {
    expect(problem(text)).toContain(words)
  })
})
