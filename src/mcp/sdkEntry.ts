/**
 * Everything that touches the MCP SDK. In the build this file is its own bundle
 * (dist/letta-mcp.cjs, build/mcpBundle.mjs), loaded only when a session has MCP servers, so
 * runs without them never read the SDK. It speaks plain Promises; the Effect side is ./McpTools.ts.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js"
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js"
// Types only: this bundle must not carry the main bundle's Effect code.
import type { McpServerConfig, RemoteServer, StdioServer } from "./config.js"

const isRemote = (config: McpServerConfig): config is RemoteServer => config.type === "http" || config.type === "sse"

export interface RemoteTool {
  readonly name: string
  readonly description: string | undefined
  readonly inputSchema: unknown
}

export interface McpConnection {
  readonly tools: ReadonlyArray<RemoteTool>
  /** The raw `tools/call` result (validated by the caller). Rejects when the server fails or goes away. */
  readonly callTool: (name: string, args: Readonly<Record<string, unknown>>, signal: AbortSignal, timeoutMs: number) => Promise<unknown>
  /** Closes the session; a stdio server's whole process group is ended. */
  readonly close: () => Promise<void>
}

export interface ConnectOptions {
  readonly cwd: string
  /** Extra environment for stdio servers (on top of the process's). */
  readonly env: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly clientVersion: string
  /** A stdio server's pid (its process group), for the session's process cleanup. */
  readonly onSpawn: (pid: number) => void
  /** Gives up connecting (the session ended first): the server is stopped. */
  readonly signal?: AbortSignal
}

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * The SDK's StdioClientTransport cannot start the server in its own process group; this one
 * does (`detached`), so the server and anything it starts end together with the session.
 */
class GroupStdioTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void
  private child: ChildProcess | undefined
  private readonly buffer = new ReadBuffer()
  /** The end of the server's stderr, for the message when it fails. */
  stderrTail = ""

  constructor(
    private readonly config: { readonly command: string; readonly args: ReadonlyArray<string>; readonly env: Readonly<Record<string, string>> },
    private readonly cwd: string,
    private readonly onSpawn: (pid: number) => void
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.config.command, [...this.config.args], {
        cwd: this.cwd,
        env: { ...process.env, ...this.config.env },
        stdio: ["pipe", "pipe", "pipe"],
        detached: true,
        windowsHide: true
      })
      this.child = child
      child.once("error", (error) => {
        reject(error)
        this.onerror?.(error)
      })
      child.once("spawn", () => {
        if (child.pid !== undefined) this.onSpawn(child.pid)
        resolve()
      })
      child.once("close", () => {
        this.child = undefined
        this.onclose?.()
      })
      child.stdin?.on("error", (error) => this.onerror?.(error))
      child.stdout?.on("data", (chunk: Buffer) => {
        this.buffer.append(chunk)
        for (;;) {
          let message: JSONRPCMessage | null
          try {
            message = this.buffer.readMessage()
          } catch (error) {
            this.onerror?.(error instanceof Error ? error : new Error(String(error)))
            continue
          }
          if (message === null) break
          this.onmessage?.(message)
        }
      })
      child.stderr?.on("data", (chunk: Buffer) => {
        this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-2000)
      })
    })
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin
      if (stdin === undefined || stdin === null || stdin.destroyed) return reject(new Error("the server process has exited"))
      if (stdin.write(serializeMessage(message))) resolve()
      else stdin.once("drain", resolve)
    })
  }

  async close(): Promise<void> {
    const child = this.child
    if (child === undefined || child.pid === undefined) return
    const pid = child.pid
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()))
    child.stdin?.end()
    signalGroup(pid, "SIGTERM")
    const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())
    await Promise.race([closed, timer(1000)])
    // The group, even when the leader already left: its children may not have.
    signalGroup(pid, "SIGKILL")
  }
}

const withTimeout = <A>(promise: Promise<A>, ms: number, what: string, signal: AbortSignal | undefined): Promise<A> =>
  new Promise((resolve, reject) => {
    const abandon = () => reject(new Error("connecting was cancelled"))
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
    const settle = () => (clearTimeout(timer), signal?.removeEventListener("abort", abandon))
    if (signal?.aborted === true) abandon()
    signal?.addEventListener("abort", abandon, { once: true })
    promise.then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error))
    )
  })

/** Connects to one server and lists its tools, all within `timeoutMs`. */
export const connectMcp = async (config: McpServerConfig, options: ConnectOptions): Promise<McpConnection> => {
  let transport: Transport
  let stdio: GroupStdioTransport | undefined
  if (isRemote(config)) {
    const requestInit = config.headers === undefined ? undefined : { headers: { ...config.headers } }
    const url = new URL(config.url)
    // Both transports send requestInit's headers with every request, the SSE stream's included.
    const init = requestInit === undefined ? {} : { requestInit }
    transport = config.type === "http" ? new StreamableHTTPClientTransport(url, init) : new SSEClientTransport(url, init)
  } else {
    const server: StdioServer = config
    stdio = new GroupStdioTransport({ command: server.command, args: server.args ?? [], env: { ...options.env, ...server.env } }, options.cwd, options.onSpawn)
    transport = stdio
  }
  const client = new Client({ name: "letta", version: options.clientVersion }, { capabilities: {} })
  // A failure after connecting (the server died) rejects the pending calls; nothing to do here.
  client.onerror = () => {}
  const describe = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error)
    const tail = stdio?.stderrTail.trim() ?? ""
    return new Error(tail.length > 0 ? `${message} (stderr: ${tail.split("\n").slice(-3).join(" | ")})` : message)
  }
  try {
    const tools = await withTimeout(
      (async () => {
        await client.connect(transport, { timeout: options.timeoutMs })
        const all: Array<RemoteTool> = []
        let cursor: string | undefined
        do {
          const page = await client.listTools(cursor === undefined ? {} : { cursor }, { timeout: options.timeoutMs })
          for (const tool of page.tools) all.push({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema })
          cursor = page.nextCursor
        } while (cursor !== undefined && all.length < 1000)
        return all
      })(),
      options.timeoutMs,
      "the server",
      options.signal
    )
    return {
      tools,
      callTool: async (name, args, signal, timeoutMs) => {
        try {
          return await client.callTool({ name, arguments: { ...args } }, undefined, { signal, timeout: timeoutMs, resetTimeoutOnProgress: true })
        } catch (error) {
          throw describe(error)
        }
      },
      close: () => client.close().catch(() => {}).then(() => transport.close().catch(() => {}))
    }
  } catch (error) {
    await client.close().catch(() => {})
    await transport.close().catch(() => {})
    throw describe(error)
  }
}
