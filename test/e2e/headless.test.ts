/** The built binary against the scripted fake server, in fresh temp HOME and project dirs. */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ALL_TOOL_NAMES } from "../../src/domain/tools.js"
import { allToolSpecs } from "../../src/layers/ToolsRegistry.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"

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

const messagePosts = () => server.messagePosts()
const agentCreates = () => server.requests.filter((r) => r.method === "POST" && /^\/v1\/agents\/?$/.test(r.path))

/** The text of the user message a request body carried. */
const userTextOf = (body: unknown): string => {
  const messages = (body as { messages?: Array<{ type?: string; content?: unknown }> }).messages ?? []
  const user = messages.find((m) => m.type === "message")
  const content = user?.content
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? "").join("") : String(content)
}

describe("headless output formats", () => {
  it("json prints exactly one result object of the specified shape", async () => {
    const result = await letta(["-p", "hi", "--output-format", "json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    const parsed: Record<string, unknown> = JSON.parse(result.stdout)
    expect(Object.keys(parsed).sort()).toEqual(
      ["agent_id", "duration_api_ms", "duration_ms", "is_error", "num_turns", "permission_denials", "result", "session_id", "subtype", "type", "usage"].sort()
    )
    expect(parsed["permission_denials"]).toEqual([])
    expect(parsed).toMatchObject({ type: "result", subtype: "success", is_error: false, result: "Hello from fake Letta", num_turns: 1 })
    expect(parsed["agent_id"]).toBe(parsed["session_id"])
    expect(server.agent(String(parsed["agent_id"]))).toBeDefined()
    expect(parsed["usage"]).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number), step_count: 1 })
    expect((await schemaValidator()).result(parsed)).toBeUndefined()
  })

  it("text prints only the answer", async () => {
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
  })

  it("stream-json lines each parse: init first, result last, all with timestamps", async () => {
    const result = await letta(["-p", "hi", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines[0]).toMatchObject({ type: "system", subtype: "init", cwd: sandbox.project, permission_mode: "default" })
    expect(lines[0]?.["tools"]).toEqual([...ALL_TOOL_NAMES])
    expect(lines.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "Hello from fake Letta" })
    expect(lines.some((l) => l["type"] === "message" && l["message_type"] === "assistant_message")).toBe(true)
    expect(lines.some((l) => l["message_type"] === "ping")).toBe(false)
    const validate = await schemaValidator()
    for (const line of lines) {
      expect(Date.parse(String(line["timestamp"]))).not.toBeNaN()
      expect(validate.line(line)).toBeUndefined()
    }
  })
})

describe("diagnostics", () => {
  it("LETTA_DEBUG=1 logs requests to stderr; stdout keeps only the answer", async () => {
    const result = await letta(["-p", "hi"], { env: { LETTA_DEBUG: "1" } })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
    expect(result.stderr).toContain("letta[debug]: send the message")
  })
})

