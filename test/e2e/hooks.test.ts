/**
 * Hooks (Claude Code's format) and project trust through the BUILT binary: every exit code and
 * JSON path of a hook, against the permission rules, and adversarial hooks (one that hangs, one
 * that floods stdout, a project's hooks in an untrusted project).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"
import { isAlive } from "../support/processes.js"
import { toolResultsOf, userTextsOf, useLocalSandbox } from "../support/localE2e.js"

let server: FakeLettaServer
let sandbox: Sandbox

beforeAll(async () => {
  server = await FakeLettaServer.start()
})
afterAll(async () => {
  await server.close()
})

/** A node script the hooks run: it gets the event JSON on stdin. */
const script = (box: Sandbox, name: string, body: string): string => {
  const path = join(box.root, `${name}.cjs`)
  writeFileSync(
    path,
    `const fs = require("fs"); const input = JSON.parse(fs.readFileSync(0, "utf8"));\n` +
      `fs.appendFileSync(${JSON.stringify(join(box.root, "hooklog"))}, JSON.stringify(input) + "\\n");\n${body}\n`
  )
  return `node ${path}`
}

const writeSettings = (box: Sandbox, which: "user" | "project", settings: Record<string, unknown>) => {
  const dir = which === "user" ? join(box.home, ".letta") : join(box.project, ".letta")
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "settings.json"), JSON.stringify(settings, null, 2))
}

const hookLog = (box: Sandbox): Array<Record<string, unknown>> => {
  const path = join(box.root, "hooklog")
  return existsSync(path) ? parseLines(readFileSync(path, "utf8")) : []
}

const hooks = (event: string, command: string, matcher?: string, timeout?: number) => ({
  [event]: [{ ...(matcher === undefined ? {} : { matcher }), hooks: [{ type: "command", command, ...(timeout === undefined ? {} : { timeout }) }] }]
})

/** Everything the client sent the server since `from`, as text. */
const sentSince = (from: number) => JSON.stringify(server.requests.slice(from).map((r) => r.body))

const run = (args: ReadonlyArray<string>, timeoutMs?: number) =>
  runLetta(["-p", "go", "--output-format", "stream-json", ...args], { sandbox, serverUrl: server.url, ...(timeoutMs === undefined ? {} : { timeoutMs }) })

const toolResults = (stdout: string) => parseLines(stdout).filter((line) => line["type"] === "tool_result")

