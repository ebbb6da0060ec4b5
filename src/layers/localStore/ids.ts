/**
 * Ids shaped like Letta's: `agent-<uuid4>`, `block-…`, `message-…`, `run-…`. They are primary
 * keys in a database several processes write, so they come from the kernel's random source, read
 * from /dev/urandom a pool at a time: loading node:crypto for its randomUUID costs ~3.5 ms of
 * every local turn (nothing else in a turn loads it). Without /dev/urandom (Windows), node:crypto.
 */
import { closeSync, openSync, readSync } from "node:fs"
import { nodeCrypto } from "../../platform/builtins.js"

/** 64 ids' worth of random bytes; a turn needs a handful. */
const POOL_BYTES = 16 * 64

let pool: Buffer | undefined
let used = POOL_BYTES

const urandom = (buffer: Buffer): boolean => {
  try {
    const fd = openSync("/dev/urandom", "r")
    try {
      let filled = 0
      while (filled < buffer.length) {
        const read = readSync(fd, buffer, filled, buffer.length - filled, null)
        if (read <= 0) return false
        filled += read
      }
      return true
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

const randomBytes16 = (): Buffer => {
  if (pool === undefined || used + 16 > POOL_BYTES) {
    pool = Buffer.allocUnsafe(POOL_BYTES)
    if (!urandom(pool)) nodeCrypto().randomFillSync(pool)
    used = 0
  }
  const bytes = pool.subarray(used, used + 16)
  used += 16
  return bytes
}

/** A random (version 4, RFC 9562) UUID. */
export const newUuid = (): string => {
  const bytes = randomBytes16()
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const newId = (prefix: "agent" | "block" | "message" | "run" | "step" | "ping"): string => `${prefix}-${newUuid()}`
