/**
 * What the tools start, and signals: the built binary against the fake server. Processes a
 * command leaves behind end with the session; a second signal escalates and the server still
 * gets its answers; SIGHUP and SIGQUIT end a session like SIGTERM; a call whose result was sent
 * is never answered again.
 */
import { existsSync, readFileSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"
import { isAlive } from "../support/processes.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

let server: FakeLettaServer
let sandbox: Sandbox
/** Process groups the tests' commands started, killed at the end should a test fail. */
const started: Array<number> = []

beforeEach(async () => {
  server = await FakeLettaServer.start()
  sandbox = makeSandbox()
})
afterEach(async () => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, "SIGKILL")
    } catch {
      // Gone, as it should be.
    }
  }
  await server.close()
  sandbox.cleanup()
})

const letta = (args: ReadonlyArray<string>, options: Partial<Parameters<typeof runLetta>[1]> = {}) =>
  runLetta(args, { sandbox, serverUrl: server.url, timeoutMs: 30_000, ...options })

const messagePosts = () => server.messagePosts()

/** Every answer the server got for `toolCallId`, over all message requests. */
const answersFor = (toolCallId: string) =>
  messagePosts().flatMap((request) => {
    const messages = (request.body as { messages?: Array<{ type?: string; approvals?: Array<Record<string, unknown>> }> }).messages ?? []
    return messages.flatMap((m) => (m.type === "approval" ? (m.approvals ?? []) : [])).filter((a) => a["tool_call_id"] === toolCallId)
  })

/** A pid the command wrote to `name` in the project directory (remembered for the clean-up). */
const pidFrom = (name: string): number => {
  const pid = Number(readFileSync(join(sandbox.project, name), "utf8").trim())
  expect(pid).toBeGreaterThan(1)
  started.push(pid)
  return pid
}


/** Waits (a few seconds at most) for `pid` to be gone; false if it is still there. */
const gone = async (pid: number): Promise<boolean> => {
  for (let i = 0; i < 60; i++) {
    if (!isAlive(pid)) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

const waitFor = (condition: () => boolean, then: () => void) => {
  const poll = setInterval(() => {
    if (condition()) {
      clearInterval(poll)
      then()
    }
  }, 20)
  return () => clearInterval(poll)
}

describe("processes a command leaves behind", () => {
  it("`sleep 60 &` with no redirect does not hold the call, and is gone after letta exits", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "sleep 60 & echo $! > bg.pid; echo started" } }] },
      (previous) => ({ text: `Tool said: ${String(previous.approvals[0]?.["tool_return"]).trim()}` })
    ])
    const result = await letta(["-p", "go", "--yolo"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("Tool said: started")
    expect(result.durationMs).toBeLessThan(20_000)
    expect(await gone(pidFrom("bg.pid"))).toBe(true)
  })

  it("nohup and setsid children (even orphaned in a session of their own) are gone after exit", async () => {
    const command = [
      "nohup sleep 60 > /dev/null 2>&1 & echo $! > nohup.pid",
      "setsid sleep 60 > /dev/null 2>&1 < /dev/null & echo $! > setsid.pid",
      // A new session whose leader exits at once: its child is orphaned outside every group of ours.
      "setsid bash -c 'sleep 60 > /dev/null 2>&1 & echo $! > deep.pid' < /dev/null > /dev/null 2>&1",
      "echo ok"
    ].join("; ")
    server.enqueue([{ toolCalls: [{ name: "Bash", arguments: { command } }] }, { text: "done" }])
    const result = await letta(["-p", "go", "--yolo"])
    expect(result.code).toBe(0)
    for (const file of ["nohup.pid", "setsid.pid", "deep.pid"]) expect(await gone(pidFrom(file)), file).toBe(true)
  })

  it("a run_in_background job is stopped at exit, unless the user asked to keep it: that one is named on stderr", async () => {
    server.enqueue([
      {
        toolCalls: [
          { name: "Bash", arguments: { command: "echo $$ > stopped.pid; exec sleep 60", run_in_background: true } },
          { name: "Bash", arguments: { command: "echo $$ > kept.pid; echo serving; exec sleep 60", run_in_background: true, keep_running: true } }
        ]
      },
      { toolCalls: [{ name: "Bash", arguments: { command: "sleep 0.5" } }] },
      { toolCalls: [{ name: "BashOutput", arguments: { bash_id: "bash_2" } }] },
      (previous) => ({ text: `Output: ${String(previous.approvals[0]?.["tool_return"])}` })
    ])
    const result = await letta(["-p", "go", "--yolo"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("serving")
    expect(await gone(pidFrom("stopped.pid"))).toBe(true)
    const kept = pidFrom("kept.pid")
    expect(isAlive(kept)).toBe(true)
    expect(result.stderr).toMatch(new RegExp(`left running as asked: bash_2 \\(pid ${kept}\\)`))
    expect(result.stderr).not.toContain("bash_1")
    const log = /output: (\S+);/.exec(result.stderr)?.[1]
    expect(log).toBeDefined()
    expect(readFileSync(log ?? "", "utf8")).toContain("serving")
    rmSync(dirname(log ?? ""), { recursive: true, force: true })
  })
})

