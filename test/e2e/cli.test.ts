/** --help / --version through the built binary: no side effects, plain text when not a terminal. */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"

let sandbox: Sandbox
beforeEach(() => {
  sandbox = makeSandbox()
})
afterEach(() => sandbox.cleanup())

describe("letta --help / --version", () => {
  it("--version prints the version and writes nothing", async () => {
    const result = await runLetta(["--version"], { sandbox })
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    expect(existsSync(join(sandbox.home, ".letta"))).toBe(false)
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
