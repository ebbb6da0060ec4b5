/** A pick list (the /model picker): type to filter, ↑/↓, Enter to choose, Esc to cancel. */
import { Box, Text } from "ink"
import { useRef, useState } from "react"
import { useKeys } from "./keyRouting.js"
import type { DialogView, SelectOption } from "./store.js"
import { paint, textWidth, useTheme } from "./theme.js"

type SelectView = Extract<DialogView, { _tag: "Select" }>

export const filterOptions = (options: ReadonlyArray<SelectOption>, filter: string): ReadonlyArray<SelectOption> => {
  const query = filter.trim().toLowerCase()
  if (query.length === 0) return options
  return options.filter((option) => option.label.toLowerCase().includes(query) || option.value.toLowerCase().includes(query))
}

export const SelectDialog = (props: { readonly view: SelectView; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const [, redraw] = useState(0)
  const initial = Math.max(0, props.view.options.findIndex((option) => option.value === props.view.current))
  const state = useRef({ filter: "", selected: initial, done: false })

  useKeys("dialog", (event) => {
    const s = state.current
    if (s.done) return false
    const visible = filterOptions(props.view.options, s.filter)
    if (event._tag === "Text" || event._tag === "Paste") {
      s.filter += event.text.replace(/\s+/g, " ")
      s.selected = 0
    } else {
      switch (event.name) {
        case "up":
          s.selected = visible.length === 0 ? 0 : (s.selected - 1 + visible.length) % visible.length
          break
        case "down":
        case "tab":
          s.selected = visible.length === 0 ? 0 : (s.selected + 1) % visible.length
          break
        case "backspace":
          s.filter = s.filter.slice(0, -1)
          s.selected = 0
          break
        case "enter": {
          const chosen = visible[s.selected]
          if (chosen !== undefined && !s.done) {
            s.done = true
            props.view.answer(chosen.value)
          }
          break
        }
        case "escape":
          if (!s.done) {
            s.done = true
            props.view.answer(undefined)
          }
          break
        case "ctrlC":
        case "shiftTab":
          return false
        default:
          break
      }
    }
    redraw((n) => n + 1)
    return true
  })

  const s = state.current
  const visible = filterOptions(props.view.options, s.filter)
  const rows = Math.max(3, Math.min(12, props.maxRows - 6))
  const first = Math.min(Math.max(0, s.selected - Math.floor(rows / 2)), Math.max(0, visible.length - rows))
  const window = visible.slice(first, first + rows)
  // Hints form one column after the longest label (of all options: it stays put while filtering).
  const labelOf = (option: SelectOption) => `${option.label}${option.value === props.view.current ? " (current)" : ""}`
  const labelWidth = Math.max(0, ...props.view.options.map((option) => textWidth(labelOf(option))))
  return (
    <Box flexDirection="column" borderStyle="round" {...(theme.colour ? { borderColor: "cyan" } : {})} paddingX={1} width={props.width}>
      <Text bold={theme.colour} {...paint(theme, "cyan")}>
        {props.view.title}
      </Text>
      <Text dimColor={theme.colour}>Type to filter · ↑/↓ to move · Enter to choose · Esc to cancel</Text>
      <Text>
        <Text {...paint(theme, "cyan")}>{"filter: "}</Text>
        {s.filter}
      </Text>
      {visible.length === 0 ? <Text dimColor={theme.colour}>No match.</Text> : null}
      {first > 0 ? <Text dimColor={theme.colour}>  ↑ {first} more</Text> : null}
      {window.map((option, offset) => {
        const selected = first + offset === s.selected
        return (
          <Text key={option.value} wrap="truncate-end" {...paint(theme, selected ? "cyan" : undefined)} bold={selected && theme.colour}>
            {selected ? "❯ " : "  "}
            {option.hint === undefined ? labelOf(option) : `${labelOf(option)}${" ".repeat(labelWidth - textWidth(labelOf(option)))}  `}
            {option.hint === undefined ? null : <Text dimColor={theme.colour}>{option.hint}</Text>}
          </Text>
        )
      })}
      {first + rows < visible.length ? <Text dimColor={theme.colour}>  ↓ {visible.length - first - rows} more</Text> : null}
    </Box>
  )
}
