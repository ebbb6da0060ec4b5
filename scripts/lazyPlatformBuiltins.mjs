// esbuild plugin for the main bundle: @effect/platform-node-shared imports node:crypto (for
// temporary file names) and node:readline (for its terminal prompts) at the top of modules that
// every run loads, while a headless turn uses neither: loading them costs ~5 ms and ~1 ms of
// every start-up. In the bundle these imports become objects that require the module on first
// use. A patch also fails the build when the file starts using a member the object lacks.
// Likewise its Terminal service reads `process.stdin` when the layer is built: on a file or
// /dev/null that creates an fs.ReadStream, which loads Node's fs streams, fs/promises and
// readline (~4 ms) for a prompt a headless turn never shows; it now reads it on first use.
import { replaceOnce, sourcePatchPlugin } from "./sourcePatches.mjs"

/** Replaces `import * as name from "node:module"` with an object of lazy `members`. */
const lazyImport = (filter, name, module, members) => ({
  filter,
  patch: (text, file) => {
    const used = [...text.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))].map((match) => match[1])
    const unknown = used.filter((member) => !members.includes(member))
    if (unknown.length > 0) throw new Error(`lazyPlatformBuiltins: ${file} now uses ${name}.${unknown.join(", ")}`)
    const lazy = members.map((member) => `  ${member}: (...args) => require("${module}").${member}(...args)`).join(",\n")
    return replaceOnce(text, `import * as ${name} from "${module}";`, `const ${name} = {\n${lazy}\n};`, file)
  }
})

/** `process.stdin` read where the terminal module uses it, not when its layer is built. */
const lazyStdin = {
  filter: /@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]terminal\.js$/,
  patch: (text, file) => {
    const patched = replaceOnce(text, "const stdin = process.stdin;", "", file).replace(/\bstdin\b/g, "process.stdin")
    // Every use is now `process.stdin`; anything else named stdin would mean the file changed shape.
    if (/(?<!process\.)\bstdin\b/.test(patched)) throw new Error(`lazyPlatformBuiltins: ${file} uses stdin in a new way`)
    return patched
  }
}

export const lazyPlatformBuiltins = sourcePatchPlugin("lazy-platform-builtins", [
  lazyImport(/@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]fileSystem\.js$/, "Crypto", "node:crypto", ["randomBytes"]),
  lazyImport(/@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]terminal\.js$/, "readline", "node:readline", [
    "createInterface",
    "emitKeypressEvents"
  ]),
  lazyStdin
])
