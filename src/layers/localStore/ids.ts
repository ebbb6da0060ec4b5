/** Ids shaped like Letta's: `agent-<uuid4>`, `block-…`, `message-…`, `run-…`. */
import { randomUUID } from "node:crypto"

export const newId = (prefix: "agent" | "block" | "message" | "run" | "step" | "ping"): string => `${prefix}-${randomUUID()}`

export const newUuid = (): string => randomUUID()
