/**
 * The registry of implemented client tools, filtered to the loaded ones. The session stores the
 * tools share (what files were read, the todo list) are made here, one per layer build.
 */
import { FileSystem } from "@effect/platform/FileSystem"
import type { Path } from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type { ClientToolSpec } from "../domain/letta.js"
import { toolError } from "../domain/tools.js"
import { judgedPathsOf } from "../permissions/paths.js"
import type { FileTracker } from "../services/FileTracker.js"
import type { PermissionPolicy } from "../services/PermissionPolicy.js"
import type { Search } from "../services/Search.js"
import type { Shell } from "../services/Shell.js"
import type { TodoList } from "../services/TodoList.js"
import { type DecodedArgs, Tools } from "../services/Tools.js"
import { Workspace } from "../services/Workspace.js"
import { Bash } from "../tools/Bash.js"
import { BashOutput } from "../tools/BashOutput.js"
import type { Tool } from "../tools/defineTool.js"
import { Edit } from "../tools/Edit.js"
import { ExitPlanMode } from "../tools/ExitPlanMode.js"
import { Glob } from "../tools/Glob.js"
import { Grep } from "../tools/Grep.js"
import { KillBash } from "../tools/KillBash.js"
import { LS } from "../tools/LS.js"
import { MultiEdit } from "../tools/MultiEdit.js"
import { Read } from "../tools/Read.js"
import { Skill } from "../tools/Skill.js"
import { TodoWrite } from "../tools/TodoWrite.js"
import { Write } from "../tools/Write.js"
import { FileTrackerMemory } from "./FileTrackerMemory.js"
import { TodoListMemory } from "./TodoListMemory.js"

/** What the tools may use. */
export type ToolRequirements =
  | Shell
  | Workspace
  | FileSystem
  | Path
  | FileTracker
  | TodoList
  | PermissionPolicy
  | Search

/** What callers of makeToolsLayer provide: the session stores are made inside it. */
export type ToolsLayerRequirements = Exclude<ToolRequirements, FileTracker | TodoList>

/** Every implemented tool, in the order they are offered. Add new tools here. */
const REGISTRY: ReadonlyArray<Tool<ToolRequirements>> = [
  Bash,
  BashOutput,
  KillBash,
  Read,
  Write,
  Edit,
  MultiEdit,
  Glob,
  Grep,
  LS,
  TodoWrite,
  ExitPlanMode,
  Skill
]

export const IMPLEMENTED_TOOLS: ReadonlyArray<string> = REGISTRY.map((tool) => tool.name)

/** What `client_tools` says of every tool (build/toolSpecs.mjs bakes these into the bundle). */
export const allToolSpecs = (): ReadonlyArray<ClientToolSpec> => REGISTRY.map((tool) => tool.spec)

const invalid = (text: string): DecodedArgs => ({ _tag: "Invalid", output: toolError(text) })

/**
 * The Tools service for the `loaded` tools (all when undefined), with fresh session stores;
 * the TodoList is offered too, for the TUI.
 */
export const makeToolsLayer = (
  loaded: ReadonlyArray<string> | undefined
): Layer.Layer<Tools | TodoList | FileTracker, never, ToolsLayerRequirements> =>
  registryLayer(loaded).pipe(Layer.provideMerge(Layer.merge(FileTrackerMemory, TodoListMemory)))

const registryLayer = (loaded: ReadonlyArray<string> | undefined): Layer.Layer<Tools, never, ToolRequirements> =>
  Layer.effect(
    Tools,
    Effect.gen(function* () {
      const context = yield* Effect.context<ToolRequirements>()
      const workspace = yield* Workspace
      const fs = yield* FileSystem
      const tools = loaded === undefined ? REGISTRY : REGISTRY.filter((tool) => loaded.includes(tool.name))
      const byName = new Map<string, Tool<ToolRequirements>>(tools.map((tool) => [tool.name, tool]))
      const find = (name: string): Tool<ToolRequirements> | undefined => byName.get(name)
      const unknownTool = (name: string): string =>
        `Unknown tool: ${name}. Available tools: ${tools.length === 0 ? "(none)" : tools.map((tool) => tool.name).join(", ")}`

      return {
        specs: tools.map((tool) => tool.spec),
        decode: (name, rawArguments) => {
          const tool = find(name)
          if (tool === undefined) return invalid(unknownTool(name))
          let parsed: unknown
          try {
            // Some models send no arguments at all for a tool without required parameters.
            parsed = rawArguments.trim() === "" ? {} : JSON.parse(rawArguments)
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error)
            return invalid(`Invalid arguments for ${name}: not valid JSON (${reason}). Send the arguments as a JSON object.`)
          }
          return Either.match(tool.decode(parsed), {
            onLeft: (problems) => invalid(`Invalid arguments for ${name}: ${problems}`),
            onRight: (args): DecodedArgs => ({ _tag: "Valid", args })
          })
        },
        isReadOnly: (name) => find(name)?.readOnly ?? false,
        locate: (name, args) => Effect.provideService(judgedPathsOf(workspace.projectDir, name, args), FileSystem, fs),
        execute: (name, args) => {
          const tool = find(name)
          if (tool === undefined) return Effect.succeed(toolError(unknownTool(name)))
          return tool.execute(args).pipe(
            Effect.provide(context),
            // A defect in a tool is reported to the model, never crashes the turn.
            Effect.catchAllDefect((defect) =>
              Effect.succeed(
                toolError(`${name} failed unexpectedly: ${defect instanceof Error ? defect.message : String(defect)}`)
              )
            )
          )
        }
      }
    })
  )
