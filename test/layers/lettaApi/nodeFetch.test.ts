import { createServer as createHttpServer } from "node:http"
import { createServer as createTcpServer, type AddressInfo, type Server } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { nodeFetch } from "../../../src/layers/lettaApi/nodeFetch.js"

const servers: Array<Server | ReturnType<typeof createHttpServer>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

const listen = async <S extends Server | ReturnType<typeof createHttpServer>>(server: S): Promise<number> => {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return (server.address() as AddressInfo).port
}

describe("nodeFetch", () => {
  it("speaks plain HTTP to an http URL: status, headers and body", async () => {
    const port = await listen(
      createHttpServer((request, response) => {
        response.setHeader("x-seen", `${request.method} ${request.url} ${request.headers["authorization"]}`)
        response.end(JSON.stringify({ ok: true }))
      })
    )
    const response = await nodeFetch(`http://127.0.0.1:${port}/v1/agents?x=1`, { headers: { Authorization: "Bearer k" } })
    expect(response.status).toBe(200)
    expect(response.headers.get("x-seen")).toBe("GET /v1/agents?x=1 Bearer k")
    expect(await response.json()).toEqual({ ok: true })
  })

  it("speaks TLS to an https URL (loaded on first use): a plain TCP peer receives a TLS handshake", async () => {
    const firstBytes: Array<number> = []
    const port = await listen(
      createTcpServer((socket) => {
        socket.once("data", (data) => {
          firstBytes.push(data[0] ?? -1)
          socket.destroy()
        })
      })
    )
    const failure = await nodeFetch(`https://127.0.0.1:${port}/v1/agents`).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(TypeError)
    // 0x16: the TLS record type of a handshake (ClientHello).
    expect(firstBytes).toEqual([0x16])
  })
})
