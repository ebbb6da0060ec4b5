// `npm run build`: everything the `letta` bin is made of, and why each piece exists. Every step
// below lives in this folder, with a header saying what it wins; what the bundle needs from src/
// in return (lazy built-ins, the layout-engine promise, the baked tool specs, the web-global
// stand-ins, loading the TUI) lives in src/platform/, and nothing else in src/ knows about it.
//
// - dist/letta.js: the launcher (launcher.cjs), which runs the main bundle through a V8 code
//   cache (codeCache.mjs) and answers a lone `--version` itself;
// - dist/letta-main.cjs: one minified CommonJS bundle of src/main.ts, pure ASCII, written as the
//   CommonJS wrapper function itself; its source patches (lazyPlatformBuiltins.mjs, with
//   sourcePatches.mjs), web-global swaps (webGlobals.mjs) and baked tool specs (toolSpecs.mjs);
// - dist/letta-tui.cjs, dist/letta-mcp.cjs, dist/letta-yaml.cjs: libraries only some runs need,
//   required on first use (tuiBundle.mjs, mcpBundle.mjs, yamlBundle.mjs);
// - dist/grep-worker.cjs: the built-in Grep engine's worker thread;
// - dist/fake-*.mjs: the scripted fake Letta server and fake providers, for the tests, the demo
//   and the benchmarks (not published).
import { chmod, readFile, writeFile } from "node:fs/promises"
import { build } from "esbuild"
import { trainCodeCache } from "./codeCache.mjs"
import { lazyPlatformBuiltins } from "./lazyPlatformBuiltins.mjs"
import { buildMcpBundle, mcpExternalPlugin } from "./mcpBundle.mjs"
import { generateToolSpecs } from "./toolSpecs.mjs"
import { buildTuiBundle, mainBundleOptions } from "./tuiBundle.mjs"
import { webGlobalsOptions } from "./webGlobals.mjs"
import { buildYamlBundle, yamlVendorPlugin } from "./yamlBundle.mjs"

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"))

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning"
}

await buildTuiBundle(common)
await buildMcpBundle(common)
await buildYamlBundle(common)
const mainOptions = mainBundleOptions()

const specs = await generateToolSpecs(common)
await build({
  ...common,
  entryPoints: ["src/main.ts"],
  outfile: "dist/letta-main.cjs",
  format: "cjs",
  minify: true,
  // ink pulls React devtools only when DEV=true; never ship it. better-sqlite3 is native: the
  // package's one runtime dependency, loaded only by the local backend.
  external: ["react-devtools-core", "better-sqlite3"],
  define: { LETTA_VERSION: JSON.stringify(pkg.version), LETTA_TOOL_SPECS: specs, ...webGlobalsOptions.define },
  inject: webGlobalsOptions.inject,
  // JSX; the terminal UI's libraries stay in dist/letta-tui.cjs, loaded only by interactive mode.
  ...mainOptions,
  plugins: [...mainOptions.plugins, yamlVendorPlugin, mcpExternalPlugin, lazyPlatformBuiltins],
  // The file is the CommonJS wrapper function itself, so the launcher hands it to V8 as read
  // (no 1 MB string concatenation to flatten); see build/launcher.cjs.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {" },
  footer: { js: "\n})" },
  charset: "ascii"
})

// The built-in Grep engine's worker thread (src/layers/search/parallelSearch.ts finds it beside the bundle).
await build({ ...common, entryPoints: ["src/layers/search/grepWorker.ts"], outfile: "dist/grep-worker.cjs", format: "cjs", minify: true })

// The launcher reads the bundle as latin1 (the cheapest string V8 can get from a file): that
// equals UTF-8 only while every byte is ASCII.
if ((await readFile("dist/letta-main.cjs")).some((byte) => byte > 0x7f)) throw new Error("dist/letta-main.cjs is not pure ASCII")
const launcher = await readFile("build/launcher.cjs", "utf8")
if (!launcher.includes("__LETTA_VERSION__")) throw new Error("build/launcher.cjs lost its version placeholder")
// dist/letta.js is CommonJS (see the launcher); the fake server bundles are .mjs.
await writeFile("dist/package.json", `${JSON.stringify({ type: "commonjs" })}\n`)
await writeFile("dist/letta.js", launcher.replace("__LETTA_VERSION__", pkg.version))
await chmod("dist/letta.js", 0o755)

// ESM bundles of the fake server; some CommonJS dependencies call require().
const esm = {
  ...common,
  format: "esm",
  banner: { js: "import { createRequire as __lettaCreateRequire } from 'node:module';\nconst require = __lettaCreateRequire(import.meta.url);" }
}
await build({ ...esm, entryPoints: ["test/support/fakeServer.ts"], outfile: "dist/fake-server-lib.mjs" })
await build({ ...esm, entryPoints: ["test/support/fakeServerMain.ts"], outfile: "dist/fake-server.mjs" })
await build({ ...esm, entryPoints: ["test/support/fakeProviders/main.ts"], outfile: "dist/fake-provider.mjs" })
await build({ ...esm, entryPoints: ["test/support/fakeProviders/index.ts"], outfile: "dist/fake-provider-lib.mjs" })

// Last: the training runs need the launcher, the bundle and the fake servers.
await trainCodeCache()
