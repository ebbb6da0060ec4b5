/** What one turn produces, in order. Headless renders these as text/json/stream-json; the TUI draws them. */
import type { StreamChunk } from "./letta.js"

export type ToolResultStatus = "success" | "error" | "denied"

export type TurnEvent =
  /** A chunk the server streamed (pings excluded), including stop_reason and usage_statistics. */
  | { readonly _tag: "ServerMessage"; readonly chunk: StreamChunk }
  /** The permission policy allowed a call without asking. */
  | { readonly _tag: "AutoApproval"; readonly toolName: string; readonly toolCallId: string; readonly matchedRule: string }
  | {
      readonly _tag: "ToolStarted"
      readonly toolName: string
      readonly toolCallId: string
      readonly args: Readonly<Record<string, unknown>>
    }
  /**
   * Output a running client tool (Bash) produced since the previous one, at most every ~100 ms.
   * Only for the live display: headless renderers ignore it; the ToolResult still carries all.
   */
  | { readonly _tag: "ToolOutput"; readonly toolCallId: string; readonly text: string }
  /** What was sent back to the agent for one client tool call, allowed or denied. */
  | {
      readonly _tag: "ToolResult"
      readonly toolName: string
      readonly toolCallId: string
      readonly status: ToolResultStatus
      readonly durationMs: number
      readonly output: string
      /**
       * Set when the permission policy or the user denied the call (not for calls answered as
       * interrupted or stopped): its arguments, for `permission_denials`.
       */
      readonly deniedInput?: Readonly<Record<string, unknown>>
    }
  | {
      readonly _tag: "Retry"
      readonly attempt: number
      readonly maxAttempts: number
      readonly delayMs: number
      readonly reason: string
    }
  /** One HTTP request of the turn finished (its stream drained); feeds `duration_api_ms`. */
  | { readonly _tag: "RequestFinished"; readonly durationMs: number }
  /** The turn ended normally. `finalText` is the agent's last message, if it said anything. */
  | { readonly _tag: "TurnComplete"; readonly stopReason: string; readonly finalText: string | undefined }
