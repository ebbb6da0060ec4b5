/**
 * The local backend end to end (LOCAL-BACKEND.md §6): the built binary with no LETTA_* variables,
 * agents in SQLite under the sandbox's HOME, models from the scripted fake providers. Asserts on
 * what a user sees (stdout, stderr, exit codes) and on what the provider received.
 */
import Database from "better-sqlite3"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ALL_TOOL_NAMES } from "../../src/domain/tools.js"
import { parseLines, type Sandbox, schemaValidator } from "../support/e2e.js"
import {
  AGENT_ID,
  agentIdsIn,
  assistantTextsOf,
  bodyText,
  jsonResult,
  type ProviderName,
  systemOf,
  toolCallsOf,
  toolNamesOf,
  toolResultsOf,
  userTextsOf,
  useLocalSandbox
} from "../support/localE2e.js"

let sandbox: Sandbox
const start = useLocalSandbox((each) => {
  sandbox = each
})

const otherProject = (name: string): string => {
  const dir = join(sandbox.root, name)
  mkdirSync(dir, { recursive: true })
  return dir
}

const HUMAN_DEFAULT_PIECE = "Nothing recorded yet."

describe("a headless turn through each provider kind", () => {
  it.each<ProviderName>(["ollama", "lmstudio", "openai", "anthropic", "groq"])("%s: text, json and stream-json", async (name) => {
    const { provider, letta, calls } = await start(name)
    provider.fake.enqueue(
      { text: `Hello from ${name} (text)` },
      { text: `Hello from ${name} (json)`, usage: { input: 1234, output: 56 } },
      { reasoning: "Thinking it over.", text: `Hello from ${name} (stream)`, chunkSize: 4 }
    )

    const text = await letta(["-p", "hi there", "--model", provider.model])
    expect(text.stderr).toBe("")
    expect(text.code).toBe(0)
    expect(text.stdout).toBe(`Hello from ${name} (text)\n`)

    const json = await letta(["-p", "hi again", "--model", provider.model, "--output-format", "json"])
    expect(json.stderr).toBe("")
    expect(json.code).toBe(0)
    const result = jsonResult(json.stdout)
    expect(result).toMatchObject({ type: "result", subtype: "success", is_error: false, result: `Hello from ${name} (json)`, num_turns: 1 })
    expect(result["agent_id"]).toMatch(AGENT_ID)
    expect(result["session_id"]).toBe(result["agent_id"])
    // The provider's own usage figures.
    expect(result["usage"]).toMatchObject({ input_tokens: 1234, output_tokens: 56, total_tokens: 1290, step_count: 1 })
    const validate = await schemaValidator()
    expect(validate.result(result)).toBeUndefined()

    const stream = await letta(["-p", "stream please", "--model", provider.model, "--output-format", "stream-json"])
    expect(stream.stderr).toBe("")
    expect(stream.code).toBe(0)
    const lines = parseLines(stream.stdout)
    expect(lines[0]).toMatchObject({ type: "system", subtype: "init", backend: "local", model: provider.handle, cwd: sandbox.project, permission_mode: "default" })
    expect(lines[0]?.["tools"]).toEqual([...ALL_TOOL_NAMES])
    expect(lines[0]?.["agent_id"]).toMatch(AGENT_ID)
    const assistant = lines.filter((l) => l["type"] === "message" && l["message_type"] === "assistant_message")
    expect(assistant.length).toBeGreaterThan(1) // token deltas, not one merged message
    expect(assistant.map((l) => l["content"]).join("")).toBe(`Hello from ${name} (stream)`)
    // Ids as on Letta.
    expect(assistant[0]?.["id"]).toMatch(/^message-[0-9a-f-]{36}$/)
    expect(assistant[0]?.["run_id"]).toMatch(/^run-[0-9a-f-]{36}$/)
    const reasoning = lines.filter((l) => l["type"] === "message" && l["message_type"] === "reasoning_message")
    expect(reasoning.map((l) => l["reasoning"]).join("")).toBe("Thinking it over.")
    expect(lines.some((l) => l["message_type"] === "stop_reason" && l["stop_reason"] === "end_turn")).toBe(true)
    expect(lines.at(-1)).toMatchObject({ type: "result", subtype: "success", result: `Hello from ${name} (stream)`, agent_id: lines[0]?.["agent_id"] })
    for (const line of lines) expect(validate.line(line)).toBeUndefined()

    // What the provider received: three streamed calls for the model, with its key, our system
    // prompt with the memory blocks, every client tool and our own memory tools.
    const received = calls()
    expect(received).toHaveLength(3)
    for (const call of received) {
      const body = call.body as Record<string, unknown>
      expect(body["model"]).toBe(provider.wireModel)
      expect(body["stream"]).toBe(true)
      const system = systemOf(provider.kind, call)
      expect(system).toContain("<memory_blocks>")
      expect(system).toContain("<human>")
      expect(system).toContain("<persona>")
      expect(system).toContain("<project>")
      const tools = toolNamesOf(provider.kind, call)
      expect(tools).toEqual(expect.arrayContaining([...ALL_TOOL_NAMES, "memory", "memory_replace", "memory_insert", "conversation_search"]))
    }
    expect(received.map((call) => userTextsOf(provider.kind, call).at(-1))).toEqual(["hi there", "hi again", "stream please"])
    const auth = received[0]!.headers
    if (name === "anthropic") expect(auth["x-api-key"]).toBe(provider.env["ANTHROPIC_API_KEY"])
    if (name === "openai") expect(auth["authorization"]).toBe(`Bearer ${provider.env["OPENAI_API_KEY"]}`)
    if (name === "groq") expect(auth["authorization"]).toBe(`Bearer ${provider.env["GROQ_API_KEY"]}`)
    // Three plain runs: three new agents, all listed.
    const list = await letta(["agents", "list"])
    expect(list.code).toBe(0)
    const listed = agentIdsIn(list.stdout)
    expect(listed).toHaveLength(3)
    expect(new Set(listed).size).toBe(3)
    expect(listed).toEqual(expect.arrayContaining([result["agent_id"], lines[0]?.["agent_id"]]))
    // Newest first.
    expect(listed[0]).toBe(lines[0]?.["agent_id"])
    expect(list.stdout).toContain(provider.handle)
  })
})

