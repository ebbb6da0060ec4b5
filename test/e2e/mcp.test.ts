/**
 * MCP servers through the BUILT binary: a real stdio server (a child process) and Streamable
 * HTTP and SSE servers (in this process), all written with the official SDK
 * (test/support/mcp/*). Tools are offered as mcp__<server>__<tool>, judged by the permission
 * rules, and their results come back as tool returns; failing servers are reported once.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"
import { isAlive } from "../support/processes.js"
import { toolResultsOf, useLocalSandbox } from "../support/localE2e.js"
import { startHttpMcpServer } from "../support/mcp/httpServer.mjs"

const STDIO_SERVER = resolve(import.meta.dirname, "../support/mcp/stdioServer.mjs")

let server: FakeLettaServer
let sandbox: Sandbox

beforeEach(async () => {
  server = await FakeLettaServer.start()
  sandbox = makeSandbox()
})
afterEach(async () => {
  await server.close()
  sandbox.cleanup()
})

const letta = (args: ReadonlyArray<string>, options: Partial<Parameters<typeof runLetta>[1]> = {}) =>
  runLetta(args, { sandbox, serverUrl: server.url, ...options })

const stdioServer = (label: string, ...extra: Array<string>) => ({ command: process.execPath, args: [STDIO_SERVER, label, ...extra] })

/** A server command that leaves `marker` behind when it is started. */
const markingServer = (marker: string) => ({ command: "sh", args: ["-c", `touch '${marker}'; exec '${process.execPath}' '${STDIO_SERVER}' marked`] })

const writeUserServers = (servers: Record<string, unknown>) => {
  mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
  writeFileSync(join(sandbox.home, ".letta", "settings.json"), JSON.stringify({ mcpServers: servers }))
}

const writeConfig = (name: string, servers: Record<string, unknown>): string => {
  const path = join(sandbox.root, name)
  writeFileSync(path, JSON.stringify({ mcpServers: servers }))
  return path
}

const clientToolsOf = (index: number): Array<{ name: string; parameters: unknown }> => {
  const posts = server.messagePosts()
  return ((posts[index]?.body as { client_tools?: Array<{ name: string; parameters: unknown }> }).client_tools ?? [])
}

/** One call of `tool`, then the agent says what came back (return or denial reason). */
const callOnce = (tool: string, args: Record<string, unknown> = {}) =>
  server.enqueue([
    { toolCalls: [{ name: tool, arguments: args }] },
    (previous) => ({ text: `status=${String(previous.approvals[0]?.["status"])} return=${String(previous.approvals[0]?.["tool_return"] ?? previous.approvals[0]?.["reason"])}` })
  ])


