/**
 * Every fault the fake server can inject, through the built binary: a clear message, the right
 * exit code, no stack trace, the API key never printed, the settings files intact.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { type AddressInfo, createServer } from "node:net"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { Fault } from "../support/fakeServer.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"

const API_KEY = "sk-let-super-secret-0123456789"

let server: FakeLettaServer
let sandbox: Sandbox

beforeEach(async () => {
  server = await FakeLettaServer.start({ apiKey: API_KEY })
  sandbox = makeSandbox()
})
afterEach(async () => {
  await server.close()
  sandbox.cleanup()
})

const letta = (args: ReadonlyArray<string>, options: Partial<Parameters<typeof runLetta>[1]> = {}) =>
  runLetta(args, { sandbox, serverUrl: server.url, env: { LETTA_API_KEY: API_KEY }, ...options })

const messagePosts = () => server.messagePosts()

/**
 * One warm run first, so faults hit a known agent (the runs after it pass `--continue`) and
 * settings exist to be kept intact.
 */
const warmUp = async () => {
  const first = await letta(["-p", "warm up", "--output-format", "json"])
  expect(first.code).toBe(0)
  return { user: sandbox.settings("user"), local: sandbox.settings("local"), project: sandbox.settings("project") }
}

const expectClean = (result: { stdout: string; stderr: string }) => {
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/)
  expect(result.stdout + result.stderr).not.toContain(API_KEY)
}

const expectSettingsKept = (before: Awaited<ReturnType<typeof warmUp>>) => {
  expect(sandbox.settings("user")).toEqual(before.user)
  expect(sandbox.settings("local")).toEqual(before.local)
  expect(sandbox.settings("project")).toEqual(before.project)
}

