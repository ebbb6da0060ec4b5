/**
 * Loads a Node built-in module the first time it is needed, synchronously. Not `import()`: the
 * bundle runs inside a vm.Script (see scripts/launcher.cjs), where a dynamic import fails.
 */
import { createRequire } from "node:module"

// Built-ins resolve the same from anywhere; the executable's path is just a valid base.
const requireFrom = createRequire(process.execPath)

export const loadBuiltin = <A>(specifier: `node:${string}`): A => requireFrom(specifier) as A
