/**
 * Models over the providers' own HTTP APIs: Anthropic Messages, OpenAI
 * Responses and Chat Completions (Ollama, LM Studio, custom endpoints), each streamed over
 * `@effect/platform`'s HttpClient. Built from the environment (keys, base URLs) and the custom
 * providers of the settings; load it lazily (`import()`), only when the local backend is used.
 *
 * Why not `@effect/ai-anthropic` / `@effect/ai-openai`: loading either takes the process from
 * ~78 MiB to 125 / 152 MiB (their generated schemas), over the local backend's 120 MiB bar; both
 * parse tool-call arguments (an invalid JSON text fails the whole stream, where our contract
 * passes it on verbatim); the OpenAI one turns `response.failed` into a normal finish and skips
 * events its schemas do not know; and neither tells an error before the HTTP 200 from one after.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { ApiError, NoModelAvailable, UnknownModel } from "../domain/errors.js"
import type { ProviderSettings } from "../domain/settings.js"
import { type ModelListing, Models, type ModelsShape, type ResolvedModel } from "../services/Models.js"
import { anthropicMessages } from "./models/anthropicMessages.js"
import { CATALOGUE, DEFAULT_MODELS, FALLBACK_CONTEXT_WINDOW, lookupKnown, replyBudget } from "./models/catalogue.js"
import { chatCompletions } from "./models/chatCompletions.js"
import { firstChatModel, lmStudioModels, ollamaContextWindow, ollamaModels, openAiModels, PROBE_TIMEOUT_MS, type ServerModel } from "./models/localServers.js"
import { nodeHttpClient } from "./models/nodeHttpClient.js"
import { openaiResponses } from "./models/openaiResponses.js"
import { missingKeyError } from "./models/providerErrors.js"
import { BUILT_IN_PROVIDERS, type Env, normaliseOllamaModel, type Provider, providerTable, serviceName } from "./models/providers.js"
import { streamCall } from "./models/streamCall.js"
import type { WireProtocol } from "./models/wire.js"

export { mergeProviders } from "./models/providers.js"

export interface ModelsConfig {
  /** Where keys and base URLs are read (normally `process.env`). */
  readonly env: Env
  /** The `providers` of the user and project settings, merged (see `mergeProviders`). */
  readonly customProviders?: Readonly<Record<string, ProviderSettings>> | undefined
}

const protocolFor = (provider: Provider): WireProtocol => {
  switch (provider.api) {
    case "anthropic":
      return anthropicMessages
    case "openai-responses":
      return openaiResponses
    case "openai-chat":
      return chatCompletions
  }
}

const HANDLE_EXAMPLE = "a model handle is provider/model, e.g. anthropic/claude-sonnet-4-5, openai/gpt-5 or ollama/qwen3-coder:30b"

const quoteList = (items: ReadonlyArray<string>, limit = 15): string =>
  items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")}, … (${items.length - limit} more)`

