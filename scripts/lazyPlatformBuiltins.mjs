// esbuild plugin for the main bundle: @effect/platform-node-shared imports node:crypto (for
// temporary file names) and node:readline (for its terminal prompts) at the top of modules that
// every run loads, while a headless turn uses neither: loading them costs ~5 ms and ~1 ms of
// every start-up. In the bundle these imports become objects that require the module on first
// use. Each patch checks that the text it replaces is still there, so an upgrade that changes
// these files fails the build instead of shipping a broken bundle.
import { readFile } from "node:fs/promises"

const patches = [
  {
    filter: /@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]fileSystem\.js$/,
    from: 'import * as Crypto from "node:crypto";',
    to: 'const Crypto = { randomBytes: (size) => require("node:crypto").randomBytes(size) };',
    uses: /Crypto\.(\w+)/g,
    allowed: ["randomBytes"]
  },
  {
    filter: /@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]terminal\.js$/,
    from: 'import * as readline from "node:readline";',
    to: [
      "const readline = {",
      '  createInterface: (options) => require("node:readline").createInterface(options),',
      '  emitKeypressEvents: (stream, rl) => require("node:readline").emitKeypressEvents(stream, rl)',
      "};"
    ].join("\n"),
    uses: /readline\.(\w+)/g,
    allowed: ["createInterface", "emitKeypressEvents"]
  }
]

export const lazyPlatformBuiltins = {
  name: "lazy-platform-builtins",
  setup(build) {
    for (const patch of patches) {
      build.onLoad({ filter: patch.filter }, async (args) => {
        const text = await readFile(args.path, "utf8")
        if (!text.includes(patch.from)) throw new Error(`lazyPlatformBuiltins: ${args.path} changed; cannot find: ${patch.from}`)
        const used = [...text.matchAll(patch.uses)].map((match) => match[1])
        const unknown = used.filter((name) => !patch.allowed.includes(name))
        if (unknown.length > 0) throw new Error(`lazyPlatformBuiltins: ${args.path} now uses ${unknown.join(", ")}`)
        return { contents: text.replace(patch.from, patch.to), loader: "js" }
      })
    }
  }
}
