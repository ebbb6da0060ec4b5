/**
 * What each key does at the prompt: editing, history on ↑/↓, Enter/Tab in the slash-command
 * and `@` file menus, Esc (closes a menu; twice clears the prompt). PromptInput.tsx holds the
 * state and draws it; this file changes the state for one key.
 */
import * as Editor from "./editor.js"
import type { KeyEvent } from "./keyDecoding.js"
import type { ActiveMention } from "./mentions.js"
import type { SlashCommand } from "./slashCommands.js"

export interface PromptState {
  editor: Editor.EditorState
  /** Position in `history` while browsing it; undefined while editing. */
  historyIndex: number | undefined
  draft: Editor.EditorState
  menuIndex: number
  /** The text the menu was dismissed for (Esc); it reopens when the text changes. */
  menuDismissedFor: string | undefined
  lastEscAt: number
}

/** The `@` being typed and the files it matches. */
export interface MentionMenu {
  readonly mention: ActiveMention
  readonly matches: ReadonlyArray<string>
}

/** The prompt's state and the actions a key may take on it. */
export interface PromptKeyContext {
  readonly state: PromptState
  readonly menu: ReadonlyArray<SlashCommand>
  readonly mentioned: MentionMenu | undefined
  readonly busy: boolean
  /** Esc twice within this window clears the prompt (default 800 ms). */
  readonly doubleEscMs: number | undefined
  readonly setEditor: (editor: Editor.EditorState, keepHistory?: boolean) => void
  readonly browse: (direction: -1 | 1) => boolean
  readonly submit: () => void
  readonly completeWith: (s: PromptState, mention: ActiveMention, path: string) => void
}

/** True when the key was the prompt's to handle. */
export const handlePromptKey = (event: KeyEvent, ctx: PromptKeyContext): boolean => {
  const { state: s, menu, mentioned, busy, doubleEscMs, setEditor, browse, submit, completeWith } = ctx
  const mentionMenu = mentioned?.matches ?? []
  const pickedFile = mentionMenu[Math.min(s.menuIndex, mentionMenu.length - 1)]
  if (event._tag === "Text") {
    setEditor(Editor.insert(s.editor, event.text))
    return true
  }
  if (event._tag === "Paste") {
    setEditor(Editor.paste(s.editor, event.text))
    return true
  }
  switch (event.name) {
    case "enter": {
      // Enter completes the file picked in the `@` menu (unless it is already typed out).
      if (mentioned !== undefined && pickedFile !== undefined && pickedFile !== mentioned.mention.query) {
        completeWith(s, mentioned.mention, pickedFile)
        return true
      }
      const picked = menu[Math.min(s.menuIndex, menu.length - 1)]
      if (picked !== undefined) setEditor(Editor.editorWith(`/${picked.name}`))
      else if (Editor.endsWithContinuation(s.editor)) {
        setEditor(Editor.continueLine(s.editor))
        return true
      }
      submit()
      return true
    }
    case "newline":
      setEditor(Editor.insert(s.editor, "\n"))
      return true
    case "tab": {
      if (mentioned !== undefined && pickedFile !== undefined) {
        completeWith(s, mentioned.mention, pickedFile)
        return true
      }
      const picked = menu[Math.min(s.menuIndex, menu.length - 1)]
      if (picked !== undefined) setEditor(Editor.editorWith(`/${picked.name}`))
      return true
    }
    case "backspace":
      setEditor(Editor.backspace(s.editor))
      return true
    case "delete":
    case "ctrlD":
      setEditor(Editor.deleteForward(s.editor))
      return true
    case "left":
      setEditor(Editor.left(s.editor), true)
      return true
    case "right":
      setEditor(Editor.right(s.editor), true)
      return true
    case "home":
      setEditor(Editor.home(s.editor), true)
      return true
    case "end":
      setEditor(Editor.end(s.editor), true)
      return true
    case "wordLeft":
      setEditor(Editor.wordLeft(s.editor), true)
      return true
    case "wordRight":
      setEditor(Editor.wordRight(s.editor), true)
      return true
    case "deleteWordBack":
      setEditor(Editor.deleteWordBack(s.editor))
      return true
    case "killToEnd":
      setEditor(Editor.killToEnd(s.editor))
      return true
    case "killToStart":
      setEditor(Editor.killToStart(s.editor))
      return true
    case "up": {
      if (mentionMenu.length > 0) {
        s.menuIndex = (Math.min(s.menuIndex, mentionMenu.length - 1) - 1 + mentionMenu.length) % mentionMenu.length
        return true
      }
      if (menu.length > 0) {
        s.menuIndex = (s.menuIndex - 1 + menu.length) % menu.length
        return true
      }
      const moved = Editor.up(s.editor)
      if (moved !== undefined) setEditor(moved, true)
      else browse(-1)
      return true
    }
    case "down": {
      if (mentionMenu.length > 0) {
        s.menuIndex = (Math.min(s.menuIndex, mentionMenu.length - 1) + 1) % mentionMenu.length
        return true
      }
      if (menu.length > 0) {
        s.menuIndex = (s.menuIndex + 1) % menu.length
        return true
      }
      const moved = Editor.down(s.editor)
      if (moved !== undefined) setEditor(moved, true)
      else browse(1)
      return true
    }
    case "escape": {
      if (menu.length > 0 || mentionMenu.length > 0) {
        s.menuDismissedFor = s.editor.text
        return true
      }
      if (busy) return false
      const now = Date.now()
      if (now - s.lastEscAt < (doubleEscMs ?? 800)) {
        setEditor(Editor.emptyEditor)
        s.lastEscAt = 0
      } else {
        s.lastEscAt = now
      }
      return true
    }
    case "ctrlC":
      // Clears the prompt; the screen then arms (or completes) the exit.
      setEditor(Editor.emptyEditor)
      return false
    default:
      return false
  }
}