export const makeModels = (config: ModelsConfig): Effect.Effect<ModelsShape, never, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const client = yield* HttpClient.HttpClient
    const table = providerTable(config.env, config.customProviders)
    const customNames = table.all.filter((provider) => provider.custom).map((provider) => provider.name)

    const unknownProvider = (handle: string, name: string) => {
      const custom =
        customNames.length > 0 ? `; custom providers (settings): ${customNames.join(", ")}` : "; custom providers can be added under \"providers\" in the settings"
      const ignored = table.ignored.find((entry) => entry.name === name)
      return new UnknownModel({
        model: handle,
        available: [],
        reason: ignored !== undefined
          ? `the custom provider "${name}" in the settings is not used: ${ignored.why}.`
          : `there is no provider "${name}". Built-in providers: ${BUILT_IN_PROVIDERS.join(", ")}${custom}.`
      })
    }

    const resolved = (provider: Provider, model: string, reported: number | undefined): ResolvedModel => {
      const known = lookupKnown(model)
      const contextWindow = provider.contextWindow ?? reported ?? known?.contextWindow ?? FALLBACK_CONTEXT_WINDOW
      return {
        handle: `${provider.name}/${model}`,
        provider: provider.name,
        model,
        contextWindow,
        maxOutputTokens: replyBudget(contextWindow, known?.maxOutput)
      }
    }

    /**
     * One request on the usual path: `/api/show` knows the model and its window. Only when it
     * does not answer is the model list read, to tell a missing model (with the ones there are)
     * from a server that is down.
     */
    const resolveOllama = (provider: Provider, handle: string, requested: string) =>
      Effect.gen(function* () {
        const model = normaliseOllamaModel(requested)
        const operation = `check the model ${model}`
        const shown = yield* Effect.either(ollamaContextWindow(client, provider, model, operation))
        if (shown._tag === "Right") return resolved(provider, model, shown.right)
        const models = yield* ollamaModels(client, provider, operation)
        if (!models.some((candidate) => candidate.id === model)) {
          const names = models.filter((candidate) => candidate.chat).map((candidate) => candidate.id)
          return yield* Effect.fail(
            new UnknownModel({
              model: handle,
              available: names.map((name) => `ollama/${name}`),
              reason: `Ollama (${provider.baseUrl.replace(/\/v1$/, "")}) has no model "${model}". Pull it with \`ollama pull ${model}\`${names.length > 0 ? `, or use one of: ${quoteList(names.map((name) => `ollama/${name}`))}` : ""}.`
            })
          )
        }
        return resolved(provider, model, undefined)
      })

    const resolveLmStudio = (provider: Provider, handle: string, requested: string) =>
      Effect.gen(function* () {
        const models = yield* lmStudioModels(client, provider, `check the model ${requested}`)
        const found =
          models.find((candidate) => candidate.id === requested) ?? models.find((candidate) => candidate.id.toLowerCase() === requested.toLowerCase())
        if (found === undefined) {
          const names = models.filter((candidate) => candidate.chat).map((candidate) => `lmstudio/${candidate.id}`)
          return yield* Effect.fail(
            new UnknownModel({
              model: handle,
              available: names,
              reason: `LM Studio (${provider.baseUrl}) has no model "${requested}". Download it in LM Studio (or \`lms get ${requested}\`)${names.length > 0 ? `, or use one of: ${quoteList(names)}` : ""}.`
            })
          )
        }
        return resolved(provider, found.id, found.contextWindow)
      })

    /**
     * A custom endpoint's own report of the window (vLLM `max_model_len`, Groq `context_window`,
     * OpenRouter `context_length`), when neither the setting nor the catalogue knows it; quick,
     * never a failure.
     */
    const reportedWindow = (provider: Provider, model: string): Effect.Effect<number | undefined> =>
      provider.contextWindow !== undefined || lookupKnown(model) !== undefined
        ? Effect.succeed(undefined)
        : openAiModels(client, provider, `check the model ${model}`).pipe(
            Effect.timeout(PROBE_TIMEOUT_MS),
            Effect.map((models) => models.find((candidate) => candidate.id === model)?.contextWindow),
            Effect.orElseSucceed(() => undefined)
          )

    const resolve: ModelsShape["resolve"] = (input) =>
      Effect.gen(function* () {
        const handle = input.trim()
        const slash = handle.indexOf("/")
        if (slash <= 0 || slash === handle.length - 1) {
          return yield* Effect.fail(new UnknownModel({ model: handle, available: [], reason: `${HANDLE_EXAMPLE}.` }))
        }
        const name = handle.slice(0, slash)
        const model = handle.slice(slash + 1)
        const provider = table.find(name)
        if (provider === undefined) return yield* Effect.fail(unknownProvider(handle, name))
        if (provider.apiKeyEnv !== undefined && provider.apiKey === undefined) {
          return yield* Effect.fail(
            new UnknownModel({
              model: handle,
              available: [],
              reason: `${provider.apiKeyEnv} is not set. Set it to use ${provider.name} models: export ${provider.apiKeyEnv}=<your key>`
            })
          )
        }
        switch (provider.local) {
          case "ollama":
            return yield* resolveOllama(provider, handle, model)
          case "lmstudio":
            return yield* resolveLmStudio(provider, handle, model)
          case undefined:
            return resolved(provider, model, provider.custom ? yield* reportedWindow(provider, model) : undefined)
        }
      })

    const localProviders = table.all.filter((provider) => provider.local !== undefined)
    const serverModels = (provider: Provider): Effect.Effect<ReadonlyArray<ServerModel>, ApiError> =>
      provider.local === "ollama" ? ollamaModels(client, provider, "list its models") : lmStudioModels(client, provider, "list its models")

    const defaultModel: ModelsShape["defaultModel"] = Effect.gen(function* () {
      for (const name of ["anthropic", "openai"] as const) {
        if (table.find(name)?.apiKey !== undefined) return `${name}/${DEFAULT_MODELS[name]}`
      }
      // Both servers probed at once; Ollama's model first when both answer.
      const found = yield* Effect.forEach(
        localProviders,
        (provider) =>
          serverModels(provider).pipe(
            Effect.map((models) => Option.map(firstChatModel(models), (model) => `${provider.name}/${model.id}`)),
            Effect.orElseSucceed(() => Option.none<string>())
          ),
        { concurrency: "unbounded" }
      )
      const first = Option.firstSomeOf(found)
      if (Option.isSome(first)) return first.value
      return yield* Effect.fail(new NoModelAvailable())
    })

    const catalogueListings = (): ReadonlyArray<ModelListing> =>
      CATALOGUE.flatMap(({ provider: name, model }) => {
        const provider = table.find(name)
        if (provider === undefined) return []
        const available = provider.apiKey !== undefined
        return [
          {
            handle: `${name}/${model}`,
            provider: name,
            contextWindow: lookupKnown(model)?.contextWindow,
            source: "catalogue" as const,
            available,
            ...(available ? {} : { note: `set ${provider.apiKeyEnv ?? "its key"} to use it` })
          }
        ]
      })

    const serverListings = (provider: Provider): Effect.Effect<ReadonlyArray<ModelListing>> =>
      Effect.gen(function* () {
        if (provider.apiKeyEnv !== undefined && provider.apiKey === undefined) return []
        const models = (yield* (provider.local === undefined ? openAiModels(client, provider, "list its models") : serverModels(provider))).filter(
          (model) => model.chat
        )
        const windows = yield* Effect.forEach(
          models,
          (model) =>
            provider.contextWindow !== undefined
              ? Effect.succeed<number | undefined>(provider.contextWindow)
              : model.contextWindow !== undefined || provider.local !== "ollama"
                ? Effect.succeed(model.contextWindow ?? lookupKnown(model.id)?.contextWindow)
                : ollamaContextWindow(client, provider, model.id, "list its models").pipe(
                    Effect.map((window) => window ?? lookupKnown(model.id)?.contextWindow),
                    Effect.orElseSucceed(() => lookupKnown(model.id)?.contextWindow)
                  ),
          { concurrency: 4 }
        )
        return models.map((model, index) => ({
          handle: `${provider.name}/${model.id}`,
          provider: provider.name,
          contextWindow: windows[index],
          source: "server" as const,
          available: true
        }))
      }).pipe(Effect.orElseSucceed(() => []))

    const list: ModelsShape["list"] = Effect.forEach(
      table.all.filter((provider) => provider.local !== undefined || provider.custom),
      serverListings,
      { concurrency: "unbounded" }
    ).pipe(Effect.map((groups) => [...catalogueListings(), ...groups.flat()]))

    const stream: ModelsShape["stream"] = (model, request) =>
      Effect.suspend(() => {
        const provider = table.find(model.provider)
        const context = provider === undefined ? undefined : { provider, operation: `call the model ${model.model}`, model: model.model }
        if (provider === undefined || context === undefined) {
          return Effect.fail(
            new ApiError({
              kind: "protocol",
              operation: `call the model ${model.model}`,
              detail: `there is no provider "${model.provider}"`,
              streamStarted: false,
              service: `the model provider ${model.provider}`
            })
          )
        }
        if (provider.apiKeyEnv !== undefined && provider.apiKey === undefined) return Effect.fail(missingKeyError(context))
        return streamCall(client, protocolFor(provider), context, request)
      })

    // A run resolves its agent's model several times (the check of --model, the agent's creation,
    // each request); a local server is probed once per process.
    const resolvedModels = new Map<string, ResolvedModel>()
    const resolveOnce: ModelsShape["resolve"] = (handle) => {
      const known = resolvedModels.get(handle)
      return known !== undefined ? Effect.succeed(known) : Effect.tap(resolve(handle), (model) => Effect.sync(() => resolvedModels.set(handle, model)))
    }
    return { resolve: resolveOnce, defaultModel, list, stream } satisfies ModelsShape
  })

/** Models for the local backend, with its own HTTP client (node:http, no undici). */
export const ModelsHttp = (config: ModelsConfig): Layer.Layer<Models> =>
  Layer.effect(Models, makeModels(config)).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, nodeHttpClient)))

/** The same over a given HttpClient (tests, or another transport). */
export const ModelsWith = (config: ModelsConfig): Layer.Layer<Models, never, HttpClient.HttpClient> => Layer.effect(Models, makeModels(config))

export { serviceName }
