// The terminal UI's libraries (ink 6, react 19, marked + marked-terminal with its code
// highlighter, jsdiff for the approval dialog) are ~1 MB minified and ~120 ms of CPU to load:
// inside dist/letta-main.cjs they would slow every start-up, headless ones included (a bigger
// script and code cache to load). So they go to their own CommonJS bundle, dist/letta-tui.cjs,
// which the main bundle requires only when interactive mode first uses it
// (src/platform/terminalUi.ts): in the main bundle, `import … from "ink"` (and react, react/jsx-runtime,
// marked, marked-terminal, diff) reads from a lazy `require("./letta-tui.cjs").ink`. One copy of
// React serves ink and our components. Tests run the packages unmodified; this is for the
// bundles only.
//
// The vendor bundle also needs:
// - React's production build (the development build is slower and larger);
// - no top-level await, which a CommonJS bundle cannot hold. Two modules use it:
//   * yoga-layout's entry awaits its WebAssembly module. It is replaced by an object filled in
//     once the module has loaded; the promise is published on
//     globalThis[Symbol.for("letta.yoga.ready")] and interactive mode awaits it before it
//     renders (src/platform/layoutEngine.ts);
//   * ink's reconciler awaits React devtools when DEV=true; that branch is dropped;
// - a smaller highlight.js (the languages agents write most, not all ~190): measured, the
//   vendor bundle is 1.0 MB instead of 1.9 MB and loads with ~50 ms less CPU;
// - yoga's loader tries `fetch` on its embedded base64 data URL when a global fetch exists,
//   which loads undici; in the bundle it decodes the bytes itself. Measured, the vendor bundle
//   is ready (yoga loaded) with ~40 ms less CPU and ~4 MiB less memory.
// (Medians of 15 interleaved runs of loading dist/letta-tui.cjs until yoga is ready.)
// Each patch checks that the text it replaces is still there, so an upgrade that changes these
// files fails the build instead of shipping a broken bundle.
import { createRequire } from "node:module"
import { join } from "node:path"
import { build } from "esbuild"
import { replaceOnce, sourcePatchPlugin } from "./sourcePatches.mjs"

export const TUI_BUNDLE = "letta-tui.cjs"

/** Import specifier → the name it is exported under from the vendor bundle. */
const VENDORED = {
  ink: "ink",
  react: "react",
  "react/jsx-runtime": "jsxRuntime",
  marked: "marked",
  "marked-terminal": "markedTerminal",
  diff: "diff",
  // The same chalk instance Ink draws with: the theme reads its colour level (theme.ts).
  chalk: "chalk"
}

const patches = [
  {
    filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    patch: (text, file) =>
      replaceOnce(
        text,
        "const Yoga = wrapAssembly(await loadYoga());",
        [
          "import YGEnums from './generated/YGEnums.js';",
          "const Yoga = { ...YGEnums };",
          'globalThis[Symbol.for("letta.yoga.ready")] = loadYoga().then((lib) => { Object.assign(Yoga, wrapAssembly(lib)); });'
        ].join("\n"),
        file
      )
  },
  {
    filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    patch: (text) => `var fetch = undefined;\n${text}`
  },
  {
    filter: /ink[\\/]build[\\/]reconciler\.js$/,
    patch: (text, file) => {
      const devtools = /if \(isDev\(\)\) \{\n\s+try \{\n\s+await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/
      if (!devtools.test(text)) throw new Error(`tuiBundle: ${file} changed; cannot find the devtools import`)
      const loader = /async function loadPackageJson\(\) \{[\s\S]*?\n\}\nconst packageJson = isDev\(\)\n\s+\? await loadPackageJson\(\)\n\s+: \{ name: undefined, version: undefined \};/
      const withoutDevtools = text.replace(devtools, "")
      if (!loader.test(withoutDevtools)) throw new Error(`tuiBundle: ${file} changed; cannot find loadPackageJson`)
      return withoutDevtools.replace(loader, "const packageJson = { name: undefined, version: undefined };")
    }
  }
]

/**
 * marked-terminal highlights code blocks with highlight.js, whose entry registers ~190
 * languages (~50 ms more CPU to load, see above). The bundle gets the languages agents write most.
 */
const HIGHLIGHT_LANGUAGES = [
  "bash", "c", "cpp", "csharp", "css", "diff", "dockerfile", "go", "ini", "java", "javascript", "json", "kotlin",
  "makefile", "markdown", "php", "plaintext", "python", "ruby", "rust", "scss", "shell", "sql", "swift", "typescript",
  "xml", "yaml"
]

const highlightPlugin = {
  name: "letta-highlight-subset",
  setup(build) {
    build.onResolve({ filter: /^highlight\.js$/ }, (args) => ({ path: "highlight.js", namespace: "letta-highlight", pluginData: args.resolveDir }))
    build.onLoad({ filter: /.*/, namespace: "letta-highlight" }, (args) => ({
      contents: [
        'const hljs = require("highlight.js/lib/core");',
        ...HIGHLIGHT_LANGUAGES.map((name) => `hljs.registerLanguage(${JSON.stringify(name)}, require(${JSON.stringify(`highlight.js/lib/languages/${name}`)}));`),
        "module.exports = hljs;"
      ].join("\n"),
      resolveDir: args.pluginData,
      loader: "js"
    }))
  }
}

const patchPlugin = sourcePatchPlugin("letta-tui-patches", patches)

/**
 * In the main bundle, each vendored package is a small module whose exports are getters: the
 * vendor bundle is required on the first use of any of them, not when the module is evaluated.
 * So the interactive program can be part of the main bundle's static graph (no lazy wrappers,
 * which would make esbuild wrap and keep every module that graph shares with headless mode),
 * and headless start-up still never loads ink or react. `exportsOf` lists each package's names.
 */
const vendorPlugin = (exportsOf) => ({
  name: "letta-tui-vendor",
  setup(build) {
    const names = Object.keys(VENDORED).map((name) => name.replace(/[/-]/g, "\\$&"))
    build.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({ path: args.path, namespace: "letta-tui" }))
    build.onResolve({ filter: new RegExp(`^\\./${TUI_BUNDLE.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: "letta-tui" }, (args) => {
      const key = VENDORED[args.path]
      return {
        contents: [
          "let vendor;",
          `const load = () => (vendor ??= require("./${TUI_BUNDLE}")[${JSON.stringify(key)}]);`,
          'Object.defineProperty(exports, "__esModule", { value: true });',
          ...exportsOf(key).map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`)
        ].join("\n"),
        loader: "js"
      }
    })
  }
})

/**
 * Options merged into the main bundle's build (after `buildTuiBundle`): JSX, and the TUI
 * libraries left to the vendor bundle.
 */
export const mainBundleOptions = () => {
  const vendor = createRequire(import.meta.url)(join(process.cwd(), "dist", TUI_BUNDLE))
  const exportsOf = (key) => Object.keys(vendor[key]).filter((name) => name !== "default" && name !== "__esModule")
  return { jsx: "automatic", plugins: [vendorPlugin(exportsOf)] }
}

/** Builds dist/letta-tui.cjs. */
export const buildTuiBundle = (common) =>
  build({
    ...common,
    stdin: {
      contents: Object.entries(VENDORED)
        .map(([specifier, name]) => `export * as ${name} from ${JSON.stringify(specifier)};`)
        .join("\n"),
      resolveDir: process.cwd(),
      loader: "js"
    },
    outfile: `dist/${TUI_BUNDLE}`,
    format: "cjs",
    minify: true,
    external: ["react-devtools-core"],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [patchPlugin, highlightPlugin]
  })
