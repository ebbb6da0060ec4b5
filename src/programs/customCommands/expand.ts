/**
 * A custom command's body made into the message sent: `$ARGUMENTS` and `$1`…`$9` replaced by
 * what was typed after the name, `@path` files attached through the Read rules (as mentions
 * are), and each `` !`cmd` `` replaced by the command's output. Commands run only where the Bash
 * rules (with the command's own `allowed-tools`) allow them; one that is refused fails the
 * whole command, so nothing is sent.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { PermissionDecision } from "../../domain/permissions.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import type { Shell } from "../../services/Shell.js"
import { attachMentions, withAttachments } from "../interactive/mentions.js"
import { capOutput, runShell } from "../interactive/shellMode.js"
import type { CustomCommand } from "./discover.js"

export class CommandFailed extends Data.TaggedError("CommandFailed")<{
  readonly name: string
  readonly file: string
  readonly reason: string
}> {
  override get message(): string {
    return `/${this.name} (${this.file}) failed: ${this.reason}`
  }
}

/** `a "b c" 'd'` → [a, b c, d]. */
export const splitArguments = (args: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const match of args.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    out.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? match[3] ?? ""))
  }
  return out
}

const ARGUMENTS = /\$ARGUMENTS\b/g
const POSITIONAL = /\$([1-9])(?![0-9])/g

/**
 * The body with the arguments put in. A body that uses none of the placeholders gets the
 * arguments appended (as Claude Code does), so `/review src/` is not silently dropped.
 */
export const substituteArguments = (body: string, args: string): string => {
  const positional = splitArguments(args)
  const uses = ARGUMENTS.test(body) || POSITIONAL.test(body)
  ARGUMENTS.lastIndex = 0
  POSITIONAL.lastIndex = 0
  const replaced = body.replace(ARGUMENTS, () => args).replace(POSITIONAL, (_all, digit: string) => positional[Number(digit) - 1] ?? "")
  return uses || args.length === 0 ? replaced : `${replaced.replace(/\s+$/, "")}\n\nARGUMENTS: ${args}`
}

/** The `` !`cmd` `` commands of a body, in order. */
const BANG = /!`([^`\n]+)`/g

export const bangCommands = (body: string): ReadonlyArray<string> => [...body.matchAll(BANG)].map((match) => (match[1] ?? "").trim())

/** What may happen to a `` !`cmd` ``: run it, or the reason it is refused. */
export type BangVerdict = { readonly _tag: "Run" } | { readonly _tag: "Refuse"; readonly reason: string }

/**
 * The headless verdict on a decision: only an allow runs. An ask cannot be put to anyone, and a
 * line a deny rule might match is refused, as bash mode (`!cmd`) refuses it.
 */
export const headlessVerdict = (decision: PermissionDecision): BangVerdict => {
  if (decision._tag === "Allow") return { _tag: "Run" }
  if (decision.possibleDeny !== undefined) return { _tag: "Refuse", reason: `${decision.possibleDeny.rule} might match: ${decision.possibleDeny.construct}` }
  if (decision._tag === "Deny") return { _tag: "Refuse", reason: decision.reason }
  return {
    _tag: "Refuse",
    reason: `running it needs approval (${decision.decidedBy}); allow it with a permission rule or the command's allowed-tools`
  }
}

export interface Expanded {
  readonly prompt: string
  /** Files attached (`a.ts (3 lines)`) and why others were not. */
  readonly attached: ReadonlyArray<string>
  readonly notices: ReadonlyArray<string>
}

/**
 * The message a command sends. `verdict` judges each `` !`cmd` `` (headless: `headlessVerdict`;
 * the TUI may ask). Run it inside the command's scoped rules.
 */
export const expandCommand = <R>(
  command: CustomCommand,
  args: string,
  projectDir: string,
  verdict: (cmd: string, decision: PermissionDecision) => Effect.Effect<BangVerdict, never, R>
): Effect.Effect<Expanded, CommandFailed, PermissionPolicy | Shell | R> =>
  Effect.gen(function* () {
    const policy = yield* PermissionPolicy
    const text = substituteArguments(command.body, args).trim()
    // Files first: output of the commands below is not scanned for mentions.
    const mentions = yield* attachMentions(text.replace(BANG, ""), projectDir)
    const outputs: Array<string> = []
    for (const cmd of bangCommands(text)) {
      const decision = yield* policy.decide({ toolName: "Bash", args: { command: cmd } })
      const judged = yield* verdict(cmd, decision)
      if (judged._tag === "Refuse") {
        return yield* new CommandFailed({ name: command.name, file: command.file, reason: `!\`${cmd}\` was not run: ${judged.reason}` })
      }
      const result = yield* runShell(cmd, projectDir)
      const output = capOutput(result.output.replace(/\n$/, ""))
      const status = result.timedOut ? "\n[timed out: the command was stopped]" : result.exitCode === 0 ? "" : `\n[exit code ${result.exitCode ?? "(killed)"}]`
      outputs.push(`${output}${status}`)
    }
    let index = 0
    const body = text.replace(BANG, () => outputs[index++] ?? "")
    return { prompt: withAttachments(body, mentions.blocks), attached: mentions.attached, notices: mentions.notices }
  })
