/**
 * What the prompt does besides sending a message, as in Claude Code:
 * - `!command` runs the command in the project directory (bash mode): a command a Bash deny rule
 *   matches is refused, naming the rule, and so is a line a deny rule might match (a part of it
 *   cannot be analysed); anything else runs without a dialog (the user typed it).
 *   Its output is shown and, with the command, added (capped) to the next message as context.
 * - `#note` is sent to the agent to file in the right memory block (as `/remember`).
 * - `@path` mentions attach the files' text to the message (mentions.ts).
 */
import * as Effect from "effect/Effect"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Shell } from "../../services/Shell.js"
import { BASH_DEFAULT_TIMEOUT_MS, BASH_MAX_OUTPUT_CHARS } from "../../tools/Bash.js"
import { attachMentions, withAttachments } from "./mentions.js"
import type { PanelLine } from "./transcript.js"
import type { UiStore } from "./store.js"

/** Output lines shown in the transcript for a `!` command (the context gets all of it, capped). */
export const SHELL_SHOWN_LINES = 20

export type SpecialInput =
  | { readonly _tag: "Shell"; readonly command: string }
  | { readonly _tag: "Memory"; readonly line: string }

/** `!cmd` and `#note` (at the very start of the input); undefined for anything else. */
export const parseSpecial = (text: string): SpecialInput | undefined => {
  if (text.startsWith("!")) {
    const command = text.slice(1).trim()
    return command.length === 0 ? undefined : { _tag: "Shell", command }
  }
  if (text.startsWith("#")) {
    const line = text.slice(1).trim()
    return line.length === 0 ? undefined : { _tag: "Memory", line }
  }
  return undefined
}

export interface ShellResult {
  readonly output: string
  readonly exitCode: number | null
  readonly timedOut: boolean
}

/** Cuts `text` to `max` characters, saying how many were cut. */
export const capOutput = (text: string, max = BASH_MAX_OUTPUT_CHARS): string =>
  text.length <= max ? text : `${text.slice(0, max)}\n[... ${text.length - max} more characters cut]`

/**
 * Runs `command` with bash in `cwd` through the Shell service (as the Bash tool does: its own
 * process group, tracked, stdout and stderr together as they come). Interrupting the effect
 * (Esc) kills the command with its process group. A command that cannot start is its output.
 */
export const runShell = (command: string, cwd: string, timeoutMs = BASH_DEFAULT_TIMEOUT_MS): Effect.Effect<ShellResult, never, Shell> =>
  Effect.flatMap(Shell, (shell) => shell.run({ command, cwd, timeoutMs, maxOutputChars: BASH_MAX_OUTPUT_CHARS })).pipe(
    Effect.map((result) => ({
      output: result.truncatedChars > 0 ? `${result.output}\n[... ${result.truncatedChars} more characters cut]` : result.output,
      exitCode: result.exitCode,
      timedOut: result.timedOut
    })),
    Effect.catchAll((error) => Effect.succeed({ output: error.message, exitCode: null, timedOut: false }))
  )

/** The context a `!` command adds to the next message (as Claude Code's bash mode does). */
export const shellContext = (command: string, result: ShellResult): string =>
  [
    `<bash-input>${command}</bash-input>`,
    `<bash-output>${capOutput(result.output.replace(/\n$/, ""))}</bash-output>`,
    `<bash-exit-code>${result.timedOut ? "timed out" : String(result.exitCode ?? "killed")}</bash-exit-code>`
  ].join("\n")

/** The output as transcript lines: the first SHELL_SHOWN_LINES, then how many more. */
export const shellOutputLines = (result: ShellResult): ReadonlyArray<PanelLine> => {
  const text = result.output.replace(/\n$/, "")
  const lines = text.length === 0 ? ["(no output)"] : text.split("\n")
  const shown = lines.slice(0, SHELL_SHOWN_LINES)
  const out: Array<PanelLine> = shown.map((line, index) => ({ text: line, prefix: index === 0 ? "  ⎿  " : "     ", tone: text.length === 0 ? "dim" : "info" }))
  if (lines.length > shown.length) out.push({ text: `… +${lines.length - shown.length} lines`, prefix: "     ", tone: "dim" })
  if (result.timedOut) out.push({ text: "Timed out: the command was stopped", prefix: "     ", tone: "error" })
  else if (result.exitCode !== 0) out.push({ text: `Exit code ${result.exitCode ?? "(killed)"}`, prefix: "     ", tone: "error" })
  return out
}

export interface InputExtras {
  /** `!` input: the effect that handles it; undefined for anything else. */
  readonly special: (text: string) => Effect.Effect<void, never, PermissionPolicy | Shell> | undefined
  /** A message as sent to the agent: earlier `!` output first, mentioned files after. */
  readonly prepare: (text: string) => Effect.Effect<string, never, PermissionPolicy>
}

export const makeInputExtras = (ui: UiStore, projectDir: string): InputExtras => {
  /** `!` commands run since the last message, for its context. */
  let pending: Array<string> = []

  const shell = (command: string) =>
    Effect.gen(function* () {
      const policy = yield* PermissionPolicy
      const decision = yield* policy.decide({ toolName: "Bash", args: { command } })
      // A line the shell parser cannot see through while specific Bash deny rules exist: the rule
      // might match it (asked, or denied, in any mode). Without a dialog here, it is refused.
      const unsure = decision._tag === "Allow" ? undefined : decision.possibleDeny
      if (unsure !== undefined) {
        ui.addNotice(`Not run: ${unsure.rule} might match: ${unsure.construct}`, "error")
        return
      }
      // Only the rules' deny list applies: the user typed the command (plan mode does not stop it).
      if (decision._tag === "Deny" && decision.decidedBy !== "plan mode") {
        ui.addNotice(`Not run: ${decision.reason}`, "error")
        return
      }
      const result = yield* runShell(command, projectDir).pipe(
        Effect.onInterrupt(() => Effect.sync(() => ui.addNotice("Interrupted: the command was stopped", "warning")))
      )
      ui.addPanel(shellOutputLines(result))
      pending.push(shellContext(command, result))
    })

  return {
    special: (text) => {
      const parsed = parseSpecial(text)
      if (parsed === undefined) return undefined
      // `#note` is a turn of its own (sessionInput.ts): the agent files it.
      return parsed._tag === "Shell" ? shell(parsed.command) : undefined
    },
    prepare: (text) =>
      Effect.gen(function* () {
        const { attached, blocks, notices } = yield* attachMentions(text, projectDir)
        for (const file of attached) ui.addNotice(`Attached ${file}`, "dim")
        for (const notice of notices) ui.addNotice(notice, "warning")
        const context = pending
        pending = []
        const message = withAttachments(text, blocks)
        return context.length === 0 ? message : `${context.join("\n\n")}\n\n${message}`
      })
  }
}
