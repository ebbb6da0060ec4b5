#!/usr/bin/env node
// The `letta` bin. It runs the bundle (letta-main.cjs) through a V8 code cache made at build
// time, so start-up skips compiling ~1.1 MB of JavaScript. A cache from another Node version
// is rejected by V8 and the bundle is simply compiled as usual.
import { readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Script } from "node:vm"

const runBundle = () => {
  const dir = dirname(fileURLToPath(import.meta.url))
  const bundle = join(dir, "letta-main.cjs")
  const cacheFile = `${bundle}.cache`
  let cachedData
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  // The bundle is one function expression, `(function (exports, require, module, …) {…})`, and
  // pure ASCII (scripts/build.mjs writes the one and checks the other), so latin1 reads it exactly, and faster than UTF-8.
  const script = new Script(readFileSync(bundle, "latin1"), { filename: bundle, cachedData })
  // scripts/build.mjs sets this for its training runs; the cache then holds what those runs compiled.
  if (process.env.LETTA_WRITE_CODE_CACHE === "1") process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()))
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dir)
}

// `letta --version` alone is answered here without reading the bundle: the build writes the
// version in place of the placeholder (the CLI itself prints the same line).
if (process.argv.length === 3 && process.argv[2] === "--version") process.stdout.write("__LETTA_VERSION__\n")
else runBundle()
