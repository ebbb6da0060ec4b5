/**
 * Public types of the scripted fake model-provider servers (see ./index.ts). Other sessions code
 * against these names: change them only together with their users.
 */

/** The three wire APIs: OpenAI Chat Completions, OpenAI Responses, Anthropic Messages. */
export type ProviderKind = "openai-chat" | "openai-responses" | "anthropic"

export interface ScriptedToolCall {
  /** The call id the provider reports; default: a generated one in the provider's style. */
  readonly id?: string
  readonly name: string
  /** An object is JSON.stringify'd; a string is sent verbatim (it may be invalid JSON). */
  readonly arguments: unknown
}

export interface ScriptedReply {
  readonly text?: string
  /** Thinking / reasoning_content / reasoning summary, streamed before the text. */
  readonly reasoning?: string
  readonly toolCalls?: ReadonlyArray<ScriptedToolCall>
  /** null = the server reports no usage at all; default: an estimate (characters / 4). */
  readonly usage?: { readonly input: number; readonly output: number } | null
  /** Default "stop" (tool_calls / tool_use when toolCalls are given); "length" = the output limit was hit. */
  readonly finish?: "stop" | "length"
  /** Answer with this HTTP error, in the provider's own error body format. */
  readonly error?: { readonly status: number; readonly type?: string; readonly message?: string; readonly retryAfter?: string }
  /**
   * Start streaming, write this many SSE events, then fail the provider's way: Anthropic
   * `event: error` (overloaded_error), Responses `response.failed`, Chat Completions: the
   * connection is dropped.
   */
  readonly streamErrorAfterChunks?: number
  /** Split text, reasoning and tool arguments into fragments of this many characters (default 8). */
  readonly chunkSize?: number
  /** Wait this long before answering. */
  readonly delayMs?: number
  /** Send the headers and the first event, then never finish (until close()). */
  readonly hang?: boolean
}

export interface RecordedRequest {
  readonly method: string
  /** The URL path without the query string. */
  readonly path: string
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>
  /** The parsed JSON body; the raw text when it is not JSON; null when empty. */
  readonly body: any
}

export type Script = ScriptedReply | ((request: RecordedRequest) => ScriptedReply)

export interface FakeProviderOptions {
  /** Model ids the listing endpoints report (the first is also the default model). */
  readonly models?: ReadonlyArray<string>
  /** Context window reported by Ollama's /api/show and LM Studio's /api/v0/models (default 40960). */
  readonly contextWindow?: number
}
