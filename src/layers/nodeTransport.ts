/**
 * node:http / node:https with keep-alive agents, shared by the Letta SDK's fetch and the model
 * providers' HttpClient: a run's requests reuse one connection. node:https (with TLS) costs
 * ~5 ms to load, so it loads on the first https request only.
 */
import { Agent as HttpAgent, request as httpRequest } from "node:http"
import { loadBuiltin } from "../platform/builtins.js"

export interface Transport {
  readonly request: typeof httpRequest
  readonly agent: HttpAgent
}

const http: Transport = { request: httpRequest, agent: new HttpAgent({ keepAlive: true }) }
let https: Transport | undefined

export const transportFor = (url: URL): Transport => {
  if (url.protocol !== "https:") return http
  if (https === undefined) {
    const module = loadBuiltin<typeof import("node:https")>("node:https")
    https = { request: module.request, agent: new module.Agent({ keepAlive: true }) }
  }
  return https
}
