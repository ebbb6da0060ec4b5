import { describe, expect, it } from "vitest"
import { FormData as FormDataByTag, ReadableStreamByTag } from "../../src/platform/webGlobals.js"

describe("web globals the bundle injects in place of Node's lazy ones", () => {
  it("ReadableStreamByTag: instanceof answers as for the real class, and constructing builds a real stream", async () => {
    const real = new ReadableStream({ start: (controller) => controller.close() })
    expect(real instanceof ReadableStreamByTag).toBe(true)
    for (const other of ['{"json":"body"}', new Uint8Array(2), {}, null, undefined, new Blob(["x"])]) {
      expect(other instanceof ReadableStreamByTag).toBe(false)
    }
    const built: unknown = new ReadableStreamByTag({
      start: (controller) => {
        controller.enqueue("chunk")
        controller.close()
      }
    })
    expect(built).toBeInstanceOf(ReadableStream)
    const reader = (built as ReadableStream<string>).getReader()
    expect(await reader.read()).toEqual({ done: false, value: "chunk" })
  })

  it("FormData: instanceof answers as for the real class, and constructing builds a real one", () => {
    expect(new globalThis.FormData() instanceof FormDataByTag).toBe(true)
    for (const other of ["text", new URLSearchParams("a=1"), {}, null]) expect(other instanceof FormDataByTag).toBe(false)
    expect(new FormDataByTag()).toBeInstanceOf(globalThis.FormData)
  })
})
