/** A server that answers, but not as a Letta server does (a web page where JSON or SSE belongs). */
import { ApiError } from "../../domain/errors.js"

export const NOT_LETTA_SERVER = "not_letta_server"

export const notLettaServer = (operation: string, what: string, streamStarted: boolean): ApiError =>
  new ApiError({ kind: "protocol", operation, code: NOT_LETTA_SERVER, detail: `it answered with ${what}`, streamStarted })
