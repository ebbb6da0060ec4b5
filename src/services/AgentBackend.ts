/**
 * Where this run's agents live: a Letta server, or the local backend on this machine. Chosen
 * once per command from the flags, LETTA_BACKEND and the settings; what it names also goes into
 * the error messages ("not found on <server>").
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type { Backend } from "../domain/backend.js"
import type { ConfigError, SettingsError, StoreError, UsageError } from "../domain/errors.js"
import type { AllSettings, ExtraSettings } from "../domain/settings.js"
import type { LettaApi } from "./LettaApi.js"

/** The root flags every command may give. */
export interface BackendFlags {
  readonly backend: Option.Option<Backend>
  /** `--settings`: an extra settings file over the user's. */
  readonly settingsFile: Option.Option<string>
}

export interface ChosenBackend {
  /** The three settings files, with a `--settings` file laid over the user's. */
  readonly settings: AllSettings
  readonly extra: ExtraSettings | undefined
  readonly apiLayer: Layer.Layer<LettaApi, StoreError>
}

export interface AgentBackendShape {
  /** `verbose`: the request log LETTA_DEBUG=1 gives, too. */
  readonly choose: (flags: BackendFlags, verbose?: boolean) => Effect.Effect<ChosenBackend, SettingsError | UsageError | ConfigError>
  /** The server for error messages: the chosen one, else the one the environment names. */
  readonly serverForMessages: Effect.Effect<string>
}

export class AgentBackend extends Context.Tag("letta/AgentBackend")<AgentBackend, AgentBackendShape>() {}
