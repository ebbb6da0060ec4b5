/** The slash commands: names, what they do, and how a typed `/…` is matched. */

export interface SlashCommand {
  readonly name: string
  readonly description: string
}

export const SLASH_COMMANDS: ReadonlyArray<SlashCommand> = [
  { name: "help", description: "Keys and commands" },
  { name: "agent", description: "This agent's id and link" },
  { name: "model", description: "Switch the agent's model" },
  { name: "resume", description: "Switch to another agent of this project" },
  { name: "memory", description: "Show the agent's memory blocks" },
  { name: "remember", description: "Have the agent file a note in the right memory block" },
  { name: "reflect", description: "Save what this session taught the agent to memory (in the background)" },
  { name: "init", description: "Write the project memory from the repository's docs, manifests and layout" },
  { name: "skills", description: "Skills offered and proposed; /skills accept|reject <name> reviews one" },
  { name: "mcp", description: "MCP servers: status, transport and tools" },
  { name: "clear", description: "Clear the conversation (memory is kept)" },
  { name: "compact", description: "Summarise the older history now to free the context" },
  { name: "status", description: "Model, mode, context used, tokens and steps" },
  { name: "cost", description: "Tokens and steps used this session (same as /status)" },
  { name: "permissions", description: "Permission rules, where they come from, and the mode" },
  { name: "stream", description: "Toggle token streaming" },
  { name: "exit", description: "Session stats, then quit" }
]

/** Custom commands (programs/customCommands), offered after the built-in ones. */
let customCommands: ReadonlyArray<SlashCommand> = []
export const setCustomCommands = (commands: ReadonlyArray<SlashCommand>): void => {
  customCommands = commands
}
export const listCustomCommands = (): ReadonlyArray<SlashCommand> => customCommands

/** Commands the menu offers for what is typed: prefix matches first, then others containing it. */
export const matchCommands = (typed: string): ReadonlyArray<SlashCommand> => {
  if (!typed.startsWith("/") || /\s/.test(typed)) return []
  const query = typed.slice(1).toLowerCase()
  const all = [...SLASH_COMMANDS, ...customCommands]
  const prefix = all.filter((c) => c.name.toLowerCase().startsWith(query))
  // One letter matches too much inside words; from two on, "/ear" finds /clear.
  const inside = query.length < 2 ? [] : all.filter((c) => !c.name.toLowerCase().startsWith(query) && c.name.toLowerCase().includes(query))
  return [...prefix, ...inside]
}

export type ParsedInput =
  | { readonly _tag: "Message"; readonly text: string }
  | { readonly _tag: "Command"; readonly name: string; readonly args: string }
  | { readonly _tag: "Unknown"; readonly name: string }

/** `/name args` → a command; anything else is a message (`//x` sends `/x`). */
export const parseInput = (text: string): ParsedInput => {
  const trimmed = text.trim()
  if (trimmed.startsWith("//")) return { _tag: "Message", text: text.replace(/^\s*\//, "") }
  if (!trimmed.startsWith("/")) return { _tag: "Message", text }
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed)
  const name = (match?.[1] ?? "").toLowerCase()
  const args = match?.[2] ?? ""
  // A path typed at the start of a message is not a command.
  if (name.includes("/")) return { _tag: "Message", text }
  return SLASH_COMMANDS.some((c) => c.name === name) ? { _tag: "Command", name, args } : { _tag: "Unknown", name }
}
