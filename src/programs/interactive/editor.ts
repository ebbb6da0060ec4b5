/**
 * The prompt editor as pure data: text, a cursor, and the large pastes that stand behind
 * `[Pasted text #N +M lines]` placeholders (expanded when the message is sent). Every
 * operation returns a new state; the cursor always sits on a code point boundary.
 */

export interface EditorState {
  readonly text: string
  /** Index into `text` (UTF-16 units). */
  readonly cursor: number
  readonly pastes: ReadonlyMap<number, string>
  readonly nextPasteId: number
}

export const emptyEditor: EditorState = { text: "", cursor: 0, pastes: new Map(), nextPasteId: 1 }

export const editorWith = (text: string): EditorState => ({ ...emptyEditor, text, cursor: text.length })

/** Pastes above either limit are collapsed into a placeholder. */
export const PASTE_MAX_LINES = 5
export const PASTE_MAX_CHARS = 500

const PLACEHOLDER = /\[Pasted text #(\d+) \+\d+ (?:lines|chars)\]/g

export const placeholderFor = (id: number, text: string): string => {
  // A paste of 200 whole lines ends with a newline: that is not a 201st line.
  const lines = text.replace(/\n$/, "").split("\n").length
  return lines > 1 ? `[Pasted text #${id} +${lines} lines]` : `[Pasted text #${id} +${text.length} chars]`
}

export const isLargePaste = (text: string): boolean =>
  text.length > PASTE_MAX_CHARS || text.split("\n").length > PASTE_MAX_LINES

export const insert = (state: EditorState, inserted: string): EditorState => ({
  ...state,
  text: state.text.slice(0, state.cursor) + inserted + state.text.slice(state.cursor),
  cursor: state.cursor + inserted.length
})

/** A paste: small ones are typed in, large ones become a placeholder. */
export const paste = (state: EditorState, text: string): EditorState => {
  if (!isLargePaste(text)) return insert(state, text)
  const id = state.nextPasteId
  const pastes = new Map(state.pastes)
  pastes.set(id, text)
  return insert({ ...state, pastes, nextPasteId: id + 1 }, placeholderFor(id, text))
}

/** The text to send: placeholders replaced by what was pasted. */
export const expand = (state: EditorState): string =>
  state.text.replace(PLACEHOLDER, (whole, id: string) => state.pastes.get(Number(id)) ?? whole)

/** A placeholder that ends exactly at `index`, if any (deleted as one unit). */
const placeholderEndingAt = (state: EditorState, index: number): { start: number; id: number } | undefined => {
  if (state.text[index - 1] !== "]") return undefined
  const open = state.text.lastIndexOf("[Pasted text #", index)
  if (open === -1) return undefined
  const candidate = state.text.slice(open, index)
  const match = /^\[Pasted text #(\d+) \+\d+ (?:lines|chars)\]$/.exec(candidate)
  if (match === null || !state.pastes.has(Number(match[1]))) return undefined
  return { start: open, id: Number(match[1]) }
}

const placeholderStartingAt = (state: EditorState, index: number): { end: number; id: number } | undefined => {
  if (!state.text.startsWith("[Pasted text #", index)) return undefined
  const close = state.text.indexOf("]", index)
  if (close === -1) return undefined
  const match = /^\[Pasted text #(\d+) \+\d+ (?:lines|chars)\]$/.exec(state.text.slice(index, close + 1))
  if (match === null || !state.pastes.has(Number(match[1]))) return undefined
  return { end: close + 1, id: Number(match[1]) }
}

const withoutPaste = (pastes: ReadonlyMap<number, string>, id: number): ReadonlyMap<number, string> => {
  const next = new Map(pastes)
  next.delete(id)
  return next
}

/** Length of the code point that ends at `index`. */
const previousLength = (text: string, index: number): number => {
  if (index <= 0) return 0
  const low = text.charCodeAt(index - 1)
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1
}

const nextLength = (text: string, index: number): number => {
  if (index >= text.length) return 0
  const code = text.codePointAt(index) ?? 0
  return code > 0xffff ? 2 : 1
}

export const backspace = (state: EditorState): EditorState => {
  if (state.cursor === 0) return state
  const placeholder = placeholderEndingAt(state, state.cursor)
  if (placeholder !== undefined) {
    return {
      ...state,
      text: state.text.slice(0, placeholder.start) + state.text.slice(state.cursor),
      cursor: placeholder.start,
      pastes: withoutPaste(state.pastes, placeholder.id)
    }
  }
  const length = previousLength(state.text, state.cursor)
  return { ...state, text: state.text.slice(0, state.cursor - length) + state.text.slice(state.cursor), cursor: state.cursor - length }
}

export const deleteForward = (state: EditorState): EditorState => {
  if (state.cursor >= state.text.length) return state
  const placeholder = placeholderStartingAt(state, state.cursor)
  if (placeholder !== undefined) {
    return {
      ...state,
      text: state.text.slice(0, state.cursor) + state.text.slice(placeholder.end),
      pastes: withoutPaste(state.pastes, placeholder.id)
    }
  }
  const length = nextLength(state.text, state.cursor)
  return { ...state, text: state.text.slice(0, state.cursor) + state.text.slice(state.cursor + length) }
}

export const left = (state: EditorState): EditorState => ({ ...state, cursor: state.cursor - previousLength(state.text, state.cursor) })
export const right = (state: EditorState): EditorState => ({ ...state, cursor: state.cursor + nextLength(state.text, state.cursor) })

const lineStart = (text: string, index: number): number => text.lastIndexOf("\n", index - 1) + 1
const lineEnd = (text: string, index: number): number => {
  const newline = text.indexOf("\n", index)
  return newline === -1 ? text.length : newline
}

export const home = (state: EditorState): EditorState => ({ ...state, cursor: lineStart(state.text, state.cursor) })
export const end = (state: EditorState): EditorState => ({ ...state, cursor: lineEnd(state.text, state.cursor) })

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_]/u.test(char)

const wordStartBefore = (text: string, index: number): number => {
  let i = index
  while (i > 0 && !isWordChar(text[i - 1])) i -= 1
  while (i > 0 && isWordChar(text[i - 1])) i -= 1
  return i
}

export const wordLeft = (state: EditorState): EditorState => ({ ...state, cursor: wordStartBefore(state.text, state.cursor) })

export const wordRight = (state: EditorState): EditorState => {
  let i = state.cursor
  const text = state.text
  while (i < text.length && !isWordChar(text[i])) i += 1
  while (i < text.length && isWordChar(text[i])) i += 1
  return { ...state, cursor: i }
}

export const deleteWordBack = (state: EditorState): EditorState => {
  const start = wordStartBefore(state.text, state.cursor)
  return { ...state, text: state.text.slice(0, start) + state.text.slice(state.cursor), cursor: start }
}

/** Ctrl-K: to the end of the line (or the newline itself at a line's end). */
export const killToEnd = (state: EditorState): EditorState => {
  const stop = lineEnd(state.text, state.cursor)
  const to = stop === state.cursor && stop < state.text.length ? stop + 1 : stop
  return { ...state, text: state.text.slice(0, state.cursor) + state.text.slice(to) }
}

/** Ctrl-U: to the start of the line. */
export const killToStart = (state: EditorState): EditorState => {
  const start = lineStart(state.text, state.cursor)
  return { ...state, text: state.text.slice(0, start) + state.text.slice(state.cursor), cursor: start }
}

/** Column (in code points) of the cursor on its line. */
const columnOf = (text: string, start: number, index: number): number => [...text.slice(start, index)].length

/** Index on the line starting at `start` at `column` code points (clamped to its end). */
const indexAtColumn = (text: string, start: number, column: number): number => {
  const stop = lineEnd(text, start)
  let index = start
  let col = 0
  while (index < stop && col < column) {
    index += nextLength(text, index)
    col += 1
  }
  return index
}

/** Up one line; undefined when the cursor is already on the first line (history instead). */
export const up = (state: EditorState): EditorState | undefined => {
  const start = lineStart(state.text, state.cursor)
  if (start === 0) return undefined
  const column = columnOf(state.text, start, state.cursor)
  const previousStart = lineStart(state.text, start - 1)
  return { ...state, cursor: indexAtColumn(state.text, previousStart, column) }
}

/** Down one line; undefined when the cursor is on the last line. */
export const down = (state: EditorState): EditorState | undefined => {
  const stop = lineEnd(state.text, state.cursor)
  if (stop >= state.text.length) return undefined
  const start = lineStart(state.text, state.cursor)
  const column = columnOf(state.text, start, state.cursor)
  return { ...state, cursor: indexAtColumn(state.text, stop + 1, column) }
}

/** `\` right before the cursor: Enter turns it into a newline instead of sending. */
export const endsWithContinuation = (state: EditorState): boolean =>
  state.cursor > 0 && state.text[state.cursor - 1] === "\\" && state.text[state.cursor - 2] !== "\\"

export const continueLine = (state: EditorState): EditorState =>
  insert({ ...state, text: state.text.slice(0, state.cursor - 1) + state.text.slice(state.cursor), cursor: state.cursor - 1 }, "\n")

/** A history entry as editor content: long entries come back collapsed, like a paste. */
export const fromHistory = (entry: string): EditorState => paste(emptyEditor, entry)
