/** Validation of the messages POST body (letta-api.md §5.2, §5.3); every failure is a 422. */
import { isRecord, validationError, type Json } from "./util.js"

export interface UserItem {
  readonly role: string
  readonly content: unknown
  readonly otid: string | null
}

export interface ApprovalItem {
  readonly otid: string | null
  /** Flattened entries: `{type:"approval",…}` and `{type:"tool",…}`, as the client sent them. */
  readonly entries: ReadonlyArray<Json>
}

export interface SendPlan {
  /** Set when the first item answers approvals; later non-message items are dropped. */
  readonly approval: ApprovalItem | null
  readonly userMessages: ReadonlyArray<UserItem>
  readonly streaming: boolean
  readonly tokens: boolean
  readonly includePings: boolean
  readonly background: boolean
  readonly maxSteps: number
  readonly clientTools: ReadonlyArray<Json> | null
  /** `include_return_message_types`: emitted message types (stop/usage/ping always go out); null = all. */
  readonly returnTypes: ReadonlySet<string> | null
}

const DEFAULT_MAX_STEPS = 50

const checkContent = (content: unknown, loc: ReadonlyArray<string | number>): void => {
  if (typeof content === "string") return
  if (!Array.isArray(content)) throw validationError(loc, "Input should be a valid string or list of content parts", content)
  content.forEach((part, i) => {
    if (!isRecord(part) || typeof part["type"] !== "string") {
      throw validationError([...loc, i], "Content part must be an object with a 'type'", part)
    }
    if (part["type"] === "text" && typeof part["text"] !== "string") {
      throw validationError([...loc, i, "text"], "Field required", part)
    }
  })
}

const otidOf = (item: Json): string | null => (typeof item["otid"] === "string" ? item["otid"] : null)

const approvalEntry = (entry: unknown, loc: ReadonlyArray<string | number>): Json => {
  if (!isRecord(entry)) throw validationError(loc, "Input should be a valid dictionary", entry)
  const type = entry["type"] ?? ("approve" in entry ? "approval" : "tool_return" in entry ? "tool" : undefined)
  if (typeof entry["tool_call_id"] !== "string") throw validationError([...loc, "tool_call_id"], "Field required", entry)
  if (type === "approval") {
    if (typeof entry["approve"] !== "boolean") throw validationError([...loc, "approve"], "Field required", entry)
    if (entry["reason"] !== undefined && entry["reason"] !== null && typeof entry["reason"] !== "string") {
      throw validationError([...loc, "reason"], "Input should be a valid string", entry["reason"])
    }
    return { ...entry, type }
  }
  if (type === "tool") {
    if (entry["status"] !== "success" && entry["status"] !== "error") {
      throw validationError([...loc, "status"], "Input should be 'success' or 'error'", entry["status"])
    }
    checkContent(entry["tool_return"], [...loc, "tool_return"])
    return { ...entry, type }
  }
  throw validationError([...loc, "type"], "Input tag does not match any of the expected tags: 'approval', 'tool'", type)
}

/** One item of `messages`: its inferred type (§5.3) and validated payload. */
const classify = (item: unknown, i: number): { kind: "message"; user: UserItem } | { kind: "approval"; approval: ApprovalItem } => {
  const loc = ["body", "messages", i]
  if (!isRecord(item)) throw validationError(loc, "Input should be a valid dictionary", item)
  const type = item["type"] ?? ("approve" in item || "approval_request_id" in item ? "approval" : "message")
  if (type === "message") {
    const role = item["role"]
    if (role !== "user" && role !== "system" && role !== "assistant") {
      throw validationError([...loc, "role"], "Input should be 'user', 'system' or 'assistant'", role)
    }
    if (!("content" in item)) throw validationError([...loc, "content"], "Field required", item)
    checkContent(item["content"], [...loc, "content"])
    return { kind: "message", user: { role, content: item["content"], otid: otidOf(item) } }
  }
  if (type === "approval") {
    const approvals = item["approvals"]
    if (Array.isArray(approvals)) {
      if (approvals.length === 0) throw validationError([...loc, "approvals"], "List should have at least 1 item", approvals)
      const entries = approvals.map((e, j) => approvalEntry(e, [...loc, "approvals", j]))
      return { kind: "approval", approval: { otid: otidOf(item), entries } }
    }
    if (typeof item["approval_request_id"] === "string" && typeof item["approve"] === "boolean") {
      const legacy: Json = {
        type: "approval",
        tool_call_id: item["approval_request_id"],
        approve: item["approve"],
        reason: typeof item["reason"] === "string" ? item["reason"] : null
      }
      return { kind: "approval", approval: { otid: otidOf(item), entries: [legacy] } }
    }
    throw validationError([...loc, "approvals"], "Field required", item)
  }
  if (type === "tool_return") {
    const returns = item["tool_returns"]
    if (!Array.isArray(returns) || returns.length === 0) {
      throw validationError([...loc, "tool_returns"], "List should have at least 1 item", returns)
    }
    const entries = returns.map((e, j) => {
      const entry = approvalEntry(isRecord(e) && e["type"] === undefined ? { ...e, type: "tool" } : e, [...loc, "tool_returns", j])
      if (entry["type"] !== "tool") throw validationError([...loc, "tool_returns", j, "type"], "Input should be 'tool'", entry["type"])
      return entry
    })
    return { kind: "approval", approval: { otid: otidOf(item), entries } }
  }
  throw validationError([...loc, "type"], "Input tag does not match any of the expected tags: 'message', 'approval', 'tool_return'", type)
}

