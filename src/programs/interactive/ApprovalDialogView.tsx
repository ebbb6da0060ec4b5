/**
 * The approval dialog and the plan dialog (ExitPlanMode in plan mode):
 * a preview, numbered choices (↑/↓ and Enter, or the number), Esc for "no", and an inline
 * reason for the agent after "No".
 */
import { Box, Text } from "ink"
import { useMemo, useRef, useState } from "react"
import type { ApprovalChoice, ApprovalPreview } from "../../domain/dialogs.js"
import * as Editor from "./editor.js"
import { useKeys } from "./keyRouting.js"
import { renderMarkdown } from "./markdown.js"
import type { KeyEvent } from "./keyDecoding.js"
import { renderLines } from "./PromptInput.js"
import type { DialogView } from "./store.js"
import { firstRows, paint, rowsOf, useTheme } from "./theme.js"

type ApprovalView = Extract<DialogView, { _tag: "Approval" }>

interface Option {
  readonly label: string
  /** Undefined: asks for a reason first. */
  readonly choice: ApprovalChoice | undefined
}

export const dialogOptions = (view: ApprovalView): ReadonlyArray<Option> => {
  const dialog = view.dialog
  if (dialog._tag === "Plan") {
    return [
      { label: "Yes, and auto-accept edits", choice: { _tag: "StartCoding", mode: "acceptEdits" } },
      { label: "Yes, and ask before edits", choice: { _tag: "StartCoding", mode: "default" } },
      { label: "No, keep planning (esc)", choice: undefined }
    ]
  }
  return [
    { label: "Yes", choice: { _tag: "Yes" } },
    ...(dialog.suggestion === undefined
      ? []
      : [{ label: dialog.suggestion.label, choice: { _tag: "Always" } as const }]),
    { label: "No, and tell the agent what to do differently (esc)", choice: undefined }
  ]
}

export const ApprovalDialogView = (props: { readonly view: ApprovalView; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const [, redraw] = useState(0)
  const state = useRef<{ selected: number; reason: Editor.EditorState | undefined; done: boolean }>({ selected: 0, reason: undefined, done: false })
  const options = dialogOptions(props.view)

  const answer = (choice: ApprovalChoice) => {
    if (state.current.done) return
    state.current.done = true
    props.view.answer(choice)
  }
  const pick = (index: number) => {
    const option = options[index]
    if (option === undefined) return
    state.current.selected = index
    if (option.choice === undefined) state.current.reason = Editor.emptyEditor
    else answer(option.choice)
  }

  const handleReason = (event: KeyEvent, reason: Editor.EditorState): void => {
    const s = state.current
    if (event._tag === "Text" || event._tag === "Paste") {
      s.reason = Editor.insert(reason, event.text.replace(/\n/g, " "))
      return
    }
    switch (event.name) {
      case "enter":
        answer({ _tag: "No", reason: reason.text.trim() })
        return
      case "escape":
        answer({ _tag: "No", reason: "" })
        return
      case "backspace":
        s.reason = Editor.backspace(reason)
        return
      case "delete":
        s.reason = Editor.deleteForward(reason)
        return
      case "left":
        s.reason = Editor.left(reason)
        return
      case "right":
        s.reason = Editor.right(reason)
        return
      case "home":
        s.reason = Editor.home(reason)
        return
      case "end":
        s.reason = Editor.end(reason)
        return
      case "deleteWordBack":
        s.reason = Editor.deleteWordBack(reason)
        return
      case "killToStart":
        s.reason = Editor.killToStart(reason)
        return
      default:
        return
    }
  }

  useKeys("dialog", (event) => {
    const s = state.current
    // Answered: the next dialog (if any) takes further keys.
    if (s.done) return false
    if (event._tag === "Key" && (event.name === "ctrlC" || event.name === "shiftTab")) return false
    if (s.reason !== undefined) handleReason(event, s.reason)
    else if (event._tag === "Text") {
      const digit = Number(event.text[0])
      if (Number.isInteger(digit) && digit >= 1) pick(digit - 1)
    } else if (event._tag === "Key") {
      switch (event.name) {
        case "up":
          s.selected = (s.selected - 1 + options.length) % options.length
          break
        case "down":
        case "tab":
          s.selected = (s.selected + 1) % options.length
          break
        case "enter":
          pick(s.selected)
          break
        case "escape":
          answer({ _tag: "No", reason: "" })
          break
        default:
          break
      }
    }
    redraw((n) => n + 1)
    return true
  })

  const { dialog, position } = props.view
  const s = state.current
  const counter = position !== undefined && position.total > 1 ? ` (${position.index} of ${position.total})` : ""
  const title = dialog._tag === "Plan" ? "Ready to code?" : dialog.title
  // Rows for the preview: what is left after the border (2), title (1), the blank lines around
  // the preview (2), the question (1), the choices and the reason prompt (3).
  const inner = Math.max(10, props.width - 4)
  const choiceRows = options.reduce((rows, option) => rows + rowsOf(`❯ 9. ${option.label}`, inner), 0)
  const previewRows = Math.max(3, props.maxRows - 6 - choiceRows - (s.reason === undefined ? 0 : 3))
  return (
    <Box flexDirection="column" borderStyle="round" {...(theme.colour ? { borderColor: dialog._tag === "Plan" ? "cyan" : "yellow" } : {})} paddingX={1} width={props.width}>
      <Text bold={theme.colour} {...paint(theme, dialog._tag === "Plan" ? "cyan" : "yellow")}>
        {title}
        {counter}
      </Text>
      <Box marginY={1} flexDirection="column">
        {dialog._tag === "Plan" ? (
          <>
            <Text>Here is the agent's plan:</Text>
            <PlanText plan={dialog.plan} width={props.width - 4} maxRows={previewRows - 1} />
          </>
        ) : (
          <PreviewView preview={dialog.preview} width={props.width - 4} maxRows={previewRows} />
        )}
      </Box>
      <Text>{dialog._tag === "Plan" ? "Would you like to proceed?" : "Do you want to proceed?"}</Text>
      {options.map((option, index) => {
        const selected = index === s.selected
        return (
          <Text key={index} {...paint(theme, selected ? "cyan" : undefined)} bold={selected && theme.colour}>
            {selected ? "❯ " : "  "}
            {index + 1}. {option.label}
          </Text>
        )
      })}
      {s.reason !== undefined ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{dialog._tag === "Plan" ? "What should change in the plan?" : "Tell the agent what to do differently"} (Enter to send, Esc to skip):</Text>
          <Text>
            <Text {...paint(theme, "cyan")}>{"> "}</Text>
            {renderLines(s.reason).join(" ")}
          </Text>
        </Box>
      ) : null}
    </Box>
  )
}

