/** stdin of the process. Reading is lazy: nothing touches stdin unless a prompt needs it. */
import { fstatSync, readFileSync, statSync } from "node:fs"
import { isatty } from "node:tty"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { Stdin } from "../services/Stdin.js"

/**
 * A regular file or /dev/null on stdin (`letta -p … < file`, or stdin closed by a runner) is read
 * at once: it cannot block, and it spares creating process.stdin and the thread pool's start.
 */
const readFiniteStdin = (): Option.Option<string> | undefined => {
  try {
    const stat = fstatSync(0)
    if (stat.isFile()) return Option.some(readFileSync(0, "utf8"))
    if (stat.isCharacterDevice() && stat.rdev === statSync("/dev/null").rdev) return Option.some("")
  } catch {
    // Not something to read at once: the stream below says what it is.
  }
  return undefined
}

const readStream = (firstByteTimeoutMs: number | undefined) =>
  Effect.async<Option.Option<string>>((resume) => {
    const stdin = process.stdin
    const chunks: Array<Buffer> = []
    let timer: NodeJS.Timeout | undefined
    const finish = (result: Option.Option<string>) => {
      if (timer !== undefined) clearTimeout(timer)
      stdin.off("data", onData)
      stdin.off("end", onEnd)
      stdin.off("error", onEnd)
      stdin.pause()
      resume(Effect.succeed(result))
    }
    const onData = (chunk: Buffer) => {
      if (timer !== undefined) {
        clearTimeout(timer)
        timer = undefined
      }
      chunks.push(chunk)
    }
    const onEnd = () => finish(Option.some(Buffer.concat(chunks).toString("utf8")))
    stdin.on("data", onData)
    stdin.once("end", onEnd)
    stdin.once("error", onEnd)
    if (firstByteTimeoutMs !== undefined) {
      timer = setTimeout(() => {
        // Nothing came: leave stdin alone and let the process exit without waiting for it.
        finish(Option.none())
        stdin.destroy()
      }, firstByteTimeoutMs)
    }
    return Effect.sync(() => {
      if (timer !== undefined) clearTimeout(timer)
      stdin.off("data", onData)
      stdin.off("end", onEnd)
      stdin.destroy()
    })
  })

export const StdinNode: Layer.Layer<Stdin> = Layer.sync(Stdin, () => ({
  // isatty(0), not process.stdin.isTTY: the getter builds the stdin stream.
  isTTY: isatty(0),
  readAll: (options) =>
    Effect.suspend(() => {
      const finite = readFiniteStdin()
      return finite === undefined ? readStream(options?.firstByteTimeoutMs) : Effect.succeed(finite)
    })
}))