const optionalBool = (body: Json, key: string): boolean | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== "boolean") throw validationError(["body", key], "Input should be a valid boolean", v)
  return v
}

export const parseSendBody = (body: unknown, alwaysStream: boolean): SendPlan => {
  if (!isRecord(body)) throw validationError(["body"], "Input should be a valid dictionary", body)
  const hasMessages = body["messages"] !== undefined && body["messages"] !== null
  const hasInput = body["input"] !== undefined && body["input"] !== null
  if (hasMessages === hasInput) {
    throw validationError(["body"], "Value error, Exactly one of 'messages' or 'input' must be provided", null)
  }
  let items: ReadonlyArray<ReturnType<typeof classify>>
  if (hasInput) {
    checkContent(body["input"], ["body", "input"])
    items = [{ kind: "message", user: { role: "user", content: body["input"], otid: null } }]
  } else {
    const messages = body["messages"]
    if (!Array.isArray(messages)) throw validationError(["body", "messages"], "Input should be a valid list", messages)
    if (messages.length === 0) throw validationError(["body", "messages"], "Value error, messages must not be empty", messages)
    items = messages.map(classify)
  }

  const streaming = alwaysStream || optionalBool(body, "streaming") === true
  const tokens = optionalBool(body, "stream_tokens") === true
  const background = optionalBool(body, "background") === true
  const pings = optionalBool(body, "include_pings")
  if (!streaming && tokens) throw validationError(["body"], "Value error, stream_tokens=True requires streaming=True", null)
  if (!streaming && background) throw validationError(["body"], "Value error, background=True requires streaming=True", null)
  if (!streaming && pings === false) throw validationError(["body"], "Value error, include_pings=False requires streaming=True", null)

  const rawMax = body["max_steps"]
  let maxSteps = DEFAULT_MAX_STEPS
  if (rawMax !== undefined && rawMax !== null) {
    if (typeof rawMax !== "number" || !Number.isInteger(rawMax) || rawMax < 1) {
      throw validationError(["body", "max_steps"], "Input should be a positive integer", rawMax)
    }
    maxSteps = rawMax
  }

  const rawTools = body["client_tools"]
  let clientTools: Json[] | null = null
  if (rawTools !== undefined && rawTools !== null) {
    if (!Array.isArray(rawTools)) throw validationError(["body", "client_tools"], "Input should be a valid list", rawTools)
    clientTools = rawTools.map((t, i) => {
      if (!isRecord(t) || typeof t["name"] !== "string") throw validationError(["body", "client_tools", i, "name"], "Field required", t)
      return t
    })
  }

  const rawTypes = body["include_return_message_types"]
  let returnTypes: Set<string> | null = null
  if (rawTypes !== undefined && rawTypes !== null) {
    if (!Array.isArray(rawTypes) || !rawTypes.every((t) => typeof t === "string")) {
      throw validationError(["body", "include_return_message_types"], "Input should be a valid list of message types", rawTypes)
    }
    returnTypes = new Set(rawTypes.filter((t): t is string => typeof t === "string"))
  }

  const first = items[0]
  const approval = first?.kind === "approval" ? first.approval : null
  const userMessages: UserItem[] = []
  for (const item of items) if (item.kind === "message") userMessages.push(item.user)
  return { approval, userMessages, streaming, tokens, includePings: pings ?? true, background, maxSteps, clientTools, returnTypes }
}
