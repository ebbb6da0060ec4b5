/**
 * Agent leases: a small file per process and agent under `~/.letta/leases/`, naming the
 * process (pid, host, start time) that works with the agent. Another process that finds the
 * agent waiting on tool calls reads them to tell a live session's calls (leave them alone)
 * from a crashed one's (answer them). A lease goes when its process exits; one left by a kill
 * is recognised as dead (and removed) by the next reader.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { isAlive, thisProcess } from "./processIdentity.js"

const LeaseContent = Schema.parseJson(
  Schema.Struct({
    pid: Schema.Int.pipe(Schema.positive()),
    host: Schema.optional(Schema.String),
    started: Schema.optional(Schema.String),
    agentId: Schema.String
  })
)
const decodeLease = Schema.decodeUnknownOption(LeaseContent)

/** A file name part from an agent id (ids are `agent-<uuid>`; anything else is made safe). */
const fileKey = (agentId: string): string => agentId.replace(/[^\w.-]/g, "_")

const held = new Set<string>()
let exitHook = false

const removeHeld = () => {
  for (const file of held) {
    try {
      unlinkSync(file)
    } catch {
      // Gone already.
    }
  }
  held.clear()
}

/**
 * Records that this process works with `agentId` until it exits. Best effort: a lease that
 * cannot be written (read-only home) only means other processes cannot see this one.
 */
export const holdLease = (dir: string, agentId: string): void => {
  const me = thisProcess()
  const file = join(dir, `${fileKey(agentId)}.${me.host.replace(/[^\w.-]/g, "_")}.${me.pid}.json`)
  if (held.has(file)) return
  try {
    mkdirSync(dir, { recursive: true })
    // Whole or not at all: a reader removes a lease it cannot read.
    const temp = `${file}.tmp`
    writeFileSync(temp, JSON.stringify({ ...me, agentId }))
    renameSync(temp, file)
    held.add(file)
    // Leases a kill left behind, for any agent, go on the way.
    for (const agent of listedAgents(dir)) if (agent !== agentId) otherHolders(dir, agent)
    if (!exitHook) {
      exitHook = true
      process.once("exit", removeHeld)
    }
  } catch {
    // See above.
  }
}

/** The agents the lease files in `dir` name (from their content). */
const listedAgents = (dir: string): ReadonlySet<string> => {
  const agents = new Set<string>()
  try {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".json")) continue
      try {
        const lease = decodeLease(readFileSync(join(dir, name), "utf8"))
        if (Option.isSome(lease)) agents.add(lease.value.agentId)
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    // No directory.
  }
  return agents
}

/** The pids of other live processes holding a lease on `agentId`; dead ones' leases are removed. */
export const otherHolders = (dir: string, agentId: string): ReadonlyArray<number> => {
  const prefix = `${fileKey(agentId)}.`
  let names: ReadonlyArray<string>
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const pids: Array<number> = []
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".json")) continue
    const file = join(dir, name)
    if (held.has(file)) continue
    let text: string
    try {
      text = readFileSync(file, "utf8")
    } catch {
      continue
    }
    const lease = decodeLease(text)
    if (Option.isSome(lease) && lease.value.agentId === agentId && isAlive(lease.value)) {
      if (lease.value.pid !== process.pid) pids.push(lease.value.pid)
      continue
    }
    try {
      unlinkSync(file)
    } catch {
      // Someone else cleaned it up.
    }
  }
  return pids
}
