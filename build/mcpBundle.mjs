// The MCP SDK (with zod, ajv and its transports) is only needed by sessions that have MCP
// servers; loading it costs ~55 ms of CPU (dist/letta-mcp.cjs, ~325 kB, without a code cache). src/mcp/sdkEntry.ts, which holds every use of it, becomes its own CommonJS bundle,
// dist/letta-mcp.cjs; in the main bundle `import("./sdkEntry.js")` becomes a require of that
// file on first use, so runs without MCP servers never read it.
import { build } from "esbuild"

export const MCP_BUNDLE = "letta-mcp.cjs"

/** Builds dist/letta-mcp.cjs. */
export const buildMcpBundle = (common) =>
  build({ ...common, entryPoints: ["src/mcp/sdkEntry.ts"], outfile: `dist/${MCP_BUNDLE}`, format: "cjs", minify: true, charset: "ascii" })

/**
 * For the main bundle: the SDK entry becomes a module that requires the separate file beside it
 * (a real dynamic `import()` cannot run in the launcher's vm Script).
 */
export const mcpExternalPlugin = {
  name: "letta-mcp-external",
  setup(build) {
    build.onResolve({ filter: /^\.\/sdkEntry\.js$/ }, (args) =>
      /[\\/]src[\\/]mcp$/.test(args.resolveDir) ? { path: "sdkEntry", namespace: "letta-mcp" } : undefined
    )
    build.onResolve({ filter: new RegExp(`^\\./${MCP_BUNDLE.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: "letta-mcp" }, () => ({ contents: `module.exports = require("./${MCP_BUNDLE}");`, loader: "js" }))
  }
}
