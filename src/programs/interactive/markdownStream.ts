/**
 * Splits a streaming Markdown message into finished blocks, so each block is rendered once
 * and committed to the scrollback while the message is still arriving; only the block in
 * progress is re-rendered. Every character is scanned once: text is kept as complete lines
 * plus the line in progress, never re-joined on the hot path.
 *
 * A block ends at a blank line outside a code fence, confirmed by the next line: an indented
 * line or a list item keeps the block open (list continuations, loose lists), so splitting
 * never changes how the Markdown renders.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/

export class MarkdownBlockSplitter {
  /** Complete lines of the block in progress. */
  private lines: Array<string> = []
  /** The line in progress (no newline yet). */
  private partial = ""
  /** The open fence's marker while inside a code fence. */
  private fence: string | undefined
  /** Index in `lines` of a blank line that may end the block. */
  private candidate: number | undefined
  /** Whether the block in progress has a non-blank line. */
  private hasContent = false

  /** Adds streamed text; returns the blocks it finished, in order. */
  push(delta: string): ReadonlyArray<string> {
    const finished: Array<string> = []
    let start = 0
    while (true) {
      const newline = delta.indexOf("\n", start)
      if (newline === -1) {
        this.partial += delta.slice(start)
        const early = this.confirmEarly()
        if (early !== undefined) finished.push(early)
        return finished
      }
      const line = this.partial + delta.slice(start, newline)
      this.partial = ""
      start = newline + 1
      const block = this.addLine(line)
      if (block !== undefined) finished.push(block)
    }
  }

  private addLine(line: string): string | undefined {
    if (this.fence !== undefined) {
      const close = FENCE.exec(line)
      if (close?.[1] !== undefined && close[1][0] === this.fence[0] && close[1].length >= this.fence.length && line.trim() === close[1]) {
        this.fence = undefined
      }
      this.lines.push(line)
      return undefined
    }
    if (line.trim().length === 0) {
      if (this.candidate === undefined && this.hasContent) this.candidate = this.lines.length
      this.lines.push(line)
      return undefined
    }
    let finished: string | undefined
    if (this.candidate !== undefined) {
      const continues = /^\s/.test(line) || LIST_ITEM.test(line)
      if (!continues) {
        finished = this.lines.slice(0, this.candidate).join("\n")
        this.lines = []
      }
      this.candidate = undefined
    }
    const open = FENCE.exec(line)
    if (open?.[1] !== undefined) this.fence = open[1]
    this.lines.push(line)
    this.hasContent = true
    return finished
  }

  /**
   * A blank line may end the block; the first characters of the next line decide, without
   * waiting for that line to end: indentation or a list marker continue the block.
   */
  private confirmEarly(): string | undefined {
    if (this.candidate === undefined || this.fence !== undefined || this.partial.length === 0) return undefined
    if (/^\s/.test(this.partial)) {
      if (this.partial.trim().length > 0) this.candidate = undefined
      return undefined
    }
    if (LIST_ITEM.test(this.partial)) {
      this.candidate = undefined
      return undefined
    }
    // "-", "12" or "3." may still turn into a list marker.
    if (/^(?:[-*+]|\d{1,9}[.)]?)$/.test(this.partial)) return undefined
    const finished = this.lines.slice(0, this.candidate).join("\n")
    this.lines = []
    this.candidate = undefined
    return finished
  }

  /** Whether nothing is waiting to be shown. */
  get isEmpty(): boolean {
    return this.partial.trim().length === 0 && !this.hasContent
  }

  /**
   * The block in progress, for the live view: at most `maxLines` of its last lines (the open
   * fence line is kept so a code block still renders as code).
   */
  tail(maxLines: number): string {
    const all = this.partial.length > 0 ? [...this.lines, this.partial] : this.lines
    if (all.length <= maxLines) return all.join("\n")
    const last = all.slice(all.length - maxLines)
    if (this.fence !== undefined) {
      const opener = this.lines.find((l) => FENCE.test(l))
      return [opener ?? this.fence, ...last].join("\n")
    }
    return last.join("\n")
  }

  /** Everything not yet returned as a block; resets the splitter. */
  finish(): string {
    const rest = [...this.lines, ...(this.partial.length > 0 ? [this.partial] : [])].join("\n").replace(/\s+$/, "")
    this.lines = []
    this.partial = ""
    this.fence = undefined
    this.candidate = undefined
    this.hasContent = false
    return rest
  }
}
