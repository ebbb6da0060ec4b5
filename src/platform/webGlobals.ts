/**
 * esbuild `inject` file for the main bundle (build/webGlobals.mjs). On Node 20 the web globals are
 * lazy getters that load big parts of Node on first touch, and the SDK touches three on every
 * request: `new Headers()` and `body instanceof FormData` (both load undici, Node's whole fetch
 * stack: ~15 ms of a warm turn), and `body instanceof globalThis.ReadableStream` (loads the web
 * streams: ~4 ms). In the bundle they become these.
 */
export { LightHeaders as Headers } from "./lightHeaders.js"

/** `value instanceof` the named web class, told by its tag without loading the class. */
const byTag = (value: unknown, tag: string): boolean =>
  typeof value === "object" && value !== null && Object.prototype.toString.call(value) === `[object ${tag}]`

/** Tells a real FormData by its tag; constructing one (file uploads, which letta does not make) builds the real thing. */
export class FormData {
  static [Symbol.hasInstance](value: unknown): boolean {
    return byTag(value, "FormData")
  }

  constructor() {
    return new globalThis.FormData()
  }
}

/**
 * Stands for `globalThis.ReadableStream` (an esbuild `define`): the same for `instanceof`, and
 * constructing one builds the real thing (Reflect.get, so the define does not rewrite it).
 */
export class ReadableStreamByTag {
  static [Symbol.hasInstance](value: unknown): boolean {
    return byTag(value, "ReadableStream")
  }

  constructor(...args: ConstructorParameters<typeof ReadableStream>) {
    const RealReadableStream = Reflect.get(globalThis, "ReadableStream") as typeof ReadableStream
    return new RealReadableStream(...args)
  }
}
