/**
 * Two letta processes on the same agent: the second does not answer (deny) a tool call the
 * first is still handling. It says it waits, and goes on once the first has answered; a call
 * left by a process that is gone (kill -9) is still recovered at once.
 */
import { type ChildProcess } from "node:child_process"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"

const API_KEY = "sk-let-lease-0123456789"

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

/** Every approval the server received, as text. */
const approvalsSent = () =>
  server
    .messagePosts()
    .map((r) => JSON.stringify(r.body))
    .filter((body) => body.includes("\"approval\""))

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition")
    await new Promise((r) => setTimeout(r, 20))
  }
}

const warmUp = async () => {
  const first = await letta(["-p", "warm up"])
  expect(first.code, first.stderr).toBe(0)
  const agent = server.agents()[0]
  if (agent === undefined) throw new Error("no agent")
  return agent.id
}

/** A's turn: a Bash call that takes a while, then a final message. */
const slowToolTurn = () =>
  server.enqueue([{ toolCalls: [{ id: "call-a", name: "Bash", arguments: { command: "sleep 2; echo done-by-A" } }] }, { text: "A finished" }])

const pendingOn = (agentId: string) => () =>
  server.requests.some((r) => r.method === "POST" && r.path.includes(agentId) && JSON.stringify(r.body).includes("run it")) &&
  server.messagePosts().length >= 2

describe("a second process on the same agent", () => {
  for (const format of ["text", "stream-json"] as const) {
    it(`(${format}) waits for the first one's live tool call instead of denying it`, async () => {
      const agentId = await warmUp()
      slowToolTurn()
      server.enqueue([{ text: "B reply" }])
      let a: ChildProcess | undefined
      const first = letta(["-p", "run it", "--continue", "--allowedTools", "Bash"], { onSpawn: (child) => (a = child) })
      await until(pendingOn(agentId))
      // A is running its Bash call now (the server waits for its approval).
      await new Promise((r) => setTimeout(r, 300))
      const second = await letta(["-p", "hello from B", "--continue", "--output-format", format], { timeoutMs: 30_000 })
      const firstResult = await first
      expect(a).toBeDefined()
      expect(firstResult.code, firstResult.stderr).toBe(0)
      expect(firstResult.stdout).toContain("A finished")
      expect(second.code, second.stderr).toBe(0)
      expect(second.stdout).toContain("B reply")
      expect(second.stderr).toMatch(/another letta process \(pid \d+\) is handling; not answering them here, waiting/)
      expect(second.stderr).toContain("the other process has answered them; going on.")
      const approvals = approvalsSent()
      expect(approvals.some((body) => body.includes("done-by-A"))).toBe(true)
      expect(approvals.filter((body) => body.includes("session was interrupted"))).toEqual([])
    }, 60_000)
  }

  it("a call left by a process that was killed is still recovered at once", async () => {
    const agentId = await warmUp()
    server.enqueue([{ toolCalls: [{ id: "call-k", name: "Bash", arguments: { command: "sleep 5" } }] }, { text: "never" }])
    server.enqueue([{ text: "B reply" }])
    let a: ChildProcess | undefined
    const first = letta(["-p", "run it", "--continue", "--allowedTools", "Bash"], { onSpawn: (child) => (a = child) })
    await until(pendingOn(agentId))
    await new Promise((r) => setTimeout(r, 300))
    a?.kill("SIGKILL")
    await first
    const second = await letta(["-p", "hello from B", "--continue"], { timeoutMs: 30_000 })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain("B reply")
    expect(second.stderr).not.toContain("waiting for that process")
    expect(second.durationMs).toBeLessThan(10_000)
    expect(approvalsSent().some((body) => body.includes("session was interrupted"))).toBe(true)
  }, 60_000)
})
