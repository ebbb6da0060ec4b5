/**
 * `letta --completions <shell>` (defect 9): the scripts the built binary prints, run in the real
 * shells. bash: the completion function with COMP_WORDS/COMP_CWORD set as bash sets them. zsh:
 * the function with `compadd`, `_files` and `compdef` stubbed (compsys needs a terminal), words
 * and CURRENT set as zsh sets them. fish: `complete -C`, fish's own completion engine. zsh and
 * fish are skipped when not installed, except under CI, where a missing shell fails the run (.ci/run installs them).
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { describeNeeding } from "../support/requiredProgram.js"

let sandbox: Sandbox
const scripts: Record<string, string> = {}

const installed = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0

beforeAll(async () => {
  sandbox = makeSandbox()
  mkdirSync(join(sandbox.project, "somedir"))
  writeFileSync(join(sandbox.project, "somefile.json"), "{}")
  for (const shell of ["bash", "zsh", "fish"]) {
    const result = await runLetta(["--completions", shell], { sandbox })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("")
    scripts[shell] = join(sandbox.root, `letta.${shell}`)
    writeFileSync(scripts[shell]!, result.stdout)
  }
})
afterAll(() => sandbox.cleanup())

const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`

/** What the shell offers for the command line `line` (the cursor at its end). */
const complete: Record<string, (line: string) => ReadonlyArray<string>> = {
  bash: (line) => {
    // bash splits the line into words (and at "=", which is in COMP_WORDBREAKS); the last may be "".
    const words = line.split(/\s+|(?==)|(?<==)/).filter((word, index, all) => word.length > 0 || index === all.length - 1)
    const script = `source ${quote(scripts["bash"]!)}; COMP_WORDS=(${words.map(quote).join(" ")}); COMP_CWORD=${words.length - 1}; COMP_LINE=${quote(line)}; _letta; printf '%s\\n' "\${COMPREPLY[@]}"`
    return run("bash", ["--norc", "--noprofile", "-c", script])
  },
  zsh: (line) => {
    const words = line.split(/\s+/)
    const script = [
      `compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; local w; for w in "$@"; do [[ $w == "$PREFIX"* ]] && print -r -- $w; done; }`,
      `_files() { if [[ $1 == -/ ]]; then print -l -- */(N/); else print -l -- *(N); fi; }`,
      "compdef() { : }",
      `source ${quote(scripts["zsh"]!)}`,
      `words=(${words.map(quote).join(" ")}); CURRENT=${words.length}; PREFIX=${quote(words.at(-1) ?? "")}`,
      "_letta"
    ].join("\n")
    return run("zsh", ["-f", "-c", script])
  },
  fish: (line) => run("fish", ["--no-config", "-c", `source ${quote(scripts["fish"]!)}; complete -C ${quote(line)}`]).map((entry) => entry.split("\t")[0]!)
}

const run = (shell: string, args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const result = spawnSync(shell, args, { cwd: sandbox.project, encoding: "utf8", timeout: 10_000, env: { ...process.env, HOME: sandbox.home } })
  expect(result.stderr, `${shell} stderr`).toBe("")
  return result.stdout.split("\n").filter((line) => line.length > 0)
}

for (const shell of ["bash", "zsh", "fish"] as const) {
  describeNeeding(shell, installed(shell))(`${shell} completion`, () => {
    const offered = (line: string) => [...complete[shell]!(line)].sort()

    it("a flag's choices are separate words: --output-format, --permission-mode, --backend, --completions", () => {
      expect(offered("letta --output-format ")).toEqual(["json", "stream-json", "text"])
      expect(offered("letta -p --permission-mode ")).toEqual(["acceptEdits", "bypassPermissions", "default", "plan"])
      expect(offered("letta --backend l")).toEqual(["local"])
      expect(offered("letta --completions ")).toEqual(["bash", "fish", "zsh"])
    })

    it("commands, their subcommands, and the memory labels (not flags) after memory show|set|history|revert", () => {
      expect(offered("letta ")).toEqual(["agents", "init", "memory", "models", "skills"])
      expect(offered("letta agents ")).toEqual(["list"])
      expect(offered("letta skills ")).toEqual(["accept", "list", "pending", "reject"])
      expect(offered("letta memory ")).toEqual(["history", "revert", "set", "show"])
      expect(offered("letta memory show ")).toEqual(["human", "persona", "project"])
      expect(offered("letta --backend local memory history p")).toEqual(["persona", "project"])
      expect(offered("letta memory set human --")).toEqual(["--file"])
      expect(offered("letta memory show human ")).toEqual([])
    })

    it("flags: every flag of the root command, none of the framework's; no command after a prompt", () => {
      const flags = offered("letta --")
      for (const flag of ["--continue", "--output-format", "--allowedTools", "--yolo", "--dangerously-skip-permissions", "--add-dir", "--settings", "--verbose", "--append-system-prompt"]) {
        expect(flags).toContain(flag)
      }
      expect(flags).not.toContain("--wizard")
      expect(flags).not.toContain("--log-level")
      expect(flags).not.toContain("--file")
      expect(offered("letta -p explain ").filter((word) => ["agents", "models", "memory"].includes(word))).toEqual([])
      expect(offered("letta --model x --")).toContain("--continue")
    })

    it("--add-dir completes directories, --settings files", () => {
      expect(offered("letta --add-dir some").map((word) => word.replace(/\/$/, ""))).toEqual(["somedir"])
      expect(offered("letta --settings some").map((word) => word.replace(/\/$/, ""))).toEqual(["somedir", "somefile.json"])
    })
  })
}

describe("--completions", () => {
  it("an unknown shell is a usage error", async () => {
    const result = await runLetta(["--completions", "powershell"], { sandbox })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--completions must be one of bash, zsh, fish (got "powershell").')
  })
})
