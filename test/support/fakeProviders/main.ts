/**
 * CLI of the fake provider servers (bundled to dist/fake-provider.mjs):
 *   node dist/fake-provider.mjs --kind openai-chat|openai-responses|anthropic [--script NAME]
 *                               [--models a,b] [--context-window N]
 * Queues the named script from ./scripts.ts (default `demo`), prints one JSON line
 * {"url": baseUrl, "origin": origin} and serves until SIGTERM/SIGINT.
 */
import { FakeProvider } from "./server.js"
import { SCRIPTS } from "./scripts.js"
import type { FakeProviderOptions, ProviderKind } from "./types.js"

const KINDS: ReadonlyArray<ProviderKind> = ["openai-chat", "openai-responses", "anthropic"]

interface Args {
  readonly kind: ProviderKind
  readonly script: string
  readonly options: FakeProviderOptions
}

const parseArgs = (argv: ReadonlyArray<string>): Args => {
  let kind: ProviderKind | undefined
  let script = "demo"
  let models: ReadonlyArray<string> | undefined
  let contextWindow: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (value === undefined) throw new Error(`Missing value for ${arg ?? ""}`)
    if (arg === "--kind") {
      const found = KINDS.find((k) => k === value)
      if (found === undefined) throw new Error(`Unknown --kind: ${value} (expected ${KINDS.join(", ")})`)
      kind = found
    } else if (arg === "--script") {
      if (SCRIPTS[value] === undefined) throw new Error(`Unknown --script: ${value} (known: ${Object.keys(SCRIPTS).join(", ")})`)
      script = value
    } else if (arg === "--models") {
      models = value.split(",").filter((m) => m !== "")
    } else if (arg === "--context-window") {
      contextWindow = Number(value)
      if (!Number.isInteger(contextWindow) || contextWindow <= 0) throw new Error(`Invalid --context-window: ${value}`)
    } else {
      throw new Error(`Unknown argument: ${arg ?? ""}`)
    }
    i++
  }
  if (kind === undefined) throw new Error(`--kind is required (${KINDS.join(", ")})`)
  return {
    kind,
    script,
    options: { ...(models === undefined ? {} : { models }), ...(contextWindow === undefined ? {} : { contextWindow }) }
  }
}

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const provider = await FakeProvider.start(args.kind, args.options)
  provider.enqueue(...(SCRIPTS[args.script] ?? []))
  process.stdout.write(`${JSON.stringify({ url: provider.baseUrl, origin: provider.origin })}\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void provider.close().then(() => process.exit(0))
  }
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`fake-provider: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(2)
})
