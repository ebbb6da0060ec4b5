/**
 * Runs `letta <args>` in-process: the real command tree (`cli`) with test layers — a fake
 * AgentBackend whose `choose` gives a scripted LettaApi and settings held in memory, stdout and
 * stderr (Output and Effect's Console) captured, a Stdin double, a Workspace on a temp dir — and
 * the outcome as `conclude` puts it (exit code and the message the user reads).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { cli } from "../../src/cli/commands.js"
import { conclude } from "../../src/cli/exit.js"
import { ConfigError } from "../../src/domain/errors.js"
import type { AllSettings, LocalSettings, ProjectSettings, UserSettings } from "../../src/domain/settings.js"
import { FileSystemNode } from "../../src/layers/FileSystemNode.js"
import { AgentBackend, type BackendFlags } from "../../src/services/AgentBackend.js"
import { LettaApi, type LettaApiShape } from "../../src/services/LettaApi.js"
import { Output } from "../../src/services/Output.js"
import { Settings, type SettingsPaths } from "../../src/services/Settings.js"
import { Stdin } from "../../src/services/Stdin.js"
import { Workspace } from "../../src/services/Workspace.js"
import { scriptedApi } from "./testLayers.js"

/** The scripted LettaApi with some operations replaced (those it leaves out die if used). */
export const apiWith = (overrides: Partial<LettaApiShape>, base: Layer.Layer<LettaApi> = scriptedApi([]).layer): Layer.Layer<LettaApi> =>
  Layer.effect(
    LettaApi,
    Effect.map(LettaApi, (shape): LettaApiShape => ({ ...shape, ...overrides }))
  ).pipe(Layer.provide(base))

/** Settings held in memory (`state` is what was last written); `paths` only name the files. */
export const memorySettings = (initial: Partial<AllSettings>, paths: SettingsPaths) => {
  const state = { user: initial.user ?? {}, project: initial.project ?? {}, local: initial.local ?? {} }
  const layer = Layer.succeed(Settings, {
    paths,
    load: Effect.sync(() => ({ ...state })),
    updateUser: (f: (s: UserSettings) => UserSettings) => Effect.sync(() => (state.user = f(state.user))),
    updateProject: (f: (s: ProjectSettings) => ProjectSettings) => Effect.sync(() => (state.project = f(state.project))),
    updateLocal: (f: (s: LocalSettings) => LocalSettings) => Effect.sync(() => (state.local = f(state.local))),
    modifyUser: <E, R>(f: (s: UserSettings) => Effect.Effect<UserSettings, E, R>) => Effect.tap(f(state.user), (next) => void (state.user = next)),
    modifyProject: <E, R>(f: (s: ProjectSettings) => Effect.Effect<ProjectSettings, E, R>) =>
      Effect.tap(f(state.project), (next) => void (state.project = next)),
    checkWritable: Effect.void,
    holdAgent: () => Effect.void,
    agentHolders: () => Effect.succeed([])
  })
  return { layer, state }
}

export interface CliOptions {
  /** The LettaApi the backend gives (default: the scripted one with no replies). */
  readonly api?: Layer.Layer<LettaApi>
  readonly settings?: Partial<AllSettings>
  /** A terminal (the default), or what is piped in. */
  readonly stdin?: { readonly isTTY: true } | { readonly isTTY: false; readonly text: string }
  /** The project directory and home (default: a new temp dir, removed after the run). */
  readonly workspace?: { readonly projectDir: string; readonly homeDir: string }
  /**
   * The backend records what it was asked for, then fails (exit 1, STOPPED): the root command
   * passes its whole RunConfig, so a test sees the config without running a turn.
   */
  readonly stopAtBackend?: boolean
}

/** The message of a run stopped by `stopAtBackend`. */
export const STOPPED = "stopped at the backend by the test"

export interface CliRun {
  readonly code: number
  /** What `conclude` writes to stderr at the end ("" for nothing). */
  readonly message: string
  readonly stdout: string
  readonly stderr: string
  /** The flags each `AgentBackend.choose` got. */
  readonly chosen: ReadonlyArray<BackendFlags>
  readonly settings: AllSettings
  readonly projectDir: string
}

/** A new project directory and home for one run (`remove` deletes both). */
export const tempProject = () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "letta-cli-")))
  const projectDir = join(root, "project")
  const homeDir = join(root, "home")
  mkdirSync(projectDir)
  mkdirSync(homeDir)
  return { projectDir, homeDir, remove: () => rmSync(root, { recursive: true, force: true }) }
}

/** `letta ...args`, in-process. */
export const runCli = async (args: ReadonlyArray<string>, options: CliOptions = {}): Promise<CliRun> => {
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const chosen: Array<BackendFlags> = []
  const temp = options.workspace === undefined ? tempProject() : undefined
  const workspace = options.workspace ?? temp!
  const settings = memorySettings(options.settings ?? {}, {
    user: join(workspace.homeDir, ".letta", "settings.json"),
    project: join(workspace.projectDir, ".letta", "settings.json"),
    local: join(workspace.projectDir, ".letta", "settings.local.json")
  })
  const api = options.api ?? scriptedApi([]).layer
  const stdin = options.stdin ?? { isTTY: true as const }
  const backend = Layer.effect(
    AgentBackend,
    Effect.map(Settings, (store) => ({
      choose: (flags: BackendFlags) =>
        options.stopAtBackend === true
          ? Effect.zipRight(Effect.sync(() => void chosen.push(flags)), new ConfigError({ message: STOPPED }))
          : Effect.map(store.load, (loaded) => {
              chosen.push(flags)
              return { settings: loaded, extra: undefined, apiLayer: api }
            }),
      serverForMessages: Effect.succeed("http://fake")
    }))
  )
  const base = Layer.mergeAll(
    FileSystemNode,
    NodePath.layer,
    NodeTerminal.layer,
    Layer.succeed(Workspace, { projectDir: workspace.projectDir, homeDir: workspace.homeDir }),
    Layer.succeed(Stdin, {
      isTTY: stdin.isTTY,
      readAll: () => Effect.succeed(stdin.isTTY ? Option.none() : Option.some(stdin.text))
    }),
    Layer.succeed(Output, {
      stdout: (text) => Effect.sync(() => void stdout.push(text)),
      stderr: (text) => Effect.sync(() => void stderr.push(text))
    }),
    settings.layer
  )
  const layer = Layer.mergeAll(base, backend.pipe(Layer.provide(settings.layer)))
  // @effect/cli prints --version and its own messages through Effect's Console.
  const captured = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Console.consoleWith((current) =>
      Effect.withConsole(effect, {
        ...current,
        log: (...words: ReadonlyArray<unknown>) => Effect.sync(() => void stdout.push(`${words.join(" ")}\n`)),
        error: (...words: ReadonlyArray<unknown>) => Effect.sync(() => void stderr.push(`${words.join(" ")}\n`))
      })
    )
  const exit = await Effect.runPromiseExit(cli(["node", "letta", ...args]).pipe(Effect.provide(layer), captured))
  const { code, message } = conclude(exit, args)
  temp?.remove()
  return { code, message, stdout: stdout.join(""), stderr: stderr.join(""), chosen, settings: { ...settings.state }, projectDir: workspace.projectDir }
}
