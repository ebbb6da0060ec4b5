/**
 * The local backend's layers composed: LettaApiLocal over the database in
 * ~/.letta/local/ and the model providers. main.ts imports this module only when the local
 * backend is chosen, so cloud runs, `--help` and `--version` never load SQLite or the providers.
 */
import { join } from "node:path"
import * as Layer from "effect/Layer"
import type { StoreError } from "../domain/errors.js"
import type { AllSettings } from "../domain/settings.js"
import type { LettaApi } from "../services/LettaApi.js"
import { LettaApiLocal } from "./LettaApiLocal.js"
import { LocalStoreSqlite } from "./LocalStoreSqlite.js"
import { mergeProviders, ModelsHttp } from "./ModelsHttp.js"

export const localDatabasePath = (homeDir: string): string => join(homeDir, ".letta", "local", "letta.db")

export const localBackendLayer = (options: {
  readonly homeDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly settings: AllSettings
}): Layer.Layer<LettaApi, StoreError> =>
  LettaApiLocal.pipe(
    Layer.provide(LocalStoreSqlite(localDatabasePath(options.homeDir))),
    Layer.provide(ModelsHttp({ env: options.env, customProviders: mergeProviders(options.settings.user.providers, options.settings.project.providers) }))
  )
