/** The three settings files: read once, updated atomically under a lock. */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { SettingsError } from "../domain/errors.js"
import type { AllSettings, LocalSettings, ProjectSettings, UserSettings } from "../domain/settings.js"

export interface SettingsPaths {
  readonly user: string
  readonly project: string
  readonly local: string
}

export interface SettingsShape {
  readonly paths: SettingsPaths
  /** Reads and decodes all three files; a missing file is an empty object. */
  readonly load: Effect.Effect<AllSettings, SettingsError>
  /**
   * Read-modify-write under a cross-process lock: `update` gets the file's current content
   * (re-read inside the lock), and its result is written atomically. Returns what was written.
   */
  readonly updateUser: (update: (current: UserSettings) => UserSettings) => Effect.Effect<UserSettings, SettingsError>
  readonly updateProject: (
    update: (current: ProjectSettings) => ProjectSettings
  ) => Effect.Effect<ProjectSettings, SettingsError>
  readonly updateLocal: (update: (current: LocalSettings) => LocalSettings) => Effect.Effect<LocalSettings, SettingsError>
  /**
   * Like `updateUser`, with an update that may do work (server requests) while the lock is held:
   * processes doing the same wait for it and then see its result. Nothing is written when it fails.
   */
  readonly modifyUser: <E, R>(
    update: (current: UserSettings) => Effect.Effect<UserSettings, E, R>
  ) => Effect.Effect<UserSettings, SettingsError | E, R>
  readonly modifyProject: <E, R>(
    update: (current: ProjectSettings) => Effect.Effect<ProjectSettings, E, R>
  ) => Effect.Effect<ProjectSettings, SettingsError | E, R>
  /**
   * Fails when the user and local files could not be written now (a read-only home, a lock that
   * cannot be taken), without changing them: checked before creating anything on the server.
   */
  readonly checkWritable: Effect.Effect<void, SettingsError>
  /** Records that this process works with the agent, until it exits (best effort). */
  readonly holdAgent: (agentId: string) => Effect.Effect<void>
  /** Other live letta processes working with the agent (their pids). */
  readonly agentHolders: (agentId: string) => Effect.Effect<ReadonlyArray<number>>
}

export class Settings extends Context.Tag("letta/Settings")<Settings, SettingsShape>() {}
