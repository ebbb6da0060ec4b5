/** The server-side tools the fake executes itself (§14): memory editing and conversation_search. */
import type { FakeStore } from "./store.js"
import type { FakeAgent, FakeBlock } from "./types.js"
import { isRecord, textOf, type Json } from "./util.js"

export interface ToolResult {
  readonly status: "success" | "error"
  readonly text: string
}

class ToolFailure extends Error {}
const fail = (message: string): never => {
  throw new ToolFailure(message)
}

const LINE_PREFIX = /(^|\n)[ \t]*Line \d+: /
const checkNoLineNumbers = (field: string, text: string): void => {
  if (LINE_PREFIX.test(text)) {
    fail(
      `${field} contains a line number prefix, which is not allowed. Do not include line numbers when calling memory tools (line numbers are for display purposes only).`
    )
  }
}

const str = (args: Json, key: string, required = true): string => {
  const v = args[key]
  if (typeof v === "string") return v
  if (v === undefined || v === null) return required ? fail(`Missing required argument '${key}'.`) : ""
  return fail(`Argument '${key}' must be a string.`)
}

const lineArg = (args: Json, key: string, fallback: number): number => {
  const v = args[key]
  if (v === undefined || v === null) return fallback
  const n = typeof v === "string" ? Number(v) : v
  return typeof n === "number" && Number.isInteger(n) ? n : fail(`Argument '${key}' must be an integer.`)
}