describe("stdio MCP servers", () => {
  it("offers the tools with their input schemas, refuses imitating names once, and runs an allowed call", async () => {
    writeUserServers({ srv: stdioServer("srv") })
    callOnce("mcp__srv__echo", { text: "hello" })
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv__echo", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines.at(-1)?.["result"]).toBe("status=success return=srv echo: hello")
    const tools = clientToolsOf(0)
    expect(tools.find((t) => t.name === "mcp__srv__echo")?.parameters).toMatchObject({ type: "object", properties: { text: { type: "string" } }, required: ["text"] })
    const names = tools.map((t) => t.name)
    expect(names.filter((n) => n === "Bash")).toHaveLength(1)
    for (const refused of ["mcp__srv__Bash", "mcp__srv__mcp__other__echo", "mcp__srv__x__y", "mcp__srv__bad name!"]) expect(names).not.toContain(refused)
    expect(names).toContain("mcp__srv__fail")
    const refusals = lines.filter((l) => l["subtype"] === "mcp_tool_refused").map((l) => String(l["message"]))
    expect(refusals).toHaveLength(4)
    expect(refusals.join("\n")).toContain("imitates the built-in Bash tool")
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()
  })

  it("without a rule an MCP tool is denied headless with the usual message", async () => {
    writeUserServers({ srv: stdioServer("srv") })
    callOnce("mcp__srv__echo", { text: "hello" })
    const result = await letta(["-p", "go"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("return=Tool requires approval; re-run with --allowedTools")
    expect(result.stdout).not.toContain("srv echo")
  })

  it("a server rule (mcp__srv) covers every tool of it: isError, huge output capped, media as a note", async () => {
    writeUserServers({ srv: stdioServer("srv") })
    server.enqueue([
      {
        toolCalls: [
          { name: "mcp__srv__fail", arguments: {} },
          { name: "mcp__srv__huge", arguments: {} },
          { name: "mcp__srv__media", arguments: {} }
        ]
      },
      (previous) => ({ text: JSON.stringify(previous.approvals.map((a) => ({ status: a["status"], text: a["tool_return"] }))) })
    ])
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv", "--output-format", "json"])
    expect(result.code).toBe(0)
    const returns = JSON.parse(String(JSON.parse(result.stdout)["result"])) as Array<{ status: string; text: string }>
    expect(returns[0]).toEqual({ status: "error", text: "the tool failed on purpose" })
    expect(returns[1]?.status).toBe("success")
    expect(returns[1]?.text.length).toBeLessThan(31_000)
    expect(returns[1]?.text).toContain("[output truncated:")
    expect(returns[2]?.text).toContain("here is a picture")
    expect(returns[2]?.text).toContain("[image (image/png, 4 KiB)")
    expect(returns[2]?.text).toContain("[resource link: file:///tmp/report.txt")
    // Refused names were said once, on stderr in json mode.
    expect(result.stderr.match(/imitates the built-in Bash tool/g)).toHaveLength(1)
  })

  it("a server that dies mid-call gives an error return; the session and the other servers go on", async () => {
    writeUserServers({ srv: stdioServer("srv"), other: stdioServer("other") })
    server.enqueue([
      { toolCalls: [{ name: "mcp__srv__die", arguments: {} }] },
      { toolCalls: [{ name: "mcp__other__echo", arguments: { text: "still here" } }] },
      (previous) => ({ text: `after: ${String(previous.approvals[0]?.["tool_return"])}` })
    ])
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv,mcp__other", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    const died = lines.find((l) => l["type"] === "tool_result" && l["tool_name"] === "mcp__srv__die")
    expect(died).toMatchObject({ status: "error" })
    expect(String(died?.["output"])).toContain('the MCP server "srv" did not complete the call')
    expect(lines.at(-1)?.["result"]).toBe("after: other echo: still here")
  })

  it("a server that never answers the connect is reported once (MCP_TIMEOUT) and the rest works", async () => {
    writeUserServers({ hang: stdioServer("hang", "--hang"), srv: stdioServer("srv") })
    callOnce("mcp__srv__echo", { text: "ok" })
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv__echo"], { env: { MCP_TIMEOUT: "1500" } })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("status=success return=srv echo: ok\n")
    expect(result.stderr.match(/MCP server "hang" failed to start: the server did not answer within 1500 ms/g)).toHaveLength(1)
    expect(clientToolsOf(0).some((t) => t.name.startsWith("mcp__hang__"))).toBe(false)
  })

  it("a server that cannot be started is reported as a stream-json system line", async () => {
    writeUserServers({ missing: { command: join(sandbox.root, "no-such-binary") } })
    const result = await letta(["-p", "hi", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const failed = parseLines(result.stdout).filter((l) => l["subtype"] === "mcp_server_failed")
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ type: "system", server: "missing" })
    expect(String(failed[0]?.["message"])).toContain("ENOENT")
  })

  it("every server process (and what it started) ends with the session", async () => {
    writeUserServers({ srv: stdioServer("srv") })
    callOnce("mcp__srv__spawn_child")
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv"])
    expect(result.code).toBe(0)
    const match = /child pid (\d+) server pid (\d+)/.exec(result.stdout)
    expect(match).not.toBeNull()
    const [child, serverPid] = [Number(match![1]), Number(match![2])]
    // The group is signalled before letta exits; allow the kernel a moment to reap.
    for (let i = 0; i < 50 && (isAlive(child) || isAlive(serverPid)); i++) await new Promise((r) => setTimeout(r, 100))
    expect(isAlive(child)).toBe(false)
    expect(isAlive(serverPid)).toBe(false)
  })

  it("SIGTERM during a call that never answers ends letta and the server's process group", async () => {
    const mark = join(sandbox.root, "hang-pid")
    writeUserServers({ srv: { ...stdioServer("srv"), env: { MCP_TEST_MARK: mark } } })
    server.enqueue([{ toolCalls: [{ name: "mcp__srv__hang", arguments: {} }] }, { text: "never" }])
    const result = await letta(["-p", "go", "--allowedTools", "mcp__srv"], {
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (existsSync(mark)) {
            clearInterval(poll)
            child.kill("SIGTERM")
          }
        }, 50)
        child.on("close", () => clearInterval(poll))
      }
    })
    expect(result.code).toBe(130)
    const serverPid = Number(readFileSync(mark, "utf8"))
    for (let i = 0; i < 50 && isAlive(serverPid); i++) await new Promise((r) => setTimeout(r, 100))
    expect(isAlive(serverPid)).toBe(false)
  })

  it("--tools \"\", --version and --help start no server", async () => {
    const marker = join(sandbox.root, "started")
    writeUserServers({ marked: markingServer(marker) })
    expect((await letta(["-p", "hi", "--tools", ""])).code).toBe(0)
    expect((await letta(["--version"])).code).toBe(0)
    expect((await letta(["--help"])).code).toBe(0)
    expect(existsSync(marker)).toBe(false)
    expect((await letta(["-p", "hi"])).code).toBe(0)
    expect(existsSync(marker)).toBe(true)
  })
  it("a non-empty --tools offers only the MCP tools it names and starts only their servers", async () => {
    const marker = join(sandbox.root, "started")
    writeUserServers({ srv: stdioServer("srv"), marked: markingServer(marker) })
    expect((await letta(["-p", "hi", "--tools", "Read"])).code).toBe(0)
    expect(clientToolsOf(0).map((t) => t.name)).toEqual(["Read"])
    expect(existsSync(marker)).toBe(false)
    expect((await letta(["-p", "hi", "--tools", "Read,mcp__srv__echo"])).code).toBe(0)
    expect(clientToolsOf(1).map((t) => t.name)).toEqual(["Read", "mcp__srv__echo"])
    expect((await letta(["-p", "hi", "--tools", "mcp__srv"])).code).toBe(0)
    const whole = clientToolsOf(2).map((t) => t.name)
    expect(whole).toContain("mcp__srv__echo")
    expect(whole).toContain("mcp__srv__fail")
    expect(whole.every((name) => name.startsWith("mcp__srv__"))).toBe(true)
    expect(existsSync(marker)).toBe(false)
    const bad = await letta(["-p", "hi", "--tools", "mcp__"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("Unknown tool in --tools: mcp__")
  })
})

describe("remote MCP servers and --mcp-config", () => {
  it("Streamable HTTP (with headers) and SSE servers from --mcp-config; --strict-mcp-config drops the others", async () => {
    const remote = await startHttpMcpServer({ requireHeader: { name: "authorization", value: "Bearer t0k" } })
    try {
      const marker = join(sandbox.root, "user-server-started")
      writeUserServers({ marked: markingServer(marker) })
      const config = writeConfig("mcp.json", {
        web: { type: "http", url: `${remote.url}/mcp`, headers: { Authorization: "Bearer ${MCP_TEST_TOKEN}" } },
        old: { type: "sse", url: `${remote.url}/sse`, headers: { Authorization: "Bearer t0k" } }
      })
      server.enqueue([
        { toolCalls: [{ name: "mcp__web__echo", arguments: { text: "a" } }, { name: "mcp__old__echo", arguments: { text: "b" } }] },
        (previous) => ({ text: previous.approvals.map((a) => String(a["tool_return"])).join(" | ") })
      ])
      const result = await letta(["-p", "go", "--mcp-config", config, "--strict-mcp-config", "--allowedTools", "mcp__web,mcp__old"], {
        env: { MCP_TEST_TOKEN: "t0k" }
      })
      expect(result.stderr).not.toContain("failed")
      expect(result.code).toBe(0)
      expect(result.stdout).toBe("http echo: a | sse echo: b\n")
      expect(existsSync(marker)).toBe(false)
    } finally {
      await remote.close()
    }
  })

  it("--mcp-config also takes the JSON itself", async () => {
    callOnce("mcp__inline__echo", { text: "json" })
    const config = JSON.stringify({ mcpServers: { inline: stdioServer("inline") } })
    const result = await letta(["-p", "go", "--mcp-config", config, "--allowedTools", "mcp__inline__echo"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("status=success return=inline echo: json\n")
  })

  it("a bad --mcp-config file stops the run with the file and the problem", async () => {
    const config = join(sandbox.root, "bad.json")
    writeFileSync(config, JSON.stringify({ mcpServers: { x: { type: "http" } } }))
    const result = await letta(["-p", "hi", "--mcp-config", config])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(config)
    expect(result.stderr).toContain("url")
    expect(server.requests).toHaveLength(0)
  })
})

describe("project servers need the project's trust", () => {
  it(".mcp.json servers do not start in an untrusted project (headless)", async () => {
    const marker = join(sandbox.root, "project-server-started")
    writeFileSync(join(sandbox.project, ".mcp.json"), JSON.stringify({ mcpServers: { proj: markingServer(marker) } }))
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(0)
    expect(existsSync(marker)).toBe(false)
    expect(readFileSync(join(sandbox.project, ".mcp.json"), "utf8")).toContain("proj")
  })

  it("a malformed .mcp.json is named with its problem, never rewritten, and the run goes on", async () => {
    const path = join(sandbox.project, ".mcp.json")
    writeFileSync(path, '{"mcpServers": {"x": {"args": []}}}')
    const result = await letta(["-p", "hi", "--trust-project"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
    expect(result.stderr).toContain(`${path}: `)
    expect(result.stderr).toContain("command")
    expect(readFileSync(path, "utf8")).toBe('{"mcpServers": {"x": {"args": []}}}')
  })

  it("with --trust-project the .mcp.json and project settings servers run", async () => {
    const marker = join(sandbox.root, "project-server-started")
    writeFileSync(join(sandbox.project, ".mcp.json"), JSON.stringify({ mcpServers: { proj: markingServer(marker) } }))
    mkdirSync(join(sandbox.project, ".letta"), { recursive: true })
    writeFileSync(join(sandbox.project, ".letta", "settings.json"), JSON.stringify({ mcpServers: { projset: stdioServer("projset") } }))
    callOnce("mcp__projset__echo", { text: "trusted" })
    const result = await letta(["-p", "hi", "--trust-project", "--allowedTools", "mcp__projset"])
    expect(result.code).toBe(0)
    expect(existsSync(marker)).toBe(true)
    expect(result.stdout).toBe("status=success return=projset echo: trusted\n")
  })
})

describe("letta mcp list|add|remove", () => {
  it("add writes the chosen settings file, list connects and counts tools, remove takes it out", async () => {
    const remote = await startHttpMcpServer()
    try {
      const added = await letta(["mcp", "add", "-e", "A=1", "srv", "--", process.execPath, STDIO_SERVER, "srv"])
      expect(added.stderr).toBe("")
      expect(added.code).toBe(0)
      expect(sandbox.settings("user")?.["mcpServers"]).toEqual({ srv: { command: process.execPath, args: [STDIO_SERVER, "srv"], env: { A: "1" } } })
      const web = await letta(["mcp", "add", "--transport", "http", "--scope", "project", "-H", "X-Key: k", "web", `${remote.url}/mcp`])
      expect(web.code).toBe(0)
      expect(sandbox.settings("project")?.["mcpServers"]).toEqual({ web: { type: "http", url: `${remote.url}/mcp`, headers: { "X-Key": "k" } } })
      writeUserServers({ ...(sandbox.settings("user")?.["mcpServers"] as object), dead: { command: join(sandbox.root, "missing") } })

      const listed = await letta(["mcp", "list"], { env: { MCP_TIMEOUT: "5000" } })
      expect(listed.code).toBe(0)
      expect(listed.stdout).toMatch(/^srv {2}stdio {2}connected {2}7 tools \(4 refused\)/m)
      expect(listed.stdout).toMatch(/^dead {2}stdio {2}failed: /m)
      // Not trusted: the project's server is listed as skipped, never started.
      expect(listed.stdout).toMatch(/^web {2}http {2}skipped: the project is not trusted/m)
      expect(remote.seenHeaders).toHaveLength(0)

      // Once the project is trusted (stored in the user settings), its server is connected too.
      writeFileSync(
        join(sandbox.home, ".letta", "settings.json"),
        JSON.stringify({ ...sandbox.settings("user"), trustedProjects: { [sandbox.project]: true } })
      )
      const trusted = await letta(["mcp", "list"])
      expect(trusted.stdout).toMatch(/^web {2}http {2}connected {2}7 tools \(4 refused\)/m)
      expect(remote.seenHeaders.some((headers) => headers["x-key"] === "k")).toBe(true)

      const removed = await letta(["mcp", "remove", "web"])
      expect(removed.code).toBe(0)
      expect(sandbox.settings("project")?.["mcpServers"]).toEqual({})
      const missing = await letta(["mcp", "remove", "nope"])
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain("No MCP server nope")
      const help = await letta(["mcp", "--help"])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain("letta mcp add --transport http|sse")
      const bad = await letta(["mcp", "add", "a__b", "--", "x"])
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain("must not contain `__`")
    } finally {
      await remote.close()
    }
  })

  it("a settings file with a bad mcpServers entry is named and never rewritten", async () => {
    mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
    const path = join(sandbox.home, ".letta", "settings.json")
    const text = JSON.stringify({ mcpServers: { x: { type: "sse" } } })
    writeFileSync(path, text)
    const result = await letta(["mcp", "add", "y", "--", "z"])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(path)
    expect(readFileSync(path, "utf8")).toBe(text)
  })
})

describe("MCP tools on the local backend", () => {
  let local: Sandbox
  const start = useLocalSandbox((each) => {
    local = each
  })

  it("offers the server's tools to the model and returns the result", async () => {
    const { provider, letta: run, calls } = await start("ollama")
    mkdirSync(join(local.home, ".letta"), { recursive: true })
    writeFileSync(join(local.home, ".letta", "settings.json"), JSON.stringify({ mcpServers: { srv: stdioServer("srv") } }))
    provider.fake.enqueue({ toolCalls: [{ id: "call_1", name: "mcp__srv__echo", arguments: { text: "local" } }] }, { text: "done" })
    const result = await run(["-p", "go", "--model", provider.model, "--allowedTools", "mcp__srv__echo"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("done\n")
    const second = calls()[1]!
    expect(JSON.stringify(second.body)).toContain("mcp__srv__echo")
    expect(toolResultsOf(provider.kind, second).map((r) => r.output)).toEqual(["srv echo: local"])
  })
})
