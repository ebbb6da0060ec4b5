/** `letta agents list` and `letta memory show|set` through the built binary. */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"

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

describe("letta agents list", () => {
  it("lists only agents letta created, newest first", async () => {
    server.createAgentDirect({ name: "someone-else" })
    const first = JSON.parse((await letta(["-p", "one", "--output-format", "json"])).stdout).agent_id
    const second = JSON.parse((await letta(["-p", "two", "--output-format", "json"])).stdout).agent_id
    const result = await letta(["agents", "list"])
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split("\n")
    expect(lines[0]).toMatch(/^ID\s+NAME\s+MODEL\s+CREATED$/)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(second)
    expect(lines[2]).toContain(first)
    expect(result.stdout).not.toContain("someone-else")
  })

  it("says so when there are none", async () => {
    const result = await letta(["agents", "list"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain("No agents")
  })
})

describe("letta memory", () => {
  it("show prints the blocks; set replaces one from a file or stdin", async () => {
    await letta(["-p", "one"])
    const all = await letta(["memory", "show"])
    expect(all.code).toBe(0)
    expect(all.stdout).toContain("── persona (")
    expect(all.stdout).toContain("── project (")
    expect(all.stdout).toMatch(/── human \(block-[\w-]+\) · [\d,]+ of [\d,]+ characters \(\d+%\) ──/)

    const file = join(sandbox.root, "human.md")
    writeFileSync(file, "Prefers tabs.\n")
    expect((await letta(["memory", "set", "human", "--file", file])).code).toBe(0)
    const human = await letta(["memory", "show", "human"])
    expect(human.stdout).toBe("Prefers tabs.\n\n")
    expect(human.stderr).toMatch(/^human: 14 of [\d,]+ characters \(0%\)\n$/)
    writeFileSync(file, "x".repeat(18_500))
    expect((await letta(["memory", "set", "human", "--file", file])).code).toBe(0)
    expect((await letta(["memory", "show", "human"])).stderr).toMatch(/^human: 18,500 of 20,000 characters \(93%\) · near its limit\n$/)

    expect((await letta(["memory", "set", "project"], { stdin: "Uses pnpm.\n" })).code).toBe(0)
    const projectId = (sandbox.settings("project")?.["localSharedBlockIds"] as { project: string }).project
    expect(server.block(projectId)?.value).toBe("Uses pnpm.\n")
  })

  it("refuses unknown labels and empty text, before any request", async () => {
    const unknown = await letta(["memory", "show", "secrets"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown memory block "secrets"')
    const empty = await letta(["memory", "set", "human"], { stdin: "  \n" })
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain("empty")
    expect(server.requests).toHaveLength(0)
  })

  it("show before any agent exists explains what to do", async () => {
    const result = await letta(["memory", "show"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("No memory block yet")
  })
})