describe("signals", () => {
  it("a second SIGINT during shutdown SIGKILLs the command (it ignores SIGTERM) and the server still gets its answer", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "trap '' TERM; echo $$ > cmd.pid; sleep 60; sleep 60" }, id: "call_stubborn" }] },
      { text: "never" }
    ])
    let stop = () => {}
    const result = await letta(["-p", "go", "--yolo"], {
      onSpawn: (child) => {
        stop = waitFor(
          () => existsSync(join(sandbox.project, "cmd.pid")),
          () => {
            child.kill("SIGINT")
            setTimeout(() => child.kill("SIGINT"), 300)
          }
        )
      }
    })
    stop()
    expect(result.code).toBe(130)
    expect(await gone(pidFrom("cmd.pid"))).toBe(true)
    expect(answersFor("call_stubborn")).toHaveLength(1)
    expect(answersFor("call_stubborn")[0]).toMatchObject({ approve: false, reason: "interrupted by the user" })
  })

  for (const signal of ["SIGHUP", "SIGQUIT"] as const) {
    it(`${signal} ends the session like SIGTERM: command killed, call answered, exit 130`, async () => {
      server.enqueue([
        { toolCalls: [{ name: "Bash", arguments: { command: "echo $$ > cmd.pid; sleep 60" }, id: `call_${signal}` }] },
        { text: "never" }
      ])
      let stop = () => {}
      const result = await letta(["-p", "go", "--yolo"], {
        onSpawn: (child) => {
          stop = waitFor(
            () => existsSync(join(sandbox.project, "cmd.pid")),
            () => child.kill(signal)
          )
        }
      })
      stop()
      expect(result.signal).toBeNull()
      expect(result.code).toBe(130)
      expect(result.stderr).toContain("letta: interrupted")
      expect(await gone(pidFrom("cmd.pid"))).toBe(true)
      expect(answersFor(`call_${signal}`)).toHaveLength(1)
    })
  }

  it("SIGINT while the approval is being sent: the call is answered once, and the run is cancelled", async () => {
    server.enqueue([
      { toolCalls: [{ name: "Bash", arguments: { command: "sleep 1; echo real result" }, id: "call_once" }] },
      { text: "thanks" }
    ])
    let stop = () => {}
    let injected = false
    const result = await letta(["-p", "go", "--yolo"], {
      onSpawn: (child) => {
        stop = waitFor(
          () => {
            // Once the first request is in, the next one (the approval) gets no answer for a while.
            if (!injected && messagePosts().length >= 1) {
              injected = true
              server.injectFault({ kind: "slow_first_byte", ms: 5_000 })
            }
            return answersFor("call_once").length > 0
          },
          () => setTimeout(() => child.kill("SIGINT"), 200)
        )
      }
    })
    stop()
    expect(result.code).toBe(130)
    const answers = answersFor("call_once")
    expect(answers).toHaveLength(1)
    expect(answers[0]).toMatchObject({ type: "tool", tool_return: expect.stringContaining("real result") })
    expect(server.cancels.length).toBeGreaterThanOrEqual(1)
  })
})

describeNeeding("tmux", hasTmux())("the terminal is closed (tmux)", () => {
  it("the interactive session ends like on SIGTERM: the running command is killed and the call answered", async () => {
    const terminal = await Terminal.start({ sandbox, serverUrl: server.url, args: ["--allowedTools", "Bash"], width: 100, height: 30 })
    let pid = 0
    try {
      await terminal.waitFor("Type a message", 20_000)
      server.enqueue([
        { toolCalls: [{ name: "Bash", arguments: { command: "echo $$ > cmd.pid; sleep 60" }, id: "call_hangup" }] },
        { text: "never" }
      ])
      await terminal.type("go")
      await terminal.keys("Enter")
      const deadline = Date.now() + 15_000
      while (!existsSync(join(sandbox.project, "cmd.pid")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 40))
      pid = pidFrom("cmd.pid")
    } finally {
      // Closing the terminal: letta gets SIGHUP and can no longer write to it.
      await terminal.stop()
    }
    expect(await gone(pid)).toBe(true)
    for (let i = 0; i < 100 && answersFor("call_hangup").length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(answersFor("call_hangup")).toHaveLength(1)
  })
})
