import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import type { BlockInfo } from "../../../src/domain/letta.js"
import { ItemView } from "../../../src/programs/interactive/ItemView.js"
import { helpLines, memoryLines, welcomeLines } from "../../../src/programs/interactive/panels.js"
import { modelOptions } from "../../../src/programs/interactive/runSlashCommand.js"
import { ThemeProvider, textWidth } from "../../../src/programs/interactive/theme.js"
import type { Item, PanelLine } from "../../../src/programs/interactive/transcript.js"
import { eventually, plain } from "../../support/ink.js"
import { Effect } from "effect"
import { App } from "../../../src/programs/interactive/App.js"
import { makeUiStore } from "../../../src/programs/interactive/store.js"

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
})

/** How a panel prints at `width` columns, one string per row. */
const rows = (lines: ReadonlyArray<PanelLine>, width: number, box = false): ReadonlyArray<string> => {
  const item: Item = { kind: "panel", id: 1, lines, ...(box ? { box } : {}) }
  const app = render(
    <ThemeProvider value={{ colour: false }}>
      <ItemView item={item} width={width} />
    </ThemeProvider>
  )
  unmount = app.unmount
  // The item's top margin is its first row.
  return plain(app.lastFrame()).split("\n").slice(1)
}

describe("/help (issue 12, defect 13)", () => {
  it("lines every description up in one column and fits 80 columns", () => {
    const printed = rows(helpLines(), 80)
    const table = printed.filter((row) => row.startsWith("  ") && row.trim().length > 0 && !row.startsWith("   "))
    expect(table.length).toBeGreaterThan(15)
    const columns = new Set(table.map((row) => /^ {2}\S+(?: \S+)*? {2,}(?=\S)/.exec(row)?.[0].length))
    expect([...columns]).toHaveLength(1)
    for (const row of printed) expect(textWidth(row)).toBeLessThanOrEqual(80)
  })
})

describe("/memory (issue 12, defect 13)", () => {
  const block: BlockInfo = {
    id: "block-8ac2970f-c33a-47a8-a0c8-0803566ec3a2",
    label: "persona",
    value: "I am a coding agent working in the user's terminal and repository, and I keep answers short and concrete.\n- I cite code as path:line.",
    description: "How I work as a coding agent. Shared by every agent of this user on this machine.",
    limit: 20000
  }

  it("sets the description apart from the value and wraps at word boundaries", () => {
    const printed = rows(memoryLines([block]), 50)
    const text = printed.join("\n")
    for (const row of printed) expect(textWidth(row)).toBeLessThanOrEqual(50)
    // No row starts with the space a wrap left behind, and no word is cut in two.
    for (const row of printed) expect(row).not.toMatch(/^ (?! )/)
    const words = (s: string) => s.replace(/[│\s]+/g, " ").trim().split(" ")
    for (const word of words(`${block.description ?? ""} ${block.value}`)) expect(words(text)).toContain(word)
    expect(text).toContain(block.id)
    // The value is marked as the value: every one of its rows has the gutter; the description's none.
    const valueRows = printed.filter((row) => row.startsWith("  │ "))
    expect(valueRows.join(" ")).toContain("I am a coding agent")
    expect(valueRows.join(" ")).not.toContain("How I work")
    expect(printed.filter((row) => row.includes("How I work"))).toHaveLength(1)
  })
})

describe("/model (issue 12, defect 13)", () => {
  it("does not repeat the model's name next to its handle, and shows the context window", () => {
    const options = modelOptions([
      { handle: "anthropic/claude-sonnet-4-5-20250929", model: "claude-sonnet-4-5-20250929", name: "claude-sonnet-4-5-20250929", display_name: "claude-sonnet-4-5-20250929", provider_type: "anthropic", context_window: 200000 },
      { handle: "openai/gpt-5", model: "gpt-5", name: "gpt-5", display_name: "GPT-5 (Reasoning)", provider_type: "openai", context_window: 400000 },
      { handle: "ollama/qwen3:latest", model: "qwen3", name: "qwen3", display_name: null, provider_type: "ollama", context_window: null }
    ])
    expect(options).toEqual([
      { value: "anthropic/claude-sonnet-4-5-20250929", label: "anthropic/claude-sonnet-4-5-20250929", hint: "200k context" },
      { value: "openai/gpt-5", label: "openai/gpt-5", hint: "GPT-5 (Reasoning) · 400k context" },
      { value: "ollama/qwen3:latest", label: "ollama/qwen3:latest" }
    ])
  })
})

describe("/model's pick list (issue 12, defect 13)", () => {
  it("puts the hints in one column", async () => {
    const store = Effect.runSync(makeUiStore("/project"))
    const app = render(<App store={store} theme={{ colour: false }} history={[]} />)
    unmount = app.unmount
    void Effect.runPromise(
      store.choose(
        "Switch the agent's model",
        [
          { value: "anthropic/claude-sonnet-4-5-20250929", label: "anthropic/claude-sonnet-4-5-20250929", hint: "200k context" },
          { value: "openai/gpt-5", label: "openai/gpt-5", hint: "GPT-5 · 400k context" },
          { value: "ollama/qwen3", label: "ollama/qwen3" }
        ],
        "openai/gpt-5"
      )
    )
    await eventually(() => expect(plain(app.lastFrame())).toContain("Type to filter"))
    const lines = plain(app.lastFrame()).split("\n")
    const at = (needle: string) => lines.find((line) => line.includes(needle))?.indexOf(needle)
    expect(at("200k context")).toBeDefined()
    expect(at("200k context")).toBe(at("GPT-5 · 400k context"))
    expect(lines.find((line) => line.includes("openai/gpt-5"))).toContain("openai/gpt-5 (current)")
  })
})

describe("the welcome (issue 12, defect 13)", () => {
  it("is a box with the agent, the directory and where to start", () => {
    const printed = rows(
      welcomeLines({
        version: "1.2.3",
        agentId: "agent-1",
        agentName: "letta-project",
        created: true,
        model: "openai/gpt-5",
        isCloud: false,
        serverUrl: "http://localhost:8283",
        blocks: ["persona", "human", "project"],
        cwd: "/work/project",
        mode: "default",
        pendingCalls: 0
      }),
      80,
      true
    )
    expect(printed[0]).toMatch(/^╭─+╮$/)
    expect(printed.find((row) => row.includes("letta 1.2.3"))).toMatch(/^│ .*│$/)
    expect(printed.join("\n")).toContain("/help")
    expect(printed.filter((row) => row.startsWith("╰"))).toHaveLength(1)
  })
})
