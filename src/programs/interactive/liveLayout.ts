/**
 * How many rows each live entry may take. Ink redraws the whole scrollback when its live
 * output is as tall as the terminal, so the live area is budgeted: the newest entries are kept
 * and older ones (still running, not yet committed) are summarised as "N more above". Every
 * tool row is one terminal row (summaries and previews are truncated, not wrapped).
 */
import type { LiveView } from "./transcript.js"

export interface FittedView {
  readonly view: LiveView
  /** Rows for a streaming block's text (its margin not included). */
  readonly textRows: number
}

export interface LiveLayout {
  readonly views: ReadonlyArray<FittedView>
  readonly hidden: number
  readonly rows: number
}

/** Rows a tool entry takes, its blank line above included. */
export const toolRows = (view: Extract<LiveView, { kind: "tool" }>): number =>
  2 + (view.todos?.length ?? view.preview.length) + (view.live?.length ?? 0)

export const fitLiveViews = (views: ReadonlyArray<LiveView>, budget: number): LiveLayout => {
  const kept: Array<FittedView> = []
  let used = 0
  let index = views.length - 1
  // One row is kept back for the "more above" line.
  const room = Math.max(0, budget - 1)
  for (; index >= 0; index--) {
    const view = views[index]!
    if (view.kind === "tool") {
      const rows = toolRows(view)
      if (used + rows > room) break
      kept.unshift({ view, textRows: 0 })
      used += rows
    } else {
      // Streaming text takes what is left, at least a few rows when anything is left.
      const textRows = room - used - 1
      if (textRows < 2) break
      kept.unshift({ view, textRows })
      used = room
    }
  }
  const hidden = index + 1
  return { views: kept, hidden, rows: used + (hidden > 0 ? 1 : 0) }
}
