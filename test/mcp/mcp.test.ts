/** The pure parts of the MCP client: names, rules, results, config files, `letta mcp add`. */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { expandVariables, parseMcpConfigText } from "../../src/mcp/config.js"
import { parseAdd } from "../../src/mcp/command.js"
import { mcpToolName, serverOfTool, toolNameProblem } from "../../src/mcp/names.js"
import { MCP_MAX_OUTPUT_CHARS, toToolOutput } from "../../src/mcp/results.js"
import { governs, parseRule } from "../../src/permissions/rules.js"

const rule = (text: string) => {
  const parsed = parseRule(text, "--allowedTools")
  if (parsed._tag !== "Ok") throw new Error(parsed.problem)
  return parsed.rule
}

describe("MCP tool names", () => {
  it("refuses names that imitate built-ins or other servers' tools, or that APIs reject", () => {
    expect(toolNameProblem("srv", "echo")).toBeUndefined()
    expect(toolNameProblem("srv", "Bash")).toContain("imitates the built-in Bash")
    expect(toolNameProblem("srv", "mcp__x__y")).toBeDefined()
    expect(toolNameProblem("srv", "x__y")).toContain("__")
    expect(toolNameProblem("srv", "mcp_fake")).toContain("imitates an MCP tool name")
    expect(toolNameProblem("srv", "a b")).toContain("not a valid tool name")
    expect(toolNameProblem("srv", "x".repeat(60))).toContain("64 characters")
    expect(mcpToolName("github", "create_issue")).toBe("mcp__github__create_issue")
    expect(serverOfTool("mcp__github__create_issue")).toBe("github")
    expect(serverOfTool("Bash")).toBeUndefined()
  })
})

describe("permission rules for MCP tools", () => {
  it("mcp__server governs every tool of that server only; mcp__server__tool that tool", () => {
    expect(governs(rule("mcp__github"), "mcp__github__create_issue")).toBe(true)
    expect(governs(rule("mcp__github"), "mcp__github2__create_issue")).toBe(false)
    expect(governs(rule("mcp__git"), "mcp__github__create_issue")).toBe(false)
    expect(governs(rule("mcp__github__create_issue"), "mcp__github__create_issue")).toBe(true)
    expect(governs(rule("mcp__github__create_issue"), "mcp__github__create_issue_comment")).toBe(false)
    expect(governs(rule("mcp__my_server"), "mcp__my_server__echo")).toBe(true)
    expect(governs(rule("Bash"), "mcp__srv__Bash")).toBe(false)
  })
})

describe("tool results", () => {
  it("text, isError, media notes, links, embedded resources, caps and malformed results", () => {
    expect(toToolOutput("t", { content: [{ type: "text", text: "hi" }] })).toEqual({ status: "success", text: "hi" })
    expect(toToolOutput("t", { content: [{ type: "text", text: "bad" }], isError: true })).toEqual({ status: "error", text: "bad" })
    expect(toToolOutput("t", { content: [] }).text).toBe("(no output)")
    expect(toToolOutput("t", { content: [{ type: "image", data: "AAAA", mimeType: "image/png" }] }).text).toContain("[image (image/png")
    expect(toToolOutput("t", { content: [{ type: "resource", resource: { uri: "file:///a", text: "body" } }] }).text).toBe("[resource file:///a]\nbody")
    expect(toToolOutput("t", { content: [{ type: "video" }] }).text).toContain('"video" not shown')
    expect(toToolOutput("t", { content: [], structuredContent: { a: 1 } }).text).toBe('{"a":1}')
    const huge = toToolOutput("t", { content: [{ type: "text", text: "y".repeat(MCP_MAX_OUTPUT_CHARS * 2) }] })
    expect(huge.text.length).toBeLessThan(MCP_MAX_OUTPUT_CHARS + 100)
    expect(huge.text).toContain(`[output truncated: ${MCP_MAX_OUTPUT_CHARS} more characters were cut]`)
    const malformed = toToolOutput("t", { content: "nope" })
    expect(malformed.status).toBe("error")
    expect(malformed.text).toContain("malformed result")
  })
})

describe("config files", () => {
  it("reads Claude Code's format and names what is wrong", () => {
    expect(parseMcpConfigText('{"mcpServers":{"a":{"command":"x"},"b":{"type":"http","url":"http://h/mcp"}}}')).toEqual(
      Either.right({ a: { command: "x" }, b: { type: "http", url: "http://h/mcp" } })
    )
    expect(Either.getLeft(parseMcpConfigText("{")).pipe((o) => o._tag)).toBe("Some")
    const bad = parseMcpConfigText('{"mcpServers":{"b":{"type":"http","url":"ftp://h"}}}')
    expect(Either.isLeft(bad) && bad.left).toContain("url must be an http:// or https:// URL")
  })

  it("expands ${VAR} and ${VAR:-default}; names unset ones", () => {
    const { config, missing } = expandVariables({ command: "${BIN:-node}", args: ["${A}", "${NOPE}"], env: { K: "${A}" } }, { A: "1" })
    expect(config).toEqual({ command: "node", args: ["1", ""], env: { K: "1" } })
    expect(missing).toEqual(["NOPE"])
  })
})

describe("letta mcp add", () => {
  it("parses Claude Code's spellings", () => {
    expect(parseAdd(["-e", "A=1", "srv", "--", "npx", "-y", "pkg"])).toEqual(
      Either.right({ scope: "user", name: "srv", config: { command: "npx", args: ["-y", "pkg"], env: { A: "1" } } })
    )
    expect(parseAdd(["srv", "node", "server.js", "--port", "1"])).toEqual(
      Either.right({ scope: "user", name: "srv", config: { command: "node", args: ["server.js", "--port", "1"] } })
    )
    expect(parseAdd(["--transport", "sse", "--scope", "project", "-H", "A: b", "s", "http://h/sse"])).toEqual(
      Either.right({ scope: "project", name: "s", config: { type: "sse", url: "http://h/sse", headers: { A: "b" } } })
    )
    expect(Either.isLeft(parseAdd(["--transport", "http", "s", "not-a-url"]))).toBe(true)
    expect(Either.isLeft(parseAdd(["a__b", "x"]))).toBe(true)
    expect(Either.isLeft(parseAdd(["only-name"]))).toBe(true)
  })
})
