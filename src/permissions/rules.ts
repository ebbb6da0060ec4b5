/**
 * Permission rules, parsed from their text. Pure: no file system, no shell
 * parser. Bash specifiers are split into "exact" and "prefix" here and analysed as shell by
 * ./bash.ts; path specifiers are anchored here and resolved against real directories by the
 * policy layer.
 *
 * Syntax: `Tool`, `Tool()`, `Tool(specifier)`.
 * - Bash: `Bash` / `Bash()` / `Bash(*)` / `Bash(:*)` = every command; `Bash(cmd)` = exactly that
 *   command; `Bash(prefix:*)` = commands whose words start with the prefix's words.
 * - Read, Write, Edit, MultiEdit, Glob, Grep, LS: a picomatch glob. `x` and `./x` are relative to
 *   the project directory, `~/x` to the home directory, `//x` and `/x` are absolute. (Claude Code
 *   reads a single leading slash as "relative to the settings file"; we read it as absolute, so a
 *   rule written either way never silently covers a different place than it says.)
 *   `Edit(...)` rules govern the edit family (Edit, MultiEdit, Write); `Read(...)` rules govern
 *   every tool that reads files (Read, Glob, Grep, LS).
 * - Any other tool: no specifier (a specifier would be silently meaningless, so it is an error).
 *   Unknown tool names are accepted (they may be server tools) and only ever match that name.
 */

/** Where a rule came from; shown with every decision it makes. */
export type RuleSource =
  | "user settings"
  | "project settings"
  | "local settings"
  | "--allowedTools"
  | "--disallowedTools"
  | "--settings"
  | "session"
  | "allowed-tools"

export type RuleEffect = "allow" | "deny" | "ask"

export const FILE_TOOLS: ReadonlyArray<string> = ["Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS"]
export const EDIT_FAMILY: ReadonlyArray<string> = ["Edit", "MultiEdit", "Write"]
export const READ_FAMILY: ReadonlyArray<string> = ["Read", "Glob", "Grep", "LS"]

/** Where a relative path pattern is anchored. */
export type PathAnchor = "project" | "home" | "root"

interface RuleCommon {
  /** The rule as written (trimmed). */
  readonly text: string
  readonly source: RuleSource
  /** The tool name the rule names. */
  readonly tool: string
  /** The tools the rule governs (Edit → the edit family, Read → every reading tool). */
  readonly governs: ReadonlyArray<string>
}

export type PermissionRule =
  /** Every call of the governed tools. */
  | (RuleCommon & { readonly _tag: "AnyCall" })
  /** `Bash(command)`: the command line exactly (shell-equivalent spellings match). */
  | (RuleCommon & { readonly _tag: "BashExact"; readonly command: string })
  /** `Bash(prefix:*)`: commands whose words begin with the prefix's words. */
  | (RuleCommon & { readonly _tag: "BashPrefix"; readonly prefix: string })
  /** A path glob for a file tool. */
  | (RuleCommon & { readonly _tag: "PathGlob"; readonly anchor: PathAnchor; readonly pattern: string })

export type RuleParse = { readonly _tag: "Ok"; readonly rule: PermissionRule } | { readonly _tag: "Error"; readonly problem: string }

/** Tool names: letters, digits, `_`, `-`, `.`, `:` (server and MCP tool names included). */
const TOOL_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/

const governedBy = (tool: string): ReadonlyArray<string> =>
  tool === "Edit" ? EDIT_FAMILY : tool === "Read" ? READ_FAMILY : [tool]

/** `Rule (source)`: how a rule is named in decisions and messages. */
export const describeRule = (rule: Pick<PermissionRule, "text" | "source">): string => `${rule.text} (${rule.source})`

/** Splits a path specifier into its anchor and the pattern relative to it. */
export const anchorPattern = (spec: string): { readonly anchor: PathAnchor; readonly pattern: string } => {
  // `//x` (Claude Code's spelling of an absolute path) and `/x` both mean the absolute path /x.
  if (spec.startsWith("/")) return { anchor: "root", pattern: spec.replace(/^\/+/, "") }
  if (spec === "~") return { anchor: "home", pattern: "" }
  if (spec.startsWith("~/")) return { anchor: "home", pattern: spec.slice(2) }
  let pattern = spec
  while (pattern.startsWith("./")) pattern = pattern.slice(2)
  if (pattern === ".") pattern = ""
  return { anchor: "project", pattern }
}

