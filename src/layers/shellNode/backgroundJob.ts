/** A background job of ShellNode: its process group and the output nobody has read yet. */
import { closeSync, openSync, readSync, rmSync } from "node:fs"
import { dirname } from "node:path"
import { StringDecoder } from "node:string_decoder"
import { BACKGROUND_BUFFER_CHARS, type BackgroundInfo, type BackgroundOutput, type BackgroundStatus } from "../../services/Shell.js"
import { isHighSurrogate, ProcessGroup } from "./processGroup.js"

export class BackgroundJob {
  /** Unread output; the oldest part is dropped beyond BACKGROUND_BUFFER_CHARS. */
  private unread = ""
  private dropped = 0
  killedByUs = false
  readonly group: ProcessGroup
  readonly startedAt = Date.now()

  /** A kept job writes to this file (a pipe would break when letta exits); read from `logOffset`. */
  private logFd: number | undefined
  private logOffset = 0
  private readonly logDecoder = new StringDecoder("utf8")

  constructor(
    readonly id: string,
    readonly command: string,
    cwd: string,
    /** Kept after the session ends (the user asked): its output goes to this file. */
    readonly keptLog?: string
  ) {
    if (keptLog === undefined) {
      this.group = new ProcessGroup(command, cwd, (text) => this.append(text))
      return
    }
    const out = openSync(keptLog, "wx", 0o600)
    try {
      this.group = new ProcessGroup(command, cwd, (text) => this.append(text), { keptOutputFd: out })
    } finally {
      closeSync(out)
    }
    this.logFd = openSync(keptLog, "r")
  }

  /** Reads what a kept job wrote to its file since the last read. */
  private pull(): void {
    if (this.logFd === undefined) return
    const buffer = Buffer.alloc(65_536)
    for (;;) {
      let read = 0
      try {
        read = readSync(this.logFd, buffer, 0, buffer.length, this.logOffset)
      } catch {
        return
      }
      if (read === 0) return
      this.logOffset += read
      this.append(this.logDecoder.write(buffer.subarray(0, read)))
    }
  }

  /** The session ends: stop reading a kept job's file, and remove it if the job is over. */
  release(): void {
    if (this.logFd !== undefined) closeSync(this.logFd)
    this.logFd = undefined
    if (this.keptLog !== undefined && this.group.exited) rmSync(dirname(this.keptLog), { recursive: true, force: true })
  }

  private append(text: string): void {
    this.unread += text
    const excess = this.unread.length - BACKGROUND_BUFFER_CHARS
    if (excess > 0) {
      let cut = excess
      // Do not leave half a surrogate pair at the start.
      if (cut < this.unread.length && isHighSurrogate(this.unread.charCodeAt(cut - 1))) cut += 1
      this.unread = this.unread.slice(cut)
      this.dropped += cut
    }
  }

  get status(): BackgroundStatus {
    if (this.killedByUs && this.group.exited) return { _tag: "Killed" }
    if (!this.group.exited) return { _tag: "Running" }
    return { _tag: "Exited", exitCode: this.group.exitCode, signal: this.group.signal }
  }

  get info(): BackgroundInfo {
    return {
      id: this.id,
      command: this.command,
      cwd: this.group.cwd,
      pid: this.group.pid ?? -1,
      startedAt: this.startedAt,
      status: this.status
    }
  }

  /** Takes the unread output, filtered by `pattern` when given. */
  take(pattern: RegExp | undefined, maxChars: number): BackgroundOutput {
    this.pull()
    const droppedChars = this.dropped
    this.dropped = 0
    const limit = Math.max(1, maxChars)
    if (pattern === undefined) {
      let end = Math.min(this.unread.length, limit)
      if (end < this.unread.length) {
        // Prefer to stop at the end of a line, when that keeps at least half of the allowance.
        const newline = this.unread.lastIndexOf("\n", end - 1)
        if (newline >= limit / 2) end = newline + 1
        else if (isHighSurrogate(this.unread.charCodeAt(end - 1))) end -= 1
      }
      const output = this.unread.slice(0, end)
      this.unread = this.unread.slice(end)
      return { info: this.info, output, droppedChars, filteredOutLines: 0, remainingChars: this.unread.length }
    }
    // While the group may still write, the last unfinished line waits until it is complete.
    const complete = this.group.closed ? this.unread.length : this.unread.lastIndexOf("\n") + 1
    const kept: Array<string> = []
    let keptChars = 0
    let filteredOutLines = 0
    let position = 0
    while (position < complete) {
      const newline = this.unread.indexOf("\n", position)
      const lineEnd = newline === -1 || newline >= complete ? complete : newline + 1
      const line = this.unread.slice(position, lineEnd)
      const text = line.endsWith("\n") ? line.slice(0, line.endsWith("\r\n") ? -2 : -1) : line
      if (pattern.test(text)) {
        if (keptChars + line.length > limit && kept.length > 0) break
        kept.push(line)
        keptChars += line.length
      } else {
        filteredOutLines += 1
      }
      position = lineEnd
    }
    this.unread = this.unread.slice(position)
    return {
      info: this.info,
      output: kept.join(""),
      droppedChars,
      filteredOutLines,
      remainingChars: this.unread.length
    }
  }
}
