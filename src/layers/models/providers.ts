/**
 * The model providers: the four built-in ones configured from the
 * environment, and the custom ones from the settings. Keys only ever come from the environment.
 */
import { maskUrlCredentials } from "../../domain/redaction.js"
import type { ProviderSettings } from "../../domain/settings.js"

export type WireApi = "anthropic" | "openai-responses" | "openai-chat"

export interface Provider {
  readonly name: string
  readonly api: WireApi
  /**
   * Where requests go. `anthropic`: the origin (or gateway prefix) before `/v1/messages`;
   * the OpenAI APIs: the base before `/responses`, `/chat/completions`, `/models`.
   */
  readonly baseUrl: string
  /** The variable the key is read from; absent when the provider needs no key. */
  readonly apiKeyEnv: string | undefined
  readonly apiKey: string | undefined
  /** `ollama` and `lmstudio`: a server on this machine, probed before use. */
  readonly local: "ollama" | "lmstudio" | undefined
  /** The `contextWindow` setting of a custom provider: it always wins. */
  readonly contextWindow: number | undefined
  readonly custom: boolean
}

export const BUILT_IN_PROVIDERS = ["anthropic", "openai", "ollama", "lmstudio"] as const

export type Env = Readonly<Record<string, string | undefined>>

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed
}

const withoutTrailingSlashes = (url: string): string => url.replace(/\/+$/, "")

/** `ANTHROPIC_BASE_URL` is an origin: the client appends `/v1/messages` (a trailing `/v1` is dropped). */
export const anthropicBase = (url: string): string => withoutTrailingSlashes(url).replace(/\/v1$/, "")

/**
 * `OLLAMA_HOST` as the Ollama CLI reads it: the scheme may be missing (http), the port too
 * (11434 without a scheme, else the scheme's own), and an optional path is kept.
 */
export const ollamaOrigin = (ollamaHost: string | undefined): string => {
  const value = nonEmpty(ollamaHost)
  if (value === undefined) return "http://127.0.0.1:11434"
  const schemeAt = value.indexOf("://")
  const scheme = schemeAt < 0 ? "http" : value.slice(0, schemeAt).toLowerCase()
  const rest = schemeAt < 0 ? value : value.slice(schemeAt + 3)
  const defaultPort = schemeAt < 0 ? "11434" : scheme === "https" ? "443" : scheme === "http" ? "80" : "11434"
  const slash = rest.indexOf("/")
  const hostPort = slash < 0 ? rest : rest.slice(0, slash)
  const path = slash < 0 ? "" : withoutTrailingSlashes(rest.slice(slash))
  const bracketed = /^\[[^\]]+\](:\d+)?$/.test(hostPort)
  const hasPort = bracketed ? /\]:\d+$/.test(hostPort) : /^[^:]*:\d+$/.test(hostPort)
  const host = hostPort.length === 0 ? "127.0.0.1" : hostPort
  return `${scheme}://${hasPort ? host : `${host}:${defaultPort}`}${path}`
}

const builtIns = (env: Env): ReadonlyArray<Provider> => [
  {
    name: "anthropic",
    api: "anthropic",
    baseUrl: anthropicBase(nonEmpty(env["ANTHROPIC_BASE_URL"]) ?? "https://api.anthropic.com"),
    apiKeyEnv: "ANTHROPIC_API_KEY",
    apiKey: nonEmpty(env["ANTHROPIC_API_KEY"]),
    local: undefined,
    contextWindow: undefined,
    custom: false
  },
  {
    name: "openai",
    api: "openai-responses",
    baseUrl: withoutTrailingSlashes(nonEmpty(env["OPENAI_BASE_URL"]) ?? "https://api.openai.com/v1"),
    apiKeyEnv: "OPENAI_API_KEY",
    apiKey: nonEmpty(env["OPENAI_API_KEY"]),
    local: undefined,
    contextWindow: undefined,
    custom: false
  },
  {
    name: "ollama",
    api: "openai-chat",
    baseUrl: `${ollamaOrigin(env["OLLAMA_HOST"])}/v1`,
    apiKeyEnv: undefined,
    apiKey: undefined,
    local: "ollama",
    contextWindow: undefined,
    custom: false
  },
  {
    name: "lmstudio",
    api: "openai-chat",
    baseUrl: withoutTrailingSlashes(nonEmpty(env["LMSTUDIO_BASE_URL"]) ?? "http://127.0.0.1:1234/v1"),
    apiKeyEnv: undefined,
    apiKey: undefined,
    local: "lmstudio",
    contextWindow: undefined,
    custom: false
  }
]

