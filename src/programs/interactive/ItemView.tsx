/** How one transcript entry looks: messages, Markdown, tool lines with their status, notices. */
import { Box, Text } from "ink"
import { type ReactNode, useMemo } from "react"
import { renderMarkdown } from "./markdown.js"
import { lastRows, paint, STATUS_GLYPH, statusColour, textWidth, toneColour, useTheme, wrapWords } from "./theme.js"
import type { Todo } from "./toolFormat.js"
import type { Item, LiveView, PanelLine, ToolItem, Tone } from "./transcript.js"

const NOTICE_GLYPH: Readonly<Record<Tone, string>> = { error: "✗ ", warning: "! ", success: "✓ ", info: "", dim: "" }

/** A two-column row: a fixed gutter (glyph) and wrapped content. */
const Gutter = (props: { readonly glyph: string; readonly colour?: Parameters<typeof paint>[1]; readonly dim?: boolean; readonly children: ReactNode }) => {
  const theme = useTheme()
  return (
    <Box flexDirection="row">
      <Box width={2} flexShrink={0}>
        <Text {...paint(theme, props.colour)} dimColor={props.dim === true && theme.colour}>
          {props.glyph}
        </Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} flexShrink={1}>
        {props.children}
      </Box>
    </Box>
  )
}

export const MarkdownText = (props: { readonly markdown: string; readonly width: number; readonly dim?: boolean }) => {
  const theme = useTheme()
  const rendered = useMemo(() => renderMarkdown(props.markdown, props.width, theme.colour), [props.markdown, props.width, theme.colour])
  return <Text dimColor={props.dim === true && theme.colour}>{rendered}</Text>
}

const TODO_GLYPH: Readonly<Record<Todo["status"], string>> = { pending: "☐", in_progress: "◐", completed: "☑" }

const TodoList = (props: { readonly todos: ReadonlyArray<Todo>; readonly truncate: boolean }) => {
  const theme = useTheme()
  if (props.todos.length === 0) return <Text dimColor={theme.colour}>(empty list)</Text>
  return (
    <Box flexDirection="column">
      {props.todos.map((todo, index) => (
        <Text key={index} wrap={props.truncate ? "truncate-end" : "wrap"} {...paint(theme, todo.status === "in_progress" ? "cyan" : todo.status === "completed" ? "gray" : undefined)} bold={todo.status === "in_progress" && theme.colour} strikethrough={todo.status === "completed" && theme.colour}>
          {TODO_GLYPH[todo.status]} {todo.content}
        </Text>
      ))}
    </Box>
  )
}

/** The lines shown under a finished call with Ctrl+O: its whole output. */
const expandedLines = (item: ToolItem): ReadonlyArray<string> | undefined => {
  if (item.output === undefined || item.todos !== undefined) return undefined
  const lines = item.output.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n")
  return lines.length === 0 || (lines.length === 1 && lines[0] === "") ? undefined : lines
}

/**
 * A tool call. Live (`truncate`), every line is one row and the plan body is left out; while it
 * runs, its last output lines show under it. `expanded` (Ctrl+O): the whole output instead of
 * the preview.
 */
export const ToolLine = (props: { readonly item: ToolItem; readonly width: number; readonly truncate?: boolean; readonly expanded?: boolean }) => {
  const theme = useTheme()
  const { item } = props
  const truncate = props.truncate === true
  const full = props.expanded === true && !truncate ? expandedLines(item) : undefined
  const lines = full ?? item.preview
  const preview =
    item.live !== undefined && item.live.length > 0 ? (
      <Box flexDirection="column">
        {item.live.map((line, index) => (
          <Text key={index} wrap="truncate-end" dimColor={theme.colour}>
            {line.length === 0 ? " " : line}
          </Text>
        ))}
      </Box>
    ) : lines.length > 0 ? (
      <Box flexDirection="column">
        {lines.map((line, index) => (
          <Text key={index} wrap={truncate ? "truncate-end" : "wrap"} {...paint(theme, item.status === "error" || item.status === "denied" ? "red" : undefined)} dimColor={item.status === "success" && theme.colour}>
            {line}
          </Text>
        ))}
      </Box>
    ) : null
  const details = item.todos !== undefined ? <TodoList todos={item.todos} truncate={truncate} /> : item.body !== undefined && !truncate ? (
    <Box flexDirection="column">
      <MarkdownText markdown={item.body} width={props.width - 5} />
      {preview}
    </Box>
  ) : preview
  return (
    <Gutter glyph={STATUS_GLYPH[item.status]} colour={statusColour(item.status)}>
      <Text bold={theme.colour} wrap={truncate ? "truncate-end" : "wrap"}>
        {item.summary}
      </Text>
      {details === null ? null : (
        <Box flexDirection="row">
          <Box width={3} flexShrink={0}>
            <Text dimColor={theme.colour}>⎿ </Text>
          </Box>
          <Box flexDirection="column" flexShrink={1}>
            {details}
          </Box>
        </Box>
      )}
    </Gutter>
  )
}

