import { mkdtempSync, readdirSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { followScratchFile, openScratchFile } from "../../src/layers/search/scratchFile.js"

describe("scratch files (where rg writes its results)", () => {
  let dir = ""
  let saved: string | undefined
  beforeEach(() => {
    saved = process.env["TMPDIR"]
    dir = mkdtempSync(join(tmpdir(), "letta-scratch-"))
    process.env["TMPDIR"] = dir
  })
  afterEach(() => {
    if (saved === undefined) delete process.env["TMPDIR"]
    else process.env["TMPDIR"] = saved
    rmSync(dir, { recursive: true, force: true })
  })

  it("has no name in the temporary directory and gives back every byte written, in order", async () => {
    const scratch = openScratchFile()
    expect(scratch).toBeDefined()
    if (scratch === undefined) return
    expect(readdirSync(dir)).toEqual([])
    // Over several read chunks, with a recognisable byte at every position.
    const written = Buffer.alloc(5 * 256 * 1024 + 123)
    for (let i = 0; i < written.length; i++) written[i] = (i * 7) % 251
    writeSync(scratch.fd, written)
    const chunks: Array<Buffer> = []
    await followScratchFile(scratch, (bytes) => chunks.push(Buffer.from(bytes)), () => true)
    expect(Buffer.concat(chunks).equals(written)).toBe(true)
    scratch.close()
    scratch.close()
    expect(readdirSync(dir)).toEqual([])
  })

  it("reads nothing from an empty file", async () => {
    const scratch = openScratchFile()
    if (scratch === undefined) throw new Error("no scratch file")
    let calls = 0
    await followScratchFile(scratch, () => (calls += 1), () => true)
    scratch.close()
    expect(calls).toBe(0)
  })

  it("follows a file while it is written, then reads the rest once the writer is done", async () => {
    const scratch = openScratchFile()
    if (scratch === undefined) throw new Error("no scratch file")
    const pieces = Array.from({ length: 12 }, (_, index) => `piece ${index} ${"x".repeat(index * 40_000)}\n`)
    let done = false
    let written = 0
    const writer = setInterval(() => {
      const piece = pieces[written]
      if (piece === undefined) {
        clearInterval(writer)
        done = true
        return
      }
      writeSync(scratch.fd, piece)
      written += 1
    }, 5)
    const chunks: Array<Buffer> = []
    let readWhileWriting = 0
    await followScratchFile(scratch, (bytes) => {
      chunks.push(Buffer.from(bytes))
      if (!done) readWhileWriting += 1
    }, () => done)
    scratch.close()
    expect(Buffer.concat(chunks).toString("utf8")).toBe(pieces.join(""))
    expect(readWhileWriting).toBeGreaterThan(0)
  })

  it("stops following when aborted", async () => {
    const scratch = openScratchFile()
    if (scratch === undefined) throw new Error("no scratch file")
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    await followScratchFile(scratch, () => {}, () => false, controller.signal)
    scratch.close()
    expect(controller.signal.aborted).toBe(true)
  })

  it("is undefined when the temporary directory cannot take a file", () => {
    process.env["TMPDIR"] = join(dir, "missing")
    expect(openScratchFile()).toBeUndefined()
  })
})
