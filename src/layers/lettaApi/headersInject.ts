/**
 * esbuild `inject` file for the main bundle (scripts/build.mjs). On Node 20 the globals
 * `Headers` and `FormData` are lazy getters that load undici, Node's whole fetch stack (~15 ms
 * of a ~300 ms warm turn), and the SDK touches both on every request: `new Headers()`, and
 * `body instanceof FormData` while encoding a JSON body. In the bundle they become these.
 */
export { LightHeaders as Headers } from "./lightHeaders.js"

/**
 * Tells a real FormData by its tag without loading undici; constructing one (file uploads,
 * which letta does not make) still builds the real thing.
 */
export class FormData {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && Object.prototype.toString.call(value) === "[object FormData]"
  }

  constructor() {
    return new globalThis.FormData()
  }
}
