/** Helpers for component tests with ink-testing-library: typing keys and waiting for frames. */

export const ESC = "\u001b"
export const keys = {
  enter: "\r",
  ctrlJ: "\n",
  escape: ESC,
  up: `${ESC}[A`,
  down: `${ESC}[B`,
  right: `${ESC}[C`,
  left: `${ESC}[D`,
  home: `${ESC}[H`,
  end: `${ESC}[F`,
  backspace: "\u007f",
  tab: "\t",
  shiftTab: `${ESC}[Z`,
  ctrlC: "\u0003",
  paste: (text: string) => `${ESC}[200~${text}${ESC}[201~`
} as const

/** Lets Ink's input parser flush (a lone Esc waits for setImmediate) and React render. */
export const tick = async (times = 3): Promise<void> => {
  for (let i = 0; i < times; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

export interface Typing {
  readonly stdin: { readonly write: (data: string) => void }
}

/** Writes each piece as its own read, like a person typing. */
export const press = async (target: Typing, ...pieces: ReadonlyArray<string>): Promise<void> => {
  for (const piece of pieces) {
    target.stdin.write(piece)
    await tick()
  }
}

// eslint-disable-next-line no-control-regex
export const plain = (text: string | undefined): string => (text ?? "").replace(/\u001b\[[0-9;:]*m/g, "")

/** Polls `check` until it passes or `timeoutMs` runs out (then throws its last error). */
export const eventually = async (check: () => void, timeoutMs = 2_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}
