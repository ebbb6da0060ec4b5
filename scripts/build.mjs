// Builds the `letta` bin: one CommonJS bundle (dist/letta-main.cjs), the small launcher
// (dist/letta.js), a V8 code cache for the bundle made by training runs, and the built-in Grep
// engine's worker (dist/grep-worker.cjs). Also bundles the
// scripted fake Letta server: dist/fake-server.mjs (demo CLI) and dist/fake-server-lib.mjs (benchmarks).
import { spawn } from "node:child_process"
import { chmod, readFile, rm, writeFile } from "node:fs/promises"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { build } from "esbuild"
import { lazyPlatformBuiltins } from "./lazyPlatformBuiltins.mjs"
import { buildMcpBundle, mcpExternalPlugin } from "./mcpBundle.mjs"
import { generateToolSpecs } from "./toolSpecs.mjs"
import { buildTuiBundle, mainBundleOptions } from "./tuiBundle.mjs"
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
  // The SDK's `new Headers()`, `instanceof FormData` and `instanceof globalThis.ReadableStream`
  // would load undici and the web streams on the first request.
  define: { LETTA_VERSION: JSON.stringify(pkg.version), LETTA_TOOL_SPECS: specs, "globalThis.ReadableStream": "ReadableStreamByTag" },
  inject: ["src/layers/lettaApi/webGlobalsInject.ts"],
  // JSX; the terminal UI's libraries stay in dist/letta-tui.cjs, loaded only by interactive mode.
  ...mainOptions,
  plugins: [...mainOptions.plugins, yamlVendorPlugin, mcpExternalPlugin, lazyPlatformBuiltins],
  // The file is the CommonJS wrapper function itself, so the launcher hands it to V8 as read
  // (no 1 MB string concatenation to flatten); see scripts/launcher.cjs.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {" },
  footer: { js: "\n})" },
  charset: "ascii"
})
// The built-in Grep engine's worker thread (src/tools/search/parallelSearch.ts finds it beside the bundle).
await build({ ...common, entryPoints: ["src/tools/search/grepWorker.ts"], outfile: "dist/grep-worker.cjs", format: "cjs", minify: true })
// The launcher reads the bundle as latin1 (the cheapest string V8 can get from a file): that
// equals UTF-8 only while every byte is ASCII.
if ((await readFile("dist/letta-main.cjs")).some((byte) => byte > 0x7f)) throw new Error("dist/letta-main.cjs is not pure ASCII")
const launcher = await readFile("scripts/launcher.cjs", "utf8")
if (!launcher.includes("__LETTA_VERSION__")) throw new Error("scripts/launcher.cjs lost its version placeholder")
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

// Training runs for the code cache, one after another: each starts from the cache the one
// before wrote and adds what it compiled. A cold headless turn with a tool call (stream-json),
// then the warm turns the others take (`--continue`, json and text), so the cache covers what a
// turn compiles.
await rm("dist/letta-main.cjs.cache", { force: true })
const { FakeLettaServer } = await import(new URL("../dist/fake-server-lib.mjs", import.meta.url).href)
const server = await FakeLettaServer.start()
const sandbox = mkdtempSync(join(tmpdir(), "letta-build-"))
const project = join(sandbox, "project")
mkdirSync(project)
writeFileSync(join(project, "notes.txt"), "training\n")

/** One training run (asynchronous: the fake servers answer from this very process). */
const train = async (args, backendEnv = { LETTA_BASE_URL: server.url }) => {
  const env = { ...process.env, HOME: sandbox, LETTA_WRITE_CODE_CACHE: "1", ...backendEnv }
  for (const name of ["LETTA_BASE_URL", "LETTA_API_KEY"]) if (!(name in backendEnv)) delete env[name]
  const child = spawn(process.execPath, [join(process.cwd(), "dist/letta.js"), ...args], {
    cwd: project,
    env,
    stdio: ["ignore", "ignore", "pipe"]
  })
  let stderr = ""
  child.stderr.on("data", (chunk) => (stderr += chunk))
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
  const code = await new Promise((resolve) => child.on("close", resolve))
  clearTimeout(timer)
  if (code !== 0) throw new Error(`code cache training run ${args.join(" ")} failed (exit ${code}): ${stderr}`)
}

try {
  server.enqueue([{ toolCalls: [{ name: "Read", arguments: { file_path: "notes.txt" } }] }, { text: "ok" }])
  await train(["-p", "train", "--output-format", "stream-json"])
  await train(["-p", "train", "--continue", "--output-format", "json"])
  await train(["-p", "train", "--continue"])
  // The local backend's turns too (against the fake Chat Completions provider).
  const { FakeProvider } = await import(new URL("../dist/fake-provider-lib.mjs", import.meta.url).href)
  const provider = await FakeProvider.start("openai-chat", { models: ["train"] })
  try {
    provider.enqueue({ toolCalls: [{ name: "Read", arguments: { file_path: "notes.txt" } }] }, { text: "ok" }, { text: "ok" }, { text: "ok" })
    const local = { OLLAMA_HOST: provider.origin }
    await train(["-p", "train", "--model", "ollama/train", "--output-format", "stream-json", "--allowedTools", "Read"], local)
    await train(["-p", "train", "--continue", "--output-format", "json"], local)
    await train(["-p", "train", "--continue"], local)
  } finally {
    await provider.close()
  }
} finally {
  await server.close()
  rmSync(sandbox, { recursive: true, force: true })
}