describe("faults before the stream", () => {
  it("HTTP 500 on every attempt: retried 3 times, announced, then exit 1", async () => {
    const before = await warmUp()
    server.injectFault({ kind: "http", status: 500, route: "messages", times: 3 })
    const posts = messagePosts().length
    const result = await letta(["-p", "hi", "--continue", "--output-format", "stream-json"])
    expect(result.code).toBe(1)
    expect(messagePosts().length - posts).toBe(3)
    expect(result.stderr.match(/retrying in/g)).toHaveLength(2)
    expect(result.stderr).toContain("HTTP 500")
    const lines = parseLines(result.stdout)
    expect(lines.filter((l) => l["type"] === "retry")).toHaveLength(2)
    expect(lines.at(-2)).toMatchObject({ type: "error" })
    expect(lines.at(-1)).toMatchObject({ type: "result", is_error: true, subtype: "error_during_execution" })
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()
    expectClean(result)
    expectSettingsKept(before)
  })

  it("429 with Retry-After: waits, retries and succeeds", async () => {
    const before = await warmUp()
    server.injectFault({ kind: "rate_limit", retryAfterSeconds: 1, route: "messages", times: 1 })
    const result = await letta(["-p", "hi", "--continue", "--output-format", "json"])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).result).toBe("Hello from fake Letta")
    expect(result.stderr).toContain("retrying in 1.0 s (attempt 2 of 3)")
    expect(result.durationMs).toBeGreaterThanOrEqual(900)
    expectClean(result)
    expectSettingsKept(before)
  })

  it("a client error (HTTP 400) is not retried", async () => {
    await warmUp()
    server.injectFault({ kind: "http", status: 400, detail: "bad things", route: "messages" })
    const posts = messagePosts().length
    const result = await letta(["-p", "hi", "--continue"])
    expect(result.code).toBe(1)
    expect(messagePosts().length - posts).toBe(1)
    expect(result.stderr).toContain("bad things")
    expectClean(result)
  })

  it("a failure before the first event still names the agent in json and stream-json results", async () => {
    const before = await warmUp()
    const agentId = String(before.local?.["lastAgent"])
    for (const format of ["json", "stream-json"]) {
      server.injectFault({ kind: "http", status: 400, detail: "bad things", route: "messages" })
      const result = await letta(["-p", "hi", "--continue", "--output-format", format])
      expect(result.code).toBe(1)
      const lines = format === "json" ? [JSON.parse(result.stdout)] : parseLines(result.stdout)
      expect(lines.at(-1)).toMatchObject({ type: "result", is_error: true, agent_id: agentId, session_id: agentId })
    }
  })

  it("a slow first byte is waited for", async () => {
    await warmUp()
    server.injectFault({ kind: "slow_first_byte", ms: 1500 })
    const result = await letta(["-p", "hi", "--continue"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
  })

  it("a wrong API key: 401 explained, key not printed, nothing written", async () => {
    const result = await letta(["-p", "hi"], { env: { LETTA_API_KEY: "sk-wrong-key-987654321" } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("rejected the credentials")
    expect(result.stderr).not.toContain("sk-wrong-key-987654321")
    expectClean(result)
    expect(sandbox.settings("user")).toBeUndefined()
  })

  it("an https server is spoken to over TLS (the bundle loads node:https on first use)", async () => {
    const firstBytes: Array<number> = []
    const tcp = createServer((socket) => {
      socket.once("data", (data) => {
        firstBytes.push(data[0] ?? -1)
        socket.destroy()
      })
    })
    await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve))
    try {
      const { port } = tcp.address() as AddressInfo
      const result = await letta(["-p", "hi"], { serverUrl: `https://127.0.0.1:${port}` })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain("Cannot reach the Letta server")
      expectClean(result)
      // 0x16: a TLS handshake record (ClientHello), once per attempt.
      expect(firstBytes.length).toBeGreaterThan(0)
      expect(new Set(firstBytes)).toEqual(new Set([0x16]))
    } finally {
      await new Promise((resolve) => tcp.close(resolve))
    }
  })

  it("an unreachable server: clear message, exit 1", async () => {
    const result = await letta(["-p", "hi"], { serverUrl: "http://127.0.0.1:9" })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("Cannot reach the Letta server at http://127.0.0.1:9")
    expectClean(result)
  })

  it("no key against Letta Cloud: clear message before any request", async () => {
    const result = await letta(["-p", "hi"], { serverUrl: "https://api.letta.com", env: { LETTA_API_KEY: undefined } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("LETTA_API_KEY is not set")
  })
})

describe("faults in the stream (never retried)", () => {
  const streamFaults: ReadonlyArray<[string, Fault, string]> = [
    ["connection reset mid-stream", { kind: "reset_mid_stream", afterEvents: 2 }, "Cannot reach the Letta server"],
    ["stream without a stop reason", { kind: "no_stop_reason" }, "no stop reason"],
    ["malformed event", { kind: "malformed_event" }, "malformed"]
  ]
  for (const [name, fault, message] of streamFaults) {
    it(`${name}: exit 1, "${message}", settings intact`, async () => {
      const before = await warmUp()
      const agentId = String(before.local?.["lastAgent"])
      server.injectFault(fault)
      const posts = messagePosts().length
      const result = await letta(["-p", "hi", "--continue", "--output-format", "json"])
      expect(result.code).toBe(1)
      expect(messagePosts().length - posts).toBe(1)
      expect(result.stderr).toContain(message)
      expect(JSON.parse(result.stdout)).toMatchObject({ is_error: true, subtype: "error_during_execution", agent_id: agentId, session_id: agentId })
      expectClean(result)
      expectSettingsKept(before)
    })
  }

  it("an LLM error reported in-stream names the stop reason and the server's detail", async () => {
    await warmUp()
    server.enqueue([{ streamError: { error_type: "llm_error", message: "An error occurred with the LLM request.", detail: "upstream 529 overloaded" } }])
    const result = await letta(["-p", "hi", "--continue"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("llm_api_error")
    expect(result.stderr).toContain("upstream 529 overloaded")
    expectClean(result)
  })
})

describe("recovery, limits, interrupts", () => {
  it("an approval left pending by a crashed session is denied, then the prompt runs", async () => {
    const first = JSON.parse((await letta(["-p", "warm", "--output-format", "json"])).stdout)
    server.setPendingApproval(String(first.agent_id), [{ name: "Bash", arguments: { command: "rm -rf /" }, id: "call-stuck" }])
    const result = await letta(["-p", "hi", "--continue", "--output-format", "json"])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).result).toBe("Hello from fake Letta")
    const body = messagePosts().at(-1)?.body as { messages: Array<Record<string, unknown>> }
    expect(body.messages[0]).toMatchObject({
      type: "approval",
      approvals: [{ type: "approval", tool_call_id: "call-stuck", approve: false, reason: "session was interrupted" }]
    })
    expect(server.agent(String(first.agent_id))?.pending).toBeNull()
  })

  it("--max-turns stops with error_max_turns and leaves the agent usable", async () => {
    server.enqueue([{ toolCalls: [{ name: "Read", arguments: { file_path: "x" } }] }, { text: "never" }])
    const result = await letta(["-p", "hi", "--max-turns", "1", "--output-format", "json"])
    expect(result.code).toBe(1)
    const parsed = JSON.parse(result.stdout)
    expect(parsed).toMatchObject({ subtype: "error_max_turns", is_error: true })
    expect(parsed.result).toContain("--max-turns limit of 1")
    expect(server.agent(String(parsed.agent_id))?.pending).toBeNull()
    const next = await letta(["-p", "again", "--continue"])
    expect(next.code).toBe(0)
  })

  it("SIGINT during a slow turn: run cancelled on the server, exit 130", async () => {
    await warmUp()
    server.enqueue([{ delayMs: 10_000, text: "too late" }])
    let sent = false
    const result = await letta(["-p", "hi", "--continue"], {
      onSpawn: (child) => {
        const poll = setInterval(() => {
          // Interrupt once the message request is in flight.
          if (!sent && messagePosts().length >= 2) {
            sent = true
            clearInterval(poll)
            setTimeout(() => child.kill("SIGINT"), 200)
          }
        }, 20)
        child.on("close", () => clearInterval(poll))
      }
    })
    expect(result.code).toBe(130)
    expect(result.stdout).toBe("")
    expect(server.cancels.length).toBeGreaterThanOrEqual(1)
    expect(result.durationMs).toBeLessThan(8_000)
    expectClean(result)
  })

  it("a reader that closes stdout early ends the run quietly", async () => {
    await warmUp()
    server.enqueue([{ text: "x".repeat(50_000), tokenCount: 5_000 }])
    const result = await letta(["-p", "hi", "--continue", "--output-format", "stream-json"], {
      onSpawn: (child) => {
        child.stdout?.once("data", () => child.stdout?.destroy())
      }
    })
    expect(result.stderr).not.toContain("EPIPE")
    expectClean(result)
    expect(result.code).toBe(0)
  })
})

describe("settings files", () => {
  it("a malformed settings file is reported with its path and position, exit 2, never overwritten", async () => {
    const dir = join(sandbox.project, ".letta")
    mkdirSync(dir, { recursive: true })
    const path = join(dir, "settings.local.json")
    const broken = '{\n  "lastAgent": "agent-x",\n  "permissions": { "allow": [ }\n}\n'
    writeFileSync(path, broken)
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(path)
    expect(result.stderr).toMatch(/line 3/)
    expect(readFileSync(path, "utf8")).toBe(broken)
    expect(server.requests).toHaveLength(0)
  })

  it("a wrong-typed key is reported with the key, exit 2", async () => {
    const dir = join(sandbox.home, ".letta")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "settings.json"), JSON.stringify({ permissions: { allow: "Bash" } }))
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("permissions.allow")
  })

  it("unknown keys survive a run", async () => {
    const dir = join(sandbox.home, ".letta")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "settings.json"), JSON.stringify({ theme: "dark", nested: { keep: [1, 2] } }, null, 2))
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(0)
    expect(sandbox.settings("user")).toMatchObject({ theme: "dark", nested: { keep: [1, 2] }, lastAgent: expect.any(String) })
  })
})

