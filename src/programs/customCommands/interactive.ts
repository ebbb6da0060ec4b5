/**
 * Custom commands in the TUI: listed in the `/` menu with their descriptions (problems with the
 * files shown once, as notices), and run when typed. The folders are read again on each use, so
 * a command written during the session works at once. A `` !`cmd` `` the rules would ask about
 * is put to the user; a denied one fails the command.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { PermissionDecision } from "../../domain/permissions.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import type { Shell } from "../../services/Shell.js"
import { setCustomCommands } from "../interactive/slashCommands.js"
import type { UiStore } from "../interactive/store.js"
import { anyCommandDir, type CommandSet, discoverCommands, invokedCommand, menuDescription } from "./discover.js"
import { type BangVerdict, expandCommand, headlessVerdict } from "./expand.js"
import { builtInNames } from "./headless.js"

const discover = (projectDir: string, homeDir: string): Effect.Effect<CommandSet> =>
  Effect.promise(async () =>
    (await anyCommandDir(projectDir, homeDir)) ? discoverCommands(projectDir, homeDir, builtInNames()) : { commands: [], problems: [] }
  )

const publish = (found: CommandSet): void =>
  setCustomCommands(found.commands.map((command) => ({ name: command.name, description: menuDescription(command) })))

/** Fills the `/` menu; then `report` shows the files that cannot be used. */
export const loadCustomCommandMenu = (projectDir: string, homeDir: string): Effect.Effect<(ui: UiStore) => void> =>
  Effect.map(discover(projectDir, homeDir), (found) => {
    publish(found)
    return (ui) => {
      for (const problem of found.problems) ui.addNotice(`Custom command ${problem.file}: ${problem.problem}`, "warning")
    }
  })

const askVerdict = (ui: UiStore, name: string) => (cmd: string, decision: PermissionDecision): Effect.Effect<BangVerdict> => {
  // Only a plain ask is put to the user: a deny, or what a deny rule might match, is refused.
  if (decision._tag !== "Ask" || decision.possibleDeny !== undefined) return Effect.succeed(headlessVerdict(decision))
  return Effect.map(
    ui.choose(
      `/${name} runs: ${cmd}`,
      [
        { value: "yes", label: "Yes, run it", hint: decision.decidedBy },
        { value: "no", label: "No, cancel the command" }
      ],
      undefined
    ),
    (chosen): BangVerdict => (Option.getOrUndefined(chosen) === "yes" ? { _tag: "Run" } : { _tag: "Refuse", reason: "declined" })
  )
}

/**
 * Runs `text` when it names a custom command: its message goes to `send`, within the command's
 * `allowed-tools`. False when it names none (the caller reports the unknown command).
 */
export const runCustomCommand = <R>(
  ui: UiStore,
  projectDir: string,
  homeDir: string,
  text: string,
  send: (prompt: string, model: string | undefined) => Effect.Effect<void, never, R>
): Effect.Effect<boolean, never, PermissionPolicy | Shell | R> =>
  Effect.gen(function* () {
    const found = yield* discover(projectDir, homeDir)
    publish(found)
    const invoked = invokedCommand(text, found.commands)
    if (invoked === undefined) return false
    const { command, args } = invoked
    const policy = yield* PermissionPolicy
    if (command.model !== undefined) ui.addNotice(`/${command.name} answers with ${command.model} (this turn only)`, "dim")
    const turn = Effect.gen(function* () {
      ui.setBusy(true)
      const expanded = yield* expandCommand(command, args, projectDir, askVerdict(ui, command.name)).pipe(
        Effect.ensuring(Effect.sync(() => ui.setBusy(false)))
      )
      for (const file of expanded.attached) ui.addNotice(`Attached ${file}`, "dim")
      for (const notice of expanded.notices) ui.addNotice(notice, "warning")
      yield* send(expanded.prompt, command.model)
    })
    const scoped = policy.withScopedRules === undefined || command.allowedTools.length === 0 ? turn : policy.withScopedRules(command.allowedTools, command.file, turn)
    yield* scoped.pipe(Effect.catchAll((error) => Effect.sync(() => ui.addNotice(error._tag === "CommandFailed" ? error.message : describeRuleError(error), "error"))))
    return true
  })

const describeRuleError = (error: { readonly rule: string; readonly source: string; readonly problem: string; readonly location?: string | undefined }): string =>
  `Invalid permission rule ${JSON.stringify(error.rule)} in ${error.source}${error.location === undefined ? "" : ` (${error.location})`}: ${error.problem}`
