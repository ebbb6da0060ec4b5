/** Types for the plain JavaScript MCP test server beside this file. */
import type { IncomingHttpHeaders } from "node:http"

export interface HttpMcpServer {
  /** `http://127.0.0.1:<port>`: `/mcp` is Streamable HTTP, `/sse` the older SSE transport. */
  readonly url: string
  /** The headers of every request, in arrival order. */
  readonly seenHeaders: ReadonlyArray<IncomingHttpHeaders>
  readonly close: () => Promise<void>
}

export declare const startHttpMcpServer: (options?: {
  readonly requireHeader?: { readonly name: string; readonly value: string }
}) => Promise<HttpMcpServer>