const parseSpecifier = (tool: string, spec: string, common: RuleCommon): RuleParse => {
  if (tool === "Bash") {
    if (spec === "*" || spec === ":*") return { _tag: "Ok", rule: { ...common, _tag: "AnyCall" } }
    if (spec.endsWith(":*")) {
      const prefix = spec.slice(0, -2).trim()
      if (prefix.length === 0) return { _tag: "Ok", rule: { ...common, _tag: "AnyCall" } }
      if (prefix.includes(":*")) return { _tag: "Error", problem: "`:*` may only end a Bash rule (Bash(prefix:*))" }
      return { _tag: "Ok", rule: { ...common, _tag: "BashPrefix", prefix } }
    }
    if (spec.includes(":*")) return { _tag: "Error", problem: "`:*` may only end a Bash rule (Bash(prefix:*))" }
    return { _tag: "Ok", rule: { ...common, _tag: "BashExact", command: spec } }
  }
  if (FILE_TOOLS.includes(tool)) {
    if (spec.startsWith("!")) {
      return { _tag: "Error", problem: "negated path patterns (`!…`) are not supported; write a deny rule instead" }
    }
    if (spec.includes("\0")) return { _tag: "Error", problem: "the path pattern contains a NUL character" }
    if (spec.startsWith("~") && spec !== "~" && !spec.startsWith("~/")) {
      return { _tag: "Error", problem: "`~user` paths are not supported; use `~/…` for your home directory or an absolute path" }
    }
    const { anchor, pattern } = anchorPattern(spec)
    return { _tag: "Ok", rule: { ...common, _tag: "PathGlob", anchor, pattern } }
  }
  return {
    _tag: "Error",
    problem: `${tool} rules take no specifier (only Bash and the file tools ${FILE_TOOLS.join(", ")} do); write \`${tool}\``
  }
}

/** Parses one rule. Errors say what is wrong in words a user can act on. */
export const parseRule = (raw: string, source: RuleSource): RuleParse => {
  const text = raw.trim()
  if (text.length === 0) return { _tag: "Error", problem: "empty rule" }
  const open = text.indexOf("(")
  const tool = (open === -1 ? text : text.slice(0, open)).trim()
  if (!TOOL_NAME.test(tool)) {
    return { _tag: "Error", problem: `"${tool}" is not a tool name (rules look like Tool or Tool(specifier))` }
  }
  const common: RuleCommon = { text, source, tool, governs: governedBy(tool) }
  if (open === -1) return { _tag: "Ok", rule: { ...common, _tag: "AnyCall" } }
  if (!text.endsWith(")")) return { _tag: "Error", problem: "missing closing parenthesis" }
  const spec = text.slice(open + 1, -1).trim()
  if (spec.length === 0) return { _tag: "Ok", rule: { ...common, _tag: "AnyCall" } }
  return parseSpecifier(tool, spec, common)
}

/** `mcp__<server>` (no tool part): a rule for every tool of that MCP server. */
const MCP_SERVER_RULE = /^mcp__[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*$/

/** Whether a rule says anything about a call of `toolName`. */
export const governs = (rule: PermissionRule, toolName: string): boolean =>
  rule.governs.includes(toolName) ||
  (rule._tag === "AnyCall" && MCP_SERVER_RULE.test(rule.tool) && toolName.startsWith(`${rule.tool}__`))

/** `Bash(git add:*), Bash(git status:*)`: split at commas outside parentheses. */
export const splitRuleList = (text: string): ReadonlyArray<string> => {
  const rules: Array<string> = []
  let depth = 0
  let current = ""
  for (const char of text) {
    if (char === "(") depth += 1
    if (char === ")") depth = Math.max(0, depth - 1)
    if (char === "," && depth === 0) {
      rules.push(current)
      current = ""
      continue
    }
    current += char
  }
  rules.push(current)
  return rules.map((rule) => rule.trim()).filter((rule) => rule.length > 0)
}
