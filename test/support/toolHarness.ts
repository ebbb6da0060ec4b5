/** Running single tools in tests: temp project directories and the layers the tools need. */
import { mkdtemp, realpath, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Either, Layer } from "effect"
import { afterEach, beforeEach } from "vitest"
import type { ToolOutput } from "../../src/domain/tools.js"
import { FileTrackerMemory } from "../../src/layers/FileTrackerMemory.js"
import { SearchAuto } from "../../src/layers/SearchAuto.js"
import { SearchBuiltin } from "../../src/layers/SearchBuiltin.js"
import { SearchRipgrep } from "../../src/layers/SearchRipgrep.js"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { TodoListMemory } from "../../src/layers/TodoListMemory.js"
import { PermissionPolicy } from "../../src/services/PermissionPolicy.js"
import type { Search } from "../../src/services/Search.js"
import { Shell } from "../../src/services/Shell.js"
import { Workspace } from "../../src/services/Workspace.js"
import type { Tool } from "../../src/tools/defineTool.js"

/** A fresh real (symlink-free) temp directory per test, removed afterwards. */
export const useTempDir = (prefix: string): { readonly path: () => string } => {
  let dir = ""
  beforeEach(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), prefix)))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return { path: () => dir }
}

/** A policy with no rules: searches show every file; deciding is not the tools' business. */
export const noRulesPolicy = Layer.succeed(PermissionPolicy, {
  mode: Effect.succeed("default" as const),
  setMode: () => Effect.void,
  decide: () => Effect.die("tools do not decide permissions"),
  addSessionRule: () => Effect.void,
  searchFilter: () => Effect.succeed(undefined)
})

/** Everything the tools need, as one session: one FileTracker, one TodoList, one Shell; Search as the app chooses it. */
export const sessionLayer = (projectDir: string) =>
  Layer.mergeAll(
    NodeContext.layer,
    Layer.succeed(Workspace, { projectDir, homeDir: projectDir }),
    FileTrackerMemory,
    TodoListMemory,
    ShellNode,
    SearchAuto,
    noRulesPolicy
  )

/** A search engine a test pins: the built-in one, or ripgrep at `rg`. */
export type EngineChoice = { readonly engine: "builtin" } | { readonly engine: "ripgrep"; readonly rg: string }

/** `tool` searching with the pinned engine, whatever Search layer the session has. */
export const withEngine = <R>(tool: Tool<R>, choice: EngineChoice): Tool<Exclude<R, Search>> => ({
  ...tool,
  execute: (args) => tool.execute(args).pipe(Effect.provide(choice.engine === "ripgrep" ? SearchRipgrep(choice.rg) : SearchBuiltin))
})

/** Runs a tool as the registry does: decode the arguments (dying if invalid), then execute. */
export const runTool = <R>(tool: Tool<R>, args: unknown): Effect.Effect<ToolOutput, never, R> =>
  Effect.suspend(() => {
    const decoded = tool.decode(args)
    return Either.isLeft(decoded) ? Effect.dieMessage(`bad args for ${tool.name}: ${decoded.left}`) : tool.execute(decoded.right)
  })

/** The decode error text for invalid arguments. */
export const decodeError = <R>(tool: Tool<R>, args: unknown): string => {
  const decoded = tool.decode(args)
  if (Either.isRight(decoded)) throw new Error(`expected invalid arguments, got ${JSON.stringify(decoded.right)}`)
  return decoded.left
}

/** Waits until background job `id` is no longer running. */
export const waitForEnd = (id: string) =>
  Effect.gen(function* () {
    const shell = yield* Shell
    for (let attempt = 0; attempt < 200; attempt++) {
      const job = (yield* shell.background).find((info) => info.id === id)
      if (job !== undefined && job.status._tag !== "Running") return
      yield* Effect.sleep("25 millis")
    }
    throw new Error(`${id} never ended`)
  })

export { isAlive } from "./processes.js"
