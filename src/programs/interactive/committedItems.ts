/**
 * The committed transcript items on their way to the terminal: the window Ink's <Static> prints
 * (started afresh once printed, so old items leave memory) and the newest items kept to draw
 * again after a resize or Ctrl+O. The store owns one; it decides when the screen redraws.
 */
import { redactDeep } from "../../domain/redaction.js"
import type { Item } from "./transcript.js"

/** Committed items the <Static> keeps before it starts afresh (it has printed them). */
const STATIC_WINDOW = 64
/** The newest committed items kept to draw again after a resize (older ones are let go). */
export const REDRAW_ITEMS = 400

export class CommittedItems {
  /** A new key means a fresh <Static> holding only new items. */
  staticKey = 0
  staticItems: ReadonlyArray<Item> = []
  private printed = { key: -1, count: 0 }
  /** The newest committed items (at most REDRAW_ITEMS), drawn again after a resize. */
  private recent: Array<Item> = []
  /** Committed items no longer in `recent`. */
  private dropped = 0
  /** While back-filling: committed items are collected here first. */
  private capture: Array<Item> | undefined

  /** The screen printed these <Static> items; they need not be kept. */
  acknowledgePrinted(key: number, count: number): void {
    this.printed = { key, count }
  }

  /** A fresh <Static> with the recent items (and a line for those let go), to print again. */
  refill(): void {
    this.staticKey += 1
    this.staticItems =
      this.dropped > 0
        ? [{ kind: "notice", id: -this.staticKey, text: `⋮ ${this.dropped} earlier entries are not drawn again after a resize`, tone: "dim" }, ...this.recent]
        : [...this.recent]
  }

  /** /clear: nothing is kept; a fresh, empty <Static>. */
  reset(): void {
    this.recent = []
    this.dropped = 0
    this.staticKey += 1
    this.staticItems = []
  }

  /** What `run` commits is returned rather than added (back-fill adds it between its frame lines). */
  collect(run: () => void): ReadonlyArray<Item> {
    const captured: Array<Item> = []
    this.capture = captured
    try {
      run()
    } finally {
      this.capture = undefined
    }
    return captured
  }

  add(committed: ReadonlyArray<Item>): void {
    const items = redactDeep(committed)
    if (this.capture !== undefined) {
      this.capture.push(...items)
      return
    }
    this.recent.push(...items)
    if (this.recent.length > REDRAW_ITEMS) {
      const excess = this.recent.length - REDRAW_ITEMS
      this.recent.splice(0, excess)
      this.dropped += excess
    }
    // Once the screen has printed everything, a fresh <Static> takes over: old items are
    // in the terminal's scrollback and need not stay in memory.
    const allPrinted = this.printed.key === this.staticKey && this.printed.count === this.staticItems.length
    if (allPrinted && this.staticItems.length >= STATIC_WINDOW) {
      this.staticKey += 1
      this.staticItems = items
    } else {
      this.staticItems = [...this.staticItems, ...items]
    }
  }
}
