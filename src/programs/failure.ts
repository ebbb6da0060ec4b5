/** The one mapping from a failure to what the user reads and the exit code. */
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE, type FailureReport } from "../domain/exitCodes.js"
import type { ApiError, LettaFailure } from "../domain/errors.js"

export type { FailureReport }
export { isLettaFailure } from "../domain/errors.js"

const STOP_REASONS: Readonly<Record<string, string>> = {
  cancelled: "the run was cancelled on the server",
  max_steps: "the agent reached the server's step limit for one request",
  error: "the server hit an internal error",
  llm_api_error: "the model provider returned an error",
  invalid_llm_response: "the model returned an empty or unreadable response",
  invalid_tool_call: "the model made a malformed tool call",
  max_tokens_exceeded: "the model hit its output token limit",
  insufficient_credits: "the account has run out of credits",
  context_window_overflow_in_system_prompt: "the system prompt and memory alone exceed the model's context window",
  no_tool_call: "the agent type is not supported (no_tool_call)",
  prompt_blocked_by_hook: "a UserPromptSubmit hook blocked the prompt; it was not sent"
}

/** A model provider's failure (local backend): the provider is named, with what to do. */
const describeServiceError = (error: ApiError, service: string): string => {
  const detail = error.detail !== undefined && error.detail.length > 0 ? `: ${error.detail}` : ""
  const hint = error.hint === undefined ? "" : `\n${error.hint}`
  switch (error.kind) {
    case "connection":
      return `Cannot reach ${service} (while trying to ${error.operation}).${hint}`
    case "timeout":
      return error.streamStarted && detail.length > 0
        ? `${capitalise(service)} stopped answering while trying to ${error.operation}${detail}.${hint}`
        : `${capitalise(service)} did not answer in time (while trying to ${error.operation}).${hint}`
    case "stream":
    case "protocol":
      return `${capitalise(service)} failed while trying to ${error.operation}${detail}${hint}`
    case "http":
      return `${capitalise(service)} answered HTTP ${error.status ?? "?"} while trying to ${error.operation}${detail}${hint}`
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const describeApiError = (error: ApiError, server: string): string => {
  if (error.service !== undefined) return describeServiceError(error, error.service)
  const detail = error.detail !== undefined && error.detail.length > 0 ? `: ${error.detail}` : ""
  // Codes set by the HTTP layer (lettaApi/sdkErrors.ts, lettaApi/notLetta.ts).
  switch (error.code) {
    case "tls_failure":
      return `Cannot connect securely to the Letta server at ${server} (while trying to ${error.operation})${detail}.${error.hint === undefined ? "" : `\n${error.hint}`}`
    case "redirect":
      return (
        `The server at ${server} redirects (HTTP ${error.status ?? "?"}) to ${error.detail ?? "another address"} while trying to ${error.operation}; letta does not follow redirects.\n` +
        "Set LETTA_BASE_URL to the address the server redirects to, if you trust it."
      )
    case "not_letta_server":
      return (
        `The server at ${server} is not a Letta server: ${error.detail ?? "its answer was not the Letta API's"} (while trying to ${error.operation}).\n` +
        "Check LETTA_BASE_URL (e.g. http://localhost:8283 for a self-hosted server), or unset LETTA_BASE_URL and LETTA_API_KEY to run agents locally (--backend local)."
      )
  }
  switch (error.kind) {
    case "connection":
      return `Cannot reach the Letta server at ${server} (while trying to ${error.operation}). Check LETTA_BASE_URL and that the server is running.`
    case "timeout":
      // A stream that went silent after it started says how long it waited.
      return error.streamStarted && detail.length > 0
        ? `The Letta server at ${server} stopped answering while trying to ${error.operation}${detail}. Try again later.`
        : `The Letta server at ${server} did not answer in time (while trying to ${error.operation}). Try again later.`
    case "stream":
      return `The server reported an error during the run${detail}`
    case "protocol":
      return `Unexpected answer from the Letta server at ${server} while trying to ${error.operation}${detail}`
    case "http":
      switch (error.status) {
        case 401:
          return `The Letta server at ${server} rejected the credentials (HTTP 401). Check LETTA_API_KEY.`
        case 403:
          return `The Letta server at ${server} refused access (HTTP 403) while trying to ${error.operation}${detail}`
        case 404:
          return `Not found (HTTP 404) while trying to ${error.operation}${detail}`
        case 409:
          return `The agent is busy (HTTP 409) while trying to ${error.operation}${detail}`
        case 429:
          return `The Letta server is rate limiting requests (HTTP 429); try again later.`
        case 405:
        case 501:
          // What a web server that is not a Letta server says to the API's POSTs.
          return (
            `The server at ${server} answered HTTP ${error.status} (${error.status === 501 ? "Not Implemented" : "Method Not Allowed"}) while trying to ${error.operation}${detail}\n` +
            "It does not look like a Letta server. Check LETTA_BASE_URL (e.g. http://localhost:8283 for a self-hosted server), " +
            "or unset LETTA_BASE_URL and LETTA_API_KEY to run agents locally (--backend local)."
          )
        default:
          return (error.status ?? 0) >= 500
            ? `The Letta server failed (HTTP ${error.status}) while trying to ${error.operation}${detail}`
            : `The Letta server refused to ${error.operation} (HTTP ${error.status})${detail}`
      }
  }
}

export const describeFailure = (failure: LettaFailure, server: string): FailureReport => {
  switch (failure._tag) {
    case "UsageError":
      return { message: `${failure.message}\nRun '${failure.command ?? "letta"} --help' for usage.`, exitCode: EXIT_USAGE }
    case "SettingsError":
      if (failure.kind !== undefined) {
        const what = failure.kind === "lock" ? "Cannot lock the settings file" : "Cannot write the settings file"
        return { message: `${what} ${failure.path}: ${failure.problem}`, exitCode: EXIT_FAILURE }
      }
      return {
        message: `Invalid settings file ${failure.path}: ${failure.problem}\nFix or remove it; letta did not change it.`,
        exitCode: EXIT_USAGE
      }
    case "RuleError": {
      const where = failure.location === undefined ? failure.source : `${failure.source} (${failure.location})`
      // A flag's rule (--allowedTools) vs a file's (the settings files, --settings <file>).
      const fix = failure.source.startsWith("--") && failure.location === undefined ? "\nRun 'letta --help' for usage." : "\nFix the rule; letta did not change the file."
      return { message: `Invalid permission rule ${JSON.stringify(failure.rule)} in ${where}: ${failure.problem}${fix}`, exitCode: EXIT_USAGE }
    }
    case "ConfigError":
      return { message: failure.hint === undefined ? failure.message : `${failure.message}\n${failure.hint}`, exitCode: EXIT_FAILURE }
    case "ApiError":
      return { message: describeApiError(failure, server), exitCode: EXIT_FAILURE }
    case "AgentNotFound":
      return {
        message:
          failure.source === "flag"
            ? `Agent ${failure.agentId} was not found on ${server}. Check the id, or run without --agent to start a new agent.`
            : `The last agent (${failure.agentId}) no longer exists on ${server}. Run without --continue to start a new agent.`,
        exitCode: EXIT_FAILURE
      }
    case "NoAgentToContinue":
      return {
        message: `There is no previous agent to continue on ${failure.server}. Run without --continue to start a new agent.`,
        exitCode: EXIT_FAILURE
      }
    case "UnknownModel": {
      if (failure.reason !== undefined) return { message: `Unknown model "${failure.model}": ${failure.reason}`, exitCode: EXIT_USAGE }
      const shown = failure.available.slice(0, 20).join(", ")
      const more = failure.available.length > 20 ? `, … (${failure.available.length - 20} more)` : ""
      return {
        message: `Unknown model "${failure.model}". ${failure.available.length > 0 ? `Models on this server: ${shown}${more}` : "The server lists no models."}`,
        exitCode: EXIT_USAGE
      }
    }
    case "UnexpectedStop": {
      const why = STOP_REASONS[failure.stopReason] ?? "the server gave an unexpected stop reason"
      const detail = failure.detail !== undefined && failure.detail.length > 0 ? ` (${failure.detail})` : ""
      return { message: `The run stopped: ${why} [${failure.stopReason}]${detail}`, exitCode: EXIT_FAILURE }
    }
    case "MaxTurnsReached":
      return {
        message: `Stopped: the --max-turns limit of ${failure.limit} model step${failure.limit === 1 ? "" : "s"} was reached before the agent finished.`,
        exitCode: EXIT_FAILURE
      }
    case "NoAssistantReply":
      return { message: "The agent finished its turn without replying.", exitCode: EXIT_FAILURE }
    case "NoModelAvailable":
      return {
        message: [
          "No model to run the agent with. Any one of these gets you going:",
          "  - a provider key: export ANTHROPIC_API_KEY=... or export OPENAI_API_KEY=...",
          "  - a model server on this machine: Ollama (ollama serve; ollama pull qwen3) or LM Studio, then letta --model ollama/<model>",
          "  - Letta Cloud: export LETTA_API_KEY=... (https://app.letta.com)",
          "Or name a model with --model provider/model, or set \"model\" in ~/.letta/settings.json."
        ].join("\n"),
        exitCode: EXIT_USAGE
      }
    case "StoreError":
      return { message: `The local database ${failure.path} cannot be used: ${failure.problem}`, exitCode: EXIT_FAILURE }
    case "BrokenPipe":
      // The reader went away; nothing to say and nobody to say it to.
      return { message: "", exitCode: EXIT_SUCCESS }
    default:
      // A new failure without a case here does not compile.
      return absurd(failure)
  }
}

const absurd = (failure: never): never => {
  throw new Error(`No message for the failure ${JSON.stringify(failure)}`)
}
