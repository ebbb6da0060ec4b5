/**
 * The model providers of the local backend: which models exist, which one
 * a handle names, and one streamed model call. The agent loop speaks only these types; the
 * providers' wire formats (Anthropic Messages, OpenAI Responses, Chat Completions) stay inside
 * layers/ModelsHttp.ts and layers/models/.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type * as Stream from "effect/Stream"
import type { ApiError, NoModelAvailable, UnknownModel } from "../domain/errors.js"

/** A model handle checked against its provider: the provider exists, its key is set, a local server answers. */
export interface ResolvedModel {
  /** `provider/model`, normalised (an Ollama `x` is `x:latest`). */
  readonly handle: string
  readonly provider: string
  /** The provider's own name for the model (the part after the first `/`). */
  readonly model: string
  /** Everything sent plus the reply budget must fit in this many tokens. */
  readonly contextWindow: number
  /** The reply budget: the model's output limit where known, at most a quarter of the window. */
  readonly maxOutputTokens: number
}

/** One entry of `letta models` and `/model`. */
export interface ModelListing {
  readonly handle: string
  readonly provider: string
  readonly contextWindow: number | undefined
  /** Where the entry comes from: the built-in catalogue, or what a local server reported. */
  readonly source: "catalogue" | "server"
  /** False when the provider cannot be used right now (no key set), with the reason. */
  readonly available: boolean
  readonly note?: string
}

/** A tool offered to the model, with its parameters as JSON Schema. */
export interface ModelTool {
  readonly name: string
  readonly description: string
  readonly parameters: Readonly<Record<string, unknown>>
}

export interface ModelToolCall {
  readonly id: string
  readonly name: string
  /** The arguments exactly as the model produced them (a JSON text, possibly invalid). */
  readonly arguments: string
}

/** The conversation sent to the model. Tool results always follow the assistant message that called them. */
export type ModelMessage =
  | { readonly role: "user"; readonly text: string }
  | {
      readonly role: "assistant"
      readonly text: string
      /** Reasoning the provider returned, replayed where the provider needs it (Anthropic thinking signatures). */
      readonly reasoning?: ReadonlyArray<{ readonly text: string; readonly signature?: string | undefined }>
      readonly toolCalls: ReadonlyArray<ModelToolCall>
    }
  | { readonly role: "tool"; readonly toolCallId: string; readonly toolName: string; readonly isError: boolean; readonly output: string }

export interface ModelRequest {
  readonly system: string
  readonly messages: ReadonlyArray<ModelMessage>
  readonly tools: ReadonlyArray<ModelTool>
  readonly maxOutputTokens: number
}

export interface ModelUsage {
  readonly inputTokens: number
  readonly outputTokens: number
}

/** What a streamed call yields, in order. Text and reasoning come as fragments; tool calls whole or as fragments. */
export type ModelEvent =
  | { readonly _tag: "ReasoningDelta"; readonly text: string; readonly signature?: string | undefined }
  | { readonly _tag: "TextDelta"; readonly text: string }
  /** A tool call starts: its id and name are known. */
  | { readonly _tag: "ToolCallStart"; readonly id: string; readonly name: string }
  /** A fragment of a started call's arguments. */
  | { readonly _tag: "ToolCallDelta"; readonly id: string; readonly argumentsDelta: string }
  /** The last event: why the model stopped, and the usage when the provider reported it. */
  | {
      readonly _tag: "Finish"
      readonly reason: "stop" | "tool-calls" | "length" | "content-filter" | "other"
      readonly usage: ModelUsage | undefined
    }

export interface ModelsShape {
  /** Checks a handle: unknown provider, missing key or unreachable local server fail clearly. */
  readonly resolve: (handle: string) => Effect.Effect<ResolvedModel, UnknownModel | ApiError>
  /** The model for a new agent when neither `--model` nor the `model` setting names one. */
  readonly defaultModel: Effect.Effect<string, NoModelAvailable>
  /** The catalogue plus what reachable local servers (Ollama, LM Studio, custom) report. */
  readonly list: Effect.Effect<ReadonlyArray<ModelListing>>
  /**
   * One model call. The effect succeeds once the provider accepted the request (HTTP 200): errors
   * before that have `streamStarted: false` and may be retried; the stream's own errors have
   * `streamStarted: true`. Every provider error is an ApiError (rate limit with retryAfterMs,
   * overloaded 529, bad request naming the provider's message, auth naming the env variable,
   * context too long). The request is aborted when the scope closes.
   */
  readonly stream: (
    model: ResolvedModel,
    request: ModelRequest
  ) => Effect.Effect<Stream.Stream<ModelEvent, ApiError>, ApiError, Scope.Scope>
}

export class Models extends Context.Tag("letta/Models")<Models, ModelsShape>() {}