const labelFromPath = (path: string): string => {
  const label = path.replace(/^\/?memories\//, "").replace(/\/+$/, "")
  return label.length === 0 || label.includes("/") || !path.includes("memories/")
    ? fail(`Invalid path '${path}'. Memory paths look like /memories/<label>.`)
    : label
}

const lineNumbersOf = (value: string, needle: string): number[] => {
  const lines: number[] = []
  let from = 0
  for (;;) {
    const at = value.indexOf(needle, from)
    if (at < 0) return lines
    const line = value.slice(0, at).split("\n").length
    if (lines[lines.length - 1] !== line) lines.push(line)
    from = at + Math.max(1, needle.length)
  }
}

export class ServerTools {
  constructor(private readonly store: FakeStore) {}

  /** Run `name` for `agent`; failures become `status:"error"` results with the exception text. */
  execute(agent: FakeAgent, name: string, argumentsJson: string): ToolResult {
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(argumentsJson.length === 0 ? "{}" : argumentsJson)
      } catch {
        return fail(`Invalid JSON arguments for tool '${name}': ${argumentsJson}`)
      }
      const args = isRecord(parsed) ? parsed : fail(`Arguments of tool '${name}' must be a JSON object.`)
      return { status: "success", text: this.dispatch(agent, name, args) }
    } catch (e) {
      return { status: "error", text: e instanceof Error ? e.message : String(e) }
    }
  }

  private dispatch(agent: FakeAgent, name: string, args: Json): string {
    switch (name) {
      case "memory":
        return this.memory(agent, args)
      case "memory_replace":
        return this.replace(this.editable(agent, str(args, "label")), str(args, "old_string"), str(args, "new_string", false))
      case "memory_insert":
        return this.insert(this.editable(agent, str(args, "label")), str(args, "new_string"), lineArg(args, "insert_line", -1))
      case "memory_rethink":
        return this.rethink(agent, str(args, "label"), str(args, "new_memory", false))
      case "core_memory_append": {
        const block = this.editable(agent, str(args, "label"))
        return this.setValue(block, `${block.value}\n${str(args, "content")}`)
      }
      case "core_memory_replace": {
        const block = this.editable(agent, str(args, "label"))
        const old = str(args, "old_content")
        if (!block.value.includes(old)) fail(`Old content '${old}' not found in memory block '${block.label}'`)
        return this.setValue(block, block.value.split(old).join(str(args, "new_content", false)))
      }
      case "conversation_search":
        return this.search(agent, args)
      default:
        return fail(`Tool '${name}' is not available on this server.`)
    }
  }

  private memory(agent: FakeAgent, args: Json): string {
    const command = str(args, "command")
    switch (command) {
      case "create": {
        const label = labelFromPath(str(args, "path"))
        const description = str(args, "description", false)
        if (description.length === 0) fail("description is required when creating a memory block.")
        if (this.store.agentBlock(agent, label)) fail(`A memory block with label '${label}' already exists.`)
        const block = this.store.createBlock({ label, value: str(args, "file_text", false), description })
        agent.blockIds.push(block.id)
        return `Successfully created memory block '${label}'.`
      }
      case "str_replace":
        return this.replace(this.editable(agent, labelFromPath(str(args, "path"))), str(args, "old_string"), str(args, "new_string", false))
      case "insert":
        return this.insert(this.editable(agent, labelFromPath(str(args, "path"))), str(args, "insert_text"), lineArg(args, "insert_line", -1))
      case "delete": {
        const block = this.editable(agent, labelFromPath(str(args, "path")))
        agent.blockIds = agent.blockIds.filter((id) => id !== block.id)
        return `Successfully deleted memory block '${block.label}'.`
      }
      case "rename": {
        if (typeof args["old_path"] === "string" || typeof args["new_path"] === "string") {
          const block = this.editable(agent, labelFromPath(str(args, "old_path")))
          const newLabel = labelFromPath(str(args, "new_path"))
          if (this.store.agentBlock(agent, newLabel)) fail(`A memory block with label '${newLabel}' already exists.`)
          const oldLabel = block.label
          block.label = newLabel
          return `Successfully renamed memory block '${oldLabel}' to '${newLabel}'.`
        }
        const block = this.editable(agent, labelFromPath(str(args, "path")))
        block.description = str(args, "description")
        return `Successfully updated the description of memory block '${block.label}'.`
      }
      default:
        return fail(`Unknown memory command '${command}'. Expected one of: create, str_replace, insert, delete, rename.`)
    }
  }

  private editable(agent: FakeAgent, label: string): FakeBlock {
    const block = this.store.agentBlock(agent, label)
    if (!block) {
      const labels = this.store.agentBlocks(agent).map((b) => b.label).join(", ")
      return fail(`Memory block with label '${label}' does not exist (available labels: ${labels}).`)
    }
    if (block.read_only) fail("Error: This block is read-only and cannot be edited.")
    return block
  }

  private setValue(block: FakeBlock, value: string): string {
    if (value.length > block.limit) {
      fail(`Edit failed: Exceeds ${block.limit} character limit (requested ${value.length}).`)
    }
    block.value = value
    return value
  }

  private replace(block: FakeBlock, oldString: string, newString: string): string {
    checkNoLineNumbers("old_string", oldString)
    checkNoLineNumbers("new_string", newString)
    const lines = oldString.length === 0 ? [] : lineNumbersOf(block.value, oldString)
    if (lines.length === 0) {
      fail(
        `No replacement was performed, old_string \`${oldString}\` did not appear verbatim in memory block with label \`${block.label}\`.`
      )
    }
    if (lines.length > 1) {
      fail(
        `No replacement was performed. Multiple occurrences of old_string \`${oldString}\` in lines [${lines.join(", ")}]. Please ensure it is unique.`
      )
    }
    return this.setValue(block, block.value.replace(oldString, () => newString))
  }

  private insert(block: FakeBlock, text: string, insertLine: number): string {
    checkNoLineNumbers("new_string", text)
    const lines = block.value.length === 0 ? [] : block.value.split("\n")
    const at = insertLine === -1 ? lines.length : insertLine
    if (at < 0 || at > lines.length) {
      fail(
        `Invalid \`insert_line\` parameter: ${insertLine}. It should be within the range of lines of the memory block: [0, ${lines.length}], or -1 to append to the end.`
      )
    }
    return this.setValue(block, [...lines.slice(0, at), ...text.split("\n"), ...lines.slice(at)].join("\n"))
  }

  private rethink(agent: FakeAgent, label: string, newMemory: string): string {
    checkNoLineNumbers("new_memory", newMemory)
    const existing = this.store.agentBlock(agent, label)
    if (!existing) {
      const block = this.store.createBlock({ label, value: newMemory })
      agent.blockIds.push(block.id)
      return newMemory
    }
    return this.setValue(this.editable(agent, label), newMemory)
  }

  private search(agent: FakeAgent, args: Json): string {
    const query = str(args, "query", false).toLowerCase()
    const rolesArg = args["roles"]
    const roles = Array.isArray(rolesArg) ? rolesArg.filter((r): r is string => typeof r === "string") : []
    const limit = lineArg(args, "limit", 10)
    const roleOf: Record<string, string> = { user_message: "user", assistant_message: "assistant", tool_return_message: "tool" }
    const hits: Json[] = []
    for (const m of agent.messages) {
      const role = roleOf[String(m["message_type"])]
      if (role === undefined || (roles.length > 0 && !roles.includes(role))) continue
      const text = role === "tool" ? textOf(m["tool_return"]) : textOf(m["content"])
      if (query.length > 0 && !text.toLowerCase().includes(query)) continue
      hits.push({ timestamp: m["date"], role, content: text })
    }
    const page = hits.slice(-Math.max(1, limit))
    return page.length === 0 ? "No results found." : JSON.stringify(page)
  }
}