const PlanText = (props: { readonly plan: string; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const rendered = useMemo(() => renderMarkdown(props.plan, props.width, theme.colour), [props.plan, props.width, theme.colour])
  // A long plan shows its start here; it is printed whole in the transcript once answered.
  const shown = firstRows(rendered, props.width, Math.max(1, props.maxRows - 1))
  return (
    <Box flexDirection="column">
      <Text>{shown.text}</Text>
      {shown.hidden > 0 ? <Text dimColor={theme.colour}>… {shown.hidden} more line{shown.hidden === 1 ? "" : "s"}</Text> : null}
    </Box>
  )
}

export const PreviewView = (props: { readonly preview: ApprovalPreview; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const { preview } = props
  switch (preview._tag) {
    case "Command": {
      // The agent's description goes above the command as a shell comment: even without colour
      // it cannot be read as part of the command.
      const description = preview.description === undefined || preview.description.trim().length === 0 ? undefined : preview.description.trim().replace(/^/gm, "# ")
      const descriptionRows = description === undefined ? 0 : rowsOf(description, props.width)
      const command = firstRows(`$ ${preview.command}`, props.width, Math.max(1, props.maxRows - descriptionRows - 1))
      return (
        <Box flexDirection="column">
          {description === undefined ? null : <Text dimColor={theme.colour}>{description}</Text>}
          <Text bold={theme.colour}>{command.text}</Text>
          {command.hidden > 0 ? <Text dimColor={theme.colour}>… {command.hidden} more line{command.hidden === 1 ? "" : "s"}</Text> : null}
        </Box>
      )
    }
    case "Fields": {
      const shown = preview.fields.slice(0, Math.max(1, props.maxRows))
      return (
        <Box flexDirection="column">
          {shown.map((field, index) => (
            <Text key={index} wrap="truncate-end">
              <Text dimColor={theme.colour}>{field.label}: </Text>
              {field.value}
            </Text>
          ))}
        </Box>
      )
    }
    case "Diff": {
      // Header, the note, and the "more" line; diff lines are truncated to one row each.
      const room = Math.max(1, props.maxRows - 2 - (preview.note === undefined ? 0 : rowsOf(preview.note, props.width)))
      const shown = preview.lines.slice(0, room)
      const more = preview.lines.length - shown.length
      return (
        <Box flexDirection="column">
          <Text bold={theme.colour}>
            {preview.path}
            <Text {...paint(theme, "green")}> +{preview.added}</Text>
            <Text {...paint(theme, "red")}> -{preview.removed}</Text>
          </Text>
          {preview.note === undefined ? null : <Text {...paint(theme, "yellow")}>{preview.note}</Text>}
          {shown.map((line, index) => (
            <Text
              key={index}
              wrap="truncate-end"
              {...paint(theme, line.kind === "add" ? "green" : line.kind === "remove" ? "red" : line.kind === "hunk" ? "cyan" : undefined)}
              dimColor={line.kind === "context" && theme.colour}
            >
              {line.kind === "add" ? "+ " : line.kind === "remove" ? "- " : line.kind === "hunk" ? "" : "  "}
              {line.text}
            </Text>
          ))}
          {more > 0 ? <Text dimColor={theme.colour}>… {more} more line{more === 1 ? "" : "s"}</Text> : null}
        </Box>
      )
    }
  }
}
