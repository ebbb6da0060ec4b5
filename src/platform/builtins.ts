/**
 * Node built-in modules loaded the first time they are needed, synchronously. Some cost
 * milliseconds to load (node:crypto ~5 ms, node:https ~5 ms on top of node:http,
 * node:child_process ~1.5 ms) and most runs never use them. Not `import()`: the bundle runs
 * inside a vm.Script (build/launcher.cjs), where a dynamic import fails.
 */
import { createRequire } from "node:module"

// Built-ins resolve the same from anywhere; the executable's path is just a valid base.
const requireFrom = createRequire(process.execPath)

export const loadBuiltin = <A>(specifier: `node:${string}`): A => requireFrom(specifier) as A

export const nodeCrypto = (): typeof import("node:crypto") => loadBuiltin("node:crypto")

/** ~1.5 ms to load; only tools that run a process need it. */
export const nodeChildProcess = (): typeof import("node:child_process") => loadBuiltin("node:child_process")