describe("prompts", () => {
  it("takes the prompt from stdin when no words are given", async () => {
    const result = await letta(["-p"], { stdin: "explain this diff\n" })
    expect(result.code).toBe(0)
    expect(userTextOf(messagePosts()[0]?.body)).toBe("explain this diff")
  })

  it("appends stdin after a blank line when both are given", async () => {
    const result = await letta(["-p", "review", "this"], { stdin: "+ added line\n" })
    expect(result.code).toBe(0)
    expect(userTextOf(messagePosts()[0]?.body)).toBe("review this\n\n+ added line")
  })

  it("reads a file redirected to stdin, alone or after the words", async () => {
    const file = join(sandbox.project, "prompt.txt")
    writeFileSync(file, "explain this file\n")
    expect((await letta(["-p"], { stdinFile: file })).code).toBe(0)
    expect((await letta(["-p", "review"], { stdinFile: file })).code).toBe(0)
    expect(messagePosts().map((post) => userTextOf(post.body))).toEqual(["explain this file", "review\n\nexplain this file"])
  })

  it("piped stdin without -p also means headless", async () => {
    const result = await letta([], { stdin: "hello there" })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
  })

  it("a yes/no-like first word is the prompt, after any boolean flag (letta -c -p yes)", async () => {
    expect((await letta(["-p", "first"])).code).toBe(0)
    const yes = await letta(["-c", "-p", "yes"])
    expect(yes.stderr).toBe("")
    expect(yes.code).toBe(0)
    expect((await letta(["-p", "no", "thanks", "--continue"])).code).toBe(0)
    expect((await letta(["--yolo", "-p", "off"])).code).toBe(0)
    expect(messagePosts().map((post) => userTextOf(post.body))).toEqual(["first", "yes", "no thanks", "off"])
  })

  it("prompt words that name a command are the prompt (letta -p what are models)", async () => {
    const result = await letta(["-p", "what", "are", "models"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
    expect(messagePosts().map((post) => userTextOf(post.body))).toEqual(["what are models"])
  })

  it("no prompt is a usage error (exit 2) before any request", async () => {
    const result = await letta(["-p"], { stdin: "" })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("No prompt")
    expect(server.requests).toHaveLength(0)
  })
})

describe("agents and memory blocks", () => {
  it("without a flag every run starts a new agent attaching the same three blocks; --new is the same", async () => {
    const first = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout)
    const agentId = String(first.agent_id)
    const blocks = server.agent(agentId)?.blockIds
    expect(blocks).toHaveLength(3)
    expect(sandbox.settings("local")?.["lastAgent"]).toBe(agentId)
    expect(sandbox.settings("user")?.["lastAgent"]).toBe(agentId)

    const second = await letta(["-p", "two", "--output-format", "json"])
    expect(second.code).toBe(0)
    expect(second.stderr).toBe("")
    const secondId = String(JSON.parse(second.stdout).agent_id)
    expect(secondId).not.toBe(agentId)
    expect(server.agent(secondId)?.blockIds).toEqual(blocks)
    expect(agentCreates()).toHaveLength(2)
    expect(sandbox.settings("local")?.["lastAgent"]).toBe(secondId)

    const fresh = JSON.parse((await letta(["-p", "three", "--new", "--output-format", "json"])).stdout)
    expect([agentId, secondId]).not.toContain(fresh.agent_id)
    expect(server.agent(String(fresh.agent_id))?.blockIds).toEqual(blocks)
    expect(agentCreates()).toHaveLength(3)
    expect(server.blocks()).toHaveLength(3)
  })

  it("--continue creates no agent and uses the last one", async () => {
    const first = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout)
    const creates = agentCreates().length
    const again = await letta(["-p", "two", "--continue", "--output-format", "json"])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).agent_id).toBe(first.agent_id)
    expect(agentCreates()).toHaveLength(creates)
  })

  it("a warm --continue text/json turn trusts the stored agent: the message request is the only request", async () => {
    const first = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout)
    const before = server.requests.length
    const again = await letta(["-p", "two", "--continue", "--output-format", "json"])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).agent_id).toBe(first.agent_id)
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/agents/${first.agent_id}/messages`])
    // stream-json names the model in its first line, so it looks the agent up first.
    const streamed = parseLines((await letta(["-p", "three", "--continue", "--output-format", "stream-json"])).stdout)
    expect(streamed[0]).toMatchObject({ type: "system", subtype: "init", agent_id: first.agent_id, model: expect.any(String) })
  })

  it("a stored agent the server no longer has: --continue fails cleanly, a plain run is not affected", async () => {
    const first = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout)
    server.deleteAgent(String(first.agent_id))
    for (const format of ["json", "stream-json"]) {
      const continued = await letta(["-p", "two", "--continue", "--output-format", format])
      expect(continued.code).toBe(1)
      expect(continued.stdout).toBe("")
      expect(continued.stderr).toContain(`${String(first.agent_id)}`)
      expect(continued.stderr).not.toMatch(/\n\s+at /)
    }
    const creates = agentCreates().length
    const fresh = await letta(["-p", "three", "--output-format", "json"])
    expect(fresh.code).toBe(0)
    expect(fresh.stderr).toBe("")
    const parsed = JSON.parse(fresh.stdout)
    expect(parsed.agent_id).not.toBe(first.agent_id)
    expect(agentCreates()).toHaveLength(creates + 1)
    expect(sandbox.settings("local")?.["lastAgent"]).toBe(parsed.agent_id)

    // A hand-edited id that is not even an agent id (the server answers 422): --continue names it.
    const local = sandbox.settings("local") ?? {}
    const byServer = Object.fromEntries(Object.keys((local["lastAgentByServer"] as Record<string, string>) ?? {}).map((key) => [key, "agent-garbage"]))
    writeFileSync(join(sandbox.project, ".letta", "settings.local.json"), JSON.stringify({ ...local, lastAgent: "agent-garbage", lastAgentByServer: byServer }))
    const garbage = await letta(["-p", "four", "--continue", "--output-format", "json"])
    expect(garbage.code).toBe(1)
    expect(garbage.stderr).toContain("agent-garbage")
    expect(agentCreates()).toHaveLength(creates + 1)
  })

  it("--continue with no previous agent is an error", async () => {
    const result = await letta(["-p", "hi", "--continue"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("no previous agent")
    expect(agentCreates()).toHaveLength(0)
  })

  it("an unknown --agent id exits 1 with a clear message and creates nothing", async () => {
    for (const id of ["agent-00000000-0000-4000-8000-000000000000", "agent-doesnotexist"]) {
      const result = await letta(["-p", "hi", "--agent", id, "--output-format", "json"])
      expect(result.code).toBe(1)
      expect(result.stdout).toBe("")
      expect(result.stderr).toContain(`Agent ${id} was not found`)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    expect(agentCreates()).toHaveLength(0)
  })

  it("a deleted block is re-created and its id replaced", async () => {
    await letta(["-p", "one", "--output-format", "json"])
    const projectBlock = (sandbox.settings("project")?.["localSharedBlockIds"] as { project: string }).project
    server.deleteBlock(projectBlock)
    const result = await letta(["-p", "two", "--output-format", "json"])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`memory block "project" (${projectBlock}) is gone from the server`)
    const replaced = (sandbox.settings("project")?.["localSharedBlockIds"] as { project: string }).project
    expect(replaced).not.toBe(projectBlock)
    expect(server.block(replaced)?.label).toBe("project")
  })

  it("persona/human are shared across projects, the project block is per project", async () => {
    const a = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout)
    const other = join(sandbox.root, "other")
    const { mkdirSync } = await import("node:fs")
    mkdirSync(other)
    const b = JSON.parse((await letta(["-p", "two", "--output-format", "json"], { cwd: other })).stdout)
    const [pa, ha, proja] = server.agent(String(a.agent_id))!.blockIds
    const [pb, hb, projb] = server.agent(String(b.agent_id))!.blockIds
    expect([pb, hb]).toEqual([pa, ha])
    expect(projb).not.toBe(proja)
  })

  it("--model validates against the server's models before creating anything", async () => {
    const bad = await letta(["-p", "hi", "--model", "nope/model"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Unknown model "nope/model"')
    expect(agentCreates()).toHaveLength(0)
    const good = await letta(["-p", "hi", "--model", "openai/gpt-5", "--output-format", "stream-json"])
    expect(good.code).toBe(0)
    expect(parseLines(good.stdout)[0]?.["model"]).toBe("openai/gpt-5")
  })
})

describe("two servers", () => {
  it("agents and shared block ids are kept per server: switching LETTA_BASE_URL never replaces, orphans or warns about the other's", async () => {
    const other = await FakeLettaServer.start()
    try {
      const onA = (args: ReadonlyArray<string>) => letta(args)
      const onB = (args: ReadonlyArray<string>) => letta(args, { serverUrl: other.url })
      const json = async (run: Promise<{ code: number | null; stdout: string; stderr: string }>) => {
        const result = await run
        expect(result.code, result.stderr).toBe(0)
        return { stderr: result.stderr, agentId: String(JSON.parse(result.stdout).agent_id) }
      }
      const blockIdsOf = (fake: FakeLettaServer, agentId: string) => {
        const [persona, human, project] = fake.agent(agentId)?.blockIds ?? []
        return { persona, human, project }
      }

      const a1 = await json(onA(["-p", "one", "--output-format", "json"]))
      const blocksA = blockIdsOf(server, a1.agentId)
      const b1 = await json(onB(["-p", "two", "--output-format", "json"]))
      // Server B has none of A's ids: it gets its own blocks, and no "gone from the server" warning.
      expect(b1.stderr).toBe("")
      const blocksB = blockIdsOf(other, b1.agentId)
      expect(other.blocks()).toHaveLength(3)
      expect(server.blocks()).toHaveLength(3)
      expect(other.requests.some((r) => [blocksA.persona, blocksA.human, blocksA.project].some((id) => r.path.includes(String(id))))).toBe(false)

      const user = sandbox.settings("user") ?? {}
      expect(user["globalSharedBlockIdsByServer"]).toEqual({
        [server.url]: { persona: blocksA.persona, human: blocksA.human },
        [other.url]: { persona: blocksB.persona, human: blocksB.human }
      })
      expect(user["globalSharedBlockIds"]).toEqual({ persona: blocksB.persona, human: blocksB.human })
      expect(sandbox.settings("project")?.["localSharedBlockIdsByServer"]).toEqual({
        [server.url]: { project: blocksA.project },
        [other.url]: { project: blocksB.project }
      })

      // Back on A: a new agent with A's own blocks; nothing re-created, nothing said.
      const a2 = await json(onA(["-p", "three", "--output-format", "json"]))
      expect(a2.stderr).toBe("")
      expect(a2.agentId).not.toBe(a1.agentId)
      expect(blockIdsOf(server, a2.agentId)).toEqual(blocksA)
      expect(server.blocks()).toHaveLength(3)

      // --continue resumes each server's own last agent.
      expect((await json(onA(["-p", "four", "--continue", "--output-format", "json"]))).agentId).toBe(a2.agentId)
      expect((await json(onB(["-p", "five", "--continue", "--output-format", "json"]))).agentId).toBe(b1.agentId)

      // `letta memory show` shows each server's blocks.
      const showA = await onA(["memory", "show"])
      expect(showA.stdout).toContain(`── persona (${String(blocksA.persona)})`)
      expect(showA.stdout).not.toContain(String(blocksB.persona))
      const showB = await onB(["memory", "show"])
      expect(showB.stdout).toContain(`── project (${String(blocksB.project)})`)
      expect(showB.stdout).not.toContain(String(blocksA.project))

      // A block deleted on B is re-created on B: the warning names B's block only; A's ids stay.
      other.deleteBlock(String(blocksB.project))
      const b2 = await json(onB(["-p", "six", "--output-format", "json"]))
      expect(b2.stderr).toContain(`memory block "project" (${String(blocksB.project)}) is gone from the server`)
      expect(b2.stderr).not.toContain(String(blocksA.project))
      const projectIds = sandbox.settings("project")?.["localSharedBlockIdsByServer"] as Record<string, { project: string }>
      expect(projectIds[server.url]).toEqual({ project: blocksA.project })
      expect(projectIds[other.url]?.project).not.toBe(blocksB.project)
      expect(blockIdsOf(other, b2.agentId).project).toBe(projectIds[other.url]?.project)
    } finally {
      await other.close()
    }
  })
})

describe("tools", () => {
  it("sends every tool's client_tools spec exactly as the source defines it (the build bakes them in)", async () => {
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(0)
    const body = messagePosts()[0]?.body as { client_tools?: unknown } | undefined
    expect(body?.client_tools).toEqual(JSON.parse(JSON.stringify(allToolSpecs())))
  })

  it("a Bash round trip with --yolo runs the command and sends its output back", async () => {
    server.enqueue([
      { text: "Running it.", toolCalls: [{ name: "Bash", arguments: { command: "echo made > marker.txt && echo out-$((6*7))" } }] },
      (previous) => ({ text: `Tool said: ${String(previous.approvals[0]?.["tool_return"]).trim()}` })
    ])
    const result = await letta(["-p", "go", "--yolo", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    expect(readFileSync(join(sandbox.project, "marker.txt"), "utf8")).toBe("made\n")
    const lines = parseLines(result.stdout)
    expect(lines.find((l) => l["type"] === "auto_approval")).toMatchObject({ tool_name: "Bash", matched_rule: "bypassPermissions mode" })
    expect(lines.find((l) => l["type"] === "tool_result")).toMatchObject({ tool_name: "Bash", status: "success", output: "out-42\n" })
    expect(lines.at(-1)?.["result"]).toBe("Tool said: out-42")
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()
  })

  it("a Read round trip inside the project is allowed by default", async () => {
    writeFileSync(join(sandbox.project, "notes.txt"), "alpha\nbeta\n")
    server.enqueue([
      { toolCalls: [{ name: "Read", arguments: { file_path: "notes.txt" } }] },
      (previous) => ({ text: String(previous.approvals[0]?.["tool_return"]) })
    ])
    const result = await letta(["-p", "read it"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("alpha")
    expect(result.stdout).toContain("beta")
  })

  it("a call that needs approval is denied in headless mode, with a reason the agent sees", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "touch should-not-exist" } }] },
      (previous) => ({ text: `denied because: ${String(previous.approvals[0]?.["reason"])}` })
    ])
    const result = await letta(["-p", "try", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    expect(existsSync(join(sandbox.project, "should-not-exist"))).toBe(false)
    const lines = parseLines(result.stdout)
    expect(lines.find((l) => l["type"] === "tool_result")).toMatchObject({ status: "denied" })
    expect(String(lines.at(-1)?.["result"])).toContain("--allowedTools")
  })

  it("--disallowedTools wins over --yolo", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "touch nope" } }] },
      (previous) => ({ text: String(previous.approvals[0]?.["reason"]) })
    ])
    const result = await letta(["-p", "try", "--yolo", "--disallowedTools", "Bash"])
    expect(result.code).toBe(0)
    expect(existsSync(join(sandbox.project, "nope"))).toBe(false)
    expect(result.stdout).toContain("Bash")
  })
})

describe("interrupts (Ctrl-C / SIGTERM)", () => {
  /** Runs letta, sending `signal` once the message request is in flight. */
  const interrupted = (args: ReadonlyArray<string>, signal: NodeJS.Signals = "SIGINT") => {
    server.enqueue([{ delayMs: 10_000, text: "too late" }])
    let sent = false
    // This run's own message, not one an earlier test of the file sent.
    const before = messagePosts().length
    return letta(args, {
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (!sent && messagePosts().length > before) {
            sent = true
            clearInterval(poll)
            setTimeout(() => child.kill(signal), 200)
          }
        }, 20)
        child.on("close", () => clearInterval(poll))
      }
    })
  }

  it("stream-json ends with an error and a result line (error_during_execution, interrupted) before exit 130", async () => {
    const result = await interrupted(["-p", "hi", "--output-format", "stream-json"])
    expect(result.code).toBe(130)
    const lines = parseLines(result.stdout)
    expect(lines[0]).toMatchObject({ type: "system", subtype: "init" })
    expect(lines.at(-2)).toMatchObject({ type: "error", message: "interrupted" })
    expect(lines.at(-1)).toMatchObject({ type: "result", subtype: "error_during_execution", is_error: true, result: "interrupted", agent_id: lines[0]?.["agent_id"] })
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()
    expect(result.stderr).toContain("letta: interrupted")
  })

  it("json prints its result object too (SIGTERM); text prints nothing on stdout", async () => {
    const json = await interrupted(["-p", "hi", "--output-format", "json"], "SIGTERM")
    expect(json.code).toBe(130)
    const parsed = JSON.parse(json.stdout)
    expect(parsed).toMatchObject({ type: "result", subtype: "error_during_execution", is_error: true, result: "interrupted" })
    expect(server.agent(String(parsed.agent_id))).toBeDefined()
    expect((await schemaValidator()).result(parsed)).toBeUndefined()
    const text = await interrupted(["-p", "hi"])
    expect(text.code).toBe(130)
    expect(text.stdout).toBe("")
  })
})

describe("--max-turns", () => {
  it("the calls the agent waits on are answered before exit, however often it asks: the next --continue finds it idle", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "echo 1" } }] },
      { toolCalls: [{ name: "Bash", arguments: { command: "echo 2" } }] },
      { toolCalls: [{ name: "Bash", arguments: { command: "echo 3" } }] },
      { text: "I stop here." }
    ])
    const result = await letta(["-p", "go", "--max-turns", "1", "--yolo", "--output-format", "json"])
    expect(result.code).toBe(1)
    const parsed = JSON.parse(result.stdout)
    expect(parsed).toMatchObject({ subtype: "error_max_turns", is_error: true })
    const agentId = String(parsed.agent_id)
    expect(server.agent(agentId)?.pending).toBeNull()
    // Every call was answered by letta with the limit, none by a cancel or a later recovery.
    const returns = (server.agent(agentId)?.messages ?? []).filter((m) => m["message_type"] === "tool_return_message")
    expect(returns).toHaveLength(3)
    for (const message of returns) expect(String(message["tool_return"])).toContain("--max-turns limit (1) was reached")
    expect(existsSync(join(sandbox.project, "1"))).toBe(false)

    const next = await letta(["-p", "again", "--continue"])
    expect(next.code).toBe(0)
    const body = messagePosts().at(-1)?.body as { messages: Array<Record<string, unknown>> }
    expect(body.messages.map((m) => m["type"])).toEqual(["message"])
  })
})

describe("quiet failures made loud (defect 12)", () => {
  it("denied tool calls: json lists them in permission_denials; text names them on stderr", async () => {
    const deniedTurn = () =>
      server.enqueue([
        { toolCalls: [{ id: "call_bash", name: "Bash", arguments: { command: "touch should-not-exist" } }, { id: "call_read", name: "Read", arguments: { file_path: "notes.txt" } }] },
        { text: "I could not run it." }
      ])
    writeFileSync(join(sandbox.project, "notes.txt"), "x\n")
    deniedTurn()
    const json = await letta(["-p", "try", "--output-format", "json"])
    expect(json.code).toBe(0)
    const parsed = JSON.parse(json.stdout)
    expect(parsed.permission_denials).toEqual([{ tool_name: "Bash", tool_call_id: "call_bash", tool_input: { command: "touch should-not-exist" } }])
    expect((await schemaValidator()).result(parsed)).toBeUndefined()
    expect(json.stderr).toBe("")

    deniedTurn()
    const streamed = parseLines((await letta(["-p", "try", "--output-format", "stream-json"])).stdout)
    expect(streamed.at(-1)?.["permission_denials"]).toEqual(parsed.permission_denials)

    deniedTurn()
    const text = await letta(["-p", "try", "--disallowedTools", "Read(notes.txt)"])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe("I could not run it.\n")
    expect(text.stderr).toBe(
      "letta: 2 tool calls were denied:\n" +
        "  Bash(touch should-not-exist): Tool requires approval; re-run with --allowedTools or a permission mode\n" +
        "  Read(notes.txt): Permission denied by rule Read(notes.txt) (--disallowedTools)\n"
    )
  })

  it("a turn that ends with reasoning and tool calls but no final text succeeds", async () => {
    writeFileSync(join(sandbox.project, "notes.txt"), "x\n")
    const quietTurn = () =>
      server.enqueue([{ reasoning: "Let me read it.", toolCalls: [{ name: "Read", arguments: { file_path: "notes.txt" } }] }, { reasoning: "Done, nothing to say." }])
    quietTurn()
    const json = await letta(["-p", "read it", "--output-format", "json"])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ subtype: "success", is_error: false, result: "" })
    quietTurn()
    const text = await letta(["-p", "read it"])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe("")
    expect(text.stderr).toBe("letta: the agent ended its turn without a final message.\n")
  })

  it("first-run retries while the memory blocks are set up are announced on stderr", async () => {
    server.injectFault({ kind: "http", status: 503, route: "blocks", times: 1 })
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Hello from fake Letta\n")
    expect(result.stderr).toMatch(/^letta: the server failed \(HTTP 503\) while trying to create a memory block; retrying in \d\.\d s \(attempt 2 of 3\)\n$/)
    expect(server.blocks()).toHaveLength(3)
  })

  it("a server that is not a Letta server (HTTP 501): one clear hint, no retries", async () => {
    // What `python3 -m http.server` answers: 501 to a POST, 404 to a GET.
    const requests: Array<string> = []
    const web = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`)
      res.writeHead(req.method === "GET" ? 404 : 501, { "content-type": "text/html" })
      res.end(`<html><body><h1>Error response</h1><p>Error code: ${req.method === "GET" ? 404 : 501}</p></body></html>`)
    })
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve))
    try {
      const address = web.address()
      const url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`
      const result = await letta(["-p", "hi"], { serverUrl: url })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`The server at ${url} answered HTTP 501 (Not Implemented) while trying to create a memory block`)
      expect(result.stderr).toContain("It does not look like a Letta server. Check LETTA_BASE_URL")
      expect(result.stderr).not.toContain("retrying")
      // persona and human, created together under the user file's lock; the project block is not tried after.
      expect(requests.filter((r) => r.startsWith("POST"))).toHaveLength(2)
      // A trusted --continue goes straight to the message: the same hint, no retries.
      const { mkdirSync } = await import("node:fs")
      mkdirSync(join(sandbox.project, ".letta"), { recursive: true })
      const agentId = "agent-00000000-0000-4000-8000-000000000000"
      writeFileSync(join(sandbox.project, ".letta", "settings.local.json"), JSON.stringify({ lastAgent: agentId, lastAgentByServer: { [url]: agentId } }))
      const before = requests.length
      const continued = await letta(["-p", "hi", "--continue"], { serverUrl: url })
      expect(continued.code).toBe(1)
      expect(continued.stderr).toContain("answered HTTP 501 (Not Implemented) while trying to send the message")
      expect(requests.slice(before)).toEqual([`POST /v1/agents/${agentId}/messages`])
    } finally {
      web.closeAllConnections()
      await new Promise<void>((resolve) => web.close(() => resolve()))
    }
  })
})

describe("flags for scripts written for Claude Code (feature 7)", () => {
  it("--append-system-prompt goes after the user's message as a system reminder", async () => {
    const result = await letta(["-p", "hi", "--append-system-prompt", "Answer in French."])
    expect(result.code).toBe(0)
    const body = messagePosts()[0]?.body as { messages: Array<{ content: Array<{ type: string; text: string }> }> }
    expect(body.messages[0]?.content).toEqual([
      { type: "text", text: "hi" },
      { type: "text", text: "<system-reminder>Answer in French.</system-reminder>" }
    ])
    // The agent's own system prompt is not changed.
    expect(server.agents()[0]?.system).not.toContain("Answer in French.")
  })

  it("--add-dir: reads in another directory are allowed like inside the project; an unknown directory is a usage error", async () => {
    const shared = join(sandbox.root, "shared")
    const { mkdirSync } = await import("node:fs")
    mkdirSync(shared)
    writeFileSync(join(shared, "notes.txt"), "shared notes\n")
    const readShared = () =>
      server.enqueue([
        { toolCalls: [{ name: "Read", arguments: { file_path: join(shared, "notes.txt") } }] },
        (previous) => ({ text: String(previous.approvals[0]?.["tool_return"] ?? previous.approvals[0]?.["reason"]) })
      ])
    readShared()
    const without = await letta(["-p", "read it", "--output-format", "json"])
    expect(JSON.parse(without.stdout).permission_denials).toHaveLength(1)
    readShared()
    const result = await letta(["-p", "read it", "--add-dir", "../shared", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines.find((l) => l["type"] === "auto_approval")).toMatchObject({ tool_name: "Read", matched_rule: "default: reading inside the project" })
    expect(String(lines.at(-1)?.["result"])).toContain("shared notes")
    const missing = await letta(["-p", "hi", "--add-dir", "../nope"])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("--add-dir ../nope: no such directory.")
  })

  it("--settings <file>: its rules and model apply to this run; it is validated and never written", async () => {
    const file = join(sandbox.root, "ci-settings.json")
    const text = JSON.stringify({ model: "openai/gpt-5", permissions: { allow: ["Bash(echo:*)"] } }, null, 2)
    writeFileSync(file, text)
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "echo from-settings" } }] },
      (previous) => ({ text: String(previous.approvals[0]?.["tool_return"]).trim() })
    ])
    const result = await letta(["-p", "go", "--settings", file, "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines[0]).toMatchObject({ type: "system", model: "openai/gpt-5" })
    expect(lines.find((l) => l["type"] === "auto_approval")).toMatchObject({ tool_name: "Bash", matched_rule: "Bash(echo:*) (--settings)" })
    expect(lines.at(-1)?.["result"]).toBe("from-settings")
    expect(readFileSync(file, "utf8")).toBe(text)
    expect(sandbox.settings("user")?.["lastAgent"]).toBe(lines[0]?.["agent_id"])
    expect(sandbox.settings("user")?.["model"]).toBeUndefined()

    const requestsBefore = server.requests.length
    writeFileSync(file, '{ "permissions": { "allow": "Bash" } }')
    const invalid = await letta(["-p", "go", "--settings", file])
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain(`Invalid settings file ${file}`)
    writeFileSync(file, '{ "permissions": { "deny": ["Foo(x"] } }')
    const badRule = await letta(["-p", "go", "--settings", file])
    expect(badRule.code).toBe(2)
    expect(badRule.stderr).toContain(`in --settings (${file})`)
    const missing = await letta(["-p", "go", "--settings", join(sandbox.root, "none.json")])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("none.json: no such file (given with --settings)")
    expect(server.requests.length).toBe(requestsBefore)
  })

  it("--verbose: the agent, each tool call and the totals on stderr; stdout unchanged", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "echo hi" } }] },
      { text: "done" }
    ])
    const result = await letta(["-p", "go", "--verbose", "--dangerously-skip-permissions"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("done\n")
    expect(result.stderr).toMatch(/^letta: agent agent-[0-9a-f-]+ \(anthropic\/claude-sonnet-4-5-20250929\) on the Letta server; permission mode bypassPermissions; tools: Bash,/m)
    expect(result.stderr).toContain("letta: Bash (")
    expect(result.stderr).toContain(") allowed by bypassPermissions mode\n")
    expect(result.stderr).toContain("letta: running Bash(echo hi)\n")
    expect(result.stderr).toMatch(/letta: Bash\(echo hi\): success in \d+ ms, 3 characters\n/)
    expect(result.stderr).toContain("letta: step ended: requires_approval\n")
    expect(result.stderr).toMatch(/letta: 2 steps, \d+ tokens in, \d+ out; /)
    expect(result.stderr).toContain("letta[debug]: send the message")
    const quiet = await letta(["-p", "hi"])
    expect(quiet.stderr).toBe("")
  })
})

