/** The built binary against the scripted fake server, in fresh temp HOME and project dirs. */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ALL_TOOL_NAMES } from "../../src/domain/tools.js"
import { allToolSpecs } from "../../src/layers/ToolsLive.js"
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

const messagePosts = () => server.requests.filter((r) => r.method === "POST" && /\/messages\/?$/.test(r.path))
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
      ["agent_id", "duration_api_ms", "duration_ms", "is_error", "num_turns", "result", "session_id", "subtype", "type", "usage"].sort()
    )
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
