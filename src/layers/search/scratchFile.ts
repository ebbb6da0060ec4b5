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

/** Read back in chunks this size. */
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

/** How often a file still being written is read. */
const POLL_MS = 15

/** Hands on what was written from `position` to the current end; the new position. */
const drain = async (
  scratch: ScratchFile,
  position: number,
  buffer: Buffer,
  onBytes: (bytes: Buffer) => void,
  signal: AbortSignal | undefined
): Promise<number> => {
  let at = position
  for (let chunks = 1; ; chunks++) {
    // Interrupted: the file may be closed already (and its descriptor given to another file).
    if (signal?.aborted === true) return at
    const read = readSync(scratch.fd, buffer, 0, CHUNK_BYTES, at)
    if (read === 0) return at
    at += read
    onBytes(buffer.subarray(0, read))
    // Yield now and then, so a spinner keeps turning through a big read.
    if (chunks % 16 === 0) await nextTurn()
  }
}

/**
 * Hands everything written to `scratch` on to `onBytes`, in order, in chunks of at most
 * 256 KiB, as it is written: every 15 ms until `isDone()` (the writer has finished), then the
 * rest. The chunks share one buffer: a consumer copies what it keeps. Stops early on `signal`.
 */
export const followScratchFile = async (
  scratch: ScratchFile,
  onBytes: (bytes: Buffer) => void,
  isDone: () => boolean,
  signal?: AbortSignal
): Promise<void> => {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  let position = 0
  for (;;) {
    // Asked before reading: once the writer is done, this read sees all it wrote.
    const done = isDone()
    position = await drain(scratch, position, buffer, onBytes, signal)
    if (done || signal?.aborted === true) return
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
