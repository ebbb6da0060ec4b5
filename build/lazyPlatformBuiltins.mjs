// Source patch of @effect/platform-node-shared for the main bundle: its file system module
// imports node:crypto (for temporary file names) at the top, and every run loads that module,
// while a headless turn never makes a temporary file. Here the import becomes an object that
// requires node:crypto on first use. The patch fails the build when the file starts using a
// member the object lacks.
// Measured gain (Node 20, 2 shared CPUs): node:crypto is 16 built-in modules and ~4.4 ms of CPU
// to load; every run, `--help` included, loads none of them with the patch.
//
// Dropped: the same treatment of node:readline in the Terminal module (4 modules, ~0.9 ms of
// CPU) and reading `process.stdin` on first use instead of when the Terminal layer is built
// (one module, internal/fs/streams, ~0.8 ms). Without both, `--help` and a warm headless turn
// take ~1.7 ms more CPU (medians of 41 interleaved runs: 92.4 against 90.6 ms, 135.6 against
// 133.9 ms), below the run-to-run noise of those figures (~5 ms between sessions).
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

export const lazyPlatformBuiltins = sourcePatchPlugin("lazy-platform-builtins", [
  lazyImport(/@effect[\\/]platform-node-shared[\\/]dist[\\/]esm[\\/]internal[\\/]fileSystem\.js$/, "Crypto", "node:crypto", ["randomBytes"])
])
