/** --help / --version through the built binary: no side effects, plain text when not a terminal. */
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { LETTA_BIN, makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"

let sandbox: Sandbox
beforeEach(() => {
  sandbox = makeSandbox()
})
afterEach(() => sandbox.cleanup())

describe("letta --help / --version", () => {
  it("--version prints the version and writes nothing", async () => {
    const result = await runLetta(["--version"], { sandbox })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")).version}\n`)
    expect(existsSync(join(sandbox.home, ".letta"))).toBe(false)
  })

  it("the launcher's --version shortcut prints the version the CLI prints", async () => {
    const shortcut = await runLetta(["--version"], { sandbox })
    // The bundle is the CommonJS wrapper function; call it as the launcher does, without the shortcut.
    const bundle = join(dirname(LETTA_BIN), "letta-main.cjs")
    const runBundle = `const m = { exports: {} }; require("node:vm").runInThisContext(require("node:fs").readFileSync(${JSON.stringify(bundle)}, "latin1"))(m.exports, require, m, ${JSON.stringify(bundle)}, ${JSON.stringify(dirname(bundle))})`
    const cli = spawnSync(process.execPath, ["-e", runBundle, "--", bundle, "--version"], { encoding: "utf8" })
    expect(cli.status).toBe(0)
    // The CLI's framework adds a blank line after it; the shortcut prints the one line.
    expect(shortcut.stdout).toBe(`${cli.stdout.trimEnd()}\n`)
  })

  it("--help lists every flag, without colour codes when piped", async () => {
    const result = await runLetta(["--help"], { sandbox })
    expect(result.code).toBe(0)
    for (const flag of ["--prompt", "--output-format", "--continue", "--agent", "--new", "--model", "--tools", "--allowedTools", "--disallowedTools", "--permission-mode", "--yolo", "--max-turns", "--append-system-prompt", "--add-dir", "--settings", "--verbose", "--backend"]) {
      expect(result.stdout).toContain(flag)
    }
    expect(result.stdout).not.toContain("\u001b[")
    expect(existsSync(join(sandbox.home, ".letta"))).toBe(false)
  })

  it("--help is one screen with the environment and exit codes, not framework boilerplate (defect 10)", async () => {
    const result = await runLetta(["--help"], { sandbox })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("")
    expect(result.stdout.split("\n").length).toBeLessThanOrEqual(62)
    for (const text of ["Examples", "Environment", "LETTA_API_KEY", "OLLAMA_HOST", "Exit codes", "130 interrupted", "--dangerously-skip-permissions"]) {
      expect(result.stdout).toContain(text)
    }
    expect(result.stdout).not.toContain("A true or false value")
    expect(result.stdout).not.toContain("--wizard")
    expect(result.stdout).not.toContain("--log-level")
    const memory = await runLetta(["memory", "--help"], { sandbox })
    expect(memory.code).toBe(0)
    expect(memory.stdout).toContain("letta memory show [persona|human|project]")
    expect(memory.stdout).not.toMatch(/^\$ /m)
  })

  it("usage errors exit 2 with one line: letta agents alone, --log-level, --wizard (defect 10)", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["agents"], "letta: 'letta agents' needs a subcommand: 'letta agents list'."],
      [["-p", "hi", "--log-level", "debug"], "letta: Unknown option: --log-level (use --verbose, or LETTA_DEBUG=1, for diagnostics)"],
      [["--wizard"], "letta: Unknown option: --wizard"]
    ]
    for (const [args, message] of cases) {
      const result = await runLetta(args, { sandbox, serverUrl: "http://127.0.0.1:9" })
      expect(result.code, args.join(" ")).toBe(2)
      expect(result.stdout).toBe("")
      expect(result.stderr).toBe(`${message}\nRun 'letta --help' for usage.\n`)
    }
  })

  it("no -p and stdin that is not a terminal but empty: headless with no prompt, exit 2", async () => {
    const result = await runLetta([], { sandbox, serverUrl: "http://127.0.0.1:9" })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("No prompt")
  })
})
