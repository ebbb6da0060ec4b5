/**
 * A linear Server-Sent Events parser (the WHATWG event-stream format), shared by the Letta
 * stream and the model providers' streams. `eventsource-parser` joins the unfinished line with
 * every new chunk and scans it again, so one long line costs O(n^2) (a 32 MiB event took 17 s);
 * here every character is scanned once, the pieces of an unfinished line are kept apart until
 * its end arrives, and one event's size is capped so an endless line cannot grow without bound.
 */

export interface SseMessage {
  readonly event?: string | undefined
  readonly id?: string | undefined
  readonly data: string
}

/** The default cap on one event (its data and unfinished line), in UTF-16 code units. */
export const DEFAULT_MAX_EVENT_CHARS = 64 * 1024 * 1024

/** One event (or one line) grew past the cap. */
export class SseEventTooLarge extends Error {
  override readonly name = "SseEventTooLarge"
  constructor(readonly limitChars: number) {
    super(`one event is larger than ${describeSize(limitChars)}`)
  }
}

export const describeSize = (chars: number): string =>
  chars >= 1024 * 1024 ? `${Math.round(chars / (1024 * 1024))} MiB` : chars >= 1024 ? `${Math.round(chars / 1024)} KiB` : `${chars} bytes`

export interface SseParser {
  /** Parses a decoded chunk; calls `onEvent` for each event it completes. Throws SseEventTooLarge. */
  readonly feed: (chunk: string) => void
  /** The body ended: a last event not followed by its blank line still counts. */
  readonly end: () => void
  /** Characters examined so far (scans and joins): stays proportional to the input. */
  readonly work: () => number
}

export interface SseParserOptions {
  readonly onEvent: (event: SseMessage) => void
  readonly maxEventChars?: number
}

export const createSseParser = (options: SseParserOptions): SseParser => {
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS
  // The unfinished line, as the pieces it arrived in.
  let pieces: Array<string> = []
  let piecesLength = 0
  // The current event.
  let data: Array<string> = []
  let dataLength = 0
  let eventType: string | undefined
  let lastId: string | undefined
  // A chunk that ended in `\r`: a `\n` starting the next one belongs to the same line end.
  let afterCr = false
  let work = 0

  const checkSize = () => {
    if (piecesLength + dataLength > maxEventChars) {
      // Drop what was kept: the caller stops reading, and nothing big stays referenced.
      pieces = []
      data = []
      piecesLength = 0
      dataLength = 0
      throw new SseEventTooLarge(maxEventChars)
    }
  }

  const dispatch = () => {
    if (data.length > 0) {
      const event: SseMessage = { event: eventType, id: lastId, data: data.length === 1 ? data[0]! : data.join("\n") }
      if (data.length > 1) work += dataLength
      data = []
      dataLength = 0
      eventType = undefined
      options.onEvent(event)
      return
    }
    eventType = undefined
  }

  const processLine = (line: string) => {
    if (line.length === 0) return dispatch()
    if (line.charCodeAt(0) === 58 /* : */) return // a comment
    const colon = line.indexOf(":")
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? "" : line.slice(colon + 1)
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1)
    work += colon === -1 ? line.length : colon + 1
    switch (field) {
      case "data":
        data.push(value)
        dataLength += value.length + 1
        checkSize()
        return
      case "event":
        eventType = value
        return
      case "id":
        if (!value.includes("\u0000")) lastId = value
        return
      default:
        // `retry` and unknown fields mean nothing to a client that does not reconnect by itself.
        return
    }
  }

  const lineEnds = /[\r\n]/g

  const feed = (chunk: string) => {
    let start = 0
    if (afterCr && chunk.charCodeAt(0) === 10 /* \n */) start = 1
    afterCr = false
    lineEnds.lastIndex = start
    while (true) {
      const match = lineEnds.exec(chunk)
      if (match === null) break
      const end = match.index
      let line: string
      if (pieces.length > 0) {
        pieces.push(chunk.slice(start, end))
        line = pieces.join("")
        work += line.length
        pieces = []
        piecesLength = 0
      } else {
        line = chunk.slice(start, end)
      }
      work += end - start + 1
      start = end + 1
      if (chunk.charCodeAt(end) === 13 /* \r */) {
        if (start === chunk.length) afterCr = true
        else if (chunk.charCodeAt(start) === 10) start++
      }
      lineEnds.lastIndex = start
      processLine(line)
    }
    if (start < chunk.length) {
      work += chunk.length - start
      pieces.push(start === 0 ? chunk : chunk.slice(start))
      piecesLength += chunk.length - start
      checkSize()
    }
  }

  return {
    feed,
    end: () => {
      if (pieces.length > 0) {
        const line = pieces.join("")
        pieces = []
        piecesLength = 0
        processLine(line)
      }
      dispatch()
    },
    work: () => work
  }
}
