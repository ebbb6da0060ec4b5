/**
 * When the screen redraws: every change bumps a version and notifies React's subscribers; what a
 * turn streams is coalesced into at most one redraw per STREAM_FRAME_MS, what the user does
 * redraws at once (next macrotask). Nothing polls.
 */

/** Redraw budget while a turn streams in. */
export const STREAM_FRAME_MS = 50

export class RedrawSchedule {
  /** Bumped by every change; a snapshot is rebuilt when it moved. */
  version = 0
  private readonly listeners = new Set<() => void>()
  private urgentTimer: NodeJS.Immediate | undefined
  private frameTimer: NodeJS.Timeout | undefined

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  changed(urgent: boolean): void {
    this.version += 1
    if (urgent) {
      if (this.frameTimer !== undefined) {
        clearTimeout(this.frameTimer)
        this.frameTimer = undefined
      }
      this.urgentTimer ??= setImmediate(this.flush)
    } else if (this.frameTimer === undefined && this.urgentTimer === undefined) {
      this.frameTimer = setTimeout(this.flush, STREAM_FRAME_MS)
    }
  }

  /** Notifies the subscribers now (React renders synchronously in them). */
  readonly flush = (): void => {
    this.urgentTimer = undefined
    if (this.frameTimer !== undefined) clearTimeout(this.frameTimer)
    this.frameTimer = undefined
    for (const listener of this.listeners) listener()
  }
}
