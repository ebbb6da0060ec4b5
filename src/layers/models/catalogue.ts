/**
 * What letta knows of well-known models without asking anyone: context window and output
 * limit (the providers' model pages), and which models `letta models` lists for the hosted
 * providers. A server's own report and a provider's `contextWindow` setting come first.
 */

export interface KnownModel {
  /** Family key, normalised (see `normaliseName`): matches the name and its dated or tagged variants. */
  readonly key: string
  readonly contextWindow: number
  readonly maxOutput: number | undefined
}

const K = 1_000

const KNOWN: ReadonlyArray<KnownModel> = [
  // Anthropic (every Claude 3+ model has a 200k window).
  { key: "claude-opus-4-5", contextWindow: 200 * K, maxOutput: 64_000 },
  { key: "claude-opus-4-1", contextWindow: 200 * K, maxOutput: 32_000 },
  { key: "claude-opus-4", contextWindow: 200 * K, maxOutput: 32_000 },
  { key: "claude-sonnet-4-5", contextWindow: 200 * K, maxOutput: 64_000 },
  { key: "claude-sonnet-4", contextWindow: 200 * K, maxOutput: 64_000 },
  { key: "claude-haiku-4-5", contextWindow: 200 * K, maxOutput: 64_000 },
  { key: "claude-3-7-sonnet", contextWindow: 200 * K, maxOutput: 64_000 },
  { key: "claude-3-5-sonnet", contextWindow: 200 * K, maxOutput: 8_192 },
  { key: "claude-3-5-haiku", contextWindow: 200 * K, maxOutput: 8_192 },
  { key: "claude-3-opus", contextWindow: 200 * K, maxOutput: 4_096 },
  { key: "claude-3-haiku", contextWindow: 200 * K, maxOutput: 4_096 },
  { key: "claude", contextWindow: 200 * K, maxOutput: 8_192 },
  // OpenAI.
  { key: "gpt-5-chat", contextWindow: 128 * K, maxOutput: 16_384 },
  { key: "gpt-5", contextWindow: 400 * K, maxOutput: 128_000 },
  { key: "gpt-4-1", contextWindow: 1_047_576, maxOutput: 32_768 },
  { key: "gpt-4o", contextWindow: 128 * K, maxOutput: 16_384 },
  { key: "gpt-4-turbo", contextWindow: 128 * K, maxOutput: 4_096 },
  { key: "o4-mini", contextWindow: 200 * K, maxOutput: 100 * K },
  { key: "o3", contextWindow: 200 * K, maxOutput: 100 * K },
  { key: "o1", contextWindow: 200 * K, maxOutput: 100 * K },
  { key: "gpt-oss", contextWindow: 131_072, maxOutput: undefined },
  // Open-weight models commonly served by Ollama, LM Studio, vLLM (their native windows).
  { key: "qwen3-coder", contextWindow: 262_144, maxOutput: undefined },
  { key: "qwen3", contextWindow: 40_960, maxOutput: undefined },
  { key: "qwen2-5-coder", contextWindow: 32_768, maxOutput: undefined },
  { key: "llama3-3", contextWindow: 131_072, maxOutput: undefined },
  { key: "llama3-2", contextWindow: 131_072, maxOutput: undefined },
  { key: "llama3-1", contextWindow: 131_072, maxOutput: undefined },
  { key: "deepseek-r1", contextWindow: 131_072, maxOutput: undefined },
  { key: "devstral", contextWindow: 131_072, maxOutput: undefined },
  { key: "mistral-nemo", contextWindow: 131_072, maxOutput: undefined }
]

// Longest key first: `claude-opus-4-1` before `claude-opus-4`, `gpt-5-chat` before `gpt-5`.
const BY_LENGTH = [...KNOWN].sort((a, b) => b.key.length - a.key.length)

/**
 * One spelling for every variant: lower case, the last path segment (`openai/gpt-4.1` on a
 * gateway), no Ollama tag, dots as dashes (`claude-sonnet-4.5` = `claude-sonnet-4-5`).
 */
export const normaliseName = (model: string): string => {
  const lastSegment = model.toLowerCase().split("/").pop() ?? ""
  return lastSegment.replace(/:.*$/, "").replace(/\./g, "-")
}

export const lookupKnown = (model: string): KnownModel | undefined => {
  const name = normaliseName(model)
  return BY_LENGTH.find((known) => name === known.key || (name.startsWith(known.key) && /^[-_@]/.test(name.slice(known.key.length))))
}

export const FALLBACK_CONTEXT_WINDOW = 32_768

/** The reply budget: the output limit where known, at most a quarter of the window. */
export const replyBudget = (contextWindow: number, maxOutput: number | undefined): number => {
  const quarter = Math.max(1, Math.floor(contextWindow / 4))
  return maxOutput === undefined ? quarter : Math.max(1, Math.min(maxOutput, quarter))
}

/** The hosted models `letta models` lists, with the default of each provider first. */
export const CATALOGUE: ReadonlyArray<{ readonly provider: "anthropic" | "openai"; readonly model: string }> = [
  { provider: "anthropic", model: "claude-sonnet-4-5" },
  { provider: "anthropic", model: "claude-opus-4-5" },
  { provider: "anthropic", model: "claude-haiku-4-5" },
  { provider: "anthropic", model: "claude-opus-4-1" },
  { provider: "anthropic", model: "claude-sonnet-4" },
  { provider: "openai", model: "gpt-5" },
  { provider: "openai", model: "gpt-5.1" },
  { provider: "openai", model: "gpt-5-mini" },
  { provider: "openai", model: "gpt-5-nano" },
  { provider: "openai", model: "gpt-5-codex" },
  { provider: "openai", model: "gpt-4.1" },
  { provider: "openai", model: "gpt-4.1-mini" },
  { provider: "openai", model: "gpt-4o" },
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "openai", model: "o3" },
  { provider: "openai", model: "o4-mini" }
]

export const DEFAULT_MODELS = { anthropic: "claude-sonnet-4-5", openai: "gpt-5" } as const
