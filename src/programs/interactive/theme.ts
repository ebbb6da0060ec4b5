/**
 * Colours and glyphs. Whether to colour at all follows the terminal as chalk (which Ink draws
 * with) detects it — a terminal, TERM, COLORTERM, FORCE_COLOR — and NO_COLOR, which chalk does
 * not look at: with NO_COLOR components take no colours from here. Status stays readable
 * without colour: every state has its own glyph.
 */
import { supportsColor } from "chalk"
import { type Context, createContext, createElement, type ReactNode, useContext } from "react"
import type { ToolStatus, Tone } from "./transcript.js"

export interface Theme {
  readonly colour: boolean
}

/** chalk's colour level for stdout (0 = none); read once the screen's libraries are loaded. */
export const terminalColourLevel = (): number => (supportsColor === false ? 0 : supportsColor.level)

/**
 * Colour when the terminal has it (chalk's level, which already honours FORCE_COLOR) unless
 * NO_COLOR is set to anything non-empty; FORCE_COLOR=1..3 wins over NO_COLOR, as in Node.js.
 */
export const colourWanted = (env: Readonly<Record<string, string | undefined>>, level: number): boolean => {
  const force = env["FORCE_COLOR"]
  const forced = force !== undefined && force !== "0" && force !== "false"
  const noColor = env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== ""
  return level > 0 && (forced || !noColor)
}

// Created on first use: nothing of React runs when this module is merely loaded (headless
// runs load it too, and react lives in the separately loaded TUI bundle).
let themeContext: Context<Theme> | undefined
const themeContextOf = (): Context<Theme> => (themeContext ??= createContext<Theme>({ colour: false }))

export const ThemeProvider = (props: { readonly value: Theme; readonly children: ReactNode }) =>
  createElement(themeContextOf().Provider, { value: props.value }, props.children)

export const useTheme = (): Theme => useContext(themeContextOf())

type Colour = "red" | "green" | "yellow" | "blue" | "cyan" | "magenta" | "gray" | "white"

/** `{ color }` when colours are on; nothing otherwise. */
export const paint = (theme: Theme, colour: Colour | undefined): { color?: string } =>
  theme.colour && colour !== undefined ? { color: colour } : {}

export const toneColour = (tone: Tone | undefined): Colour | undefined => {
  switch (tone) {
    case "error":
      return "red"
    case "warning":
      return "yellow"
    case "success":
      return "green"
    case "info":
      return "cyan"
    case "dim":
      return "gray"
    default:
      return undefined
  }
}

export const STATUS_GLYPH: Readonly<Record<ToolStatus, string>> = {
  pending: "○",
  running: "◌",
  success: "●",
  error: "✗",
  denied: "⊘"
}

export const statusColour = (status: ToolStatus): Colour => {
  switch (status) {
    case "pending":
      return "gray"
    case "running":
      return "yellow"
    case "success":
      return "green"
    case "error":
      return "red"
    case "denied":
      return "red"
  }
}

/** Reverse video marks the cursor: not a colour, so it stays with NO_COLOR. */
export const inverse = (text: string): string => `\u001b[7m${text}\u001b[27m`

/** Terminal columns a string takes (wide East Asian characters and emoji count two). */
export const textWidth = (text: string): number => {
  let width = 0
  // eslint-disable-next-line no-control-regex
  for (const char of text.replace(/\u001b\[[0-9;:]*m/g, "")) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code < 0x370) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue
    width += isWide(code) ? 2 : 1
  }
  return width
}

const isWide = (code: number): boolean =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  (code >= 0x1f300 && code <= 0x1f64f) ||
  (code >= 0x1f900 && code <= 0x1f9ff) ||
  (code >= 0x20000 && code <= 0x3fffd)

/** Rows `text` takes when wrapped at `width` columns. */
export const rowsOf = (text: string, width: number): number => {
  const columns = Math.max(1, width)
  let rows = 0
  for (const line of text.split("\n")) rows += Math.max(1, Math.ceil(textWidth(line) / columns))
  return rows
}

/** The last `maxRows` rows of `text` wrapped at `width` (whole source lines). */
export const lastRows = (text: string, width: number, maxRows: number): { text: string; hidden: number } => {
  const lines = text.split("\n")
  let rows = 0
  let start = lines.length
  while (start > 0) {
    const next = Math.max(1, Math.ceil(textWidth(lines[start - 1] ?? "") / Math.max(1, width)))
    if (rows + next > maxRows) break
    rows += next
    start -= 1
  }
  return { text: lines.slice(start).join("\n"), hidden: start }
}

/** The first `maxRows` rows of `text` wrapped at `width` (whole source lines). */
export const firstRows = (text: string, width: number, maxRows: number): { text: string; hidden: number } => {
  const lines = text.split("\n")
  let rows = 0
  let end = 0
  while (end < lines.length) {
    const next = Math.max(1, Math.ceil(textWidth(lines[end] ?? "") / Math.max(1, width)))
    if (rows + next > maxRows && end > 0) break
    rows += next
    end += 1
  }
  return { text: lines.slice(0, end).join("\n"), hidden: lines.length - end }
}

/** Splits `text` into pieces of at most `width` columns (a word longer than a row is cut). */
const cutToWidth = (text: string, width: number): Array<string> => {
  const pieces: Array<string> = []
  let piece = ""
  for (const char of text) {
    if (piece.length > 0 && textWidth(piece + char) > width) {
      pieces.push(piece)
      piece = ""
    }
    piece += char
  }
  if (piece.length > 0) pieces.push(piece)
  return pieces
}

/**
 * Word-wraps plain text at `width` columns: rows break at spaces (the space is dropped, never
 * carried to the next row's start) and only a word longer than a row is cut. Each source line
 * keeps its own leading indentation and its inner spacing; rows after a line's first are
 * indented by `hang` columns.
 */
export const wrapWords = (text: string, width: number, hang = 0): ReadonlyArray<string> => {
  const columns = Math.max(1, width)
  const rows: Array<string> = []
  for (const line of text.split("\n")) {
    if (textWidth(line) <= columns) {
      rows.push(line)
      continue
    }
    const indent = " ".repeat(Math.min(hang, Math.max(0, columns - 10)))
    const tokens = line.split(/(\s+)/).filter((token) => token.length > 0)
    let row = ""
    let pendingSpace = ""
    const flush = () => {
      rows.push(row)
      row = indent
      pendingSpace = ""
    }
    for (const token of tokens) {
      if (/^\s+$/.test(token)) {
        // Leading indentation is kept; spaces between words wait for the next word.
        if (row.length === 0) row = token
        else pendingSpace = token
        continue
      }
      if (textWidth(row + pendingSpace + token) <= columns) {
        row += pendingSpace + token
        pendingSpace = ""
        continue
      }
      if (row.trim().length > 0) flush()
      if (textWidth(row + token) <= columns) {
        row += token
        continue
      }
      // A word longer than a row: cut it.
      const room = Math.max(1, columns - textWidth(row))
      const [head = "", ...rest] = cutToWidth(token, room)
      row += head
      for (const piece of rest.flatMap((part) => cutToWidth(part, Math.max(1, columns - indent.length)))) {
        flush()
        row += piece
      }
    }
    if (row.trim().length > 0 || rows.length === 0) rows.push(row)
  }
  return rows
}