describe("usage errors", () => {
  const cases: ReadonlyArray<[ReadonlyArray<string>, string]> = [
    [["-p", "hi", "--output-format", "xml"], 'letta: --output-format must be one of text, json, stream-json (got "xml").'],
    [["-p", "hi", "--permission-mode=sudo"], 'letta: --permission-mode must be one of default, acceptEdits, plan, bypassPermissions (got "sudo").'],
    [["-p", "hi", "--max-turns", "1.5"], 'letta: --max-turns must be a whole number of at least 1 (got "1.5").'],
    [["-p", "hi", "--max-turns", "0"], "letta: --max-turns must be at least 1 (got 0)."],
    [["-p", "hi", "--model"], "letta: --model needs a value."],
    [["-p", "hi", "--bogus"], "letta: Unknown option: --bogus"],
    [["-p", "hi", "--continue", "--new"], "letta: --continue and --new cannot be used together."],
    [["-p", "hi", "--tools", "Nope"], "letta: Unknown tool in --tools: Nope. Available: Bash, BashOutput, KillBash, Read, Write, Edit, MultiEdit, Glob, Grep, LS, TodoWrite, ExitPlanMode, Skill, and MCP tools as mcp__<server> or mcp__<server>__<tool>."],
    [["agents", "lis"], "letta: Unknown subcommand 'lis' for 'letta agents'; use 'letta agents list'."]
  ]
  for (const [args, message] of cases) {
    it(`${args.join(" ")} → one line naming what is wrong, exit 2, nothing on stdout, no request`, async () => {
      const result = await letta(args)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe("")
      expect(result.stderr.split("\n")[0]).toBe(message)
      expect(result.stderr).toContain("Run 'letta --help' for usage.")
      expect(server.requests).toHaveLength(0)
      expectClean(result)
    })
  }
})