describe("hooks against a Letta server", () => {
  beforeEach(() => {
    sandbox = makeSandbox()
  })
  afterEach(() => sandbox.cleanup())

  it("PreToolUse: exit 2 denies with stderr as the reason; JSON deny/ask/allow meet the rules; other codes only warn", async () => {
    const decide = script(
      sandbox,
      "pre",
      `const c = input.tool_input.command || "";
       if (c.includes("exit2")) { process.stderr.write("EXIT2-REASON"); process.exit(2) }
       if (c.includes("jsondeny")) { console.log(JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "JSON-DENY-REASON" } })); process.exit(0) }
       if (c.includes("jsonask")) { console.log(JSON.stringify({ hookSpecificOutput: { permissionDecision: "ask" } })); process.exit(0) }
       if (c.includes("exit1")) { process.stderr.write("HOOK-BROKE"); process.exit(1) }
       console.log(JSON.stringify({ hookSpecificOutput: { permissionDecision: "allow" } }))`
    )
    const m = (name: string) => join(sandbox.root, name)
    writeSettings(sandbox, "user", { hooks: hooks("PreToolUse", decide, "Bash|Read"), permissions: { ask: [`Bash(touch ${m("askrule")})`] } })
    const calls = [
      ["c1", `touch ${m("exit2")}`],
      ["c2", `touch ${m("jsondeny")}`],
      ["c3", `echo jsonask > ${m("jsonask")}`],
      ["c4", `touch ${m("allowed")}`],
      ["c5", `touch ${m("denyrule")}`],
      ["c6", `touch ${m("askrule")}`],
      ["c7", `touch ${m("exit1")}`]
    ] as const
    server.enqueue([{ toolCalls: calls.map(([id, command]) => ({ id, name: "Bash", arguments: { command } })) }, { text: "done" }])
    const from = server.requests.length
    const result = await run(["--allowedTools", `Bash(echo jsonask:*)`, "--disallowedTools", `Bash(touch ${m("denyrule")})`])
    expect(result.code).toBe(0)
    const byId = Object.fromEntries(toolResults(result.stdout).map((line) => [line["tool_call_id"], line]))
    // exit 2: denied, stderr is what the agent reads.
    expect(byId["c1"]).toMatchObject({ status: "denied" })
    expect(sentSince(from)).toContain("EXIT2-REASON")
    expect(existsSync(m("exit2"))).toBe(false)
    // JSON deny.
    expect(byId["c2"]).toMatchObject({ status: "denied" })
    expect(sentSince(from)).toContain("JSON-DENY-REASON")
    // JSON ask overrides an allow rule: the dialog, which headless denies.
    expect(byId["c3"]).toMatchObject({ status: "denied" })
    expect(existsSync(m("jsonask"))).toBe(false)
    // JSON allow skips the default question...
    expect(byId["c4"]).toMatchObject({ status: "success" })
    expect(existsSync(m("allowed"))).toBe(true)
    // ...but never a deny rule or an ask rule.
    expect(byId["c5"]).toMatchObject({ status: "denied" })
    expect(existsSync(m("denyrule"))).toBe(false)
    expect(byId["c6"]).toMatchObject({ status: "denied" })
    expect(existsSync(m("askrule"))).toBe(false)
    // exit 1: a non-blocking error; the call is decided as without the hook (asked: denied headless).
    expect(byId["c7"]).toMatchObject({ status: "denied" })
    const hookLines = parseLines(result.stdout).filter((line) => line["type"] === "hook")
    expect(hookLines).toHaveLength(7)
    // Every line, `hook` lines included, fits the published schema.
    const validate = await schemaValidator()
    for (const line of parseLines(result.stdout)) expect(validate.line(line)).toBeUndefined()
    expect(hookLines.find((line) => line["outcome"] === "error")).toMatchObject({ hook_event_name: "PreToolUse", exit_code: 1, message: expect.stringContaining("HOOK-BROKE") })
    // The event JSON on stdin.
    const first = hookLog(sandbox).find((entry) => JSON.stringify(entry).includes("exit2"))
    expect(first).toMatchObject({ hook_event_name: "PreToolUse", tool_name: "Bash", cwd: sandbox.project, tool_input: { command: `touch ${m("exit2")}` } })
    expect(typeof first?.["session_id"]).toBe("string")
  })

  it("UserPromptSubmit and SessionStart add context; a blocking UserPromptSubmit keeps the prompt from being sent", async () => {
    writeSettings(sandbox, "user", {
      hooks: {
        ...hooks("SessionStart", script(sandbox, "start", `console.log("SESSION-CTX-" + input.source)`)),
        ...hooks("UserPromptSubmit", script(sandbox, "submit", `if (input.prompt.includes("secret")) { process.stderr.write("NO-SECRETS-HERE"); process.exit(2) } console.log("PROMPT-CTX-" + process.env.CLAUDE_PROJECT_DIR)`))
      }
    })
    server.enqueue([{ text: "ok" }])
    let from = server.requests.length
    const ok = await runLetta(["-p", "hello there"], { sandbox, serverUrl: server.url })
    expect(ok.code).toBe(0)
    expect(sentSince(from)).toContain("SESSION-CTX-startup")
    expect(sentSince(from)).toContain(`PROMPT-CTX-${sandbox.project}`)

    from = server.requests.length
    const blocked = await runLetta(["-p", "my secret is 42"], { sandbox, serverUrl: server.url })
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toContain("NO-SECRETS-HERE")
    expect(blocked.stderr).toContain("UserPromptSubmit hook")
    expect(sentSince(from)).not.toContain("my secret is 42")
  })

  it("Stop: exit 2 sends the agent back with stderr, a bounded number of times; PostToolUse feedback reaches the agent", async () => {
    writeSettings(sandbox, "user", {
      hooks: {
        ...hooks("Stop", script(sandbox, "stop", `process.stderr.write("KEEP-GOING"); process.exit(2)`)),
        ...hooks("PostToolUse", script(sandbox, "post", `process.stderr.write("LINT-FAILED:" + input.tool_response.output.trim()); process.exit(2)`), "LS")
      }
    })
    server.enqueue([{ toolCalls: [{ id: "ls1", name: "LS", arguments: {} }] }, { text: "first" }], [{ text: "second" }], [{ text: "third" }], [{ text: "fourth" }])
    const from = server.requests.length
    const result = await runLetta(["-p", "go", "--output-format", "json"], { sandbox, serverUrl: server.url })
    expect(result.code).toBe(0)
    // A fourth continue would have met the fake's default reply instead.
    expect(JSON.parse(result.stdout)).toMatchObject({ result: "fourth" })
    const sent = sentSince(from)
    expect(sent.split("A Stop hook asks you to continue: KEEP-GOING").length - 1).toBe(3)
    expect(sent).toContain("PostToolUse hook: LINT-FAILED:")
    const stops = hookLog(sandbox).filter((entry) => entry["hook_event_name"] === "Stop")
    expect(stops.map((entry) => entry["stop_hook_active"])).toEqual([false, true, true, true])
    expect(hookLog(sandbox).find((entry) => entry["hook_event_name"] === "PostToolUse")).toMatchObject({ tool_name: "LS", tool_response: { status: "success" } })
  })

  it("a hook that hangs is killed with its whole group at its timeout; one that floods stdout is capped", async () => {
    const pidFile = join(sandbox.root, "child.pid")
    writeSettings(sandbox, "user", {
      hooks: {
        ...hooks("PreToolUse", `sleep 1000 & echo $! > ${pidFile}; sleep 1000`, "LS", 1),
        ...hooks("UserPromptSubmit", `head -c 30000000 /dev/zero | tr '\\0' 'a'`)
      }
    })
    server.enqueue([{ toolCalls: [{ id: "ls1", name: "LS", arguments: {} }] }, { text: "done" }])
    const from = server.requests.length
    const result = await run([], 30_000)
    expect(result.code).toBe(0)
    const hookLines = parseLines(result.stdout).filter((line) => line["type"] === "hook")
    expect(hookLines.find((line) => line["hook_event_name"] === "PreToolUse")).toMatchObject({ outcome: "timeout", exit_code: null })
    // The timed-out hook did not block: LS ran.
    expect(toolResults(result.stdout)[0]).toMatchObject({ status: "success" })
    const pid = Number(readFileSync(pidFile, "utf8").trim())
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(isAlive(pid)).toBe(false)
    // 30 MB of stdout became at most the cap in the prompt's context.
    const sent = sentSince(from)
    expect(sent).toContain("more bytes not kept")
    expect(sent.length).toBeLessThan(1_000_000)
  })

  it("a project's hooks run only in a trusted project: skipped headless (said on stderr), run with --trust-project or a stored trust", async () => {
    const marker = join(sandbox.root, "project-hook-ran")
    writeSettings(sandbox, "project", { hooks: hooks("UserPromptSubmit", `touch ${marker}`) })
    server.enqueue([{ text: "one" }], [{ text: "two" }], [{ text: "three" }])
    const skipped = await runLetta(["-p", "hi"], { sandbox, serverUrl: server.url })
    expect(skipped.code).toBe(0)
    expect(existsSync(marker)).toBe(false)
    expect(skipped.stderr).toContain("skipped project code")
    expect(skipped.stderr).toContain(`hook UserPromptSubmit: touch ${marker} (.letta/settings.json)`)

    const trusted = await runLetta(["-p", "hi", "--trust-project"], { sandbox, serverUrl: server.url })
    expect(trusted.code).toBe(0)
    expect(trusted.stderr).toBe("")
    expect(existsSync(marker)).toBe(true)

    rmMarker(marker)
    writeSettings(sandbox, "user", { trustedProjects: { [sandbox.project]: true } })
    const stored = await runLetta(["-p", "hi"], { sandbox, serverUrl: server.url })
    expect(stored.stderr).toBe("")
    expect(existsSync(marker)).toBe(true)
  })

  it("JSON paths: decision block and continue:false stop a prompt; Stop's decision block continues; SessionEnd runs at exit", async () => {
    const endLog = join(sandbox.root, "session-end")
    writeSettings(sandbox, "user", {
      hooks: {
        ...hooks(
          "UserPromptSubmit",
          script(
            sandbox,
            "submit",
            `if (input.prompt.includes("blockme")) console.log(JSON.stringify({ decision: "block", reason: "JSON-BLOCK-REASON" }))
             else if (input.prompt.includes("stopme")) console.log(JSON.stringify({ continue: false, stopReason: "JSON-STOP-REASON" }))
             else console.log(JSON.stringify({ hookSpecificOutput: { hookEventName: "UserPromptSubmit", additionalContext: "JSON-CTX" } }))`
          )
        ),
        ...hooks("Stop", script(sandbox, "stop", `if (!input.stop_hook_active) console.log(JSON.stringify({ decision: "block", reason: "ONE-MORE" }))`)),
        ...hooks("SessionEnd", `cat > ${endLog}`)
      }
    })
    const from = server.requests.length
    const blocked = await runLetta(["-p", "blockme"], { sandbox, serverUrl: server.url })
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toContain("JSON-BLOCK-REASON")
    const stopped = await runLetta(["-p", "stopme"], { sandbox, serverUrl: server.url })
    expect(stopped.code).toBe(1)
    expect(stopped.stderr).toContain("JSON-STOP-REASON")
    expect(sentSince(from)).not.toContain("blockme")
    expect(sentSince(from)).not.toContain("stopme")

    server.enqueue([{ text: "first" }], [{ text: "second" }])
    const ok = await runLetta(["-p", "fine", "--output-format", "json"], { sandbox, serverUrl: server.url })
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ result: "second" })
    expect(sentSince(from)).toContain("JSON-CTX")
    expect(sentSince(from)).toContain("A Stop hook asks you to continue: ONE-MORE")
    expect(JSON.parse(readFileSync(endLog, "utf8"))).toMatchObject({ hook_event_name: "SessionEnd", cwd: sandbox.project })
  })

  it("the hooks of one event run at the same time: two that each wait for the other both finish", async () => {
    const a = join(sandbox.root, "a")
    const b = join(sandbox.root, "b")
    const waitFor = (mine: string, other: string) =>
      `touch ${mine}; for i in $(seq 1 100); do [ -e ${other} ] && echo "saw ${other}" >&2 && exit 2; sleep 0.1; done; exit 0`
    writeSettings(sandbox, "user", {
      hooks: { PreToolUse: [{ matcher: "LS", hooks: [{ type: "command", command: waitFor(a, b) }, { type: "command", command: waitFor(b, a) }] }] }
    })
    server.enqueue([{ toolCalls: [{ id: "ls1", name: "LS", arguments: {} }] }, { text: "done" }])
    const from = server.requests.length
    const result = await run([], 30_000)
    expect(result.code).toBe(0)
    // Both saw the other's file: both were running at once.
    expect(sentSince(from)).toContain(`saw ${a}`)
    expect(sentSince(from)).toContain(`saw ${b}`)
  })

  it("an interrupt while a hook runs kills the hook's process group", async () => {
    const pidFile = join(sandbox.root, "hook.pid")
    writeSettings(sandbox, "user", { hooks: hooks("UserPromptSubmit", `sleep 1000 & echo $! > ${pidFile}; wait`) })
    const result = await runLetta(["-p", "hi"], {
      sandbox,
      serverUrl: server.url,
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (existsSync(pidFile) && readFileSync(pidFile, "utf8").trim().length > 0) {
            clearInterval(poll)
            child.kill("SIGTERM")
          }
        }, 50)
      }
    })
    expect(result.code).toBe(130)
    const pid = Number(readFileSync(pidFile, "utf8").trim())
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(isAlive(pid)).toBe(false)
  })

  it("a malformed hooks block is an error naming the file; the file is not rewritten", async () => {
    const text = JSON.stringify({ hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command" }] }] } })
    mkdirSync(join(sandbox.project, ".letta"), { recursive: true })
    const path = join(sandbox.project, ".letta", "settings.json")
    writeFileSync(path, text)
    const result = await runLetta(["-p", "hi"], { sandbox, serverUrl: server.url })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(path)
    expect(result.stderr).toContain("command")
    expect(readFileSync(path, "utf8")).toBe(text)
  })
})


