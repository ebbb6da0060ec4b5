/**
 * A scratch file for a child process's output: created in the temporary directory and unlinked
 * at once, so it holds no name anyone can see and leaves nothing behind, whatever happens to this
 * process. The child writes through the descriptor; this process reads back by position.
 */
import { closeSync, openSync, readSync, unlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { nextTurn } from "./nextTurn.js"

export interface ScratchFile {
  readonly fd: number
  readonly close: () => void
}

/** Read back in chunks this size, yielding to the event loop between them. */
const CHUNK_BYTES = 256 * 1024

/** A new scratch file, or undefined when the temporary directory will not take one. */
export const openScratchFile = (): ScratchFile | undefined => {
  const path = join(tmpdir(), `letta-${process.pid}-${Math.random().toString(36).slice(2)}.out`)
  let fd: number
  try {
    fd = openSync(path, "wx+", 0o600)
  } catch {
    return undefined
  }
  try {
    unlinkSync(path)
  } catch {
    // Still usable; close() tries again.
  }
  let open = true
  return {
    fd,
    close: () => {
      if (!open) return
      open = false
      closeSync(fd)
      try {
        unlinkSync(path)
      } catch {
        // Already gone (the usual case).
      }
    }
  }
}

/**
 * Hands everything written to `scratch` on to `onBytes`, in order, in chunks of at most
 * 256 KiB. The chunks share one buffer: a consumer copies what it keeps.
 */
export const readScratchFile = async (scratch: ScratchFile, onBytes: (bytes: Buffer) => void): Promise<void> => {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  let position = 0
  for (;;) {
    const read = readSync(scratch.fd, buffer, 0, CHUNK_BYTES, position)
    if (read === 0) return
    position += read
    onBytes(buffer.subarray(0, read))
    // Yield now and then, so a spinner keeps turning through a big read.
    if (position % (16 * CHUNK_BYTES) === 0) await nextTurn()
  }
}
