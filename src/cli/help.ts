/**
 * The command line's one table of flags, and what is made from it: `letta --help` (one screen,
 * grouped, with examples, the environment and the exit codes), the subcommands' help, and the
 * bash, zsh and fish completion scripts (`letta --completions <shell>`). The parser is args.ts.
 */
import { BACKENDS, OUTPUT_FORMATS, PERMISSION_MODES } from "../domain/config.js"
import { VERSION } from "../version.js"

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
  skills: ["list"]
}


/** The labels of the shared memory blocks (`letta memory show <TAB>`). */
const BLOCK_LABELS = ["persona", "human", "project"] as const

const GROUP_TITLES: ReadonlyArray<readonly [FlagSpec["group"], string]> = [
  ["agent", "Agent"],
  ["headless", "Headless (-p)"],
  ["permissions", "Tools and permissions"]
]

const flagColumn = (flag: FlagSpec): string =>
  `${flag.short === undefined ? "    " : `${flag.short}, `}${flag.long}${flag.value === undefined ? "" : ` ${flag.value.name}`}`

/** Every table of the help starts its second column here, after the widest flag. */
const COLUMN = Math.max(...FLAGS.filter((flag) => flag.group !== "subcommand").map((flag) => flagColumn(flag).length)) + 2

const rows = (entries: ReadonlyArray<readonly [string, string]>, width = COLUMN): ReadonlyArray<string> =>
  entries.map(([left, right]) => (right.length === 0 ? `  ${left}` : left.length >= width ? `  ${left}\n  ${"".padEnd(width)}${right}` : `  ${left.padEnd(width)}${right}`))

/** `  -c, --continue          resume …` */
const flagLines = (flags: ReadonlyArray<FlagSpec>): ReadonlyArray<string> => rows(flags.map((flag) => [flagColumn(flag), flag.help]))

const ROOT_HELP = (): string =>
  [
    `letta ${VERSION}: a stateful coding agent for your terminal (on a Letta server, or local).`,
    "",
    "Usage",
    ...rows([
      ["letta [options] [prompt]", "a session in this terminal (a new agent unless -c or -a)"],
      ["letta -p [options] [prompt]", "headless: run one prompt, print the answer, exit"],
      ["letta <command> [args]", "agents, models, memory, skills, mcp (letta <command> --help)"]
    ]),
    "",
    "Examples",
    ...rows([
      ["letta -c", "resume the last agent in this terminal"],
      ["letta -c -p yes", "answer its last question, headless"],
      ['letta -p "why does the build fail?" --allowedTools "Bash(npm run build)"', ""],
      ['git diff | letta -p "review this change" --output-format json', ""]
    ]),
    ...GROUP_TITLES.flatMap(([group, title]) => ["", title, ...flagLines(FLAGS.filter((flag) => flag.group === group))]),
    "",
    "Other",
    "  -h, --help  this help    --version    --completions bash|zsh|fish  print a completion script",
    "",
    "Commands",
    ...rows([
      ["agents list", "the agents letta created on this server, newest first"],
      ["models, skills list", "the models a new agent can use; the skills it is offered"],
      ["memory show [label] | set <label>", "persona, human, project; set replaces one (--file f or stdin)"],
      ["memory history|revert <label> [n]", "a block's changes, numbered; revert n undoes one (local)"]
    ]),
    "",
    "Environment",
    ...rows([
      ["LETTA_API_KEY", "Letta Cloud key, or a self-hosted server's password"],
      ["LETTA_BASE_URL", "a Letta server (default https://api.letta.com)"],
      ["LETTA_BACKEND", "cloud or local; default: cloud if one of the two above is set"],
      ["ANTHROPIC_API_KEY, OPENAI_API_KEY", "local backend: the model providers' keys"],
      ["OLLAMA_HOST, LMSTUDIO_BASE_URL", "local backend: local model servers (default 127.0.0.1)"],
      ["LETTA_DEBUG=1, NO_COLOR", "every request and full errors on stderr; no colours"]
    ]),
    "",
    "Exit codes",
    "  0 success   1 runtime failure (server, model, --max-turns)   2 usage error   130 interrupted",
    "",
    "In a session: Enter sends, Esc interrupts, Shift+Tab cycles the permission mode, /help lists the",
    "keys and commands. More in the README."
  ].join("\n")