const isBuiltIn = (name: string): boolean => (BUILT_IN_PROVIDERS as ReadonlyArray<string>).includes(name)

export interface ProviderTable {
  readonly all: ReadonlyArray<Provider>
  readonly find: (name: string) => Provider | undefined
  /** Custom entries that were not used, with why (a built-in name, a `/` in the name). */
  readonly ignored: ReadonlyArray<{ readonly name: string; readonly why: string }>
}

/**
 * The providers for this process. A custom provider never replaces a built-in one: a project's
 * settings naming `anthropic` with another baseUrl would otherwise send ANTHROPIC_API_KEY there.
 */
export const providerTable = (env: Env, custom: Readonly<Record<string, ProviderSettings>> | undefined): ProviderTable => {
  const all: Array<Provider> = [...builtIns(env)]
  const ignored: Array<{ name: string; why: string }> = []
  for (const [name, settings] of Object.entries(custom ?? {})) {
    if (isBuiltIn(name)) {
      ignored.push({ name, why: `"${name}" is a built-in provider (set its base URL with its environment variable instead)` })
      continue
    }
    if (name.length === 0 || name.includes("/")) {
      ignored.push({ name, why: "a provider name cannot be empty or contain '/'" })
      continue
    }
    const apiKeyEnv = nonEmpty(settings.apiKeyEnv)
    all.push({
      name,
      api: settings.api,
      baseUrl: settings.api === "anthropic" ? anthropicBase(settings.baseUrl) : withoutTrailingSlashes(settings.baseUrl),
      apiKeyEnv,
      apiKey: apiKeyEnv === undefined ? undefined : nonEmpty(env[apiKeyEnv]),
      local: undefined,
      contextWindow: settings.contextWindow,
      custom: true
    })
  }
  const byName = new Map(all.map((provider) => [provider.name, provider]))
  return { all, find: (name) => byName.get(name), ignored }
}

/**
 * User and project providers. A project file is committed by whoever wrote the repository: it
 * may add providers but never redefine one of yours, or a cloned repository could send your key
 * (or your default model's traffic) to a URL of its choosing.
 */
export const mergeProviders = (
  user: Readonly<Record<string, ProviderSettings>> | undefined,
  project: Readonly<Record<string, ProviderSettings>> | undefined
): Readonly<Record<string, ProviderSettings>> => ({ ...project, ...user })

/** `the model provider anthropic (https://api.anthropic.com)`: who failed, in messages (never a URL's `user:password@`). */
export const serviceName = (provider: Provider): string => `the model provider ${provider.name} (${maskUrlCredentials(provider.baseUrl)})`

/** The Ollama server's origin (its native API is beside `/v1`). */
export const ollamaNativeBase = (provider: Provider): string => provider.baseUrl.replace(/\/v1$/, "")

/** LM Studio's own REST API (`/api/v0`) lives at the origin of its OpenAI-compatible base. */
export const lmStudioNativeBase = (provider: Provider): string => `${provider.baseUrl.replace(/\/v1$/, "")}/api/v0`

/** `x` and `x:latest` are the same Ollama model; the handle always carries the tag. */
export const normaliseOllamaModel = (model: string): string => (model.includes(":") ? model : `${model}:latest`)

/** What to do when a provider's server cannot be reached. */
export const connectionHint = (provider: Provider): string => {
  switch (provider.local) {
    case "ollama":
      return "Is Ollama running? Start it with `ollama serve` (or set OLLAMA_HOST to where it listens)."
    case "lmstudio":
      return "Is LM Studio's server running? Start it in LM Studio (Developer tab) or with `lms server start` (or set LMSTUDIO_BASE_URL)."
    case undefined:
      return provider.custom
        ? `Check the baseUrl of the provider "${provider.name}" in your settings, and your network connection.`
        : provider.name === "anthropic"
          ? "Check your network connection (and ANTHROPIC_BASE_URL if you set it)."
          : "Check your network connection (and OPENAI_BASE_URL if you set it)."
  }
}

/** The variable to set for a provider whose key is missing or refused. */
export const keyHint = (provider: Provider): string | undefined =>
  provider.apiKeyEnv === undefined
    ? provider.custom
      ? `The provider "${provider.name}" has no apiKeyEnv in your settings; add the name of the environment variable that holds its key.`
      : undefined
    : `Check ${provider.apiKeyEnv}: set it to a valid key for ${provider.name} (export ${provider.apiKeyEnv}=...).`
