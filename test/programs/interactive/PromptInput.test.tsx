import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import { KeyboardProvider } from "../../../src/programs/interactive/keyRouting.js"
import { PromptInput } from "../../../src/programs/interactive/PromptInput.js"
import { ThemeProvider } from "../../../src/programs/interactive/theme.js"
import { keys, plain, press } from "../../support/ink.js"

interface Sent {
  readonly text: string
  readonly display: string
}

const mount = (options: { readonly history?: ReadonlyArray<string>; readonly busy?: boolean } = {}) => {
  const sent: Array<Sent> = []
  const unhandled: Array<string> = []
  const app = render(
    <ThemeProvider value={{ colour: false }}>
      <KeyboardProvider hold={false} onUnhandled={(event) => unhandled.push(event._tag === "Key" ? event.name : event._tag)}>
        <PromptInput history={options.history ?? []} busy={options.busy ?? false} onSubmit={(text, display) => sent.push({ text, display })} />
      </KeyboardProvider>
    </ThemeProvider>
  )
  const screen = () => plain(app.lastFrame())
  return { app, sent, unhandled, screen }
}

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
})

describe("PromptInput", () => {
  it("sends the typed text on Enter and clears the prompt", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    await press(app, "hello world")
    expect(screen()).toContain("> hello world")
    await press(app, keys.enter)
    expect(sent).toEqual([{ text: "hello world", display: "hello world" }])
    expect(screen()).toContain("Type a message")
  })

  it("sees keys that arrive in one read in order (type-ahead then Enter)", async () => {
    const { app, sent } = mount()
    unmount = app.unmount
    await press(app, "fast typing\r")
    expect(sent.map((s) => s.text)).toEqual(["fast typing"])
  })

  it("adds lines with Ctrl+J, Alt+Enter and a trailing backslash", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    await press(app, "one", keys.ctrlJ, "two", "\u001b\r", "three\\", keys.enter, "four")
    expect(screen()).toMatch(/> one[\s│]*\n[│\s]*two[\s│]*\n[│\s]*three[\s│]*\n[│\s]*four/)
    await press(app, keys.enter)
    expect(sent[0]?.text).toBe("one\ntwo\nthree\nfour")
  })

  it("moves the cursor: left, right, home, end, and up/down between lines", async () => {
    const { app, sent } = mount()
    unmount = app.unmount
    await press(app, "helo", keys.left, "l", keys.home, ">", keys.end, "!")
    await press(app, keys.ctrlJ, "ab", keys.up, "X", keys.down, "Y", keys.enter)
    expect(sent[0]?.text).toBe(">hXello!\nabY")
  })

  it("deletes with backspace and Delete, by word and to the line start", async () => {
    const { app, sent } = mount()
    unmount = app.unmount
    await press(app, "abc def", keys.backspace, "\u0017", "xyz", keys.home, "\u001b[3~", keys.end, keys.enter)
    expect(sent[0]?.text).toBe("bc xyz")
  })

  it("walks the history with ↑/↓ and restores the draft", async () => {
    const { app, screen, sent } = mount({ history: ["first", "second"] })
    unmount = app.unmount
    await press(app, "draft")
    await press(app, keys.up)
    expect(screen()).toContain("> second")
    await press(app, keys.up)
    expect(screen()).toContain("> first")
    await press(app, keys.up)
    expect(screen()).toContain("> first")
    await press(app, keys.down)
    expect(screen()).toContain("> second")
    await press(app, keys.down)
    expect(screen()).toContain("> draft")
    await press(app, keys.enter, keys.up)
    expect(screen()).toContain("> draft")
    expect(sent.map((s) => s.text)).toEqual(["draft"])
  })

  it("collapses a large bracketed paste into a placeholder and sends it in full", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    const big = Array.from({ length: 12 }, (_, i) => `line ${i}`).join("\r")
    await press(app, "see: ", keys.paste(big), " thanks")
    expect(screen()).toContain("see: [Pasted text #1 +12 lines] thanks")
    expect(screen()).not.toContain("line 5")
    await press(app, keys.enter)
    expect(sent[0]?.text).toBe(`see: ${big.replace(/\r/g, "\n")} thanks`)
    expect(sent[0]?.display).toBe("see: [Pasted text #1 +12 lines] thanks")
  })

  it("keeps a paste split over several reads together, and types small pastes in", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    const long = "x".repeat(600)
    await press(app, `\u001b[200~${long.slice(0, 250)}`, long.slice(250), "\u001b[201~")
    expect(screen()).toContain("[Pasted text #1 +600 chars]")
    await press(app, keys.paste(" a\rb"), keys.enter)
    expect(sent[0]?.text).toBe(`${long} a\nb`)
  })

  it("deletes a placeholder as one unit", async () => {
    const { app, sent } = mount()
    unmount = app.unmount
    await press(app, "a", keys.paste("1\n2\n3\n4\n5\n6"), keys.backspace, "b", keys.enter)
    expect(sent[0]?.text).toBe("ab")
  })

  it("offers the slash commands as you type; Tab completes, Enter picks", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    await press(app, "/m")
    expect(screen()).toContain("❯ /model")
    expect(screen()).toContain("/memory")
    expect(screen()).not.toContain("/clear")
    await press(app, keys.down, keys.tab)
    expect(screen()).toContain("> /memory")
    await press(app, ...Array<string>(6).fill(keys.backspace), "cl", keys.enter)
    expect(sent.map((s) => s.text)).toEqual(["/clear"])
  })

  it("Esc closes the menu; twice on an idle prompt clears it; while busy it is left to the screen", async () => {
    const { app, screen, unhandled } = mount()
    unmount = app.unmount
    await press(app, "/he", keys.escape)
    expect(screen()).not.toContain("❯ /help")
    await press(app, keys.escape, keys.escape)
    expect(screen()).toContain("Type a message")
    expect(unhandled).toEqual([])

    const busy = mount({ busy: true })
    await press(busy.app, "abc", keys.escape)
    expect(busy.unhandled).toEqual(["escape"])
    expect(busy.screen()).toContain("> abc")
    busy.app.unmount()
  })

  it("Ctrl-C clears the prompt and is passed on (the screen arms the exit)", async () => {
    const { app, screen, unhandled } = mount()
    unmount = app.unmount
    await press(app, "something", keys.ctrlC)
    expect(screen()).toContain("Type a message")
    expect(unhandled).toEqual(["ctrlC"])
  })

  it("↑/↓ go on through the history past a recalled slash command; the command menu stays shut (issue 12, defect 7)", async () => {
    const { app, screen, sent } = mount({ history: ["first message", "/stream", "last message"] })
    unmount = app.unmount
    await press(app, keys.up, keys.up)
    expect(screen()).toContain("> /stream")
    expect(screen()).not.toContain("Toggle token streaming")
    await press(app, keys.up)
    expect(screen()).toContain("> first message")
    await press(app, keys.down)
    expect(screen()).toContain("> /stream")
    await press(app, keys.down)
    expect(screen()).toContain("> last message")
    await press(app, keys.up, keys.enter)
    // Enter sends the recalled command as it is (the menu did not pick another one).
    expect(sent).toEqual([{ text: "/stream", display: "/stream" }])
  })

  it("typing after a recalled command opens the menu again", async () => {
    const { app, screen } = mount({ history: ["/st"] })
    unmount = app.unmount
    await press(app, keys.up)
    expect(screen()).not.toContain("Toggle token streaming")
    await press(app, "r")
    expect(screen()).toContain("Toggle token streaming")
  })

  it("labels a 200-line paste '+200 lines', whether or not it ends with a newline (issue 12, defect 13)", async () => {
    const { app, screen, sent } = mount()
    unmount = app.unmount
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}`).join("\n")
    await press(app, keys.paste(`${lines}\n`))
    expect(screen()).toContain("[Pasted text #1 +200 lines]")
    await press(app, " ", keys.paste(lines))
    expect(screen()).toContain("[Pasted text #2 +200 lines]")
    await press(app, keys.enter)
    expect(sent[0]?.text).toBe(`${lines}\n ${lines}`)
  })
})
