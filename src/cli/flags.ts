/**
 * The command line's one table of flags (and of subcommands): how each flag is spelled, whether it
 * takes a value and which, and its help line. The parser (args.ts), `--help` (help.ts) and the
 * shell completion scripts (completions.ts) are all made from it. Mostly that one table.
 */
import { BACKENDS, OUTPUT_FORMATS, PERMISSION_MODES } from "../domain/config.js"

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const
export type CompletionShell = (typeof COMPLETION_SHELLS)[number]

export type FlagGroup = "agent" | "headless" | "permissions" | "other" | "subcommand"

/** One flag of the command line: how it is spelled, whether it takes a value, its help line. */
export interface FlagSpec {
  readonly long: string
  readonly short?: string
  /** Other long spellings (`--dangerously-skip-permissions` for `--yolo`). */
  readonly aliases?: ReadonlyArray<string>
  /** Absent for a boolean flag. */
  readonly value?: {
    readonly name: string
    readonly choices?: ReadonlyArray<string>
    /** What a shell completes the value with; free text when absent. */
    readonly complete?: "file" | "directory"
  }
  readonly group: FlagGroup
  readonly help: string
}

/** Every flag letta takes, in the order `--help` lists them. */
export const FLAGS: ReadonlyArray<FlagSpec> = [
  { long: "--continue", short: "-c", group: "agent", help: "resume the last agent (this project's, else yours)" },
  { long: "--agent", short: "-a", value: { name: "<id>" }, group: "agent", help: "use this agent (an unknown id is an error)" },
  { long: "--resume", short: "-r", group: "agent", help: "pick one of this project's agents (-r <agent-id>: as --agent)" },
  { long: "--new", group: "agent", help: "start a new agent (the default; for scripts)" },
  { long: "--model", short: "-m", value: { name: "<handle>" }, group: "agent", help: "a new agent's model, or switch to it (see letta models)" },
  { long: "--backend", value: { name: "cloud|local", choices: BACKENDS }, group: "agent", help: "a Letta server, or agents on this machine with any model" },
  { long: "--prompt", short: "-p", group: "headless", help: "run one prompt and exit: the words after the flags, or stdin" },
  {
    long: "--append-system-prompt",
    value: { name: "<text>" },
    group: "headless",
    help: "extra instructions, sent with the prompt as a system reminder"
  },
  { long: "--output-format", value: { name: "<format>", choices: OUTPUT_FORMATS }, group: "headless", help: "text (the answer), json (one result), stream-json (events)" },
  { long: "--max-turns", value: { name: "<n>" }, group: "headless", help: "stop after n model steps (result error_max_turns, exit 1)" },
  { long: "--verbose", group: "headless", help: "tool calls, outcomes, totals (on stderr with -p, dim on screen)" },
  { long: "--reflect", group: "headless", help: "after the answer, save what was learned to memory" },
  { long: "--tools", value: { name: "<list>" }, group: "permissions", help: 'tools offered to the model, e.g. "Read,Grep" ("" = none)' },
  { long: "--allowedTools", value: { name: "<rules>" }, group: "permissions", help: 'allow rules, e.g. "Bash(npm test:*),Edit(src/**)"' },
  { long: "--disallowedTools", value: { name: "<rules>" }, group: "permissions", help: 'deny rules, e.g. "Bash(curl:*)"; deny always wins' },
  { long: "--permission-mode", value: { name: "<mode>", choices: PERMISSION_MODES }, group: "permissions", help: "default, acceptEdits, plan or bypassPermissions" },
  {
    long: "--yolo",
    aliases: ["--dangerously-skip-permissions"],
    group: "permissions",
    help: "allow all but denied calls (or --dangerously-skip-permissions)"
  },
  { long: "--add-dir", value: { name: "<dir>", complete: "directory" }, group: "permissions", help: "another directory the file tools may use (repeatable)" },
  { long: "--settings", value: { name: "<file>", complete: "file" }, group: "permissions", help: "an extra settings file for this run, layered over yours" },
  { long: "--trust-project", group: "permissions", help: "run this project's hooks and MCP servers without asking" },
  { long: "--mcp-config", value: { name: "<file>", complete: "file" }, group: "permissions", help: "MCP servers from this file (--strict-mcp-config: only these)" },
  // Listed in --mcp-config's help line (one screen of help).
  { long: "--strict-mcp-config", group: "other", help: "use only the --mcp-config servers" },
  { long: "--help", short: "-h", group: "other", help: "this help (also: letta <command> --help)" },
  { long: "--version", group: "other", help: "the version" },
  { long: "--completions", value: { name: "bash|zsh|fish", choices: COMPLETION_SHELLS }, group: "other", help: "print a shell completion script" },
  { long: "--file", value: { name: "<file>", complete: "file" }, group: "subcommand", help: "letta memory set: read the new text from this file" }
]

/** The subcommands and theirs (`memory` has four, `models` none). */
export const SUBCOMMANDS: Readonly<Record<string, ReadonlyArray<string>>> = {
  agents: ["list"],
  models: [],
  memory: ["show", "set", "history", "revert"],
  skills: ["list", "pending", "accept", "reject"],
  init: []
}
