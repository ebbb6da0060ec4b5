import { build } from "esbuild"
const r = await build({ entryPoints: ["src/main.ts"], bundle: true, platform: "node", format: "esm", target: "node20", write: false, metafile: true, outfile: "dist/.meta.js", minifySyntax: true })
const inputs = r.metafile.outputs["dist/.meta.js"].inputs
const byPkg = {}
for (const [file, info] of Object.entries(inputs)) {
  const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  const key = m ? m[1] : file.split("/").slice(0,2).join("/")
  byPkg[key] = (byPkg[key] ?? 0) + info.bytesInOutput
}
console.log(Object.entries(byPkg).sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>`${(v/1024).toFixed(0)}K ${k}`).join("\n"))
