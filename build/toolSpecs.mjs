// The tools' client_tools specs, generated at build time from the tool definitions themselves
// (src/layers/ToolsRegistry.ts) and baked into the main bundle as LETTA_TOOL_SPECS, which
// src/platform/toolSpecs.ts reads. Generating their JSON Schemas at start-up costs CPU on
// every run that loads the tools: measured, the tool registry loads ~2-3 ms faster with the
// baked specs (medians of 41 runs), and a warm headless turn takes ~5 ms less CPU (146 ms
// against 151 ms, medians of 31 interleaved runs). Returns the specs as JSON text, by tool name.
import { spawn } from "node:child_process"
import { rm } from "node:fs/promises"
import { build } from "esbuild"

export const generateToolSpecs = async (common) => {
  const script = "dist/.tool-specs.mjs"
  try {
    await build({
      ...common,
      stdin: {
        contents: [
          'import { allToolSpecs } from "./src/layers/ToolsRegistry.ts"',
          "process.stdout.write(JSON.stringify(Object.fromEntries(allToolSpecs().map((spec) => [spec.name, spec]))))"
        ].join("\n"),
        resolveDir: ".",
        loader: "ts"
      },
      format: "esm",
      packages: "external",
      outfile: script
    })
    const text = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] })
      let out = ""
      child.stdout.on("data", (chunk) => (out += chunk))
      child.on("error", reject)
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}`))))
    })
    if (Object.keys(JSON.parse(text)).length === 0) throw new Error("no tool specs generated")
    return text
  } finally {
    await rm(script, { force: true })
  }
}