/**
 * Fixed texts (welcome, /help, /memory, stats). Each line is word-wrapped here, not by Ink (whose
 * wrap carries the breaking space to the next row's start): its prefix on every row, its hanging
 * indent after the first.
 */
const Panel = (props: { readonly lines: ReadonlyArray<PanelLine>; readonly width: number; readonly box?: boolean }) => {
  const theme = useTheme()
  // A box takes its border and padding (4 columns) from the width.
  const inner = props.box === true ? props.width - 4 : props.width
  const rows = props.lines.flatMap((line, index) => {
    const prefix = line.prefix ?? ""
    return wrapWords(line.text, inner - textWidth(prefix), line.hang ?? 0).map((row, part) => ({ key: `${index}:${part}`, line, text: `${prefix}${row}` }))
  })
  const body = (
    <Box flexDirection="column">
      {rows.map(({ key, line, text }) => (
        <Text key={key} wrap="truncate-end" {...paint(theme, toneColour(line.tone))} dimColor={line.tone === "dim" && theme.colour} bold={line.bold === true && theme.colour}>
          {text.length === 0 ? " " : text}
        </Text>
      ))}
    </Box>
  )
  if (props.box !== true) return body
  return (
    <Box borderStyle="round" {...(theme.colour ? { borderColor: "cyan" } : {})} paddingX={1} flexDirection="column" width={props.width}>
      {body}
    </Box>
  )
}

/** A committed entry; printed once (inside <Static>). `expanded`: tools show their whole output. */
export const ItemView = (props: { readonly item: Item; readonly width: number; readonly expanded?: boolean }) => {
  const theme = useTheme()
  const { item, width } = props
  const body = (() => {
    switch (item.kind) {
      case "user":
        return (
          <Gutter glyph=">" colour="cyan">
            <Text bold={theme.colour}>{item.text}</Text>
          </Gutter>
        )
      case "assistant":
        return (
          <Gutter glyph={item.first ? "●" : ""}>
            <MarkdownText markdown={item.markdown} width={width - 2} />
          </Gutter>
        )
      case "reasoning":
        return (
          <Gutter glyph={item.first ? "✻" : ""} colour="gray" dim>
            <Text dimColor={theme.colour} italic={theme.colour}>
              {item.text}
            </Text>
          </Gutter>
        )
      case "tool":
        return <ToolLine item={item} width={width} expanded={props.expanded === true} />
      case "notice":
        return (
          <Text {...paint(theme, toneColour(item.tone))} dimColor={item.tone === "dim" && theme.colour}>
            {NOTICE_GLYPH[item.tone]}
            {item.text}
          </Text>
        )
      case "panel":
        return <Panel lines={item.lines} width={width} {...(item.box === true ? { box: true } : {})} />
    }
  })()
  return (
    <Box marginTop={1} flexDirection="column" width={width}>
      {body}
    </Box>
  )
}

/** A live entry: the Markdown block being streamed (its last rows only) or a tool call. */
export const LiveItemView = (props: { readonly view: LiveView; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const { view, width } = props
  if (view.kind === "tool") {
    return (
      <Box marginTop={1} flexDirection="column" width={width}>
        <ToolLine item={view} width={width} truncate />
      </Box>
    )
  }
  return (
    <Box marginTop={1} flexDirection="column" width={width}>
      <Gutter glyph={view.first ? (view.textKind === "assistant" ? "●" : "✻") : ""} colour={view.textKind === "reasoning" ? "gray" : undefined} dim={view.textKind === "reasoning"}>
        {view.textKind === "assistant" ? (
          <StreamingMarkdown markdown={view.tail} width={width - 2} maxRows={props.maxRows} />
        ) : (
          <Text dimColor={theme.colour} italic={theme.colour}>
            {clipRows(view.tail, width - 2, props.maxRows)}
          </Text>
        )}
      </Gutter>
    </Box>
  )
}

const StreamingMarkdown = (props: { readonly markdown: string; readonly width: number; readonly maxRows: number }) => {
  const theme = useTheme()
  const rendered = useMemo(() => renderMarkdown(props.markdown, props.width, theme.colour), [props.markdown, props.width, theme.colour])
  const shown = useMemo(() => clipRows(rendered, props.width, props.maxRows), [rendered, props.width, props.maxRows])
  return <Text>{shown}</Text>
}

/** Keeps the last rows that fit, so the live area never outgrows the terminal. */
const clipRows = (text: string, width: number, maxRows: number): string => {
  const { hidden, text: shown } = lastRows(text, width, Math.max(1, maxRows - 1))
  return hidden === 0 ? text : `⋮\n${shown}`
}