describe("client tools", () => {
  it.each<ProviderName>(["ollama", "openai", "anthropic"])("%s: the model reads a file; the result goes back as a tool message and the answer is printed", async (name) => {
    const { provider, letta, calls } = await start(name)
    writeFileSync(join(sandbox.project, "notes.txt"), "the secret word is pelican\n")
    provider.fake.enqueue(
      { text: "Let me look.", toolCalls: [{ id: "call_read_1", name: "Read", arguments: { file_path: "notes.txt" } }] },
      (request) => ({ text: toolResultsOf(provider.kind, request).some((r) => r.output.includes("pelican")) ? "The word is pelican." : "I saw no file." })
    )
    const result = await letta(["-p", "what is the secret word?", "--model", provider.model, "--output-format", "stream-json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    const lines = parseLines(result.stdout)
    expect(lines).toContainEqual(expect.objectContaining({ type: "tool_result", tool_call_id: "call_read_1", tool_name: "Read", status: "success" }))
    expect(String(lines.find((l) => l["type"] === "tool_result")?.["output"])).toContain("pelican")
    expect(lines.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "The word is pelican.", num_turns: 2 })

    const [first, second] = calls()
    expect(calls()).toHaveLength(2)
    expect(toolResultsOf(provider.kind, first!)).toEqual([])
    // The second request replays the call and carries its result, in the API's own shape.
    expect(toolCallsOf(provider.kind, second!)).toEqual([{ id: "call_read_1", name: "Read" }])
    const results = toolResultsOf(provider.kind, second!)
    expect(results).toHaveLength(1)
    expect(results[0]!.id).toBe("call_read_1")
    expect(results[0]!.output).toContain("1\tthe secret word is pelican")
    expect(userTextsOf(provider.kind, second!)).toEqual(["what is the secret word?"])
    expect(assistantTextsOf(provider.kind, second!)).toEqual(["Let me look."])
  })
})

describe("memory", () => {
  it("a memory edit is in the next run's context, in another project's, and has a history that can be reverted", async () => {
    const { provider, letta, calls } = await start("ollama")
    const kind = provider.kind
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_mem_1", name: "memory_replace", arguments: { label: "human", old_string: HUMAN_DEFAULT_PIECE, new_string: "The user is Ada; she prefers tabs." } }] },
      { text: "Noted: you prefer tabs." }
    )
    const first = await letta(["-p", "I am Ada and I prefer tabs", "--model", provider.model, "--output-format", "stream-json"])
    expect(first.stderr).toBe("")
    expect(first.code).toBe(0)
    const lines = parseLines(first.stdout)
    const firstAgent = lines[0]?.["agent_id"]
    // Our own tool ran in-process, without approval, and its result went back to the model.
    expect(lines.some((l) => l["message_type"] === "tool_call_message")).toBe(true)
    expect(lines.some((l) => l["type"] === "tool_result")).toBe(false)
    expect(lines.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "Noted: you prefer tabs." })
    const memoryResult = toolResultsOf(kind, calls()[1]!)
    expect(memoryResult).toHaveLength(1)
    expect(memoryResult[0]!.id).toBe("call_mem_1")
    expect(memoryResult[0]!.output).not.toMatch(/error/i)
    // The edit is visible at once, in the same run's next step.
    expect(systemOf(kind, calls()[1]!)).toContain("The user is Ada; she prefers tabs.")
    expect(systemOf(kind, calls()[0]!)).not.toContain("Ada")

    // The next run (a new agent in this project) sees it in its system prompt.
    provider.fake.enqueue({ text: "Hi Ada." })
    const second = await letta(["-p", "hello", "--model", provider.model])
    expect(second.code).toBe(0)
    expect(systemOf(kind, calls()[2]!)).toContain("The user is Ada; she prefers tabs.")

    // Another project on this machine shares the human block: the new text is there too, and
    // that agent edits it with the omni `memory` tool.
    const projectB = otherProject("project-b")
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_mem_2", name: "memory", arguments: { command: "str_replace", path: "/memories/human", old_string: "prefers tabs", new_string: "prefers spaces" } }] },
      { text: "Spaces it is." }
    )
    const third = await letta(["-p", "actually I prefer spaces", "--model", provider.model, "--output-format", "json"], { cwd: projectB })
    expect(third.stderr).toBe("")
    expect(third.code).toBe(0)
    expect(jsonResult(third.stdout)["agent_id"]).not.toBe(firstAgent)
    expect(systemOf(kind, calls()[3]!)).toContain("The user is Ada; she prefers tabs.")
    expect(systemOf(kind, calls()[4]!)).toContain("The user is Ada; she prefers spaces.")
    // …but not this project's block: project B has its own.
    expect(systemOf(kind, calls()[3]!)).toContain("<project>")

    const show = await letta(["memory", "show", "human"])
    expect(show.code).toBe(0)
    expect(show.stdout).toContain("The user is Ada; she prefers spaces.")

    // History: newest first, each change numbered, with who made it and with which tool.
    const history = await letta(["memory", "history", "human"])
    expect(history.stderr).toBe("")
    expect(history.code).toBe(0)
    const rows = history.stdout.trim().split("\n")
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatch(/^\s*3\s/)
    expect(rows[0]).toContain("memory")
    expect(rows[0]).toContain(String(jsonResult(third.stdout)["agent_id"]))
    expect(rows[0]).toMatch(/replaced "tab" with "space"/)
    expect(rows[1]).toMatch(/^\s*2\s/)
    expect(rows[1]).toContain("memory_replace")
    expect(rows[1]).toContain(String(firstAgent))
    expect(rows[2]).toMatch(/^\s*1\s/)
    expect(rows[2]).toContain("created")

    // Revert change 3: the block has its value from before it (tabs) again; the revert is itself recorded.
    const revert = await letta(["memory", "revert", "human", "3"])
    expect(revert.code).toBe(0)
    expect(revert.stderr).toContain("Reverted change 3")
    const after = await letta(["memory", "show", "human"])
    expect(after.stdout).toContain("The user is Ada; she prefers tabs.")
    expect(after.stdout).not.toContain("spaces")
    const historyAfter = await letta(["memory", "history", "human"])
    expect(historyAfter.stdout.trim().split("\n")[0]).toMatch(/^\s*4\s.*revert/)

    // Revert change 2: back to the default text.
    expect((await letta(["memory", "revert", "human", "2"])).code).toBe(0)
    expect((await letta(["memory", "show", "human"])).stdout).toContain(HUMAN_DEFAULT_PIECE)
    // Change 1 created the block: there is nothing earlier to go back to.
    const nothing = await letta(["memory", "revert", "human", "1"])
    expect(nothing.code).toBe(1)
    expect(nothing.stderr).toMatch(/no earlier value/)

    // The next run's context has the reverted value.
    provider.fake.enqueue({ text: "ok" })
    expect((await letta(["-p", "who am I?", "--model", provider.model, "--continue"])).code).toBe(0)
    expect(systemOf(kind, calls().at(-1)!)).toContain(HUMAN_DEFAULT_PIECE)
    expect(systemOf(kind, calls().at(-1)!)).not.toContain("Ada")
  })

  it("a failed memory edit goes back to the model as an error and the turn goes on", async () => {
    const { provider, letta, calls } = await start("anthropic")
    provider.fake.enqueue(
      { toolCalls: [{ id: "toolu_bad", name: "memory_replace", arguments: { label: "human", old_string: "text that is not there", new_string: "x" } }] },
      { text: "That edit failed; moving on." }
    )
    const result = await letta(["-p", "remember something", "--model", provider.model])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("That edit failed; moving on.\n")
    const [error] = toolResultsOf(provider.kind, calls()[1]!)
    expect(error?.output).toMatch(/not|no match|does not/i)
    const show = await letta(["memory", "show", "human"])
    expect(show.stdout).toContain(HUMAN_DEFAULT_PIECE)
  })
})

