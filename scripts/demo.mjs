// Offline demo: starts the scripted fake Letta server, then runs a real headless turn of the
// built `letta` in a temp project (the agent calls Bash `ls`), printing stream-json.
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"

const root = mkdtempSync(join(tmpdir(), "letta-demo-"))
const home = join(root, "home")
const project = join(root, "project")
mkdirSync(home)
mkdirSync(project)
writeFileSync(join(project, "README.md"), "# demo project\n")
writeFileSync(join(project, "index.js"), "console.log('hello')\n")

const server = spawn(process.execPath, ["dist/fake-server.mjs", "--script", "demo"], { stdio: ["ignore", "pipe", "inherit"] })
const stop = () => {
  server.kill("SIGTERM")
  rmSync(root, { recursive: true, force: true })
}

try {
  const { url } = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: server.stdout })
    lines.once("line", (line) => resolve(JSON.parse(line)))
    server.once("exit", (code) => reject(new Error(`fake server exited with ${code}`)))
  })
  const args = ["-p", "What is in this project?", "--output-format", "stream-json", "--allowedTools", "Bash"]
  process.stderr.write(`$ letta ${args.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" ")}\n`)
  process.stderr.write(`  (fake Letta server at ${url}, project ${project})\n\n`)
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "../dist/letta.js"), ...args], {
      cwd: project,
      env: { ...process.env, HOME: home, LETTA_BASE_URL: url, LETTA_API_KEY: "" },
      stdio: ["ignore", "inherit", "inherit"]
    })
    child.on("exit", (exitCode) => resolve(exitCode ?? 1))
  })
  process.stderr.write(`\nletta exited with code ${code}\n`)
  process.exitCode = code
} finally {
  stop()
}
