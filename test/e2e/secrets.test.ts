/**
 * Secrets never leave the process (issue 14, items 1, 2, 4): tool processes do not inherit the
 * keys, and a key the server echoes back is hidden on every output channel.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, runLetta, type Sandbox } from "../support/e2e.js"

const LETTA_KEY = "sk-let-e2e-secret-4f9c2a7d1b"
const ANTHROPIC_KEY = "sk-ant-e2e-secret-8e1d3c"
const OPENAI_KEY = "sk-oai-e2e-secret-2b7a9f"
const GATEWAY_KEY = "gw-e2e-secret-5c3e1a"
const SECRETS = [LETTA_KEY, ANTHROPIC_KEY, OPENAI_KEY, GATEWAY_KEY]
const FORMATS = ["text", "json", "stream-json"] as const

let server: FakeLettaServer
let sandbox: Sandbox

beforeEach(async () => {
  server = await FakeLettaServer.start({ apiKey: LETTA_KEY })
  sandbox = makeSandbox()
  // A custom provider whose key variable the settings name: a secret like the built-in ones.
  mkdirSync(join(sandbox.home, ".letta"), { recursive: true })
  writeFileSync(
    join(sandbox.home, ".letta", "settings.json"),
    JSON.stringify({ providers: { gateway: { api: "openai-chat", baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: "MY_GATEWAY_KEY" } } })
  )
})
afterEach(async () => {
  await server.close()
  sandbox.cleanup()
})

const letta = (args: ReadonlyArray<string>) =>
  runLetta(args, {
    sandbox,
    serverUrl: server.url,
    env: { LETTA_API_KEY: LETTA_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENAI_API_KEY: OPENAI_KEY, MY_GATEWAY_KEY: GATEWAY_KEY, HARMLESS_VAR: "visible-1" }
  })

const expectNoSecret = (label: string, text: string) => {
  for (const secret of SECRETS) expect(text.includes(secret), `${label} shows ${secret}`).toBe(false)
  // Not even half of one (a key split across streamed chunks).
  for (const secret of SECRETS) expect(text.includes(secret.slice(0, 14)), `${label} shows the start of ${secret}`).toBe(false)
}

describe("tool processes do not see the keys", () => {
  for (const format of FORMATS) {
    it(`Bash env/printenv (${format}): no key in the tool result sent back or on any output`, async () => {
      let toolReturn = ""
      server.enqueue([
        { toolCalls: [{ name: "Bash", arguments: { command: "env; printenv LETTA_API_KEY; echo \"[$ANTHROPIC_API_KEY|$OPENAI_API_KEY|$MY_GATEWAY_KEY]\"" } }] },
        (previous) => {
          toolReturn = String(previous.approvals[0]?.["tool_return"])
          return { text: "done" }
        }
      ])
      const result = await letta(["-p", "show env", "--yolo", "--output-format", format])
      expect(result.code, result.stderr).toBe(0)
      // The command ran (other variables are there), the keys and their names are not.
      expect(toolReturn).toContain("HARMLESS_VAR=visible-1")
      expect(toolReturn).toContain("[||]")
      for (const name of ["LETTA_API_KEY=", "ANTHROPIC_API_KEY=", "OPENAI_API_KEY=", "MY_GATEWAY_KEY="]) expect(toolReturn).not.toContain(name)
      expectNoSecret("tool result", toolReturn)
      expectNoSecret("stdout", result.stdout)
      expectNoSecret("stderr", result.stderr)
    })
  }
})

describe("a key the server echoes is hidden on every channel", () => {
  for (const format of FORMATS) {
    it(`in assistant text and reasoning (streamed token by token) (${format})`, async () => {
      server.enqueue([
        {
          reasoning: `thinking about ${LETTA_KEY} and ${OPENAI_KEY}`,
          text: `Your key is ${LETTA_KEY}, and the gateway's is ${GATEWAY_KEY}.`
        }
      ])
      const result = await letta(["-p", "what is my key", "--output-format", format])
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toContain("Your key is ***")
      expectNoSecret("stdout", result.stdout)
      expectNoSecret("stderr", result.stderr)
    })

    it(`in an in-stream error (${format})`, async () => {
      server.enqueue([{ streamError: { error_type: "llm_error", message: `bad key ${LETTA_KEY}`, detail: `upstream rejected ${ANTHROPIC_KEY}` } }])
      const result = await letta(["-p", "hi", "--output-format", format])
      expect(result.code).toBe(1)
      expectNoSecret("stdout", result.stdout)
      expectNoSecret("stderr", result.stderr)
    })

    it(`in an HTTP error body (${format})`, async () => {
      server.injectFault({ kind: "http", status: 400, route: "messages", detail: `invalid token ${LETTA_KEY} for ${OPENAI_KEY}` })
      const result = await letta(["-p", "hi", "--output-format", format])
      expect(result.code).toBe(1)
      expectNoSecret("stdout", result.stdout)
      expectNoSecret("stderr", result.stderr)
    })
  }
})

describe("URLs with credentials in messages", () => {
  const cases = [
    ["a bad port", "http://alice:hunter2-pw@127.0.0.1:99999"],
    ["a non-http scheme", "ftp://alice:hunter2-pw@127.0.0.1:21"],
    ["no scheme at all", "alice:hunter2-pw@127.0.0.1:8283"]
  ] as const
  for (const [what, url] of cases) {
    it(`LETTA_BASE_URL with ${what}: the message names the URL without its credentials`, async () => {
      const result = await runLetta(["-p", "hi"], { sandbox, serverUrl: url, env: { LETTA_API_KEY: LETTA_KEY } })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toContain("LETTA_BASE_URL")
      expect(result.stderr).toContain("***@127.0.0.1")
      expect(result.stdout + result.stderr).not.toContain("hunter2")
      expect(result.stdout + result.stderr).not.toContain("alice")
    })
  }
})