const SUBCOMMAND_HELP: Readonly<Record<string, () => string>> = {
  skills: () =>
    [
      "letta skills list: the skills the agent is offered (name, project or user, SKILL.md, description),",
      "from .letta/skills/, .agents/skills/ and .claude/skills/ in the project and under your home.",
      "A project skill wins over a user one of the same name; skipped files are reported on stderr.",
      "",
      "Usage",
      "  letta skills list"
    ].join("\n"),
  agents: () =>
    [
      "letta agents list: the agents letta created on this server (tag origin:letta-code), newest first,",
      "with their id, name, model and creation time.",
      "",
      "Usage",
      "  letta [--backend cloud|local] agents list"
    ].join("\n"),
  models: () =>
    [
      "letta models: the models a new agent can use (--model). On a Letta server, its list; on the local",
      "backend, the built-in catalogue and what a running Ollama, LM Studio or custom provider reports.",
      "",
      "Usage",
      "  letta [--backend cloud|local] models"
    ].join("\n"),
  memory: () =>
    [
      "letta memory: the shared memory blocks. persona and human are yours, shared by every agent you",
      "create; project is this repository's, shared by every agent started here.",
      "",
      "Usage",
      ...rows([
        ["letta memory show [persona|human|project]", "print the blocks (all three, or one)"],
        ["letta memory set <label> [--file <file>]", "replace a block's text with the file, or piped stdin"],
        ["letta memory history <label>", "its changes, newest first, numbered (local backend)"],
        ["letta memory revert <label> <n>", "undo change n (local backend)"]
      ], 44),
      "",
      "Options",
      ...rows([
        ["--backend cloud|local", "whose blocks: a Letta server's, or the local backend's"],
        ["--settings <file>", "an extra settings file for this run, layered over yours"]
      ], 44),
      "",
      "Example",
      "  letta memory set human < about-me.md"
    ].join("\n")
}

/** `letta --help`, or `letta <command> --help`. */
export const helpText = (subcommand: string | undefined): string =>
  (subcommand === undefined ? undefined : SUBCOMMAND_HELP[subcommand])?.() ?? ROOT_HELP()

// ---------------------------------------------------------------------------------------------
// Completion scripts. Each walks the words typed so far the way the parser does (a flag's value
// is skipped; the first other word may be a command) and offers what fits the current word:
// a flag's choices, files or directories, the commands, the memory labels, or the flags.

const rootFlags = FLAGS.filter((flag) => flag.group !== "subcommand")
const spellings = (flag: FlagSpec): ReadonlyArray<string> => [flag.long, ...(flag.short === undefined ? [] : [flag.short]), ...(flag.aliases ?? [])]
const valueFlags = FLAGS.filter((flag) => flag.value !== undefined)
const freeValueFlags = valueFlags.filter((flag) => flag.value?.choices === undefined && flag.value?.complete === undefined)
const longFlagWords = rootFlags.flatMap((flag) => [flag.long, ...(flag.aliases ?? [])]).join(" ")
const pattern = (flags: ReadonlyArray<FlagSpec>) => flags.flatMap(spellings).join("|")
const COMMANDS = Object.keys(SUBCOMMANDS).join(" ")

const bashScript = (): string => `# letta completion for bash. Load it with: source <(letta --completions bash)
_letta() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ "$prev" == "=" && $COMP_CWORD -ge 2 ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  case "$prev" in
${valueFlags
  .filter((flag) => flag.value?.choices !== undefined)
  .map((flag) => `    ${pattern([flag])}) COMPREPLY=($(compgen -W "${flag.value!.choices!.join(" ")}" -- "$cur")); return 0 ;;`)
  .join("\n")}
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "file"))}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "directory"))}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    ${pattern(freeValueFlags)}) COMPREPLY=(); return 0 ;;
  esac
  local i word cmd="" sub="" npos=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${pattern(valueFlags)}) if [[ "\${COMP_WORDS[i+1]}" == "=" ]]; then ((i += 2)); else ((i += 1)); fi; continue ;;
      -p|--prompt) [[ -z "$cmd" ]] && cmd="-"; continue ;;
      -*) continue ;;
    esac
    if [[ -z "$cmd" ]]; then
      case "$word" in ${Object.keys(SUBCOMMANDS).join("|")}) cmd="$word" ;; *) cmd="-" ;; esac
    elif [[ -z "$sub" && ( "$cmd" == agents || "$cmd" == memory || "$cmd" == skills ) ]]; then
      sub="$word"
    else
      npos=$((npos + 1))
    fi
  done
  local words=""
  case "$cmd" in
    "") if [[ "$cur" == -* ]]; then words="${longFlagWords}"; else words="${COMMANDS}"; fi ;;
    agents) [[ -z "$sub" ]] && words="${SUBCOMMANDS["agents"]!.join(" ")}" ;;
    skills) [[ -z "$sub" ]] && words="${SUBCOMMANDS["skills"]!.join(" ")}" ;;
    memory)
      if [[ -z "$sub" ]]; then words="${SUBCOMMANDS["memory"]!.join(" ")}"
      elif [[ "$cur" == -* ]]; then [[ "$sub" == set ]] && words="--file"
      elif [[ $npos -eq 0 ]]; then words="${BLOCK_LABELS.join(" ")}"
      fi ;;
    models) ;;
    *) [[ "$cur" == -* ]] && words="${longFlagWords}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _letta letta
`

