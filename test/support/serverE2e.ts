/** The usual set-up of an end-to-end test against the fake Letta server: a fresh server and sandbox for each test, both gone after it. */
import { afterEach, beforeEach } from "vitest"
import { makeSandbox, type Sandbox } from "./e2e.js"
import { FakeLettaServer, type FakeServerOptions } from "./fakeServer.js"

export const useServerSandbox = (onEach: (server: FakeLettaServer, sandbox: Sandbox) => void, options: FakeServerOptions = {}): void => {
  let server: FakeLettaServer | undefined
  let sandbox: Sandbox | undefined
  beforeEach(async () => {
    server = await FakeLettaServer.start(options)
    sandbox = makeSandbox()
    onEach(server, sandbox)
  })
  afterEach(async () => {
    await server?.close()
    sandbox?.cleanup()
  })
}
