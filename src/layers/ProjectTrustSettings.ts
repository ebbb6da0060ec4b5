/**
 * ProjectTrust from the user's settings (`trustedProjects`, by project path), `--trust-project`
 * and, in interactive mode, one question before the screen starts, whose answer is stored.
 * Headless runs that are not trusted say on stderr what they skip.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { AllSettings } from "../domain/settings.js"
import { loadBuiltin } from "../platform/builtins.js"
import type { OutputShape } from "../services/Output.js"
import { type ProjectCode, ProjectTrust } from "../services/ProjectTrust.js"
import type { SettingsShape } from "../services/Settings.js"
import { describeCode, projectCode } from "./projectTrust/projectCode.js"

export interface TrustOptions {
  readonly projectDir: string
  readonly settings: AllSettings
  readonly store: SettingsShape
  readonly output: OutputShape
  /** `--trust-project`: trusted for this run (not stored). */
  readonly flag: boolean
  /** Where skipped code is told (interactive: a notice, not stderr under the screen); default stderr. */
  readonly tell?: (text: string) => Effect.Effect<void>
  /** Asks the user (interactive mode); undefined in headless runs. */
  readonly ask?: (question: string) => Effect.Effect<boolean>
}

const question = (projectDir: string, code: ReadonlyArray<ProjectCode>) =>
  [
    `This project (${projectDir}) defines code that letta would run:`,
    ...code.map((item) => `  - ${describeCode(item)}`),
    "Trust this project's hooks and MCP servers? [y/N] "
  ].join("\n")

/** Decides once: stored answer, flag, or the question; the result is the service. */
export const decideProjectTrust = (options: TrustOptions): Effect.Effect<ProjectTrust["Type"]> =>
  Effect.gen(function* () {
    const defined = projectCode(options.projectDir, options.settings, options.store.paths)
    const stored = options.settings.user.trustedProjects?.[options.projectDir]
    let trusted = options.flag || stored === true || defined.length === 0
    if (!trusted && stored === undefined && options.ask !== undefined) {
      trusted = yield* options.ask(question(options.projectDir, defined))
      const answer = trusted
      yield* options.store
        .updateUser((user) => ({ ...user, trustedProjects: { ...user.trustedProjects, [options.projectDir]: answer } }))
        .pipe(Effect.catchAll((error) => options.output.stderr(`letta: could not store the answer in ${error.path}: ${error.problem}\n`)))
    }
    const told = new Set<string>()
    return {
      allow: (code: ReadonlyArray<ProjectCode>) =>
        Effect.suspend(() => {
          if (trusted || code.length === 0) return Effect.succeed(true)
          const untold = code.map(describeCode).filter((line) => !told.has(line))
          untold.forEach((line) => told.add(line))
          if (untold.length === 0) return Effect.succeed(false)
          const why = stored === false ? "you chose not to trust this project" : "this project is not trusted"
          const lines = [
            `letta: skipped project code (${why}; pass --trust-project, or set "trustedProjects" in your user settings):`,
            ...untold.map((line) => `letta:   ${line}`)
          ]
          return Effect.as(options.tell === undefined ? options.output.stderr(`${lines.join("\n")}\n`) : options.tell(lines.join("\n")), false)
        })
    }
  })

export const ProjectTrustSettings = (options: TrustOptions): Layer.Layer<ProjectTrust> =>
  Layer.effect(ProjectTrust, decideProjectTrust(options))

/** The question on the terminal, before the TUI takes it over: yes only for y/yes. */
export const askOnTerminal = (text: string): Effect.Effect<boolean> =>
  Effect.async<boolean>((resume) => {
    const readline = loadBuiltin<typeof import("node:readline")>("node:readline")
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr })
    let answered = false
    rl.question(text, (answer) => {
      answered = true
      rl.close()
      resume(Effect.succeed(/^\s*y(es)?\s*$/i.test(answer)))
    })
    // Ctrl-C at the question ends the session as anywhere else; nothing is stored.
    rl.on("SIGINT", () => {
      answered = true
      rl.close()
      process.stderr.write("\n")
      resume(Effect.interrupt)
    })
    // Stdin closed without an answer: not trusted, this time.
    rl.once("close", () => {
      if (!answered) resume(Effect.succeed(false))
    })
    return Effect.sync(() => rl.close())
  })
