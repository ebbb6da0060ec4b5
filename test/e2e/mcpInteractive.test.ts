/**
 * MCP in the TUI (tmux, the built binary, the fake Letta server): a failing server is a notice,
 * `/mcp` lists the servers with their status, transport and tools, and an MCP tool call asks
 * for approval like any tool that needs it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
import { isAlive } from "../support/processes.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { Terminal } from "../support/tmux.js"

const STDIO_SERVER = resolve(import.meta.dirname, "../support/mcp/stdioServer.mjs")

let server: FakeLettaServer
let sandbox: Sandbox | undefined
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
  sandbox = undefined
})


describe("MCP in the TUI (tmux)", () => {
  it("reports a failing server once, lists servers with /mcp, and asks before an MCP tool runs", async () => {
    sandbox = makeSandbox()
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(
      join(sandbox.home, ".letta", "settings.json"),
      JSON.stringify({ mcpServers: { srv: { command: process.execPath, args: [STDIO_SERVER, "srv"] }, gone: { command: join(sandbox.root, "missing") } } })
    )
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 140, height: 50 })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    await t.waitFor('MCP server "gone" failed to start')

    await t.type("/mcp")
    await t.keys("Enter")
    const panel = await t.waitFor("srv · stdio · connected · 7 tools")
    expect(panel).toContain("mcp__srv__echo")
    expect(panel).toContain("gone · stdio · failed:")
    expect(panel).toContain('refused: "Bash" imitates the built-in Bash tool')

    server.enqueue([
      { toolCalls: [{ name: "mcp__srv__echo", arguments: { text: "from the tui" } }] },
      (previous) => ({ text: `got ${String(previous.approvals[0]?.["tool_return"])}` })
    ])
    await t.type("call it")
    await t.keys("Enter")
    await t.waitFor("mcp__srv__echo")
    await t.waitFor(/Yes|Allow|approve/i)
    await t.keys("Enter")
    await t.waitFor("got srv echo: from the tui")
    const screen = await t.screen()
    expect(screen.match(/MCP server "gone" failed to start/g) ?? []).toHaveLength(1)
  })

  it("a server that never answers does not delay the screen; the first turn waits for it, then goes on", async () => {
    sandbox = makeSandbox()
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    writeFileSync(
      join(sandbox.home, ".letta", "settings.json"),
      JSON.stringify({ mcpServers: { slow: { command: process.execPath, args: [STDIO_SERVER, "slow", "--hang"] }, srv: { command: process.execPath, args: [STDIO_SERVER, "srv"] } } })
    )
    const started = Date.now()
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 140, height: 50, env: { MCP_TIMEOUT: "6000" } })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    // Drawn well before the 6 s connect timeout ran out.
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await t.screen()).not.toContain('MCP server "slow" failed')
    await t.type("/mcp")
    await t.keys("Enter")
    await t.waitFor("still connecting")
    const before = server.messagePosts().length
    server.enqueue([{ text: "answered after the servers" }])
    await t.type("hello")
    await t.keys("Enter")
    await t.waitFor("answered after the servers", 20_000)
    await t.waitFor('MCP server "slow" failed to start')
    const posts = server.messagePosts()
    expect(posts.length).toBe(before + 1)
    const names = ((posts.at(-1)!.body as { client_tools?: Array<{ name: string }> }).client_tools ?? []).map((tool) => tool.name)
    expect(names).toContain("mcp__srv__echo")
    expect(names.some((name) => name.startsWith("mcp__slow__"))).toBe(false)
  })

  it("/exit while a server is still connecting ends at once, the server with it", async () => {
    sandbox = makeSandbox()
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    const marker = join(sandbox.root, "slow.pid")
    const hanging = `echo $$ > '${marker}'; exec '${process.execPath}' '${STDIO_SERVER}' slow --hang`
    writeFileSync(join(sandbox.home, ".letta", "settings.json"), JSON.stringify({ mcpServers: { slow: { command: "sh", args: ["-c", hanging] } } }))
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 120, height: 40, env: { MCP_TIMEOUT: "60000" } })
    const t = terminal
    await t.waitFor("Type a message", 20_000)
    for (let i = 0; i < 50 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100))
    const pid = Number(readFileSync(marker, "utf8"))
    const exiting = Date.now()
    await t.type("/exit")
    await t.keys("Enter")
    await t.waitFor("[exit 0]", 10_000)
    expect(Date.now() - exiting).toBeLessThan(8_000)
    for (let i = 0; i < 30 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
    expect(isAlive(pid)).toBe(false)
  })
})
