// A stdio MCP server for the tests: `node stdioServer.mjs [label] [--hang]`. With --hang it
// reads its stdin and never answers (a server that never completes the connect).
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js"
import { makeServer } from "./tools.mjs"

const label = process.argv[2] ?? "stdio"
if (process.argv.includes("--hang")) {
  process.stdin.resume()
  setInterval(() => {}, 1 << 30)
} else {
  process.stderr.write(`stdio test server ${label} up (pid ${process.pid})\n`)
  await makeServer(label).connect(new StdioServerTransport())
}
