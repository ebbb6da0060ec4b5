/**
 * `--output-format text`: only the agent's final message on stdout. Tool calls the permission
 * policy denied are named on stderr at the end (the answer may only make sense knowing them).
 */
import * as Effect from "effect/Effect"
import type { TurnEvent } from "../../domain/events.js"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"

interface Denied {
  readonly toolName: string
  readonly input: Readonly<Record<string, unknown>>
  readonly reason: string
}

/** The argument that says what a call was about: `Bash(npm test)`, `Read(src/a.ts)`. */
const SUBJECT_KEYS = ["command", "file_path", "path", "pattern", "plan", "url"]

export const describeCall = (toolName: string, input: Readonly<Record<string, unknown>>): string => {
  const key = SUBJECT_KEYS.find((name) => typeof input[name] === "string")
  if (key === undefined) return toolName
  const subject = String(input[key]).replace(/\s+/g, " ").trim()
  return `${toolName}(${subject.length > 80 ? `${subject.slice(0, 79)}…` : subject})`
}

/** The stderr lines for the calls denied in a run (none: ""). */
export const denialNotice = (denied: ReadonlyArray<Denied>): string => {
  if (denied.length === 0) return ""
  const lines = denied.map((d) => `${describeCall(d.toolName, d.input)}: ${d.reason}`)
  return denied.length === 1
    ? `letta: 1 tool call was denied: ${lines[0]}\n`
    : `letta: ${denied.length} tool calls were denied:\n${lines.map((line) => `  ${line}\n`).join("")}`
}

export const textRenderer = (output: OutputShape): Renderer => {
  const denied: Array<Denied> = []
  const notice = Effect.suspend(() => (denied.length === 0 ? Effect.void : output.stderr(denialNotice(denied))))
  const event = (e: TurnEvent) =>
    e._tag === "ToolResult" && e.deniedInput !== undefined
      ? Effect.sync(() => {
          denied.push({ toolName: e.toolName, input: e.deniedInput ?? {}, reason: e.output })
        })
      : Effect.void
  return {
    init: () => Effect.void,
    event,
    success: (finalText) =>
      Effect.zipRight(
        finalText.length === 0 ? Effect.void : output.stdout(finalText.endsWith("\n") ? finalText : `${finalText}\n`),
        notice
      ),
    failure: () => notice
  }
}
