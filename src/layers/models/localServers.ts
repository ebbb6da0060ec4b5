/**
 * What model servers report about their models: Ollama (`/api/tags`, `/api/show`), LM Studio
 * (`/api/v0/models`, else `/v1/models`) and any OpenAI-compatible `/models` list (vLLM's
 * `max_model_len`, OpenRouter's `context_length`, …). Short timeouts: these are probes.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { ApiError } from "../../domain/errors.js"
import { type CallContext, httpError, requestError, timeoutError, wireError } from "./providerErrors.js"
import { lmStudioNativeBase, ollamaNativeBase, type Provider } from "./providers.js"
import { excerpt, NullableNumber, NullableString } from "./wire.js"

export const PROBE_TIMEOUT_MS = 1_500

export interface ServerModel {
  /** The server's name of the model (Ollama: always with its tag). */
  readonly id: string
  readonly contextWindow: number | undefined
  /** False for embedding models, which cannot chat. */
  readonly chat: boolean
  /** LM Studio: the model is loaded now. */
  readonly loaded: boolean
}

/** GET or POST a small JSON document, decoded with `schema`. */
const getJson = <A, I>(
  client: HttpClient.HttpClient,
  context: CallContext,
  schema: Schema.Schema<A, I>,
  url: string,
  options: { readonly body?: unknown; readonly timeoutMs?: number; readonly headers?: Readonly<Record<string, string>> } = {}
): Effect.Effect<A, ApiError> => {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS
  const base = options.body === undefined ? HttpClientRequest.get(url) : HttpClientRequest.post(url).pipe(HttpClientRequest.bodyUnsafeJson(options.body))
  const request = base.pipe(HttpClientRequest.setHeaders(options.headers ?? {}), HttpClientRequest.acceptJson)
  return Effect.gen(function* () {
    const response = yield* HttpClient.withScope(client).execute(request).pipe(Effect.mapError((error) => requestError(context, error)))
    const text = yield* response.text.pipe(Effect.mapError((error) => requestError(context, error)))
    if (response.status < 200 || response.status >= 300) return yield* Effect.fail(httpError(context, response.status, response.headers, text))
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return yield* Effect.fail(wireError(context, { kind: "protocol", detail: `not JSON: ${excerpt(text)}` }, false))
    }
    return yield* Schema.decodeUnknown(schema)(json).pipe(
      Effect.mapError((error) => wireError(context, { kind: "protocol", detail: `unexpected answer: ${error.message}` }, false))
    )
  }).pipe(
    Effect.scoped,
    Effect.timeoutFail({ duration: timeoutMs, onTimeout: () => timeoutError(context, timeoutMs) })
  )
}

const OllamaTags = Schema.Struct({
  models: Schema.optional(
    Schema.NullOr(
      Schema.Array(
        Schema.Struct({
          name: NullableString,
          model: NullableString,
          details: Schema.optional(Schema.NullOr(Schema.Struct({ family: NullableString, families: Schema.optional(Schema.NullOr(Schema.Array(Schema.String))) })))
        })
      )
    )
  )
})

const isEmbedding = (name: string, families: ReadonlyArray<string>): boolean =>
  /embed/i.test(name) || families.some((family) => /bert/i.test(family))

/** The models Ollama has pulled (names with their tag), newest first as Ollama lists them. */
export const ollamaModels = (client: HttpClient.HttpClient, provider: Provider, operation: string): Effect.Effect<ReadonlyArray<ServerModel>, ApiError> =>
  getJson(client, { provider, operation }, OllamaTags, `${ollamaNativeBase(provider)}/api/tags`).pipe(
    Effect.map((tags) =>
      (tags.models ?? []).flatMap((model) => {
        const id = model.model ?? model.name
        if (typeof id !== "string" || id.length === 0) return []
        const families = [...(model.details?.families ?? []), ...(typeof model.details?.family === "string" ? [model.details.family] : [])]
        return [{ id, contextWindow: undefined, chat: !isEmbedding(id, families), loaded: false }]
      })
    )
  )

const OllamaShow = Schema.Struct({
  model_info: Schema.optional(Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.Unknown }))),
  parameters: NullableString
})

