/**
 * A Letta server that stalls, never answers, or is not a Letta server at all, through the built
 * binary: the run ends with a clear message naming the cause (exit 1), and a create that went
 * unanswered is never repeated blindly (no duplicate agents or blocks).
 */
import { readFileSync } from "node:fs"
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https"
import type { AddressInfo } from "node:net"
import { resolve } from "node:path"
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

const letta = (args: ReadonlyArray<string>, env: Record<string, string> = {}, serverUrl = server.url) =>
  runLetta(args, { sandbox, serverUrl, env, timeoutMs: 20_000 })

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+/)

const posts = (path: RegExp) => server.requests.filter((r) => r.method === "POST" && path.test(r.path))

describe("a stream that stalls after its first byte", () => {
  it("ends after the idle timeout with a clear message and exit 1, and the run is cancelled", async () => {
    expect((await letta(["-p", "warm up"])).code).toBe(0)
    server.injectFault({ kind: "stall_after_first_byte" })
    const result = await letta(["-p", "hi", "--continue"], { LETTA_STREAM_IDLE_TIMEOUT_MS: "1500" })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("stopped answering")
    expect(result.stderr).toContain("nothing arrived for 1.5 s")
    expect(result.durationMs).toBeLessThan(15_000)
    noStackTrace(result.stderr)
    // Pings are asked for, so a working server is never taken for a dead one.
    const send = posts(/\/messages\/?$/).at(-1)
    expect(send?.body).toMatchObject({ streaming: true, include_pings: true })
  })
})

describe("one event larger than the cap", () => {
  it("ends the turn with a clear error instead of growing without bound", async () => {
    expect((await letta(["-p", "warm up"])).code).toBe(0)
    server.enqueue([{ text: "a".repeat(2 * 1024 * 1024), tokenCount: 1 }])
    const result = await letta(["-p", "big", "--continue"], { LETTA_STREAM_MAX_EVENT_BYTES: String(1024 * 1024) })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("the server sent one event larger than 1 MiB")
    expect(result.stdout).toBe("")
    noStackTrace(result.stderr)
  })
})

describe("creates that are never answered", () => {
  const env = { LETTA_REQUEST_TIMEOUT_MS: "1000" }

  it("an agent created but never answered for is found by its tag, not created again", async () => {
    server.injectFault({ kind: "no_answer", route: "agents", handled: true })
    const result = await letta(["-p", "hi"], env)
    expect(result.stderr).toContain("retrying")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("Hello from fake Letta")
    expect(server.agents()).toHaveLength(1)
    expect(posts(/^\/v1\/agents\/?$/)).toHaveLength(1)
  })

  it("an agent create lost before the server saw it is sent again, once", async () => {
    server.injectFault({ kind: "no_answer", route: "agents", handled: false })
    const result = await letta(["-p", "hi"], env)
    expect(result.code).toBe(0)
    expect(server.agents()).toHaveLength(1)
    expect(posts(/^\/v1\/agents\/?$/)).toHaveLength(2)
  })

  it("a memory block created but never answered for is adopted, not duplicated", async () => {
    server.injectFault({ kind: "no_answer", route: "blocks", handled: true })
    const result = await letta(["-p", "hi"], env)
    expect(result.code).toBe(0)
    expect(server.blocks()).toHaveLength(3)
    expect(new Set(server.blocks().map((b) => b.label))).toEqual(new Set(["persona", "human", "project"]))
  })

  it("a server that never answers at all: bounded, announced, exit 1", async () => {
    // Three blocks, each tried three times.
    for (let i = 0; i < 9; i++) server.injectFault({ kind: "no_answer", route: "blocks" })
    const result = await letta(["-p", "hi"], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("did not answer in time")
    noStackTrace(result.stderr)
  })
})

describe("a server that is not a Letta server", () => {
  it("an HTML 200 to the message send says so (not 'no stop reason')", async () => {
    expect((await letta(["-p", "warm up"])).code).toBe(0)
    server.injectFault({ kind: "html_200", route: "messages" })
    const result = await letta(["-p", "hi", "--continue"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`The server at ${server.url} is not a Letta server`)
    expect(result.stderr).toContain("text/html")
    expect(result.stderr).not.toContain("no stop reason")
    noStackTrace(result.stderr)
  })

  it("an HTML 200 to every request says so on the first one", async () => {
    server.injectFault({ kind: "html_200", times: 100 })
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("is not a Letta server")
    expect(result.stderr).toContain("LETTA_BASE_URL")
    noStackTrace(result.stderr)
  })

  it("a redirect names its Location (without credentials) and is not followed", async () => {
    server.injectFault({ kind: "redirect", location: "https://user:hunter2@letta.example.com/v1/blocks/", times: 100 })
    const result = await letta(["-p", "hi"])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("redirects (HTTP 301) to https://letta.example.com/v1/blocks/")
    expect(result.stderr).not.toContain("hunter2")
    noStackTrace(result.stderr)
  })
})

describe("TLS", () => {
  let https: HttpsServer | undefined
  afterEach(async () => {
    https?.closeAllConnections()
    await new Promise<void>((done) => (https === undefined ? done() : https.close(() => done())))
    https = undefined
  })

  it("a self-signed certificate is named as the cause, with NODE_EXTRA_CA_CERTS, even with LETTA_DEBUG=1", async () => {
    const tls = resolve(import.meta.dirname, "../support/tls")
    https = createHttpsServer({ key: readFileSync(`${tls}/selfsigned.key`), cert: readFileSync(`${tls}/selfsigned.crt`) }, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
    await new Promise<void>((done) => https!.listen(0, "127.0.0.1", () => done()))
    const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`
    const result = await letta(["-p", "hi"], { LETTA_DEBUG: "1" }, url)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("self-signed")
    expect(result.stderr).toContain("NODE_EXTRA_CA_CERTS")
    expect(result.stderr).not.toContain("Cannot reach")
    expect(result.stderr).not.toContain("retrying")
  })
})
