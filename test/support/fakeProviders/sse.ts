/**
 * Server-sent events: framing and writing a stream plan to a response, one event per write with a
 * turn of the event loop between writes (so clients really receive fragments), with the failure
 * modes a script can ask for (hang, fail after N events).
 */
import type { ServerResponse } from "node:http"

export interface SseFrame {
  /** The `event:` line (Responses and Anthropic); absent for data-only streams (Chat Completions). */
  readonly event?: string
  readonly data: string
}

/** What an encoder produces for one streamed answer. */
export interface StreamPlan {
  readonly frames: ReadonlyArray<SseFrame>
  /**
   * How a mid-stream failure looks after `written` events: these events then the end of the
   * stream, or a dropped connection.
   */
  readonly failure: ((written: number) => ReadonlyArray<SseFrame>) | "drop"
}

export const jsonFrame = (data: unknown, event?: string): SseFrame =>
  event === undefined ? { data: JSON.stringify(data) } : { event, data: JSON.stringify(data) }

export const encodeFrame = (frame: SseFrame): string => `${frame.event === undefined ? "" : `event: ${frame.event}\n`}data: ${frame.data}\n\n`

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive"
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const waitDrain = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done)
      res.off("close", done)
      resolve()
    }
    res.on("drain", done)
    res.on("close", done)
  })

/** Write one event; false once the client is gone. */
const send = async (res: ServerResponse, frame: SseFrame): Promise<boolean> => {
  if (res.destroyed || res.writableEnded) return false
  if (!res.write(encodeFrame(frame))) await waitDrain(res)
  await tick()
  return !res.destroyed
}

export interface WriteOptions {
  /** Write the first event, then leave the response open for good. */
  readonly hang?: boolean
  /** Write this many events, then the plan's failure. */
  readonly failAfter?: number
}

/** Stream `plan` on `res` (whose headers are already written). */
export const writeStream = async (res: ServerResponse, plan: StreamPlan, options: WriteOptions): Promise<void> => {
  if (options.hang === true) {
    const first = plan.frames[0]
    if (first !== undefined) await send(res, first)
    return
  }
  const failAfter = options.failAfter
  const frames = failAfter === undefined ? plan.frames : plan.frames.slice(0, Math.max(0, failAfter))
  for (const frame of frames) if (!(await send(res, frame))) return
  if (failAfter !== undefined) {
    if (plan.failure === "drop") {
      res.destroy()
      return
    }
    for (const frame of plan.failure(frames.length)) if (!(await send(res, frame))) return
  }
  if (!res.destroyed) res.end()
}
