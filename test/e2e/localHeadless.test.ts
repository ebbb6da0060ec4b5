/**
 * Headless runs on the local backend (the built binary, a scripted model provider): what
 * test/e2e/headless.test.ts checks against a Letta server, where the backends could differ.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { Sandbox } from "../support/e2e.js"
import {
  jsonResult,
  toolCallsOf,
  toolResultsOf,
  userTextsOf,
  useLocalSandbox
} from "../support/localE2e.js"

let sandbox: Sandbox
const start = useLocalSandbox((each) => {
  sandbox = each
})

describe("--max-turns on the local backend", () => {
  it("the calls the agent waits on are answered before exit, however often it asks: the next --continue finds it idle", async () => {
    const { provider, letta, calls } = await start("ollama")
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_1", name: "LS", arguments: {} }] },
      { toolCalls: [{ id: "call_2", name: "LS", arguments: {} }] },
      { toolCalls: [{ id: "call_3", name: "LS", arguments: {} }] },
      { text: "I stop here." }
    )
    const result = await letta(["-p", "look around", "--model", provider.model, "--max-turns", "1", "--output-format", "json"])
    expect(result.code).toBe(1)
    expect(jsonResult(result.stdout)).toMatchObject({ subtype: "error_max_turns", is_error: true })

    provider.fake.enqueue({ text: "Carrying on." })
    const next = await letta(["-p", "go on", "--continue", "--output-format", "json"])
    expect(next.stderr).toBe("")
    expect(jsonResult(next.stdout)["result"]).toBe("Carrying on.")
    const last = calls().at(-1)!
    expect(toolCallsOf(provider.kind, last).map((call) => call.id)).toEqual(["call_1", "call_2", "call_3"])
    const results = toolResultsOf(provider.kind, last)
    expect(results.map((r) => r.id)).toEqual(["call_1", "call_2", "call_3"])
    for (const r of results) expect(r.output).toContain("--max-turns limit (1) was reached")
  })
})

describe("headless output and flags on the local backend", () => {
  it("denied calls are listed in permission_denials; a turn without a final message succeeds", async () => {
    const { provider, letta } = await start("anthropic")
    provider.fake.enqueue({ reasoning: "Let me try.", toolCalls: [{ id: "toolu_1", name: "Bash", arguments: { command: "rm -rf build" } }] }, { reasoning: "It was denied; nothing to add." })
    const result = await letta(["-p", "clean up", "--model", provider.model, "--output-format", "json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(jsonResult(result.stdout)).toMatchObject({
      subtype: "success",
      result: "",
      permission_denials: [{ tool_name: "Bash", tool_call_id: "toolu_1", tool_input: { command: "rm -rf build" } }]
    })
  })

  it("--append-system-prompt reaches the model with the user's message, not in the system prompt", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue({ text: "Bonjour." })
    const result = await letta(["-p", "hi", "--model", provider.model, "--append-system-prompt", "Answer in French."])
    expect(result.code).toBe(0)
    const call = calls().at(-1)!
    expect(userTextsOf(provider.kind, call).join("\n")).toContain("<system-reminder>Answer in French.</system-reminder>")
    expect(JSON.stringify(call.body).match(/Answer in French/g)).toHaveLength(1)
  })

  it("--settings <file>: a custom provider declared only there can be used for this run", async () => {
    const { provider, letta } = await start("groq")
    // startProvider declared groq in the user's settings: move it to a file given with --settings.
    const userFile = join(sandbox.home, ".letta", "settings.json")
    const extra = join(sandbox.root, "providers.json")
    writeFileSync(extra, readFileSync(userFile, "utf8"))
    rmSync(userFile)
    provider.fake.enqueue({ text: "via groq" })
    const without = await letta(["-p", "hi", "--model", provider.model])
    expect(without.code).toBe(2)
    provider.fake.enqueue({ text: "via groq" })
    const result = await letta(["-p", "hi", "--model", provider.model, "--settings", extra])
    expect(result.stderr).toBe("")
    expect(result.stdout).toBe("via groq\n")
    expect(JSON.parse(readFileSync(userFile, "utf8"))["providers"]).toBeUndefined()
  })
})

