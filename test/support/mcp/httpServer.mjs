// Streamable HTTP and SSE MCP servers for the tests, in the test process, on 127.0.0.1:0.
import { createServer } from "node:http"
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"
import { makeServer } from "./tools.mjs"

/** Starts a server: `/mcp` is Streamable HTTP (stateless), `/sse` + `/messages` the older SSE. */
export const startHttpMcpServer = async (options = {}) => {
  const sse = new Map()
  const seenHeaders = []
  const http = createServer(async (req, res) => {
    seenHeaders.push(req.headers)
    if (options.requireHeader !== undefined && req.headers[options.requireHeader.name] !== options.requireHeader.value) {
      res.writeHead(401).end("unauthorized")
      return
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    try {
      if (url.pathname === "/mcp") {
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
        const server = makeServer("http")
        res.on("close", () => {
          transport.close()
          server.close()
        })
        await server.connect(transport)
        await transport.handleRequest(req, res)
      } else if (url.pathname === "/sse" && req.method === "GET") {
        const transport = new SSEServerTransport("/messages", res)
        sse.set(transport.sessionId, transport)
        res.on("close", () => sse.delete(transport.sessionId))
        await makeServer("sse").connect(transport)
      } else if (url.pathname === "/messages" && req.method === "POST") {
        const transport = sse.get(url.searchParams.get("sessionId") ?? "")
        if (transport === undefined) res.writeHead(404).end("no session")
        else await transport.handlePostMessage(req, res)
      } else res.writeHead(404).end()
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    }
  })
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve))
  const port = http.address().port
  return {
    url: `http://127.0.0.1:${port}`,
    seenHeaders,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      })
  }
}
