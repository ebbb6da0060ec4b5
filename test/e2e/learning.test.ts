/**
 * Deliberate learning, end to end with the built binary: `letta init` (and `-p /init`) puts the
 * repository's docs, manifests, CI configuration and layout before the agent in one request and
 * the agent rewrites the project block; `-p "/remember …"` has the agent file a note. On a fake
 * Letta server and on the local backend.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseLines, runLetta, type Sandbox, schemaValidator } from "../support/e2e.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { useServerSandbox } from "../support/serverE2e.js"
import { systemOf, userTextsOf, useLocalSandbox } from "../support/localE2e.js"

const write = (root: string, files: Readonly<Record<string, string>>) => {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative)
    mkdirSync(join(path, ".."), { recursive: true })
    writeFileSync(path, content)
  }
}

const REPOSITORY = {
  "AGENTS.md": "Always run AGENTS_MARKER before committing.\n",
  "README.md": "# Widget\nREADME_MARKER: a widget factory.\n",
  "package.json": JSON.stringify({ name: "widget", scripts: { test: "vitest run", build: "tsc" } }, null, 2),
  ".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n      - run: CI_MARKER\n",
  "src/index.ts": "export const widget = 1\n",
  "node_modules/dep/index.js": "NODE_MODULES_MARKER\n"
}

describe("letta init and /remember (Letta server)", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  useServerSandbox((each, box) => {
    server = each
    sandbox = box
  })
  const letta = (args: ReadonlyArray<string>) => runLetta(args, { sandbox, serverUrl: server.url, timeoutMs: 20_000 })
  const sentTexts = () =>
    server
      .messagePosts()
      .map((r) => JSON.stringify((r.body as { messages?: unknown }).messages ?? null))
  const projectBlock = () => server.blocks().find((block) => block.label === "project")

  it("letta init sends the repository in one request and the agent rewrites the project block; run again, it replaces it", async () => {
    write(sandbox.project, REPOSITORY)
    server.enqueue([{ serverToolCalls: [{ name: "memory_rethink", arguments: { label: "project", new_memory: "Widget: npm test runs vitest." } }], text: "Wrote the project memory." }])
    const first = await letta(["init"])
    expect(first.stderr).toBe("")
    expect(first.code).toBe(0)
    expect(first.stdout).toBe("Wrote the project memory.\n")
    const [sent] = sentTexts()
    for (const marker of ["AGENTS_MARKER", "README_MARKER", '\\"test\\": \\"vitest run\\"', "CI_MARKER", "src/index.ts", "<layout>", "The user ran /init"]) expect(sent).toContain(marker)
    expect(sent).not.toContain("NODE_MODULES_MARKER")
    expect(sentTexts()).toHaveLength(1)
    expect(projectBlock()?.value).toBe("Widget: npm test runs vitest.")

    server.enqueue([{ serverToolCalls: [{ name: "memory_rethink", arguments: { label: "project", new_memory: "Widget: npm test (vitest); CI runs it." } }], text: "Updated." }])
    const again = await letta(["-p", "/init"])
    expect(again.code).toBe(0)
    expect(projectBlock()?.value).toBe("Widget: npm test (vitest); CI runs it.")
  })

  it("-p \"/remember …\" has the agent file the note; an empty one is a usage error before any request", async () => {
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: "Prefers pnpm." } }], text: "Filed in human: prefers pnpm." }])
    const result = await letta(["-p", "/remember I prefer pnpm over npm"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Filed in human: prefers pnpm.\n")
    expect(sentTexts()[0]).toContain("The user asks you to remember the note below.")
    expect(sentTexts()[0]).toContain("I prefer pnpm over npm")
    expect(server.blocks().find((block) => block.label === "human")?.value).toContain("Prefers pnpm.")
    const before = server.requests.length
    const empty = await letta(["-p", "/remember"])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain("Usage: /remember <what to remember>")
    expect(server.requests.length).toBe(before)
  })
})

describe("--reflect (Letta server)", () => {
  let server: FakeLettaServer
  let sandbox: Sandbox
  useServerSandbox((each, box) => {
    server = each
    sandbox = box
  })
  const letta = (args: ReadonlyArray<string>) => runLetta(args, { sandbox, serverUrl: server.url, timeoutMs: 30_000 })
  const posts = () => server.messagePosts()

  it("after the answer, a short-lived agent on the same blocks files the correction; it is deleted and never listed", async () => {
    server.enqueue([{ text: "Sorry, pnpm it is." }])
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }], text: "project: use pnpm" }])
    const result = await letta(["-p", "use pnpm, not npm", "--reflect"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("Sorry, pnpm it is.\n")
    expect(result.stderr).toBe("letta: learned: project: Use pnpm, not npm.\n")
    expect(posts()).toHaveLength(2)
    const reflection = JSON.stringify(posts()[1]!.body)
    expect(reflection).toContain("User: use pnpm, not npm")
    expect(reflection).toContain("Agent: Sorry, pnpm it is.")
    expect(server.blocks().find((block) => block.label === "project")?.value).toContain("Use pnpm, not npm.")
    // One agent left: the run's; the reflection's was deleted.
    expect(server.agents()).toHaveLength(1)
    expect(server.requests.some((r) => r.method === "DELETE" && /\/v1\/agents\/agent-/.test(r.path))).toBe(true)
  })

  it("stream-json lists the change as a memory_update line; nothing learned and a failure are one line each", async () => {
    server.enqueue([{ text: "Done." }])
    server.enqueue([{ serverToolCalls: [{ name: "memory_insert", arguments: { label: "human", new_string: "Keeps answers short." } }], text: "human: short answers" }])
    const streamed = await letta(["-p", "keep it short", "--reflect", "--output-format", "stream-json"])
    expect(streamed.code).toBe(0)
    const lines = parseLines(streamed.stdout)
    const update = lines.find((line) => line["type"] === "memory_update")
    expect(update).toMatchObject({ type: "memory_update", source: "reflection", label: "human", summary: "human: Keeps answers short." })
    expect(String(update?.["value"])).toContain("Keeps answers short.")
    const validate = await schemaValidator()
    for (const line of lines) expect(validate.line(line)).toBeUndefined()

    server.enqueue([{ text: "Fine." }])
    server.enqueue([{ text: "nothing to learn" }])
    const nothing = await letta(["-p", "thanks", "--reflect"])
    expect(nothing.stderr).toBe("letta: reflection: nothing to learn\n")

    server.enqueue([{ text: "Fine again." }])
    server.enqueue([{ streamError: { error_type: "llm_error", message: "model overloaded" } }])
    const failed = await letta(["-p", "again", "--reflect"])
    expect(failed.code).toBe(0)
    expect(failed.stdout).toBe("Fine again.\n")
    expect(failed.stderr).toMatch(/^letta: reflection failed: .+\n$/)
    expect(server.agents()).toHaveLength(3)
  })
})

describe("letta init on the local backend", () => {
  let sandbox: Sandbox
  const start = useLocalSandbox((each) => {
    sandbox = each
  })

  it("the agent's rewrite is in the block's history; the next session's context holds it", async () => {
    const { provider, letta, calls } = await start("openai")
    write(sandbox.project, REPOSITORY)
    provider.fake.enqueue(
      { toolCalls: [{ id: "call_init", name: "memory_rethink", arguments: { label: "project", new_memory: "Widget: run tests with npm test." } }] },
      { text: "Wrote it." }
    )
    const result = await letta(["init", "--model", provider.model])
    expect(result.stderr).toBe("")
    expect(result.stdout).toBe("Wrote it.\n")
    expect(userTextsOf(provider.kind, calls()[0]!).join("\n")).toContain("AGENTS_MARKER")
    const history = await letta(["memory", "history", "project"])
    expect(history.code).toBe(0)
    expect(history.stdout).toContain("memory_rethink")
    expect((await letta(["memory", "show", "project"])).stdout).toBe("Widget: run tests with npm test.\n")
    provider.fake.enqueue({ text: "Hello." })
    expect((await letta(["-p", "hi"])).code).toBe(0)
    expect(systemOf(provider.kind, calls().at(-1)!)).toContain("Widget: run tests with npm test.")
  })

  it("--reflect: the change is in the block's history with source reflection, in the next context, and revertible", async () => {
    const { provider, letta, calls } = await start("openai")
    provider.fake.enqueue(
      { text: "Sorry, pnpm it is." },
      { toolCalls: [{ id: "call_reflect", name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm." } }] },
      { text: "project: use pnpm" }
    )
    const result = await letta(["-p", "use pnpm, not npm", "--reflect", "--model", provider.model])
    expect(result.stdout).toBe("Sorry, pnpm it is.\n")
    expect(result.stderr).toBe("letta: learned: project: Use pnpm, not npm.\n")
    expect(userTextsOf(provider.kind, calls()[1]!).join("\n")).toContain("User: use pnpm, not npm")
    const history = await letta(["memory", "history", "project"])
    expect(history.stdout).toMatch(/^\s+2 .* reflection by agent-[\w-]+: added "Use pnpm, not npm\."/m)
    expect((await letta(["agents", "list"])).stdout.trim().split("\n")).toHaveLength(2)

    provider.fake.enqueue({ text: "Using pnpm." })
    expect((await letta(["-p", "install deps"])).code).toBe(0)
    expect(systemOf(provider.kind, calls().at(-1)!)).toContain("Use pnpm, not npm.")
    expect((await letta(["memory", "revert", "project", "2"])).code).toBe(0)
    provider.fake.enqueue({ text: "Using npm." })
    expect((await letta(["-p", "install deps again"])).code).toBe(0)
    expect(systemOf(provider.kind, calls().at(-1)!)).not.toContain("Use pnpm, not npm.")
  })
})
