// Bundles the CLI into one ESM file (dist/letta.js) and the scripted fake Letta server
// (dist/fake-server.js for the demo, dist/fake-server-lib.js for the benchmarks).
import { build } from "esbuild"
import { chmod, readFile } from "node:fs/promises"

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"))

// Some CommonJS dependencies call require(); ESM bundles have none unless we define it.
const banner = {
  js: [
    "#!/usr/bin/env node",
    "import { createRequire as __lettaCreateRequire } from 'node:module';",
    "const require = __lettaCreateRequire(import.meta.url);"
  ].join("\n")
}

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning"
}

await build({
  ...common,
  entryPoints: ["src/main.ts"],
  outfile: "dist/letta.js",
  banner,
  minify: true,
  keepNames: false,
  define: { LETTA_VERSION: JSON.stringify(pkg.version) }
})
await chmod("dist/letta.js", 0o755)

// The same server as a library, for the benchmarks (bench/run.mjs).
await build({
  ...common,
  entryPoints: ["test/support/fakeServer.ts"],
  outfile: "dist/fake-server-lib.js"
})

await build({
  ...common,
  entryPoints: ["test/support/fakeServerMain.ts"],
  outfile: "dist/fake-server.js",
  banner: { js: banner.js.split("\n").slice(1).join("\n") }
})
