/**
 * Usage errors, in-process: the exact line the user reads, exit 2, nothing on stdout, and the
 * backend never asked (no request could have gone out).
 */
import { describe, expect, it } from "vitest"
import { runCli } from "../support/cliHarness.js"

const USAGE_HINT = "\nRun 'letta --help' for usage."

const CASES: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
  [["-p", "hi", "--bogus"], "Unknown option: --bogus"],
  [["-x"], "Unknown option: -x"],
  [["--wizard"], "Unknown option: --wizard"],
  [["-p", "hi", "--log-level", "debug"], "Unknown option: --log-level (use --verbose, or LETTA_DEBUG=1, for diagnostics)"],
  [["-p", "hi", "--output-format", "xml"], '--output-format must be one of text, json, stream-json (got "xml").'],
  [["-p", "hi", "--output-format=yaml"], '--output-format must be one of text, json, stream-json (got "yaml").'],
  [["-p", "hi", "--permission-mode=sudo"], '--permission-mode must be one of default, acceptEdits, plan, bypassPermissions (got "sudo").'],
  [["-p", "hi", "--permission-mode", "auto"], '--permission-mode must be one of default, acceptEdits, plan, bypassPermissions (got "auto").'],
  [["-p", "hi", "--max-turns", "1.5"], '--max-turns must be a whole number of at least 1 (got "1.5").'],
  [["-p", "hi", "--max-turns", "ten"], '--max-turns must be a whole number of at least 1 (got "ten").'],
  [["-p", "hi", "--max-turns", "0"], "--max-turns must be at least 1 (got 0)."],
  [["-p", "hi", "--model"], "--model needs a value."],
  [["-p", "hi", "--model", " "], "--model needs a model handle, e.g. anthropic/claude-sonnet-4-5-20250929."],
  [["-p", "hi", "--continue", "--new"], "--continue and --new cannot be used together."],
  [["-p", "hi", "--yolo", "--permission-mode", "plan"], "--yolo means --permission-mode bypassPermissions; it cannot be combined with --permission-mode plan."],
  [["--continue=no", "-p", "hi"], '--continue takes no value (got "--continue=no").'],
  [["--verbose=yes", "-p", "hi"], '--verbose takes no value (got "--verbose=yes").'],
  [["-p", "-r"], "--resume without an agent id needs a terminal to pick from; headless, use -r <agent-id> or --continue."],
  [["-p"], 'No prompt given. Pass it as text (letta -p "fix the tests") or pipe it in (git diff | letta -p).'],
  [["-p", "  "], 'No prompt given. Pass it as text (letta -p "fix the tests") or pipe it in (git diff | letta -p).'],
  [
    ["-p", "hi", "--tools", "Nope"],
    "Unknown tool in --tools: Nope. Available: Bash, BashOutput, KillBash, Read, Write, Edit, MultiEdit, Glob, Grep, LS, TodoWrite, ExitPlanMode, Skill, and MCP tools as mcp__<server> or mcp__<server>__<tool>."
  ],
  [
    ["-p", "hi", "--tools", "Read,Nope,Bogus"],
    "Unknown tools in --tools: Nope, Bogus. Available: Bash, BashOutput, KillBash, Read, Write, Edit, MultiEdit, Glob, Grep, LS, TodoWrite, ExitPlanMode, Skill, and MCP tools as mcp__<server> or mcp__<server>__<tool>."
  ],
  [["--completions", "tcsh"], '--completions must be one of bash, zsh, fish (got "tcsh").']
]

describe("usage errors: one line naming what is wrong, exit 2", () => {
  for (const [args, message] of CASES) {
    it(`letta ${args.join(" ")}`, async () => {
      const run = await runCli(args)
      expect(run.message).toBe(`letta: ${message}${USAGE_HINT}`)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe("")
      expect(run.chosen).toEqual([])
    })
  }

  it("--backend takes only cloud or local, and says which flag was wrong", async () => {
    const run = await runCli(["-p", "hi", "--backend", "mars"])
    expect(run.code).toBe(2)
    expect(run.message.startsWith('letta: --backend must be one of cloud, local (got "mars").')).toBe(true)
    expect(run.message.endsWith(USAGE_HINT)).toBe(true)
    expect(run.chosen).toEqual([])
  })

  it("-p with no words reads a piped prompt instead (no usage error)", async () => {
    const run = await runCli(["-p"], { stdin: { isTTY: false, text: "explain this\n" }, stopAtBackend: true })
    expect(run.code).toBe(1)
    expect(run.chosen).toHaveLength(1)
  })
})
