/**
 * Output sinks of a messages POST: SSE framing exactly as letta-api.md §7 (buffered, writing without
 * awaiting drain unless the socket buffer is full), or collection into a LettaResponse (§6.1).
 */
import type { ServerResponse } from "node:http"
import { envelope } from "./store.js"
import { isRecord, isoDate, newId, type Json } from "./util.js"

export interface StreamFaults {
  /** Destroy the socket once this many events were written. */
  readonly resetAfterEvents?: number
  readonly noStopReason?: boolean
  readonly malformedEvent?: boolean
}

export interface Sink {
  readonly streaming: boolean
  /** Token mode (`stream_tokens:true`). */
  readonly tokens: boolean
  /** The client went away (or the socket was reset): stop producing. */
  readonly closed: boolean
  /** Queue one message; `content` marks reasoning/assistant output. False = await drain() first. */
  send(message: Json, content: boolean): boolean
  /** Same as send() for an already serialised message (the token hot path). */
  sendRaw(json: string, content: boolean): boolean
  drain(): Promise<void>
  flush(): void
}

export interface SinkHooks {
  /** Called once, when the first reasoning/assistant event is produced. */
  readonly onFirstContent: () => void
  /** Called when the connection closes before the response finished. */
  readonly onClose: () => void
}

const FLUSH_AT = 64 * 1024

const parseObject = (json: string): Json => {
  const value: unknown = JSON.parse(json)
  return isRecord(value) ? value : {}
}

export class SseSink implements Sink {
  readonly streaming = true
  closed = false
  private buffer = ""
  private events = 0
  private seq = 0
  private malformedDone = false
  private contentSeen = false
  private waitingDrain = false
  private finished = false
  private lastWriteAt = Date.now()
  private pingTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly res: ServerResponse,
    readonly tokens: boolean,
    private readonly runId: string,
    private readonly options: {
      readonly includePings: boolean
      readonly pingIntervalMs: number
      readonly background: boolean
      readonly faults: StreamFaults
      readonly hooks: SinkHooks
    }
  ) {
    res.on("close", () => {
      if (this.pingTimer) clearInterval(this.pingTimer)
      if (!this.finished) {
        this.closed = true
        options.hooks.onClose()
      }
    })
  }

  /** Send status and headers, the first ping, and start the keepalive timer. */
  start(): void {
    this.res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive"
    })
    this.res.flushHeaders()
    if (this.options.includePings) {
      this.ping()
      const interval = this.options.pingIntervalMs
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastWriteAt >= interval * 0.9) this.ping()
      }, interval)
      this.pingTimer.unref()
    }
    this.flush()
  }

  private ping(): void {
    this.send(envelope(newId("ping"), isoDate(), "ping", null, null, this.runId), false)
    this.flush()
  }

  send(message: Json, content: boolean): boolean {
    if (this.closed || this.finished) return !this.closed
    if (content && !this.contentSeen) {
      this.contentSeen = true
      this.options.hooks.onFirstContent()
    }
    const out = this.options.background && "seq_id" in message ? { ...message, seq_id: ++this.seq } : message
    this.event(`data: ${JSON.stringify(out)}\n\n`)
    return !this.waitingDrain
  }

  sendRaw(json: string, content: boolean): boolean {
    if (this.options.background) return this.send(parseObject(json), content)
    if (this.closed || this.finished) return !this.closed
    if (content && !this.contentSeen) {
      this.contentSeen = true
      this.options.hooks.onFirstContent()
    }
    this.event(`data: ${json}\n\n`)
    return !this.waitingDrain
  }

  private event(frame: string): void {
    this.buffer += frame
    this.events++
    if (this.options.faults.malformedEvent === true && !this.malformedDone) {
      this.malformedDone = true
      this.buffer += "data: {not json\n\n"
    }
    const resetAfter = this.options.faults.resetAfterEvents
    if (resetAfter !== undefined && this.events >= resetAfter) {
      this.reset()
      return
    }
    if (this.buffer.length >= FLUSH_AT) this.flush()
  }

  private reset(): void {
    const socket = this.res.socket
    this.closed = true
    if (this.pingTimer) clearInterval(this.pingTimer)
    const chunk = this.buffer
    this.buffer = ""
    this.res.write(chunk, () => socket?.destroy())
    this.options.hooks.onClose()
  }

  flush(): void {
    if (this.buffer.length === 0 || this.closed) return
    const ok = this.res.write(this.buffer)
    this.buffer = ""
    this.lastWriteAt = Date.now()
    if (!ok) this.waitingDrain = true
  }

  drain(): Promise<void> {
    this.flush()
    if (!this.waitingDrain || this.closed) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        this.res.off("drain", done)
        this.res.off("close", done)
        this.waitingDrain = false
        resolve()
      }
      this.res.once("drain", done)
      this.res.once("close", done)
    })
  }

  private end(tail: string): void {
    if (this.closed || this.finished) return
    this.buffer += tail
    this.flush()
    this.finished = true
    if (this.pingTimer) clearInterval(this.pingTimer)
    this.res.end()
  }

  /** Normal ending: stop_reason, usage_statistics, [DONE] (§7.1). */
  finish(stopReason: string, usage: Json): void {
    if (this.options.faults.noStopReason === true) return this.end("data: [DONE]\n\n")
    const stop = JSON.stringify({ message_type: "stop_reason", stop_reason: stopReason })
    this.end(`data: ${stop}\n\ndata: ${JSON.stringify(usage)}\n\ndata: [DONE]\n\n`)
  }

  /** Error after the stream started: stop_reason, `event: error`, [DONE]; no usage (§7.2). */
  finishError(stopReason: string, error: Json): void {
    const stop = JSON.stringify({ message_type: "stop_reason", stop_reason: stopReason })
    this.end(`data: ${stop}\n\nevent: error\ndata: ${JSON.stringify(error)}\n\ndata: [DONE]\n\n`)
  }

  /** Cancelled run (§7.3; note the spaces, a different serializer on the real server). */
  finishCancelled(): void {
    this.end(`data: {"message_type": "stop_reason", "stop_reason": "cancelled"}\n\ndata: [DONE]\n\n`)
  }
}

/** Non-streaming: collects complete messages for the LettaResponse. */
export class CollectSink implements Sink {
  readonly streaming = false
  readonly tokens = false
  readonly messages: Json[] = []
  closed = false
  private contentSeen = false
  finished = false

  constructor(res: ServerResponse, private readonly hooks: SinkHooks) {
    res.on("close", () => {
      if (!this.finished) {
        this.closed = true
        hooks.onClose()
      }
    })
  }

  send(message: Json, content: boolean): boolean {
    if (content && !this.contentSeen) {
      this.contentSeen = true
      this.hooks.onFirstContent()
    }
    this.messages.push(message)
    return true
  }

  sendRaw(json: string, content: boolean): boolean {
    return this.send(parseObject(json), content)
  }

  drain(): Promise<void> {
    return Promise.resolve()
  }

  flush(): void {}
}
