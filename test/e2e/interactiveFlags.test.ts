/**
 * Command-line flags that shape an interactive session, end to end in a real terminal (tmux):
 * `--verbose` (tool results expanded from the start, the headless diagnostics as dim lines) and
 * `--settings <file>` (its rules in /permissions with their source, its `notifications`).
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

let server: FakeLettaServer
let sandbox: Sandbox
let terminal: Terminal | undefined

beforeAll(async () => {
  server = await FakeLettaServer.start({ pingIntervalMs: 200 })
})
afterAll(async () => {
  await server.close()
})
afterEach(async () => {
  await terminal?.stop()
  terminal = undefined
  sandbox?.cleanup()
})

const open = async (args: ReadonlyArray<string>, width = 100) => {
  terminal = await Terminal.start({ sandbox, serverUrl: server.url, args, width, height: 40 })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

describeNeeding("tmux", hasTmux())("interactive flags (tmux)", () => {
  it("--verbose: tool results expanded from the start; who allowed a call, its time, each step's end and the turn's totals as dim lines", async () => {
    sandbox = makeSandbox()
    // Wide enough that each note fits on one row.
    const t = await open(["--verbose", "--allowedTools", "Bash"], 130)
    const command = "for i in 1 2 3 4 5 6; do echo line$i; done"
    server.enqueue([{ text: "Counting.", toolCalls: [{ name: "Bash", arguments: { command } }] }, { text: "Counted to six." }])
    await send(t, "count")
    const screen = await t.waitFor((s) => s.includes("Counted to six.") && /turn: \d+ steps?, /.test(s))
    // The whole output, with no Ctrl+O needed.
    expect(screen).toMatch(/line4\n\s*line5\n\s*line6/)
    expect(screen).not.toContain("ctrl+o to expand")
    expect(screen).toMatch(/Bash\(for i in 1 2 3 4 5 6[^\n]*: success in \d+ ms, \d+ characters · allowed by Bash \(--allowedTools\)/)
    expect(screen).toContain("step ended: requires_approval")
    expect(screen).toContain("step ended: end_turn")
    // Ctrl+O still folds them.
    await t.keys("C-o")
    const folded = await t.waitFor((s) => s.includes("ctrl+o to expand") && s.includes("Counted to six."))
    expect(folded).not.toContain("line6")
  })

  it("without --verbose: no diagnostics in the transcript", async () => {
    sandbox = makeSandbox()
    const t = await open(["--allowedTools", "Bash"])
    server.enqueue([{ text: "Listing.", toolCalls: [{ name: "Bash", arguments: { command: "echo quiet" } }] }, { text: "Listed." }])
    await send(t, "list")
    const screen = await t.waitFor("Listed.")
    expect(screen).not.toContain("step ended")
    expect(screen).not.toContain("allowed by")
  })

  it("--settings: /permissions lists its rules with their source; its notifications: false turns the bell off; the file is never written", async () => {
    sandbox = makeSandbox()
    const file = join(sandbox.root, "run-settings.json")
    const text = JSON.stringify({ notifications: false, permissions: { deny: ["Bash(curl:*)"], allow: ["Bash(npm test:*)"] } }, null, 1)
    writeFileSync(file, text)
    const t = await open(["--settings", file])
    const log = join(sandbox.root, "output.log")
    writeFileSync(log, "")
    await t.recordOutput(log)
    await send(t, "/permissions")
    const panel = await t.waitFor("Permission mode: default")
    expect(panel).toContain(`deny  Bash(curl:*)  (--settings: ${file})`)
    expect(panel).toContain(`allow Bash(npm test:*)  (--settings: ${file})`)
    server.enqueue([{ text: "Checking.", toolCalls: [{ name: "Bash", arguments: { command: "touch marker.txt", description: "Make the marker" } }] }, { text: "Left it." }])
    await send(t, "make a marker")
    await t.waitFor("Do you want to proceed?")
    await t.keys("Escape")
    await t.waitFor("Left it.")
    expect(readFileSync(log, "utf8")).not.toContain("\u001b]9;")
    expect(readFileSync(file, "utf8")).toBe(text)
  })
})
