/**
 * Shared blocks when processes start together: each finds no block and creates one, but the one
 * whose id reaches the settings file first is adopted by all, so their agents share memory.
 */
import { afterEach, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { AllSettings, LocalSettings, ProjectSettings, UserSettings } from "../../src/domain/settings.js"
import { ensureSharedBlocks } from "../../src/programs/memoryBlocks.js"
import { Settings } from "../../src/services/Settings.js"
import { localApi, scriptedModels, tempDatabase } from "../support/localBackend.js"
import { collectingOutput } from "../support/testLayers.js"

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe("ensureSharedBlocks", () => {
  it("adopts the blocks another process stored after this one read the settings", async () => {
    const db = tempDatabase()
    cleanup = db.cleanup
    const loaded: AllSettings = { user: {}, project: {}, local: {} }
    // What the files hold by the time this process writes: another process's blocks.
    const onDisk = {
      user: { globalSharedBlockIdsByServer: { local: { persona: "block-theirs-p", human: "block-theirs-h" } } } as UserSettings,
      project: { localSharedBlockIdsByServer: { local: { project: "block-theirs-x" } } } as ProjectSettings
    }
    const settings = Layer.succeed(Settings, {
      paths: { user: "u", project: "p", local: "l" },
      load: Effect.succeed(loaded),
      updateUser: (f: (s: UserSettings) => UserSettings) => Effect.sync(() => (onDisk.user = f(onDisk.user))),
      updateProject: (f: (s: ProjectSettings) => ProjectSettings) => Effect.sync(() => (onDisk.project = f(onDisk.project))),
      updateLocal: (f: (s: LocalSettings) => LocalSettings) => Effect.sync(() => f({})),
      modifyUser: <E, R>(f: (s: UserSettings) => Effect.Effect<UserSettings, E, R>) => Effect.tap(f(onDisk.user), (next) => (onDisk.user = next)),
      modifyProject: <E, R>(f: (s: ProjectSettings) => Effect.Effect<ProjectSettings, E, R>) =>
        Effect.tap(f(onDisk.project), (next) => (onDisk.project = next)),
      checkWritable: Effect.void,
      holdAgent: () => Effect.void,
      agentHolders: () => Effect.succeed([])
    })
    const ids = await Effect.runPromise(
      Effect.scoped(
        ensureSharedBlocks(loaded).pipe(Effect.provide(Layer.mergeAll(localApi(db.path, scriptedModels([]).layer), settings, collectingOutput().layer)))
      )
    )
    expect(ids).toEqual({ persona: "block-theirs-p", human: "block-theirs-h", project: "block-theirs-x" })
    expect(onDisk.user.globalSharedBlockIdsByServer?.["local"]).toEqual({ persona: "block-theirs-p", human: "block-theirs-h" })
  })
})
