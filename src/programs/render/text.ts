/** `--output-format text`: only the agent's final message. */
import * as Effect from "effect/Effect"
import type { OutputShape } from "../../services/Output.js"
import type { Renderer } from "./renderer.js"

export const textRenderer = (output: OutputShape): Renderer => ({
  init: () => Effect.void,
  event: () => Effect.void,
  success: (finalText) => output.stdout(finalText.endsWith("\n") ? finalText : `${finalText}\n`),
  failure: () => Effect.void
})