const zshScript = (): string => `#compdef letta
# letta completion for zsh. Load it with: source <(letta --completions zsh)  (after compinit),
# or save it as _letta in a directory of your $fpath.
_letta() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  case "$prev" in
${valueFlags
  .filter((flag) => flag.value?.choices !== undefined)
  .map((flag) => `    ${pattern([flag])}) compadd -- ${flag.value!.choices!.join(" ")}; return ;;`)
  .join("\n")}
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "file"))}) _files; return ;;
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "directory"))}) _files -/; return ;;
    ${pattern(freeValueFlags)}) return 1 ;;
  esac
  local i word cmd="" sub="" npos=0
  for (( i = 2; i < CURRENT; i++ )); do
    word="\${words[i]}"
    case "$word" in
      ${pattern(valueFlags)}) (( i++ )); continue ;;
      -p|--prompt) [[ -z "$cmd" ]] && cmd="-"; continue ;;
      -*) continue ;;
    esac
    if [[ -z "$cmd" ]]; then
      case "$word" in ${Object.keys(SUBCOMMANDS).join("|")}) cmd="$word" ;; *) cmd="-" ;; esac
    elif [[ -z "$sub" && ( "$cmd" == agents || "$cmd" == memory || "$cmd" == skills ) ]]; then
      sub="$word"
    else
      (( npos++ ))
    fi
  done
  case "$cmd" in
    "") if [[ "$cur" == -* ]]; then compadd -- ${longFlagWords}; else compadd -- ${COMMANDS}; fi ;;
    agents) [[ -z "$sub" ]] && compadd -- ${SUBCOMMANDS["agents"]!.join(" ")} ;;
    skills) [[ -z "$sub" ]] && compadd -- ${SUBCOMMANDS["skills"]!.join(" ")} ;;
    memory)
      if [[ -z "$sub" ]]; then compadd -- ${SUBCOMMANDS["memory"]!.join(" ")}
      elif [[ "$cur" == -* ]]; then [[ "$sub" == set ]] && compadd -- --file
      elif (( npos == 0 )); then compadd -- ${BLOCK_LABELS.join(" ")}
      fi ;;
    models) ;;
    *) [[ "$cur" == -* ]] && compadd -- ${longFlagWords} ;;
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _letta "$@"; else compdef _letta letta; fi
`

const fishQuote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`

const fishScript = (): string => {
  const flagLinesFish = rootFlags.map((flag) => {
    const names = [`-l ${flag.long.slice(2)}`, ...(flag.short === undefined ? [] : [`-s ${flag.short.slice(1)}`])]
    const value =
      flag.value === undefined
        ? ""
        : flag.value.choices !== undefined
          ? ` -x -a ${fishQuote(flag.value.choices.join(" "))}`
          : flag.value.complete === "file"
            ? " -r -F"
            : flag.value.complete === "directory"
              ? " -x -a '(__fish_complete_directories)'"
              : " -x"
    const main = `complete -c letta -n '__letta_flags' ${names.join(" ")}${value} -d ${fishQuote(flag.help)}`
    const aliases = (flag.aliases ?? []).map((alias) => `complete -c letta -n '__letta_flags' -l ${alias.slice(2)} -d ${fishQuote(flag.help)}`)
    return [main, ...aliases].join("\n")
  })
  return `# letta completion for fish. Load it with: letta --completions fish | source
# __letta_state prints "<command>:<subcommand>:<words after it>" for the words typed so far.
function __letta_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ""
    set -l sub ""
    set -l npos 0
    set -l skip 0
    for word in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case ${valueFlags.flatMap(spellings).join(" ")}
                set skip 1
                continue
            case -p --prompt
                test -z "$cmd"; and set cmd -
                continue
            case '-*'
                continue
        end
        if test -z "$cmd"
            if contains -- $word ${COMMANDS}
                set cmd $word
            else
                set cmd -
            end
        else if test -z "$sub"; and contains -- $cmd agents memory skills
            set sub $word
        else
            set npos (math $npos + 1)
        end
    end
    echo "$cmd:$sub:$npos"
end
function __letta_flags
    string match -q -r '^-?:' -- (__letta_state)
end
complete -c letta -f
complete -c letta -n 'test (__letta_state) = "::0"' -a ${fishQuote(COMMANDS)}
complete -c letta -n 'test (__letta_state) = "agents::0"' -a ${fishQuote(SUBCOMMANDS["agents"]!.join(" "))}
complete -c letta -n 'test (__letta_state) = "skills::0"' -a ${fishQuote(SUBCOMMANDS["skills"]!.join(" "))}
complete -c letta -n 'test (__letta_state) = "memory::0"' -a ${fishQuote(SUBCOMMANDS["memory"]!.join(" "))}
complete -c letta -n 'string match -q -r "^memory:.+:0\\$" -- (__letta_state)' -a ${fishQuote(BLOCK_LABELS.join(" "))}
complete -c letta -n 'string match -q "memory:set:*" -- (__letta_state)' -l file -r -F -d 'read the new text from this file'
${flagLinesFish.join("\n")}
`
}

/** `letta --completions <shell>`. */
export const completionScript = (shell: CompletionShell): string => {
  switch (shell) {
    case "bash":
      return bashScript()
    case "zsh":
      return zshScript()
    case "fish":
      return fishScript()
  }
}
