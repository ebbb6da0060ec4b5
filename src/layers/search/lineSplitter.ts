/**
 * Picks out of ripgrep's output, as it comes in byte chunks, the lines that start with one of a
 * few prefixes, and hands them on decoded. Most lines are not wanted (in count mode, all but one
 * per file): instead of visiting every line, it jumps from one wanted line to the next with
 * Buffer#indexOf on "\n" + prefix, which runs natively. Lines can be megabytes long (minified
 * files): the parts of a wanted line are kept in a list and joined once.
 *
 * Chunks may be reused by the caller once `push` returns: whatever is kept is copied.
 */
const NEWLINE = 10

type State =
  /** At the start of a line. */
  | "lineStart"
  /** Inside a wanted line: its parts so far are in `parts`. */
  | "wanted"
  /** Inside a line that is not wanted. */
  | "skipping"
  /** The start of a line is in `head`, too short yet to tell whether it is wanted. */
  | "undecided"

export class LineSplitter {
  private state: State = "lineStart"
  private parts: Array<Buffer> = []
  private head: Buffer = Buffer.alloc(0)
  private readonly prefixes: ReadonlyArray<Buffer>
  /** "\n" + each prefix: where one is found, a wanted line starts one byte later. */
  private readonly needles: ReadonlyArray<Buffer>

  constructor(
    private readonly onLine: (line: string) => void,
    prefixes: ReadonlyArray<string>
  ) {
    this.prefixes = prefixes.map((prefix) => Buffer.from(prefix, "utf8"))
    this.needles = prefixes.map((prefix) => Buffer.from(`\n${prefix}`, "utf8"))
  }

  push(input: Buffer): void {
    let chunk = input
    let position = 0
    switch (this.state) {
      case "wanted": {
        const newline = chunk.indexOf(NEWLINE)
        if (newline === -1) {
          this.parts.push(Buffer.from(chunk))
          return
        }
        this.parts.push(chunk.subarray(0, newline))
        this.emit(Buffer.concat(this.parts))
        this.parts = []
        position = newline + 1
        break
      }
      case "skipping": {
        const newline = chunk.indexOf(NEWLINE)
        if (newline === -1) return
        position = newline + 1
        break
      }
      case "undecided":
        chunk = Buffer.concat([this.head, chunk])
        this.head = Buffer.alloc(0)
        break
      case "lineStart":
        break
    }
    this.state = "lineStart"
    this.scan(chunk, position)
  }

  end(): void {
    if (this.state === "wanted") this.emit(Buffer.concat(this.parts))
    else if (this.state === "undecided" && this.decide(this.head, 0, true)) this.emit(this.head)
    this.parts = []
    this.head = Buffer.alloc(0)
    this.state = "lineStart"
  }

  /** Hands on the wanted lines of `chunk` from `position`, a line start, and sets the state for the next chunk. */
  private scan(chunk: Buffer, from: number): void {
    // Where each needle next occurs at or after the current position (-1: not in this chunk).
    const next = this.needles.map(() => -2)
    let position = from
    while (position < chunk.length) {
      const wanted = this.decide(chunk, position, false)
      if (wanted === undefined) {
        this.head = Buffer.from(chunk.subarray(position))
        this.state = "undecided"
        return
      }
      if (wanted) {
        const newline = chunk.indexOf(NEWLINE, position)
        if (newline === -1) {
          this.parts = [Buffer.from(chunk.subarray(position))]
          this.state = "wanted"
          return
        }
        this.emit(chunk.subarray(position, newline))
        position = newline + 1
        continue
      }
      let nearest = -1
      this.needles.forEach((needle, index) => {
        let found = next[index] ?? -1
        if (found === -2 || (found !== -1 && found < position)) {
          found = chunk.indexOf(needle, position)
          next[index] = found
        }
        if (found !== -1 && (nearest === -1 || found < nearest)) nearest = found
      })
      if (nearest !== -1) {
        position = nearest + 1
        continue
      }
      // No wanted line starts whole in this chunk; the last line of it may start one whose
      // prefix is cut off by the chunk's end.
      const lastNewline = chunk.lastIndexOf(NEWLINE)
      if (lastNewline < position) {
        this.state = "skipping"
        return
      }
      position = lastNewline + 1
    }
  }

  /**
   * Whether the line at `position` starts with a prefix; undefined when the bytes left in
   * `chunk` are too few to tell (unless `final`: nothing more is coming).
   */
  private decide(chunk: Buffer, position: number, final: boolean): boolean | undefined {
    let undecided = false
    for (const prefix of this.prefixes) {
      const available = Math.min(prefix.length, chunk.length - position)
      let index = 0
      while (index < available && chunk[position + index] === prefix[index]) index += 1
      if (index === prefix.length) return true
      if (index === available) undecided = true
    }
    return undecided && !final ? undefined : false
  }

  private emit(line: Buffer): void {
    this.onLine(line.toString("utf8"))
  }
}
