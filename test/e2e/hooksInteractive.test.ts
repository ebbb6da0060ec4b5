/**
 * Project trust and hooks in interactive mode, in a real terminal (tmux): the question comes
 * once, before the screen, listing what the project defines; the answer is stored per project.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
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

const projectHook = (box: Sandbox, marker: string) => {
  mkdirSync(join(box.project, ".letta"), { recursive: true })
  writeFileSync(
    join(box.project, ".letta", "settings.json"),
    JSON.stringify({ hooks: { UserPromptSubmit: [{ hooks: [{ type: "command", command: `touch ${marker}; echo PROJECT-HOOK-FAILED >&2; exit 1` }] }] } })
  )
  writeFileSync(join(box.project, ".mcp.json"), JSON.stringify({ mcpServers: { docs: { command: "true" } } }))
}

describeNeeding("tmux", hasTmux())("project trust in interactive mode (tmux)", () => {
  it("asks once, listing the project's hooks and MCP servers; yes is stored and the hook runs; its failure is a notice", async () => {
    sandbox = makeSandbox()
    const marker = join(sandbox.root, "ran")
    projectHook(sandbox, marker)
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: [], width: 120, height: 40 })
    const question = await terminal.waitFor("Trust this project's hooks and MCP servers?")
    expect(question).toContain(`hook UserPromptSubmit: touch ${marker}`)
    expect(question).toContain("MCP server docs (.mcp.json)")
    await terminal.type("y")
    await terminal.keys("Enter")
    await terminal.waitFor("Type a message")
    expect(sandbox.settings("user")?.["trustedProjects"]).toEqual({ [sandbox.project]: true })
    server.enqueue([{ text: "Hello back." }])
    await terminal.type("hello")
    await terminal.keys("Enter")
    const screen = await terminal.waitFor((s) => s.includes("Hello back.") && s.includes("PROJECT-HOOK-FAILED"))
    expect(screen).toContain("UserPromptSubmit hook")
    expect(existsSync(marker)).toBe(true)
    await terminal.stop()

    // The next session does not ask again.
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: [], width: 120, height: 40 })
    const next = await terminal.waitFor("Type a message")
    expect(next).not.toContain("Trust this project")
  })

  it("no is stored too: the project's hooks do not run and it is not asked again", async () => {
    sandbox = makeSandbox()
    const marker = join(sandbox.root, "ran")
    projectHook(sandbox, marker)
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: [], width: 120, height: 40 })
    await terminal.waitFor("Trust this project's hooks and MCP servers?")
    await terminal.type("n")
    await terminal.keys("Enter")
    // Told on the screen, not on stderr under it.
    await terminal.waitFor((screen) => screen.includes("Type a message") && screen.includes("skipped project code"))
    expect(sandbox.settings("user")?.["trustedProjects"]).toEqual({ [sandbox.project]: false })
    server.enqueue([{ text: "Hello back." }])
    await terminal.type("hello")
    await terminal.keys("Enter")
    await terminal.waitFor("Hello back.")
    expect(existsSync(marker)).toBe(false)
  })

  it("Notification hooks run when an approval waits (user hooks need no trust)", async () => {
    sandbox = makeSandbox()
    const file = join(sandbox.root, "notified")
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(join(sandbox.home, ".letta", "settings.json"), JSON.stringify({ hooks: { Notification: [{ hooks: [{ type: "command", command: `cat > ${file}` }] }] } }))
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: [], width: 120, height: 40 })
    await terminal.waitFor("Type a message")
    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command: "echo hi" } }] }, { text: "Done." }])
    await terminal.type("run it")
    await terminal.keys("Enter")
    await terminal.waitFor("echo hi")
    for (let i = 0; i < 100 && !(existsSync(file) && readFileSync(file, "utf8").length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ hook_event_name: "Notification", message: "letta needs your permission to use Bash" })
  })

  it("Ctrl-C at the question ends letta without storing an answer", async () => {
    sandbox = makeSandbox()
    projectHook(sandbox, join(sandbox.root, "ran"))
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: [], width: 120, height: 40 })
    await terminal.waitFor("Trust this project's hooks and MCP servers?")
    await terminal.keys("C-c")
    await terminal.waitFor("[exit 130]")
    expect(sandbox.settings("user")?.["trustedProjects"]).toBeUndefined()
  })
})
