/**
 * Markdown → terminal text with marked + marked-terminal. Two fixes on top of marked-terminal
 * 7 with marked 15: inline Markdown inside list items (it printed `**bold**` raw), and rules
 * (`---`) sized to the screen instead of to process.stdout. Without colour, every SGR escape
 * is removed (cli-table and the code highlighter colour regardless of NO_COLOR).
 */
import { Marked, type MarkedExtension } from "marked"
import { markedTerminal } from "marked-terminal"

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;:]*m/g

export const stripAnsi = (text: string): string => text.replace(SGR, "")

const fixes = (width: number): MarkedExtension => ({
  renderer: {
    text(token) {
      return "tokens" in token && token.tokens !== undefined ? this.parser.parseInline(token.tokens) : false
    },
    hr() {
      return `${"─".repeat(Math.max(1, Math.min(width, 80)))}\n\n`
    }
  }
})

/** marked-terminal 7 returns a marked extension; its published types still say a Renderer. */
const isExtension = (value: unknown): value is MarkedExtension =>
  typeof value === "object" && value !== null && "renderer" in value && typeof value.renderer === "object"

const instances = new Map<string, Marked>()

/**
 * With colour a heading is set off by its style, so its `##` is left out; without colour the
 * `##` is all that marks it.
 */
const markedFor = (width: number, colour: boolean): Marked => {
  const key = `${width}:${colour ? 1 : 0}`
  let marked = instances.get(key)
  if (marked === undefined) {
    const terminal: unknown = markedTerminal({ width, reflowText: false, tab: 2, emoji: false, showSectionPrefix: !colour })
    marked = isExtension(terminal) ? new Marked(terminal, fixes(width)) : new Marked(fixes(width))
    instances.set(key, marked)
  }
  return marked
}

/** Rendered text without trailing blank lines. Never throws: bad Markdown shows as typed. */
export const renderMarkdown = (markdown: string, width: number, colour: boolean): string => {
  let rendered: string
  try {
    const result = markedFor(Math.max(20, width), colour).parse(markdown, { async: false })
    rendered = typeof result === "string" ? result : markdown
  } catch {
    rendered = markdown
  }
  const trimmed = rendered.replace(/\s+$/, "")
  return colour ? trimmed : stripAnsi(trimmed)
}
