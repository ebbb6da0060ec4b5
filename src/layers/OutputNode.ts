/**
 * stdout/stderr of the process. A reader that closes stdout early (`letta -p … | head -1`)
 * makes the next write fail with BrokenPipe instead of an EPIPE crash.
 */
import { Effect, Layer } from "effect"
import { BrokenPipe } from "../domain/errors.js"
import { Output } from "../services/Output.js"

export const OutputNode: Layer.Layer<Output> = Layer.sync(Output, () => {
  let broken = false
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // EPIPE (and friends) mean the reader is gone; anything else is equally fatal for output.
    broken = true
    if (error.code !== "EPIPE" && process.env["LETTA_DEBUG"] === "1") process.stderr.write(`letta: stdout: ${error.message}\n`)
  })
  process.stderr.on("error", () => undefined)
  return {
    stdout: (text) =>
      Effect.suspend(() => {
        if (broken) return Effect.fail(new BrokenPipe())
        process.stdout.write(text)
        return Effect.void
      }),
    stderr: (text) =>
      Effect.sync(() => {
        process.stderr.write(text)
      })
  }
})
