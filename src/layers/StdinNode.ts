/** stdin of the process. Reading is lazy: nothing touches stdin unless a prompt needs it. */
import { Effect, Layer, Option } from "effect"
import { Stdin } from "../services/Stdin.js"

const readAll = (firstByteTimeoutMs: number | undefined) =>
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
  isTTY: process.stdin.isTTY === true,
  readAll: (options) => readAll(options?.firstByteTimeoutMs)
}))
