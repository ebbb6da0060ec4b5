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
    for (const flag of ["--prompt", "--output-format", "--continue", "--agent", "--new", "--model", "--tools", "--allowedTools", "--disallowedTools", "--permission-mode", "--yolo", "--max-turns"]) {
      expect(result.stdout).toContain(flag)
    }
    expect(result.stdout).not.toContain("\u001b[")
    expect(existsSync(join(sandbox.home, ".letta"))).toBe(false)
  })

  it("no -p and stdin that is not a terminal but empty: headless with no prompt, exit 2", async () => {
    const result = await runLetta([], { sandbox, serverUrl: "http://127.0.0.1:9" })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("No prompt")
  })
})
