/**
 * The learning commands typed as a prompt (`letta -p "/remember …"`, `letta -p /init`, and the
 * TUI's `/remember` and `/init`): each becomes the message the agent gets. Any other prompt is
 * left as it is (custom commands and plain text are handled elsewhere).
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import { UsageError } from "../../domain/errors.js"
import type { Workspace } from "../../services/Workspace.js"
import { initPrompt, readProjectDigest } from "./projectDigest.js"
import { REMEMBER_USAGE, rememberPrompt } from "./remember.js"

const COMMAND = /^\/(remember|init)(?:\s+([\s\S]*))?$/

/** The message for `/remember <note>` or `/init`; undefined when `prompt` is neither. */
export const learningPrompt = (prompt: string): Effect.Effect<string | undefined, UsageError, FileSystem.FileSystem | Path.Path | Workspace> => {
  const match = COMMAND.exec(prompt.trim())
  if (match === null) return Effect.succeed(undefined)
  const rest = (match[2] ?? "").trim()
  if (match[1] === "init") return Effect.map(readProjectDigest, initPrompt)
  return rest.length === 0 ? Effect.fail(new UsageError({ message: REMEMBER_USAGE })) : Effect.succeed(rememberPrompt(rest))
}
