/**
 * `--verbose` in interactive mode: the notes headless `--verbose` prints on stderr (who allowed a
 * call, its outcome and time, why each step ended, the turn's totals) go to the transcript as
 * dim lines instead, since stderr would tear through the screen.
 */
import type { TurnEvent } from "../../domain/events.js"
import { RunStats } from "../render/runStats.js"
import { makeVerboseNotes, verboseTotals } from "../render/verboseNotes.js"
import type { UiStore } from "./store.js"

export interface VerboseTurn {
  /** After the event is applied to the transcript, so its note follows the entry it is about. */
  readonly observe: (event: TurnEvent) => void
  /** The turn's totals, once it ended (however it ended). */
  readonly finish: () => void
}

export const verboseTurn = (ui: UiStore): VerboseTurn => {
  const notes = makeVerboseNotes()
  const stats = new RunStats()
  const startedAt = performance.now()
  /** Who allowed each call: said with its outcome, since a note cannot go above the open call. */
  const allowedBy = new Map<string, string>()
  return {
    observe: (event) => {
      stats.observe(event)
      const line = notes(event)
      if (line === undefined) return
      switch (event._tag) {
        case "AutoApproval":
          allowedBy.set(event.toolCallId, event.matchedRule)
          return
        case "ToolStarted":
          // "running X" would only repeat the call's own line and spinner.
          return
        case "ToolResult": {
          const rule = allowedBy.get(event.toolCallId)
          ui.addNotice(rule === undefined ? line : `${line} · allowed by ${rule}`, "dim")
          return
        }
        default:
          ui.addNotice(line, "dim")
      }
    },
    finish: () => ui.addNotice(`turn: ${verboseTotals(stats, performance.now() - startedAt)}`, "dim")
  }
}
