/**
 * `letta -p "/review src/"`: a prompt that names a custom command runs it (its message, with its
 * `allowed-tools` in force and its `model` answering, for this turn only). Any other prompt, an unknown `/x` included, is
 * sent as it is, as Claude Code does. A prompt not starting with `/` costs nothing here.
 */
import * as Effect from "effect/Effect"
import { ConfigError, type RuleError } from "../../domain/errors.js"
import { Output } from "../../services/Output.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import type { Shell } from "../../services/Shell.js"
import { Workspace } from "../../services/Workspace.js"
import { SLASH_COMMANDS } from "../interactive/slashCommands.js"
import { anyCommandDir, discoverCommands, invokedCommand } from "./discover.js"
import { expandCommand, headlessVerdict } from "./expand.js"

/** The built-in command names a custom one may not take. */
export const builtInNames = (): ReadonlyArray<string> => SLASH_COMMANDS.map((command) => command.name)

export const withCustomCommand = <A, E, R>(
  prompt: string,
  run: (prompt: string, model?: string) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | ConfigError | RuleError, R | Output | PermissionPolicy | Shell | Workspace> =>
  Effect.gen(function* () {
    if (!prompt.trimStart().startsWith("/")) return yield* run(prompt)
    const workspace = yield* Workspace
    if (!(yield* Effect.promise(() => anyCommandDir(workspace.projectDir, workspace.homeDir)))) return yield* run(prompt)
    const output = yield* Output
    const policy = yield* PermissionPolicy
    const found = yield* Effect.promise(() => discoverCommands(workspace.projectDir, workspace.homeDir, builtInNames()))
    for (const problem of found.problems) yield* output.stderr(`letta: custom command ${problem.file}: ${problem.problem}\n`)
    const invoked = invokedCommand(prompt, found.commands)
    if (invoked === undefined) return yield* run(prompt)
    const { command, args } = invoked
    const turn = Effect.gen(function* () {
      const expanded = yield* expandCommand(command, args, workspace.projectDir, (_cmd, decision) => Effect.succeed(headlessVerdict(decision))).pipe(
        Effect.mapError((failed) => new ConfigError({ message: failed.message }))
      )
      for (const notice of expanded.notices) yield* output.stderr(`letta: ${notice}\n`)
      return yield* run(expanded.prompt, command.model)
    })
    return yield* policy.withScopedRules === undefined || command.allowedTools.length === 0
      ? turn
      : policy.withScopedRules(command.allowedTools, command.file, turn)
  })
