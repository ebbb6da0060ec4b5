/**
 * How a tool call reads in the transcript: a one-line summary of its arguments, a short
 * preview of its result (at most 3 lines / 300 characters), and TodoWrite's list.
 */
import { isAbsolute, relative } from "node:path"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { isInside } from "../../domain/paths.js"
import { TodoStatus } from "../../domain/todos.js"

export type Args = Readonly<Record<string, unknown>>

const PREVIEW_LINES = 3
const PREVIEW_CHARS = 300
const SUMMARY_CHARS = 160

const str = (args: Args | undefined, key: string): string | undefined => {
  const value = args?.[key]
  return typeof value === "string" ? value : undefined
}

const num = (args: Args | undefined, key: string): number | undefined => {
  const value = args?.[key]
  return typeof value === "number" ? value : undefined
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** A path as the user thinks of it: relative inside the project, as given elsewhere. */
export const displayPath = (path: string, projectDir: string): string => {
  if (!isAbsolute(path)) return path
  if (isInside(projectDir, path)) return relative(projectDir, path) || "."
  return path
}

const firstLine = (text: string): string => {
  const newline = text.indexOf("\n")
  return newline === -1 ? text : `${text.slice(0, newline)} …`
}

/** `Bash(npm test)`, `Read(src/a.ts)`, `Grep("TODO" in src)`… */
export const toolSummary = (name: string, args: Args | undefined, projectDir: string): string => {
  const path = (key: string) => {
    const value = str(args, key)
    return value === undefined ? undefined : displayPath(value, projectDir)
  }
  let inner: string | undefined
  switch (name) {
    case "Bash":
      inner = str(args, "command") === undefined ? undefined : firstLine(str(args, "command") ?? "")
      break
    case "Read": {
      const file = path("file_path")
      const offset = num(args, "offset")
      const limit = num(args, "limit")
      inner = file === undefined ? undefined : offset !== undefined || limit !== undefined ? `${file}, lines ${offset ?? 1}–${limit === undefined ? "end" : (offset ?? 1) + limit - 1}` : file
      break
    }
    case "Write":
    case "Edit":
    case "MultiEdit":
      inner = path("file_path")
      break
    case "Glob":
    case "Grep": {
      const pattern = str(args, "pattern")
      const where = path("path")
      inner = pattern === undefined ? undefined : `${name === "Grep" ? JSON.stringify(pattern) : pattern}${where === undefined ? "" : ` in ${where}`}`
      break
    }
    case "LS":
      inner = path("path")
      break
    case "BashOutput":
      inner = str(args, "bash_id")
      break
    case "KillBash":
      inner = str(args, "shell_id") ?? str(args, "bash_id")
      break
    case "TodoWrite":
    case "ExitPlanMode":
      inner = undefined
      break
    case "conversation_search":
      inner = str(args, "query")
      break
    default: {
      if (args !== undefined && Object.keys(args).length > 0) {
        const command = str(args, "command")
        const label = str(args, "label") ?? str(args, "path")
        inner = command !== undefined ? [command, label].filter((x) => x !== undefined).join(" ") : JSON.stringify(args)
      }
    }
  }
  return inner === undefined ? name : `${name}(${clip(inner, SUMMARY_CHARS)})`
}

/** The first lines of a result, and how many more there were. */
export const previewLines = (text: string): ReadonlyArray<string> => {
  const trimmed = text.replace(/\s+$/, "")
  if (trimmed.length === 0) return []
  const lines = trimmed.split("\n")
  const shown: Array<string> = []
  let chars = 0
  for (const line of lines) {
    if (shown.length >= PREVIEW_LINES || chars >= PREVIEW_CHARS) break
    const room = PREVIEW_CHARS - chars
    shown.push(line.length > room ? `${line.slice(0, room)}…` : line)
    chars += line.length
  }
  const more = lines.length - shown.length
  return more > 0 ? [...shown, `… +${more} line${more === 1 ? "" : "s"} (ctrl+o to expand)`] : shown
}

/** What the transcript shows under a finished call (paths inside the project shown relative). */
export const resultPreview = (name: string, status: "success" | "error" | "denied", output: string, projectDir = ""): ReadonlyArray<string> => {
  if (status === "denied") return [output.trim().length > 0 ? `Denied: ${clip(output.trim(), PREVIEW_CHARS)}` : "Denied"]
  if (status === "success" && name === "Read") {
    const lines = output.replace(/\s+$/, "").split("\n").length
    return [`Read ${lines} line${lines === 1 ? "" : "s"}`]
  }
  if (status === "success" && name === "TodoWrite") return []
  // The edit tools answer with a summary line and a numbered snippet; the summary says it.
  if (status === "success" && (name === "Edit" || name === "MultiEdit" || name === "Write")) {
    const summary = output.split("\n")[0] ?? ""
    return previewLines(projectDir.length > 1 ? summary.split(`${projectDir}/`).join("") : summary)
  }
  return previewLines(output)
}

const makeTodo = () => Schema.Struct({ content: Schema.String, status: TodoStatus, activeForm: Schema.optional(Schema.String) })
export type Todo = ReturnType<typeof makeTodo>["Type"]
// Built on first use: headless runs load this module too.
let decodeTodos: ((input: unknown) => Option.Option<ReadonlyArray<Todo>>) | undefined

/** TodoWrite's list, when its arguments hold one. */
export const todosOf = (args: Args | undefined): ReadonlyArray<Todo> | undefined => {
  decodeTodos ??= Schema.decodeUnknownOption(Schema.Array(makeTodo()))
  return Option.getOrUndefined(decodeTodos(args?.["todos"]))
}

/** Parses a call's accumulated JSON arguments; undefined when they are not an object. */
export const parseArgs = (raw: string): Args | undefined => {
  try {
    const value: unknown = raw.trim().length === 0 ? {} : JSON.parse(raw)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined
  } catch {
    return undefined
  }
}