const rmMarker = (path: string) => rmSync(path, { force: true })

describe("hooks on the local backend", () => {
  let local: Sandbox
  const start = useLocalSandbox((each) => {
    local = each
  })

  it("PreToolUse exit 2 denies with its reason and UserPromptSubmit context reaches the model", async () => {
    const { provider, letta, calls } = await start("ollama")
    writeSettingsMerged(local, {
      hooks: {
        ...hooks("PreToolUse", `echo LOCAL-DENIED >&2; exit 2`, "Bash"),
        ...hooks("UserPromptSubmit", `echo LOCAL-CTX`)
      }
    })
    provider.fake.enqueue({ toolCalls: [{ id: "call_1", name: "Bash", arguments: { command: `touch ${join(local.root, "nope")}` } }] }, { text: "ok" })
    const result = await letta(["-p", "hi", "--model", provider.model, "--yolo"])
    expect(result.code).toBe(0)
    expect(existsSync(join(local.root, "nope"))).toBe(false)
    const last = calls().at(-1)!
    expect(toolResultsOf(provider.kind, last)[0]?.output).toContain("LOCAL-DENIED")
    expect(userTextsOf(provider.kind, calls()[0]!).join("\n")).toContain("LOCAL-CTX")
  })
})

/** Adds keys to the sandbox's user settings (the local backend's provider entry stays). */
const writeSettingsMerged = (box: Sandbox, settings: Record<string, unknown>) => {
  const path = join(box.home, ".letta", "settings.json")
  let current: Record<string, unknown> = {}
  try {
    current = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>
  } catch {
    current = {}
  }
  mkdirSync(join(box.home, ".letta"), { recursive: true })
  writeFileSync(path, JSON.stringify({ ...current, ...settings }))
}
