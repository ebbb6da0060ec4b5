/**
 * Headless renderers: `text` prints the final answer, `json` one result object,
 * `stream-json` one line per event as it happens. stdout gets nothing else.
 */
import type * as Effect from "effect/Effect"
import type { OutputFormat } from "../../domain/config.js"
import type { BrokenPipe } from "../../domain/errors.js"
import type { TurnEvent } from "../../domain/events.js"
import type { OutputShape } from "../../services/Output.js"
import { jsonRenderer } from "./json.js"
import { streamJsonRenderer } from "./streamJson.js"
import { textRenderer } from "./text.js"

export interface InitInfo {
  readonly agentId: string
  readonly model: string | undefined
  readonly backend: "cloud" | "local"
  readonly tools: ReadonlyArray<string>
  readonly cwd: string
  readonly permissionMode: string
}

export interface Renderer {
  readonly init: (info: InitInfo) => Effect.Effect<void, BrokenPipe>
  readonly event: (event: TurnEvent) => Effect.Effect<void, BrokenPipe>
  readonly success: (finalText: string) => Effect.Effect<void, BrokenPipe>
  /** A failure after start-up; `maxTurns` selects the `error_max_turns` subtype. */
  readonly failure: (message: string, maxTurns: boolean) => Effect.Effect<void, BrokenPipe>
}

export const makeRenderer = (format: OutputFormat, output: OutputShape, startedAt: number): Renderer => {
  switch (format) {
    case "text":
      return textRenderer(output)
    case "json":
      return jsonRenderer(output, startedAt)
    case "stream-json":
      return streamJsonRenderer(output, startedAt)
  }
}
