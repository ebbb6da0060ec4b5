/** The three settings files (PRODUCT.md §2): read once, updated atomically under a lock. */
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
}

export class Settings extends Context.Tag("letta/Settings")<Settings, SettingsShape>() {}
