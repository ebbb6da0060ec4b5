/**
 * Terminal input → key events. Ink splits stdin into runs of plain text and single escape
 * sequences; this turns each piece into what the editor and dialogs act on, and gathers
 * bracketed pastes (`ESC[200~ … ESC[201~`) into one event however many reads they span.
 * Pure (apart from the paste buffer it carries), so it is tested without a terminal.
 */

export type KeyName =
  | "enter"
  | "newline"
  | "backspace"
  | "delete"
  | "left"
  | "right"
  | "up"
  | "down"
  | "home"
  | "end"
  | "wordLeft"
  | "wordRight"
  | "deleteWordBack"
  | "killToEnd"
  | "killToStart"
  | "tab"
  | "shiftTab"
  | "escape"
  | "ctrlC"
  | "ctrlD"
  | "ctrlL"
  | "ctrlO"
  | "pageUp"
  | "pageDown"

export type KeyEvent =
  | { readonly _tag: "Text"; readonly text: string }
  | { readonly _tag: "Key"; readonly name: KeyName }
  | { readonly _tag: "Paste"; readonly text: string }

const ESC = "\u001b"
export const PASTE_START = `${ESC}[200~`
export const PASTE_END = `${ESC}[201~`

/** Escape sequences we act on (xterm, VT220, rxvt, kitty/modifyOtherKeys spellings). */
const SEQUENCES: Readonly<Record<string, KeyName>> = {
  [`${ESC}[A`]: "up",
  [`${ESC}[B`]: "down",
  [`${ESC}[C`]: "right",
  [`${ESC}[D`]: "left",
  [`${ESC}OA`]: "up",
  [`${ESC}OB`]: "down",
  [`${ESC}OC`]: "right",
  [`${ESC}OD`]: "left",
  [`${ESC}[H`]: "home",
  [`${ESC}[F`]: "end",
  [`${ESC}OH`]: "home",
  [`${ESC}OF`]: "end",
  [`${ESC}[1~`]: "home",
  [`${ESC}[4~`]: "end",
  [`${ESC}[7~`]: "home",
  [`${ESC}[8~`]: "end",
  [`${ESC}[3~`]: "delete",
  [`${ESC}[5~`]: "pageUp",
  [`${ESC}[6~`]: "pageDown",
  [`${ESC}[Z`]: "shiftTab",
  [`${ESC}[1;5C`]: "wordRight",
  [`${ESC}[1;5D`]: "wordLeft",
  [`${ESC}[1;3C`]: "wordRight",
  [`${ESC}[1;3D`]: "wordLeft",
  [`${ESC}b`]: "wordLeft",
  [`${ESC}f`]: "wordRight",
  [`${ESC}\u007f`]: "deleteWordBack",
  [`${ESC}\b`]: "deleteWordBack",
  // Alt+Enter, and Shift+Enter where the terminal reports it (kitty, xterm modifyOtherKeys).
  [`${ESC}\r`]: "newline",
  [`${ESC}\n`]: "newline",
  [`${ESC}[13;2u`]: "newline",
  [`${ESC}[27;2;13~`]: "newline",
  [`${ESC}[13u`]: "enter",
  [`${ESC}[27u`]: "escape",
  [ESC]: "escape",
  [`${ESC}${ESC}`]: "escape"
}

/** Single control characters inside a run of text. */
const CONTROLS: Readonly<Record<string, KeyName>> = {
  "\r": "enter",
  "\n": "newline",
  "\u007f": "backspace",
  "\b": "backspace",
  "\t": "tab",
  "\u0001": "home",
  "\u0005": "end",
  "\u0002": "left",
  "\u0006": "right",
  "\u0010": "up",
  "\u000e": "down",
  "\u000b": "killToEnd",
  "\u0015": "killToStart",
  "\u0017": "deleteWordBack",
  "\u0003": "ctrlC",
  "\u0004": "ctrlD",
  "\u000c": "ctrlL",
  "\u000f": "ctrlO"
}

/** Carries a bracketed paste across reads. */
export class KeyDecoder {
  private paste: Array<string> | undefined

  /** One piece of input as Ink's parser split it. */
  push(piece: string): ReadonlyArray<KeyEvent> {
    if (this.paste !== undefined) return this.continuePaste(piece)
    if (piece.startsWith(PASTE_START)) {
      this.paste = []
      return this.continuePaste(piece.slice(PASTE_START.length))
    }
    if (piece.startsWith(ESC)) {
      const name = SEQUENCES[piece]
      return name === undefined ? [] : [{ _tag: "Key", name }]
    }
    return decodeText(piece)
  }

  private continuePaste(piece: string): ReadonlyArray<KeyEvent> {
    const paste = this.paste ?? []
    const end = piece.indexOf(PASTE_END)
    if (end === -1) {
      paste.push(piece)
      this.paste = paste
      return []
    }
    paste.push(piece.slice(0, end))
    this.paste = undefined
    const text = normalizeNewlines(paste.join(""))
    const rest = piece.slice(end + PASTE_END.length)
    return [{ _tag: "Paste", text }, ...(rest.length > 0 ? this.push(rest) : [])]
  }
}

/** Terminals send CR (or CRLF) for the newlines of a paste. */
export const normalizeNewlines = (text: string): string => text.replace(/\r\n?/g, "\n")

const decodeText = (piece: string): ReadonlyArray<KeyEvent> => {
  const events: Array<KeyEvent> = []
  let run = ""
  const flush = () => {
    if (run.length > 0) events.push({ _tag: "Text", text: run })
    run = ""
  }
  for (const char of piece) {
    const control = CONTROLS[char]
    if (control !== undefined) {
      flush()
      events.push({ _tag: "Key", name: control })
      continue
    }
    const code = char.codePointAt(0) ?? 0
    // Other C0 controls and DEL have no meaning here.
    if (code < 0x20 || code === 0x7f) continue
    run += char
  }
  flush()
  return events
}
