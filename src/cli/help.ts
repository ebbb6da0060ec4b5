/**
 * `letta --help` (one screen, grouped, with examples, the environment and the exit codes) and the
 * subcommands' help, laid out in aligned columns from the flag table (flags.ts).
 */
import { VERSION } from "../version.js"
import { FLAGS, type FlagSpec } from "./flags.js"

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
      ["letta <command> [args]", "agents, models, memory, skills, mcp, init (see --help of each)"]
    ]),
    "",
    "Examples",
    ...rows([
      ["letta -c  /  letta -c -p yes", "resume the last agent; or answer its last question, headless"],
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
      ["models, init, skills <sub>", "models; init: project memory; skills list|pending|accept|reject"],
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
  init: () =>
    [
      "letta init: (re)writes the project memory block from this repository. letta reads AGENTS.md,",
      "CLAUDE.md, the README, the manifests (package.json, pyproject.toml, Cargo.toml, go.mod, Makefile,",
      "...), the CI configuration and the layout, and puts them before a new agent in one request; the",
      "agent writes a concise cheat-sheet (commands, layout, conventions). Run again, it updates the",
      "block rather than adding to it. Same as /init in a session, or letta -p /init.",
      "",
      "Usage",
      "  letta [--backend cloud|local] [--model <model>] [--output-format text|json|stream-json] init"
    ].join("\n"),
  skills: () =>
    [
      "letta skills list: the skills the agent is offered (name, project or user, SKILL.md, description),",
      "from .letta/skills/, .agents/skills/ and .claude/skills/ in the project and under your home.",
      "A project skill wins over a user one of the same name; skipped files are reported on stderr.",
      "Skills the agent proposes for itself wait for your review (kept in ~/.letta/skill-proposals/).",
      "",
      "Usage",
      ...rows([
        ["letta skills list", "the skills offered"],
        ["letta skills pending", "the proposed skills waiting for review, each with a preview"],
        ["letta skills accept <name>", "install it in .letta/skills/ (project) or ~/.letta/skills/ (user)"],
        ["letta skills reject <name>", "discard the proposal"]
      ], 28)
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
