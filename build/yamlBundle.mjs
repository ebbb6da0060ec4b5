// The `yaml` parser (~115 kB minified) reads front-matter of skills and custom commands only. In
// dist/letta-main.cjs it would be parsed on every start-up, headless turns and `--version`
// included; so it goes to its own CommonJS bundle, dist/letta-yaml.cjs, and in the main bundle
// `import { parse } from "yaml"` reads from a lazy `require("./letta-yaml.cjs")` on first call
// (a plain require: the main bundle runs in a vm.Script, where `import()` fails). Tests run the
// package unmodified. Measured: loading dist/letta-yaml.cjs costs ~9 ms of CPU.
import { build } from "esbuild"

export const YAML_BUNDLE = "letta-yaml.cjs"

/** The names src/ imports from "yaml": each becomes a function that loads the bundle when called. */
const NAMES = ["parse", "stringify"]

export const yamlVendorPlugin = {
  name: "letta-yaml-vendor",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => ({ path: args.path, namespace: "letta-yaml" }))
    build.onResolve({ filter: /^\.\/letta-yaml\.cjs$/ }, (args) => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: "letta-yaml" }, () => ({
      contents: [
        "let vendor;",
        `const load = () => (vendor ??= require("./${YAML_BUNDLE}"));`,
        'Object.defineProperty(exports, "__esModule", { value: true });',
        ...NAMES.map((name) => `exports.${name} = (...args) => load().${name}(...args);`)
      ].join("\n"),
      loader: "js"
    }))
  }
}

/** Builds dist/letta-yaml.cjs. */
export const buildYamlBundle = (common) =>
  build({
    ...common,
    stdin: { contents: `export { ${NAMES.join(", ")} } from "yaml";`, resolveDir: process.cwd(), loader: "js" },
    outfile: `dist/${YAML_BUNDLE}`,
    format: "cjs",
    minify: true,
    charset: "ascii"
  })
