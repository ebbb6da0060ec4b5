/**
 * `/remember <text>` and `#text`: the agent files the note itself, in the block where it belongs,
 * and confirms in one line. Letta only frames the request; the agent's memory tools do the
 * writing, so the note lands where a later session looks for it (and, on the local backend, the
 * change is in the block's history).
 */

/** The message a `/remember` (or `#`) note is sent as. */
export const rememberPrompt = (note: string): string =>
  [
    "<system-reminder>",
    "The user asks you to remember the note below. File it yourself with a memory tool, in the block where it belongs:",
    "`human` for the user's preferences and corrections, `project` for facts and conventions of this repository,",
    "`persona` for how you should work. Add it as one short line, or merge it with what the block already says",
    "(never a duplicate). Then confirm in one line what you filed where, and do nothing else.",
    "</system-reminder>",
    note.trim()
  ].join("\n")

/** `/remember` without a note: what to type instead. */
export const REMEMBER_USAGE = "Usage: /remember <what to remember> (or start a message with #)"
