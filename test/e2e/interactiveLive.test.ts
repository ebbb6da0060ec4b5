/**
 * Live output of running tools, end to end (issue 12, feature 4): while Bash runs, its last lines
 * show under its call; Ctrl+O expands the whole output of the results; an interrupted command
 * keeps what it printed, on screen and in the answer sent back to the agent.
 */
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

const open = async () => {
  sandbox = makeSandbox()
  terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--allowedTools", "Bash"], width: 100, height: 40 })
  await terminal.waitFor("Type a message", 20_000)
  return terminal
}

const send = async (t: Terminal, text: string) => {
  await t.type(text)
  await t.keys("Enter")
}

/** The approval entries the client sent, in order. */
const approvalsSent = (): Array<Record<string, unknown>> =>
  server.requests.flatMap((request) => {
    const body = request.body
    if (typeof body !== "object" || body === null || !("messages" in body) || !Array.isArray(body.messages)) return []
    return body.messages.flatMap((message: unknown) =>
      typeof message === "object" && message !== null && "approvals" in message && Array.isArray(message.approvals) ? message.approvals : []
    )
  })

describeNeeding("tmux", hasTmux())("live tool output (tmux)", () => {
  it("shows a running command's last lines as they arrive; Ctrl+O expands the full output and collapses it again", async () => {
    const t = await open()
    const command = "for i in 1 2 3 4 5 6; do echo line$i; sleep 0.3; done"
    server.enqueue([{ text: "Counting.", toolCalls: [{ name: "Bash", arguments: { command } }] }, { text: "Counted to six." }])
    await send(t, "count")
    // While it runs: some lines are shown under the call, not yet the last one.
    const running = await t.waitFor((screen) => /^\s*line2\s*$/m.test(screen) && screen.includes("Running Bash"), 15_000)
    expect(running).toContain("Bash(for i in 1 2 3 4 5 6")
    expect(running).not.toContain("line6")
    const done = await t.waitFor("Counted to six.")
    expect(done).toContain("… +3 lines (ctrl+o to expand)")
    expect(done).not.toContain("line5")
    await t.keys("C-o")
    const expanded = await t.waitFor((screen) => screen.includes("line6") && screen.includes("Counted to six."))
    expect(expanded).toMatch(/line4\n\s*line5\n\s*line6/)
    expect(expanded).not.toContain("ctrl+o to expand")
    await t.keys("C-o")
    const collapsed = await t.waitFor((screen) => screen.includes("ctrl+o to expand") && screen.includes("Counted to six."))
    expect(collapsed).not.toContain("line6")
  })

  it("Esc during a long command keeps its partial output, on screen and in the result sent to the agent", async () => {
    const t = await open()
    const command = "echo first-part; echo second-part; sleep 30; echo never-printed"
    server.enqueue([{ text: "Starting.", toolCalls: [{ name: "Bash", arguments: { command } }] }])
    await send(t, "go")
    // The line itself (the call's summary names it too).
    await t.waitFor((screen) => /^\s*second-part\s*$/m.test(screen) && screen.includes("Running Bash"), 15_000)
    await t.keys("Escape")
    const screen = await t.waitFor("Interrupted · tell the agent")
    expect(screen).toMatch(/first-part\n\s*second-part\n\s*Interrupted/)
    // The agent got the output as the call's (error) result, with the note.
    const deadline = Date.now() + 5_000
    let answer: Record<string, unknown> | undefined
    while (answer === undefined && Date.now() < deadline) {
      answer = approvalsSent().find((a) => a["type"] === "tool" && String(a["tool_return"]).includes("second-part"))
      if (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(answer).toMatchObject({ type: "tool", status: "error" })
    expect(String(answer?.["tool_return"])).toMatch(/^first-part\nsecond-part\n\[interrupted by the user: the command was killed/)
    expect(String(answer?.["tool_return"])).not.toContain("never-printed")
  })
})
