/**
 * Custom slash commands end to end with the BUILT binary: headless `letta -p "/name args"`
 * against the fake Letta server and on the local backend, and the `/` menu in a real terminal.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { makeSandbox, parseLines, runLetta, type Sandbox } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { useServerSandbox } from "../support/serverE2e.js"
import { userTextsOf, useLocalSandbox } from "../support/localE2e.js"
import { hasTmux, Terminal } from "../support/tmux.js"
import { describeNeeding } from "../support/requiredProgram.js"

const write = (root: string, files: Readonly<Record<string, string>>) => {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative)
    mkdirSync(join(path, ".."), { recursive: true })
    writeFileSync(path, content)
  }
}

/** The text of the user message a request body carried. */
const userTextOf = (body: unknown): string => {
  const messages = (body as { messages?: Array<{ type?: string; content?: unknown }> }).messages ?? []
  const user = messages.find((m) => m.type === "message")
  const content = user?.content
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? "").join("") : String(content)
}

const REVIEW = [
  "---",
  "description: Review a path",
  "argument-hint: [path] [focus]",
  "---",
  "Review $1 focusing on $2. All: $ARGUMENTS",
  "Branch: !`echo branch-$((40+2))`",
  "Guide: @guide.md",
  ""
].join("\n")

describe("headless custom commands (Letta server)", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  useServerSandbox((each, box) => {
    server = each
    sandbox = box
  })
  const letta = (args: ReadonlyArray<string>) => runLetta(args, { sandbox, serverUrl: server.url, timeoutMs: 20_000 })
  const messagePosts = () => server.messagePosts()

  it("expands $ARGUMENTS, $1/$2, an allowed !`cmd` and an @file into the message sent", async () => {
    write(sandbox.project, {
      ".letta/commands/review.md": REVIEW,
      "guide.md": "GUIDE-LINE-ONE\n",
      ".letta/settings.json": JSON.stringify({ permissions: { allow: ["Bash(echo:*)"] } })
    })
    const result = await letta(["-p", "/review src/ speed"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    const sent = userTextOf(messagePosts()[0]?.body)
    expect(sent).toContain("Review src/ focusing on speed. All: src/ speed")
    expect(sent).toContain("Branch: branch-42")
    expect(sent).toContain('<file path="guide.md">\nGUIDE-LINE-ONE\n</file>')
    expect(sent).not.toContain("!`")
  })

  it("namespaced commands from .claude/commands of the project and the user's home", async () => {
    write(sandbox.project, { ".claude/commands/frontend/check.md": "Check the frontend: $ARGUMENTS" })
    write(sandbox.home, { ".claude/commands/hello.md": "Say hello" })
    expect((await letta(["-p", "/frontend:check buttons"])).code).toBe(0)
    expect((await letta(["-p", "/hello", "world"])).code).toBe(0)
    expect(userTextOf(messagePosts()[0]?.body)).toBe("Check the frontend: buttons")
    expect(userTextOf(messagePosts()[1]?.body)).toBe("Say hello\n\nARGUMENTS: world")
  })

  it("a denied !`cmd` fails the command with the reason; it is not run and nothing is sent", async () => {
    write(sandbox.project, {
      ".letta/commands/wipe.md": "Status: !`touch pwned-marker`\nThen tell me.",
      ".letta/settings.json": JSON.stringify({ permissions: { deny: ["Bash(touch:*)"] } })
    })
    const result = await letta(["-p", "/wipe", "--yolo"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("/wipe")
    expect(result.stderr).toContain("!`touch pwned-marker` was not run: Permission denied by rule Bash(touch:*) (project settings)")
    expect(existsSync(join(sandbox.project, "pwned-marker"))).toBe(false)
    expect(server.requests).toEqual([])
  })

  it("a !`cmd` the rules would ask about fails headless, naming what to do", async () => {
    write(sandbox.project, { ".letta/commands/ask.md": "!`touch asked-marker`" })
    const result = await letta(["-p", "/ask"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("needs approval")
    expect(existsSync(join(sandbox.project, "asked-marker"))).toBe(false)
    expect(messagePosts()).toEqual([])
  })

  it("allowed-tools let the command's own !`cmd` and the agent's tool call run in that turn only", async () => {
    write(sandbox.project, {
      ".letta/commands/make.md": "---\nallowed-tools: Bash(touch:*), Bash(echo:*)\n---\nPrepared: !`echo ready`"
    })
    server.enqueue(
      [{ toolCalls: [{ name: "Bash", arguments: { command: "touch made-in-command" } }] }, (previous) => ({ text: JSON.stringify(previous.approvals[0]) })],
      [{ toolCalls: [{ name: "Bash", arguments: { command: "touch made-later" } }] }, (previous) => ({ text: JSON.stringify(previous.approvals[0]) })]
    )
    const first = await letta(["-p", "/make", "--output-format", "stream-json"])
    expect(first.code).toBe(0)
    expect(userTextOf(messagePosts()[0]?.body)).toBe("Prepared: ready")
    const lines = parseLines(first.stdout)
    expect(lines.find((l) => l["type"] === "auto_approval")).toMatchObject({ tool_name: "Bash", matched_rule: "Bash(touch:*) (allowed-tools)" })
    expect(existsSync(join(sandbox.project, "made-in-command"))).toBe(true)
    // The next turn, an ordinary prompt: the rule is gone (and was never written anywhere).
    const second = await letta(["-p", "again", "--continue"])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain("--allowedTools")
    expect(existsSync(join(sandbox.project, "made-later"))).toBe(false)
    for (const which of ["user", "project", "local"] as const) expect(JSON.stringify(sandbox.settings(which) ?? {})).not.toContain("touch")
  })

  it("a command shadowing a built-in is reported and ignored; unknown /x and a bad file's name are sent as text", async () => {
    write(sandbox.project, {
      ".letta/commands/model.md": "HIJACKED",
      ".letta/commands/broken.md": "---\ndescription: [oops\n---\nbroken body"
    })
    const result = await letta(["-p", "/model please"])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`custom command ${join(sandbox.project, ".letta/commands/model.md")}: /model is a built-in command: this file is ignored`)
    expect(result.stderr).toContain(`custom command ${join(sandbox.project, ".letta/commands/broken.md")}: front-matter is not valid YAML`)
    const unknown = await letta(["-p", "/nothing-here x"])
    const broken = await letta(["-p", "/broken"])
    expect(unknown.code).toBe(0)
    expect(broken.code).toBe(0)
    expect(messagePosts().map((post) => userTextOf(post.body))).toEqual(["/model please", "/nothing-here x", "/broken"])
  })

  it("a command's model: answers that turn only (override_model), the agent keeps its own", async () => {
    write(sandbox.project, { ".letta/commands/quick.md": "---\nmodel: openai/gpt-4o-mini\n---\nBe quick about $ARGUMENTS" })
    const result = await letta(["-p", "/quick lint", "--output-format", "stream-json"])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("")
    expect(parseLines(result.stdout)[0]).toMatchObject({ type: "system", subtype: "init", model: "openai/gpt-4o-mini" })
    const posts = messagePosts()
    expect(posts).toHaveLength(1)
    expect((posts[0]!.body as { override_model?: string }).override_model).toBe("openai/gpt-4o-mini")
    expect(userTextOf(posts[0]!.body)).toBe("Be quick about lint")
    // A plain prompt carries no override.
    await letta(["-p", "plain", "--continue"])
    expect((messagePosts().at(-1)!.body as { override_model?: string }).override_model).toBeUndefined()
    expect(server.requests.some((r) => r.method === "PATCH")).toBe(false)
  })

  it("a rule in allowed-tools that cannot be understood stops the run, naming the file", async () => {
    write(sandbox.project, { ".letta/commands/bad.md": "---\nallowed-tools: Bash(a; b:*)\n---\nx" })
    const result = await letta(["-p", "/bad"])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`in allowed-tools (${join(sandbox.project, ".letta/commands/bad.md")})`)
    expect(messagePosts()).toEqual([])
  })
})

describe("headless custom commands (local backend)", () => {
  let sandbox: Sandbox
  const start = useLocalSandbox((each) => {
    sandbox = each
  })

  it("a command with arguments, an allowed !`cmd` and an @file reaches the model expanded", async () => {
    const { provider, letta, calls } = await start("openai")
    write(sandbox.project, {
      ".letta/commands/review.md": "---\nallowed-tools: Bash(echo:*)\n---\nReview $ARGUMENTS now: !`echo local-ok` @guide.md",
      "guide.md": "LOCAL-GUIDE\n"
    })
    provider.fake.enqueue({ text: "Reviewed." })
    const result = await letta(["-p", "/review lib/", "--model", provider.model])
    expect(result.stderr).toBe("")
    expect(result.stdout).toBe("Reviewed.\n")
    const texts = userTextsOf(provider.kind, calls().at(-1)!).join("\n")
    expect(texts).toContain("Review lib/ now: local-ok @guide.md")
    expect(texts).toContain("LOCAL-GUIDE")
  })

  it("a command's model: is the model called for that turn; the next turn uses the agent's", async () => {
    const { provider, letta, calls } = await start("openai", { models: ["gpt-5", "gpt-5-mini"] })
    write(sandbox.project, { ".letta/commands/quick.md": "---\nmodel: openai/gpt-5-mini\n---\nQuick: $ARGUMENTS" })
    provider.fake.enqueue({ text: "Quick answer." })
    const first = await letta(["-p", "/quick look", "--model", provider.model])
    expect(first.stderr).toBe("")
    expect(first.stdout).toBe("Quick answer.\n")
    expect((calls().at(-1)!.body as { model?: string }).model).toBe("gpt-5-mini")
    provider.fake.enqueue({ text: "Normal answer." })
    const second = await letta(["-p", "again", "--continue"])
    expect(second.stdout).toBe("Normal answer.\n")
    expect((calls().at(-1)!.body as { model?: string }).model).toBe("gpt-5")
  })
})

describeNeeding("tmux", hasTmux())("the / menu (tmux)", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  let terminal: Terminal | undefined
  beforeEach(async () => {
    server = await FakeLettaServer.start({ pingIntervalMs: 200 })
    sandbox = makeSandbox()
  })
  afterEach(async () => {
    await terminal?.stop()
    terminal = undefined
    await server.close()
    sandbox.cleanup()
  })

  it("lists a custom command with its description and runs it; a shadowing file is reported", async () => {
    write(sandbox.project, {
      ".letta/commands/frontend/review.md": "---\ndescription: Review the frontend carefully\n---\nPlease review $ARGUMENTS",
      ".letta/commands/help.md": "not mine"
    })
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 100, height: 40 })
    await terminal.waitFor("Type a message", 20_000)
    await terminal.waitFor(/\/help is a built-in command:/)
    await terminal.type("/front")
    await terminal.waitFor(/\/frontend:review\s+Review the frontend carefully \(project\)/)
    await terminal.keys("Tab")
    await terminal.type(" the buttons")
    await terminal.keys("Enter")
    await terminal.waitFor("Hello from fake Letta")
    const posts = server.messagePosts()
    expect(userTextOf(posts[0]?.body)).toBe("Please review the buttons")
    await terminal.type("/help")
    await terminal.keys("Enter")
    await terminal.waitFor(/Custom commands\s+\/frontend:review\s+Review the frontend carefully \(project\)/)
  })

  it("a !`cmd` the rules ask about is put to the user; a denied one fails the command and sends nothing", async () => {
    write(sandbox.project, {
      ".letta/commands/mk.md": "Made: !`touch asked-ok && echo made`",
      ".letta/commands/rm.md": "Gone: !`rm -f keep.txt`",
      ".letta/settings.json": JSON.stringify({ permissions: { deny: ["Bash(rm:*)"] } }),
      "keep.txt": "keep\n"
    })
    terminal = await Terminal.start({ sandbox, serverUrl: server.url, width: 100, height: 40 })
    await terminal.waitFor("Type a message", 20_000)
    await terminal.type("/rm")
    await terminal.waitFor(/\/rm\s+Gone: /)
    await terminal.keys("Enter")
    await terminal.waitFor(/!`rm -f keep.txt` was not run:\s*Permission denied by rule Bash\(rm:\*\)/)
    expect(existsSync(join(sandbox.project, "keep.txt"))).toBe(true)
    await terminal.type("/mk")
    await terminal.waitFor(/\/mk\s+Made: /)
    await terminal.keys("Enter")
    await terminal.waitFor("/mk runs: touch asked-ok && echo made")
    await terminal.keys("Enter")
    await terminal.waitFor("Hello from fake Letta")
    expect(existsSync(join(sandbox.project, "asked-ok"))).toBe(true)
    const posts = server.messagePosts()
    expect(posts.map((post) => userTextOf(post.body))).toEqual(["Made: made"])
  })
})
