/**
 * The local backend's provider keys (built-in and the ones the settings name) never reach a
 * tool process or the output (issue 14, items 1 and 2).
 */
import { describe, expect, it } from "vitest"
import { ANTHROPIC_KEY, GROQ_KEY, OPENAI_KEY, toolResultsOf, useLocalSandbox } from "../support/localE2e.js"

const start = useLocalSandbox(() => undefined)
const KEYS = [GROQ_KEY, OPENAI_KEY, ANTHROPIC_KEY]

describe("secrets on the local backend", () => {
  for (const format of ["text", "json", "stream-json"] as const) {
    it(`Bash env sees no provider key, and a key the model echoes is hidden (${format})`, async () => {
      // groq: a custom provider whose key variable (GROQ_API_KEY) only the settings name.
      const { provider, letta, calls } = await start("groq")
      provider.fake.enqueue(
        { toolCalls: [{ id: "call_1", name: "Bash", arguments: { command: "env; echo \"[$GROQ_API_KEY|$OPENAI_API_KEY|$ANTHROPIC_API_KEY]\"" } }] },
        { text: `Found ${GROQ_KEY} and ${OPENAI_KEY}.` }
      )
      const result = await letta(["-p", "show env", "--model", provider.model, "--yolo", "--output-format", format], {
        extraEnv: { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY, HARMLESS_VAR: "visible-2" }
      })
      expect(result.code, result.stderr).toBe(0)
      const sent = toolResultsOf(provider.kind, calls().at(-1)!).map((r) => r.output).join("\n")
      expect(sent).toContain("HARMLESS_VAR=visible-2")
      expect(sent).toContain("[||]")
      for (const name of ["GROQ_API_KEY=", "OPENAI_API_KEY=", "ANTHROPIC_API_KEY="]) expect(sent).not.toContain(name)
      expect(result.stdout).toContain("Found ***")
      for (const key of KEYS) {
        for (const [label, text] of [["tool result", sent], ["stdout", result.stdout], ["stderr", result.stderr]] as const) {
          expect(text.includes(key.slice(0, 12)), `${label} shows ${key}`).toBe(false)
        }
      }
    })
  }
})
