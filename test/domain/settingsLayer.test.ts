/**
 * `--settings <file>` laid over the user's settings (issue 12, feature 7): every setting a user
 * or project file can set wins for the run, except agent/block ids and permissions (the policy
 * adds those as rules of their own).
 */
import { describe, expect, it } from "vitest"
import { layerUserSettings, type UserSettings } from "../../src/domain/settings.js"

const user: UserSettings = {
  lastAgent: "agent-user",
  lastAgentByServer: { "https://api.letta.com": "agent-user" },
  globalSharedBlockIds: { persona: "block-p", human: "block-h" },
  model: "openai/gpt-4.1",
  tokenStreaming: true,
  notifications: true,
  backend: "cloud",
  providers: { mine: { api: "openai-chat", baseUrl: "https://mine.example/v1" }, shared: { api: "openai-chat", baseUrl: "https://a.example/v1" } },
  permissions: { allow: ["Read(src/**)"] }
}

describe("layerUserSettings", () => {
  it("lets the file set notifications, as it sets model, backend and tokenStreaming", () => {
    const layered = layerUserSettings(user, { notifications: false, model: "anthropic/claude", backend: "local", tokenStreaming: false })
    expect(layered).toMatchObject({ notifications: false, model: "anthropic/claude", backend: "local", tokenStreaming: false })
  })

  it("takes any key the file sets (a setting added later needs no change)", () => {
    const layered = layerUserSettings(user, { someFutureSetting: { on: true } })
    expect(layered["someFutureSetting"]).toEqual({ on: true })
  })

  it("keeps the user's value for what the file leaves out", () => {
    const layered = layerUserSettings(user, { model: "anthropic/claude" })
    expect(layered).toMatchObject({ notifications: true, tokenStreaming: true, backend: "cloud" })
  })

  it("merges providers by name, the file's winning", () => {
    const layered = layerUserSettings(user, { providers: { shared: { api: "anthropic", baseUrl: "https://b.example" } } })
    expect(layered.providers).toEqual({ mine: user.providers!["mine"], shared: { api: "anthropic", baseUrl: "https://b.example" } })
  })

  it("never takes agent or block ids or permissions from the file", () => {
    const layered = layerUserSettings(user, {
      lastAgent: "agent-extra",
      lastAgentByServer: { "https://api.letta.com": "agent-extra" },
      globalSharedBlockIds: { persona: "block-x" },
      globalSharedBlockIdsByServer: { "https://api.letta.com": { persona: "block-x" } },
      localSharedBlockIds: { project: "block-y" },
      permissions: { deny: ["Bash"] }
    })
    expect(layered).toEqual(user)
  })
})