/**
 * The window Ollama runs the model with: `num_ctx` when the model sets one (the server would
 * cut a longer prompt), else the model's own `<architecture>.context_length`.
 */
export const ollamaContextWindow = (
  client: HttpClient.HttpClient,
  provider: Provider,
  model: string,
  operation: string
): Effect.Effect<number | undefined, ApiError> =>
  getJson(client, { provider, operation, model }, OllamaShow, `${ollamaNativeBase(provider)}/api/show`, { body: { model }, timeoutMs: 5_000 }).pipe(
    Effect.map((show) => {
      const numCtx = /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(show.parameters ?? "")?.[1]
      if (numCtx !== undefined && Number(numCtx) > 0) return Number(numCtx)
      const info = show.model_info ?? {}
      const architecture = info["general.architecture"]
      const direct = typeof architecture === "string" ? info[`${architecture}.context_length`] : undefined
      if (typeof direct === "number" && direct > 0) return direct
      const any = Object.entries(info).find(([key, value]) => key.endsWith(".context_length") && typeof value === "number" && value > 0)
      return any === undefined ? undefined : Number(any[1])
    })
  )

const LmStudioV0 = Schema.Struct({
  data: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      type: NullableString,
      state: NullableString,
      max_context_length: NullableNumber,
      loaded_context_length: NullableNumber
    })
  )
})

const positive = (value: number | null | undefined): number | undefined => (typeof value === "number" && value > 0 ? value : undefined)

/** LM Studio's models with their windows (its own API), else its OpenAI-compatible list. */
export const lmStudioModels = (client: HttpClient.HttpClient, provider: Provider, operation: string): Effect.Effect<ReadonlyArray<ServerModel>, ApiError> =>
  getJson(client, { provider, operation }, LmStudioV0, `${lmStudioNativeBase(provider)}/models`).pipe(
    Effect.map((list) =>
      list.data.map((model) => ({
        id: model.id,
        // A loaded model runs with the window it was loaded with.
        contextWindow: positive(model.loaded_context_length) ?? positive(model.max_context_length),
        chat: model.type !== "embeddings" && model.type !== "embedding",
        loaded: model.state === "loaded"
      }))
    ),
    Effect.catchIf(
      (error) => error.kind === "http" || error.kind === "protocol",
      () => openAiModels(client, provider, operation)
    )
  )

const OpenAiList = Schema.Struct({
  data: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      context_length: NullableNumber,
      context_window: NullableNumber,
      max_model_len: NullableNumber,
      max_context_length: NullableNumber,
      type: NullableString
    })
  )
})

/** An OpenAI-compatible `GET /models` (Anthropic-compatible: `GET /v1/models`), with any window it reports. */
export const openAiModels = (client: HttpClient.HttpClient, provider: Provider, operation: string): Effect.Effect<ReadonlyArray<ServerModel>, ApiError> => {
  const url = provider.api === "anthropic" ? `${provider.baseUrl}/v1/models` : `${provider.baseUrl}/models`
  const headers: Record<string, string> =
    provider.apiKey === undefined
      ? {}
      : provider.api === "anthropic"
        ? { "x-api-key": provider.apiKey, "anthropic-version": "2023-06-01" }
        : { authorization: `Bearer ${provider.apiKey}` }
  return getJson(client, { provider, operation }, OpenAiList, url, { headers, timeoutMs: provider.local === undefined ? 5_000 : PROBE_TIMEOUT_MS }).pipe(
    Effect.map((list) =>
      list.data.map((model) => ({
        id: model.id,
        contextWindow: positive(model.context_length) ?? positive(model.max_model_len) ?? positive(model.context_window) ?? positive(model.max_context_length),
        chat: !/embed/i.test(model.id) && model.type !== "embeddings",
        loaded: false
      }))
    )
  )
}

/** The first model a server could chat with (loaded ones first), if any. */
export const firstChatModel = (models: ReadonlyArray<ServerModel>): Option.Option<ServerModel> => {
  const chat = models.filter((model) => model.chat)
  return Option.fromNullable(chat.find((model) => model.loaded) ?? chat[0])
}
