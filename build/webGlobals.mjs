// The main bundle's web-global swaps. On Node 20 the web globals are lazy getters that load big
// parts of Node on first touch, and the Letta SDK touches three on every request: `new
// Headers()` and `body instanceof FormData` (both load undici, Node's whole fetch stack) and
// `body instanceof globalThis.ReadableStream` (loads the web streams). In the bundle they become
// the light stand-ins of src/platform/webGlobals.ts (esbuild `inject` and `define`). Tests run
// from source with the real globals. Measured gain: without them a warm
// headless turn loads 41 more built-in modules (undici, tls, http2, crypto, worker_threads, the
// web streams) and takes ~20 ms more CPU (medians of 31 interleaved runs: 146 ms against 165 ms).

/** esbuild options merged into the main bundle's build. */
export const webGlobalsOptions = {
  define: { "globalThis.ReadableStream": "ReadableStreamByTag" },
  inject: ["src/platform/webGlobals.ts"]
}
