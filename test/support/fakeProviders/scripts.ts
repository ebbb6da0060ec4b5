/**
 * Named scripts for the fake provider CLI (`main.ts --script NAME`): each entry is the queue of
 * replies, one per model call.
 */
import type { Script } from "./types.js"

export const SCRIPTS: Record<string, ReadonlyArray<Script>> = {
  demo: [{ text: "Hello from the fake provider." }]
}
