/**
 * stdout/stderr of the process. A reader that closes stdout early (`letta -p … | head -1`)
 * makes the next write fail with BrokenPipe instead of an EPIPE crash. A reader slower than the
 * stream holds the writer back: output waits in the pipe (and the server's events in the socket),
 * not in memory — without this, 100 000 streamed events to a slow reader queued ~100 MiB.
 * Every write is redacted here, the one way out for every output format: no key value reaches
 * stdout or stderr, and no URL credentials reach stderr.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { BrokenPipe } from "../domain/errors.js"
import { maskUrlCredentials, redactSecrets } from "../domain/redaction.js"
import { Output, type OutputShape } from "../services/Output.js"

/** The Output service over two writable streams (the process's own in OutputNode). */
export const makeOutput = (stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): OutputShape => {
  let broken = false
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    // EPIPE (and friends) mean the reader is gone; anything else is equally fatal for output.
    broken = true
    if (error.code !== "EPIPE" && process.env["LETTA_DEBUG"] === "1") stderr.write(`letta: stdout: ${error.message}\n`)
  })
  stderr.on("error", () => undefined)

  /** Waits until the reader has taken what is buffered (or is gone). */
  const drained = Effect.async<void, BrokenPipe>((resume) => {
    const settle = () => {
      stop()
      resume(broken ? Effect.fail(new BrokenPipe()) : Effect.void)
    }
    const stop = () => {
      stdout.off("drain", settle)
      stdout.off("error", settle)
      stdout.off("close", settle)
    }
    stdout.once("drain", settle)
    stdout.once("error", settle)
    stdout.once("close", settle)
    return Effect.sync(stop)
  })

  return {
    stdout: (text) =>
      Effect.suspend(() => {
        if (broken) return Effect.fail(new BrokenPipe())
        return stdout.write(redactSecrets(text)) ? Effect.void : drained
      }),
    stderr: (text) =>
      Effect.sync(() => {
        stderr.write(maskUrlCredentials(redactSecrets(text)))
      })
  }
}

export const OutputNode: Layer.Layer<Output> = Layer.sync(Output, () => makeOutput(process.stdout, process.stderr))
