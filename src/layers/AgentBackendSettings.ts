/**
 * The backend chosen from the flags, LETTA_BACKEND, the `backend` setting (else cloud when
 * LETTA_API_KEY or LETTA_BASE_URL is set), with its LettaApi layer. The local backend's modules
 * load only when it is chosen, so cloud runs never load SQLite or the model providers.
 */
import { resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import { chooseBackend } from "../domain/backend.js"
import { connectionFromEnv } from "../domain/connection.js"
import { maskUrlCredentials } from "../domain/redaction.js"
import { registerSecretVariables, settingsKeyVariables } from "../domain/secretVariables.js"
import { type AllSettings, type ExtraSettings, layerUserSettings } from "../domain/settings.js"
import { AgentBackend, type BackendFlags } from "../services/AgentBackend.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { LettaApiHttp } from "./LettaApiHttp.js"
import { readSettingsFile } from "./SettingsFiles.js"

export const AgentBackendSettings = Layer.effect(
  AgentBackend,
  Effect.gen(function* () {
    const workspace = yield* Workspace
    const store = yield* Settings
    const server = yield* Ref.make(maskUrlCredentials(process.env["LETTA_BASE_URL"] ?? "https://api.letta.com"))
    const choose = (flags: BackendFlags, verbose = false) =>
      Effect.gen(function* () {
        const files = yield* store.load
        // `--settings <file>`: laid over the user's settings for this run, never written.
        const extraPath = Option.map(flags.settingsFile, (file) => resolve(workspace.projectDir, file))
        const extra: ExtraSettings | undefined = Option.isSome(extraPath)
          ? { path: extraPath.value, settings: yield* readSettingsFile(extraPath.value) }
          : undefined
        const settings: AllSettings = extra === undefined ? files : { ...files, user: layerUserSettings(files.user, extra.settings) }
        registerSecretVariables(settingsKeyVariables(settings, extra))
        const backend = yield* Either.match(chooseBackend(flags.backend, process.env, settings.user.backend), { onLeft: Effect.fail, onRight: Effect.succeed })
        if (backend === "cloud") {
          const connection = yield* Either.match(connectionFromEnv(process.env), { onLeft: Effect.fail, onRight: Effect.succeed })
          yield* Ref.set(server, connection.baseUrl)
          return { settings, extra, apiLayer: LettaApiHttp(verbose ? { ...connection, debug: true } : connection) }
        }
        const local = yield* Effect.promise(() => import("./localStack.js"))
        yield* Ref.set(server, `the local backend (${local.localDatabasePath(workspace.homeDir)})`)
        return { settings, extra, apiLayer: local.localBackendLayer({ homeDir: workspace.homeDir, env: process.env, settings }) }
      })
    return { choose, serverForMessages: Ref.get(server) }
  })
)
