/**
 * CLI entry of the fake Letta server (bundled to dist/fake-server.mjs):
 *   node dist/fake-server.mjs [--port N] [--script demo|echo] [--api-key K]
 * Prints one JSON line {"url":"http://127.0.0.1:PORT"} and runs until SIGTERM/SIGINT.
 */
import { FakeLettaServer, type FakeServerOptions, type ScriptTurn } from "./fakeServer.js"

const textOf = (value: unknown): string => {
  if (typeof value === "string") return value
  if (!Array.isArray(value)) return ""
  return value.map((p) => (p !== null && typeof p === "object" && "text" in p && typeof p.text === "string" ? p.text : "")).join("")
}

/** Every user message: look around with `ls`, then summarise what came back. */
const demoTurn = (): ScriptTurn => [
  {
    reasoning: "The user wants to know about this project; let me look around.",
    text: "Let me look at the project.",
    toolCalls: [{ name: "Bash", arguments: { command: "ls" } }]
  },
  ({ approvals }) => {
    const answer = approvals[0]
    let summary: string
    if (answer !== undefined && answer["type"] === "tool") {
      const output = textOf(answer["tool_return"]).slice(0, 200)
      summary = `It printed:\n${output}\n`
    } else {
      const reason = answer !== undefined && typeof answer["reason"] === "string" ? answer["reason"] : "no result"
      summary = `The command did not run (${reason}). `
    }
    return { text: `I ran \`ls\` for you. ${summary}Done.` }
  }
]

const parseArgs = (argv: ReadonlyArray<string>): { port: number; script: string; apiKey: string | undefined } => {
  let port = 0
  let script = "echo"
  let apiKey: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === "--port" && value !== undefined) {
      port = Number(value)
      i++
    } else if (arg === "--script" && value !== undefined) {
      script = value
      i++
    } else if (arg === "--api-key" && value !== undefined) {
      apiKey = value
      i++
    } else {
      throw new Error(`Unknown argument: ${arg ?? ""}`)
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${port}`)
  if (script !== "demo" && script !== "echo") throw new Error(`Unknown --script: ${script} (expected demo or echo)`)
  return { port, script, apiKey }
}

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const options: FakeServerOptions = {
    port: args.port,
    ...(args.apiKey !== undefined ? { apiKey: args.apiKey } : {}),
    ...(args.script === "demo" ? { defaultTurn: demoTurn } : {})
  }
  const server = await FakeLettaServer.start(options)
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
  let closing = false
  const stop = (): void => {
    if (closing) return
    closing = true
    void server.close().then(() => process.exit(0))
  }
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`fake-server: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(2)
})
