/**
 * The local backend's provider streams: a provider that stalls after its first event (no more
 * bytes, no end) ends the turn after the idle timeout with a clear message and exit 1, for
 * each of the three wire APIs, and the next run works.
 */
import { describe, expect, it } from "vitest"
import type { Sandbox } from "../support/e2e.js"
import { type ProviderName, useLocalSandbox } from "../support/localE2e.js"

let sandbox: Sandbox | undefined
const start = useLocalSandbox((each) => {
  sandbox = each
})

describe("a provider stream that stalls after its first byte", () => {
  it.each<ProviderName>(["ollama", "openai", "anthropic"])("%s: ends after the idle timeout, exit 1, and the next run works", async (name) => {
    expect(sandbox).toBeDefined()
    const { provider, letta } = await start(name)
    provider.fake.enqueue({ text: "an answer that never finishes", hang: true })
    const extraEnv = { LETTA_STREAM_IDLE_TIMEOUT_MS: "1500" }
    const stalled = await letta(["-p", "hi", "--model", provider.model], { extraEnv })
    expect(stalled.code).toBe(1)
    expect(stalled.stderr).toContain("stopped answering")
    expect(stalled.stderr).toContain("nothing arrived for 1.5 s")
    expect(stalled.stderr).not.toMatch(/\n\s+at .+:\d+/)
    expect(stalled.durationMs).toBeLessThan(15_000)

    provider.fake.enqueue({ text: "Back again." })
    const next = await letta(["-p", "again", "--continue"], { extraEnv })
    expect(next.code).toBe(0)
    expect(next.stdout).toBe("Back again.\n")
  })
})
