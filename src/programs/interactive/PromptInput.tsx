/**
 * The prompt: multi-line editing, history on ↑/↓, bracketed paste with large pastes collapsed,
 * and the slash-command menu. Enter sends; Ctrl+J, Alt+Enter or `\` then Enter add a line.
 */
import { Box, Text } from "ink"
import { useEffect, useRef, useState } from "react"
import { matchCommands } from "./slashCommands.js"
import * as Editor from "./editor.js"
import { useKeys } from "./keyRouting.js"
import type { KeyEvent } from "./keyDecoding.js"
import { type ActiveMention, activeMention, completeMention, MENTION_ROWS, matchFiles, projectFiles } from "./mentions.js"
import { handlePromptKey, type MentionMenu, type PromptState } from "./promptKeys.js"
import { inverse, paint, useTheme } from "./theme.js"

export interface PromptInputProps {
  /** Earlier prompts, oldest first. */
  readonly history: ReadonlyArray<string>
  readonly busy: boolean
  readonly onSubmit: (text: string, display: string) => void
  /** Esc twice within this window clears the prompt. */
  readonly doubleEscMs?: number
  /** Where `@` mentions look for files (default: the working directory). */
  readonly projectDir?: string
}

const MENU_ROWS = 8
/** Lines of a long message shown at once. */
const EDITOR_ROWS = 10

