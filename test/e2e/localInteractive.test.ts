/**
 * Interactive mode on the local backend: the same terminal UI, with the agent in the local
 * database and a scripted model provider instead of a Letta server.
 */
import { afterEach, expect, it } from "vitest"
import { makeSandbox, type Sandbox } from "../support/e2e.js"
import { closedPort, FakeProvider, isolatedEnv } from "../support/localE2e.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

let sandbox: Sandbox | undefined
let terminal: Terminal | undefined
let provider: FakeProvider | undefined

afterEach(async () => {
  await terminal?.stop()
  await provider?.close()
  sandbox?.cleanup()
  terminal = undefined
  provider = undefined
  sandbox = undefined
})

const open = async (args: ReadonlyArray<string>) => {
  const closed = await closedPort()
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...isolatedEnv(closed), OLLAMA_HOST: provider!.origin })) if (value !== undefined) env[key] = value
  terminal = await Terminal.start({ sandbox: sandbox!, args, env })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

describeNeeding("tmux", hasTmux())("interactive mode on the local backend (tmux)", () => {
  it("talks to the local agent, which edits its memory; a resumed session shows the history", async () => {
    sandbox = makeSandbox()
    provider = await FakeProvider.start("openai-chat", { models: ["qwen3"] })
    provider.enqueue(
      { toolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: "Likes short answers." } }] },
      { text: "Noted: **short answers**." }
    )
    const t = await open(["--model", "ollama/qwen3"])
    const welcome = await t.screen()
    expect(welcome).toContain("the local backend")
    expect(welcome).toContain("Model: ollama/qwen3:latest")
    await t.type("keep it short please")
    await t.keys("Enter")
    await t.waitFor("Noted: short answers.")
    await t.type("/exit")
    await t.keys("Enter")
    await t.waitFor("[exit 0]")
    await t.stop()

    provider.enqueue((request) => ({ text: JSON.stringify(request.body).includes("Likes short answers.") ? "I remember." : "I forgot." }))
    const resumed = await open(["--continue"])
    await resumed.waitFor("keep it short please")
    await resumed.type("do you remember?")
    await resumed.keys("Enter")
    expect(await resumed.waitFor(/I remember\.|I forgot\./)).toContain("I remember.")
  })
})