describe("history", () => {
  it("--continue sees history; a plain run starts a new agent with the same shared blocks", async () => {
    const { provider, letta, calls } = await start("openai")
    const kind = provider.kind
    provider.fake.enqueue({ text: "Got it: the build uses bazel-9." }, { text: "You told me the build uses bazel-9." }, { text: "I have no history with you." })
    const first = await letta(["-p", "remember: the build uses bazel-9", "--model", provider.model, "--output-format", "json"])
    expect(first.code).toBe(0)
    const agent = jsonResult(first.stdout)["agent_id"]
    const blockIds = sandbox.settings("user")?.["globalSharedBlockIdsByServer"]

    const second = await letta(["-p", "what does the build use?", "--continue", "--output-format", "json"])
    expect(second.stderr).toBe("")
    expect(second.code).toBe(0)
    expect(jsonResult(second.stdout)).toMatchObject({ agent_id: agent, result: "You told me the build uses bazel-9." })
    expect(userTextsOf(kind, calls()[1]!)).toEqual(["remember: the build uses bazel-9", "what does the build use?"])
    expect(assistantTextsOf(kind, calls()[1]!)).toEqual(["Got it: the build uses bazel-9."])

    const third = await letta(["-p", "what does the build use?", "--output-format", "json"])
    expect(third.code).toBe(0)
    const other = jsonResult(third.stdout)["agent_id"]
    expect(other).toMatch(AGENT_ID)
    expect(other).not.toBe(agent)
    expect(userTextsOf(kind, calls()[2]!)).toEqual(["what does the build use?"])
    expect(bodyText(calls()[2]!).includes("bazel-9")).toBe(false)
    // The same blocks: their ids were not replaced, and the new agent sees the same memory.
    expect(sandbox.settings("user")?.["globalSharedBlockIdsByServer"]).toEqual(blockIds)
    const memory = (system: string) => system.slice(system.indexOf("<memory_blocks>"), system.indexOf("</memory_blocks>"))
    expect(memory(systemOf(kind, calls()[2]!))).toBe(memory(systemOf(kind, calls()[0]!)))
    const db = new Database(join(sandbox.home, ".letta", "local", "letta.db"), { readonly: true })
    const blocksOf = (id: unknown) => (db.prepare("SELECT block_id FROM agent_blocks WHERE agent_id = ? ORDER BY position").all(id) as Array<{ block_id: string }>).map((row) => row.block_id)
    expect(blocksOf(other)).toHaveLength(3)
    expect(blocksOf(other)).toEqual(blocksOf(agent))
    db.close()
    // The new agent is now this project's last one.
    provider.fake.enqueue({ text: "continued" })
    const fourth = await letta(["-p", "go on", "--continue", "--output-format", "json"])
    expect(jsonResult(fourth.stdout)["agent_id"]).toBe(other)
  })

  it("conversation_search finds earlier words; any query text is valid", async () => {
    const { provider, letta, calls } = await start("ollama")
    const kind = provider.kind
    provider.fake.enqueue({ text: "I will remember zebra-quartz-42." })
    expect((await letta(["-p", "the deploy code is zebra-quartz-42", "--model", provider.model])).code).toBe(0)
    // A few unrelated turns in between.
    provider.fake.enqueue({ text: "Fine." }, { text: "Sure." })
    expect((await letta(["-p", "the weather is nice", "--continue"])).code).toBe(0)
    expect((await letta(["-p", "let us write tests", "--continue"])).code).toBe(0)

    const queries = ["zebra-quartz-42", '"don\'t" AND (NEAR OR *', "zebra* NOT -quartz ^ : {col}", "'); DROP TABLE messages; --"]
    provider.fake.enqueue(
      { toolCalls: queries.map((query, index) => ({ id: `call_search_${index}`, name: "conversation_search", arguments: { query } })) },
      { text: "The deploy code is zebra-quartz-42." }
    )
    const result = await letta(["-p", "what was the deploy code?", "--continue", "--output-format", "json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(jsonResult(result.stdout)["result"]).toBe("The deploy code is zebra-quartz-42.")
    const results = toolResultsOf(kind, calls().at(-1)!)
    expect(results.map((r) => r.id)).toEqual(queries.map((_, index) => `call_search_${index}`))
    expect(results[0]!.output).toContain("the deploy code is zebra-quartz-42")
    expect(results[0]!.output).toMatch(/user/)
    expect(results[0]!.output).toMatch(/\d{4}-\d{2}-\d{2}/)
    for (const r of results) expect(r.output).not.toMatch(/syntax error|fts5|SqlError|SQLITE/i)
    // roles and limit narrow the search.
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_roles", name: "conversation_search", arguments: { query: "zebra-quartz-42", roles: ["assistant"], limit: 1 } }] },
      { text: "found it" }
    )
    expect((await letta(["-p", "only what you said", "--continue"])).code).toBe(0)
    const byRole = toolResultsOf(kind, calls().at(-1)!).find((r) => r.id === "call_roles")?.output ?? ""
    expect(byRole).toContain("zebra-quartz-42")
    expect(byRole).not.toContain("the deploy code is zebra-quartz-42")
    // The database survived the last query.
    provider.fake.enqueue({ toolCalls: [{ id: "call_again", name: "conversation_search", arguments: { query: "weather" } }] }, { text: "done" })
    expect((await letta(["-p", "search again", "--continue"])).code).toBe(0)
    expect(toolResultsOf(kind, calls().at(-1)!).find((r) => r.id === "call_again")?.output).toContain("the weather is nice")
  })
})