export const PromptInput = (props: PromptInputProps) => {
  const theme = useTheme()
  const [, redraw] = useState(0)
  const state = useRef<PromptState>({
    editor: Editor.emptyEditor,
    historyIndex: undefined,
    draft: Editor.emptyEditor,
    menuIndex: 0,
    menuDismissedFor: undefined,
    lastEscAt: 0
  })
  const submitted = useRef<Array<string>>([])

  const [files, setFiles] = useState<ReadonlyArray<string> | undefined>(undefined)
  const root = props.projectDir ?? process.cwd()
  const allHistory = (): ReadonlyArray<string> => [...props.history, ...submitted.current]
  // A command recalled from the history opens no menu: ↑/↓ go on through the history, Enter sends
  // it as it is. Editing it opens the menu again.
  const menuFor = (s: PromptState) => (s.historyIndex !== undefined || s.menuDismissedFor === s.editor.text ? [] : matchCommands(s.editor.text))
  /** The `@` being typed and the files it matches (none while the file list loads). */
  const mentionFor = (s: PromptState): MentionMenu | undefined => {
    if (s.historyIndex !== undefined || s.menuDismissedFor === s.editor.text) return undefined
    const mention = activeMention(s.editor.text, s.editor.cursor)
    if (mention === undefined) return undefined
    return { mention, matches: files === undefined ? [] : matchFiles(files, mention.query, MENTION_ROWS) }
  }
  const completeWith = (s: PromptState, mention: ActiveMention, path: string) => {
    const done = completeMention(s.editor.text, mention, path)
    setEditor({ ...s.editor, text: done.text, cursor: done.cursor })
  }

  const setEditor = (editor: Editor.EditorState, keepHistory = false) => {
    const s = state.current
    if (editor.text !== s.editor.text) s.menuIndex = 0
    s.editor = editor
    if (!keepHistory) s.historyIndex = undefined
  }

  const browse = (direction: -1 | 1): boolean => {
    const s = state.current
    const entries = allHistory()
    if (entries.length === 0) return false
    if (s.historyIndex === undefined) {
      if (direction === 1) return false
      s.draft = s.editor
      s.historyIndex = entries.length - 1
    } else {
      const next = s.historyIndex + direction
      if (next >= entries.length) {
        s.historyIndex = undefined
        setEditor(s.draft)
        return true
      }
      s.historyIndex = Math.max(0, next)
    }
    setEditor(Editor.fromHistory(entries[s.historyIndex] ?? ""), true)
    return true
  }

  const submit = () => {
    const s = state.current
    const text = Editor.expand(s.editor)
    if (text.trim().length === 0) return
    submitted.current.push(text)
    props.onSubmit(text, s.editor.text)
    s.editor = Editor.emptyEditor
    s.historyIndex = undefined
    s.draft = Editor.emptyEditor
    s.menuIndex = 0
  }

  const handle = (event: KeyEvent): boolean => {
    const s = state.current
    return handlePromptKey(event, {
      state: s,
      menu: menuFor(s),
      mentioned: mentionFor(s),
      busy: props.busy,
      doubleEscMs: props.doubleEscMs,
      setEditor,
      browse,
      submit,
      completeWith
    })
  }

  useKeys("input", (event) => {
    const handled = handle(event)
    redraw((n) => n + 1)
    return handled
  })

  const s = state.current
  const menu = menuFor(s)
  const mentioned = mentionFor(s)
  const mentionMenu = mentioned?.matches ?? []
  const wantsFiles = mentioned !== undefined
  // The file list is walked when an `@` is typed (and again once it is a few seconds old).
  useEffect(() => {
    if (!wantsFiles) return
    let live = true
    void projectFiles(root).then((found) => {
      if (live) setFiles((current) => (current === found ? current : found))
    })
    return () => {
      live = false
    }
  }, [wantsFiles, root])
  const all = renderLines(s.editor)
  // A long message scrolls inside the prompt: the lines around the cursor are shown.
  const cursorLine = s.editor.text.slice(0, s.editor.cursor).split("\n").length - 1
  const first = Math.min(Math.max(0, cursorLine - EDITOR_ROWS + 1), Math.max(0, all.length - EDITOR_ROWS))
  const lines = all.slice(first, first + EDITOR_ROWS)
  const below = all.length - first - lines.length
  const empty = s.editor.text.length === 0
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" {...(theme.colour ? { borderColor: "gray" } : {})} paddingX={1} flexDirection="column">
        {first > 0 ? <Text dimColor={theme.colour}>  ↑ {first} more line{first === 1 ? "" : "s"}</Text> : null}
        {lines.map((line, index) => (
          <Text key={first + index}>
            <Text {...paint(theme, "cyan")}>{first + index === 0 ? "> " : "  "}</Text>
            {line}
            {empty && index === 0 ? <Text dimColor={theme.colour}>Type a message · / for commands</Text> : null}
          </Text>
        ))}
        {below > 0 ? <Text dimColor={theme.colour}>  ↓ {below} more line{below === 1 ? "" : "s"}</Text> : null}
      </Box>
      {menu.length > 0 ? (
        <Box flexDirection="column" paddingX={2}>
          {menu.slice(0, MENU_ROWS).map((command, index, shown) => {
            const selected = index === Math.min(s.menuIndex, menu.length - 1)
            return (
              <Text key={command.name} wrap="truncate-end">
                <Text {...paint(theme, selected ? "cyan" : undefined)} bold={selected && theme.colour}>
                  {selected ? "❯ " : "  "}/{command.name.padEnd(Math.max(13, ...shown.map((c) => c.name.length + 1)))}
                </Text>
                <Text dimColor={theme.colour}>{command.description}</Text>
              </Text>
            )
          })}
        </Box>
      ) : null}
      {mentionMenu.length > 0 ? (
        <Box flexDirection="column" paddingX={2}>
          {mentionMenu.map((path, index) => {
            const selected = index === Math.min(s.menuIndex, mentionMenu.length - 1)
            return (
              <Text key={path} wrap="truncate-middle">
                <Text {...paint(theme, selected ? "cyan" : undefined)} bold={selected && theme.colour}>
                  {selected ? "❯ " : "  "}@{path}
                </Text>
              </Text>
            )
          })}
        </Box>
      ) : null}
    </Box>
  )
}

/** The editor's lines with the cursor drawn in reverse video. */
export const renderLines = (editor: Editor.EditorState): ReadonlyArray<string> => {
  const { cursor, text } = editor
  const before = text.slice(0, cursor)
  const at = text.codePointAt(cursor)
  const atChar = at === undefined || at === 10 ? " " : String.fromCodePoint(at)
  const afterStart = at === undefined || at === 10 ? cursor : cursor + atChar.length
  const withCursor = `${before}${inverse(atChar)}${text.slice(afterStart)}`
  return withCursor.split("\n")
}
