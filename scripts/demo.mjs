// Offline demo of the local backend: no Letta server, no account, no network. A scripted model
// (the fake Chat Completions provider from test/support, served from this process) stands in for
// Ollama. Two real runs of the built `letta` in a temp project and HOME:
//   1. the agent reads README.md, writes what it learned into its `project` memory block, answers;
//   2. a NEW agent starts in the same project and answers from that memory: it was kept on disk;
//   3. the user corrects it, and a reflection pass (`--reflect`) files the correction in memory.
// Then `letta memory history project` shows the changes and who made them.
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"

const { FakeProvider } = await import(new URL("../dist/fake-provider-lib.mjs", import.meta.url).href)
const LETTA = join(import.meta.dirname, "../dist/letta.js")

const root = mkdtempSync(join(tmpdir(), "letta-demo-"))
const home = join(root, "home")
const project = join(root, "project")
mkdirSync(home)
mkdirSync(project)
writeFileSync(join(project, "README.md"), "# pancake\n\nA tiny CLI that stacks pancakes.\n\nRun the tests with `npm run test:unit`.\n")

const LEARNED = "Tests: npm run test:unit (from README.md)."
const provider = await FakeProvider.start("openai-chat", { models: ["demo-coder"] })
provider.enqueue(
  { reasoning: "I should look at the README first.", toolCalls: [{ name: "Read", arguments: { file_path: "README.md" } }] },
  { toolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: LEARNED } }] },
  { text: "This is **pancake**, a tiny CLI that stacks pancakes. I noted in my project memory how to run its tests: `npm run test:unit`." },
  // The second agent's answer comes from what it finds in its system prompt: the memory blocks.
  (request) => {
    const system = JSON.stringify(request.body.messages?.[0]?.content ?? "")
    const remembered = system.includes(LEARNED)
    return { text: remembered ? `From my project memory: ${LEARNED}` : "I don't know yet how to run the tests here." }
  },
  { text: "Got it: pnpm from now on." },
  // The reflection pass: a short-lived agent that reads the exchange and edits the shared memory.
  { toolCalls: [{ name: "memory_insert", arguments: { label: "project", new_string: "Use pnpm, not npm (the user's correction)." } }] },
  { text: "project: use pnpm" }
)

const env = { ...process.env, HOME: home, OLLAMA_HOST: provider.origin, NO_COLOR: "1" }
for (const name of Object.keys(env)) if (name.startsWith("LETTA_") || name.endsWith("_API_KEY")) delete env[name]

const show = (text) => process.stderr.write(text)

/** One run; stream-json lines are shown as a short readable log. */
const run = (args) =>
  new Promise((resolve) => {
    show(`\n$ letta ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}\n`)
    const child = spawn(process.execPath, [LETTA, ...args], { cwd: project, env, stdio: ["ignore", "pipe", "inherit"] })
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!args.includes("stream-json")) return show(`${line}\n`)
      const event = JSON.parse(line)
      if (event.type === "system") show(`  [${event.backend} backend, model ${event.model}, agent ${event.agent_id}]\n`)
      if (event.type === "auto_approval") show(`  ✓ ${event.tool_name} allowed by ${event.matched_rule}\n`)
      if (event.type === "tool_result") show(`  → ${event.tool_name}: ${event.status}\n`)
      if (event.type === "message" && event.message_type === "tool_return_message") show(`  → memory: ${event.tool_return.split("\n")[0]}\n`)
      if (event.type === "result") show(`\n${event.result}\n`)
    })
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve(code ?? 1)
    })
  })

let code = 1
try {
  code = await run(["-p", "What is this project, and how do I test it?", "--model", "ollama/demo-coder", "--output-format", "stream-json", "--allowedTools", "Read"])
  if (code === 0) code = await run(["-p", "How do I run the tests here?", "--model", "ollama/demo-coder", "--output-format", "stream-json"])
  if (code === 0) code = await run(["-p", "Use pnpm here, not npm.", "--continue", "--reflect"])
  if (code === 0) code = await run(["memory", "history", "project"])
  show(`\n(The agents, their memory and history are in ${join(home, ".letta", "local", "letta.db")}; run with your own model: see the README.)\n`)
} finally {
  await provider.close()
  rmSync(root, { recursive: true, force: true })
}
process.exitCode = code
