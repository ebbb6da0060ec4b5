#!/usr/bin/env node
// The `letta` bin (dist/letta.js, written by build/build.mjs). CommonJS on purpose: Node's ESM
// loader starts the libuv thread pool and costs more at start-up (an empty .mjs file runs ~6 ms
// slower than an empty .cjs one, medians of 31 runs); dist/package.json marks dist/ as CommonJS.
// It runs the bundle (letta-main.cjs) through a V8 code cache made at build time
// (build/codeCache.mjs), so start-up skips compiling ~1 MB of JavaScript: `--help` takes
// ~100 ms less CPU (medians of 41 interleaved runs, 126 ms against 225 ms without the cache).
// A cache from another Node version is rejected by V8 and the bundle is simply compiled as usual.
"use strict"
const { readFileSync, writeFileSync } = require("node:fs")
const { join } = require("node:path")
const { Script } = require("node:vm")

const runBundle = () => {
  const bundle = join(__dirname, "letta-main.cjs")
  const cacheFile = `${bundle}.cache`
  let cachedData
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  // The bundle is one function expression, `(function (exports, require, module, …) {…})`, and
  // pure ASCII (build/build.mjs writes the one and checks the other), so latin1 reads it
  // exactly, and faster than UTF-8.
  const script = new Script(readFileSync(bundle, "latin1"), { filename: bundle, cachedData })
  // build/codeCache.mjs sets this for its training runs; the cache then holds what those runs compiled.
  if (process.env.LETTA_WRITE_CODE_CACHE === "1") process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()))
  const module = { exports: {} }
  script.runInThisContext()(module.exports, require, module, bundle, __dirname)
}

// `letta --version` alone is answered here without reading the bundle: the build writes the
// version in place of the placeholder (the CLI itself prints the same line). Measured: ~27 ms
// of CPU, against ~95 ms for `--help`, which runs the bundle.
if (process.argv.length === 3 && process.argv[2] === "--version") process.stdout.write("__LETTA_VERSION__\n")
else runBundle()
