/**
 * Terminal notifications, as Claude Code gives them: a bell (BEL) and an OSC 9 notification
 * (`ESC ] 9 ; text BEL`, shown as a desktop notification by iTerm2, WezTerm, kitty, Windows
 * Terminal…) when an approval dialog opens or a turn that took longer than LONG_TURN_MS ends.
 * Only when stdout is a terminal; `"notifications": false` in ~/.letta/settings.json turns
 * them off. Neither sequence moves the cursor, so they can be written between Ink's frames.
 */

/** A turn that took longer than this rings when it ends. */
export const LONG_TURN_MS = 10_000

export type Notifier = (text: string) => void

/** BEL, then OSC 9 with `text` (control characters removed, so it cannot end the sequence early). */
export const notificationSequence = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 200)
  return `\u0007\u001b]9;${clean}\u0007`
}

export interface NotifyTarget {
  readonly isTTY?: boolean | undefined
  readonly write: (text: string) => unknown
}

/** A notifier for `out`; undefined (no notifications) when it is not a terminal or they are turned off. */
export const makeNotifier = (out: NotifyTarget, enabled: boolean | undefined): Notifier | undefined =>
  enabled === false || out.isTTY !== true ? undefined : (text) => void out.write(notificationSequence(text))
