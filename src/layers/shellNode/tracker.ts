/**
 * Every process the tools start, for ending them when the session ends. No cgroups: each command
 * is its own session and process group (`detached: true`), so its pid names both; processes that
 * left them (`setsid`, `setpgid`) and were orphaned are found by a marker in their environment;
 * children of a live member by their parent pid. The sweep reads /proc (Linux); elsewhere only
 * the process groups are signalled.
 */
import { readdirSync, readFileSync } from "node:fs"

/** Set in every tool process's environment; its value names this letta process. */
export const MARKER_VAR = "LETTA_TOOL_SESSION"
export const MARKER = `${process.pid}.${Date.now().toString(36)}`
const MARKER_ENTRY = `${MARKER_VAR}=${MARKER}`

interface Leader {
  /** Start time (clock ticks since boot) of the leader, to tell its session from a later one with a reused pid. */
  readonly startTicks: number | undefined
  /** A background job the user asked to keep: it and its session are left alone. */
  readonly keep: boolean
}

const leaders = new Map<number, Leader>()

interface Proc {
  readonly pid: number
  readonly ppid: number
  readonly sid: number
  readonly startTicks: number
  readonly zombie: boolean
}

const readStat = (pid: number | "self"): Proc | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "latin1")
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ")
    const self = Number(text.slice(0, text.indexOf(" ")))
    return { pid: self, ppid: Number(fields[1]), sid: Number(fields[3]), startTicks: Number(fields[19]), zombie: fields[0] === "Z" }
  } catch {
    return undefined
  }
}

const hasProc = (() => {
  let known: boolean | undefined
  return () => (known ??= readStat("self") !== undefined)
})()

/** Records a command's leader (its pid is its session and process group id). */
export const trackLeader = (pid: number, keep: boolean): void => {
  leaders.set(pid, { startTicks: hasProc() ? readStat(pid)?.startTicks : undefined, keep })
}

const carriesMarker = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(MARKER_ENTRY)
  } catch {
    return false
  }
}

/** The live processes the tools started that are not kept: pid and start time. */
const leftovers = (): Array<Proc> => {
  const self = readStat("self")
  if (self === undefined) return []
  const all: Array<Proc> = []
  for (const name of readdirSync("/proc")) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue
    const proc = readStat(Number(name))
    // Anything of ours started after this process; that also skips pid 1 and the kernel.
    if (proc !== undefined && proc.pid !== self.pid && proc.startTicks >= self.startTicks && !proc.zombie) all.push(proc)
  }
  const keptSids = new Set([...leaders].filter(([, leader]) => leader.keep).map(([pid]) => pid))
  const ours = new Set<number>()
  for (const proc of all) {
    if (keptSids.has(proc.sid)) continue
    const leader = leaders.get(proc.sid)
    const inSession = leader !== undefined && (leader.startTicks === undefined || proc.startTicks >= leader.startTicks)
    if (inSession || carriesMarker(proc.pid)) ours.add(proc.pid)
  }
  // Children of those (a `setsid` child whose parent still runs, after a cleared environment).
  let grew = true
  while (grew) {
    grew = false
    for (const proc of all) {
      if (!ours.has(proc.pid) && ours.has(proc.ppid) && !keptSids.has(proc.sid)) {
        ours.add(proc.pid)
        grew = true
      }
    }
  }
  return all.filter((proc) => ours.has(proc.pid))
}

const send = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(pid, signal)
  } catch {
    // Already gone.
  }
}

/** The processes still alive among `procs` (same pid and start time, not a zombie). */
const alive = (procs: ReadonlyArray<Proc>): Array<Proc> =>
  procs.filter((proc) => {
    const now = readStat(proc.pid)
    return now !== undefined && now.startTicks === proc.startTicks && !now.zombie
  })

const signalGroups = (signal: NodeJS.Signals): void => {
  for (const [pid, leader] of leaders) {
    if (leader.keep) continue
    try {
      process.kill(-pid, signal)
    } catch {
      // The group is gone.
    }
  }
}

/** SIGKILL to everything the tools started (except kept jobs), at once: process exit, a second Ctrl-C. */
export const killAllNow = (): void => {
  if (leaders.size === 0) return
  // With /proc, processes are signalled one by one: a finished command's group id may be reused.
  if (!hasProc()) signalGroups("SIGKILL")
  else for (const proc of leftovers()) send(proc.pid, "SIGKILL")
}

/**
 * SIGTERM to everything the tools started (except kept jobs), SIGKILL to what is left after
 * `graceMs`. Resolves once they are gone.
 */
export const endAll = async (graceMs: number): Promise<void> => {
  // No command ran: nothing to look for (and no /proc scan on every exit).
  if (leaders.size === 0) return
  if (!hasProc()) {
    // Without /proc there is no telling when they are gone: a short grace, then SIGKILL.
    signalGroups("SIGTERM")
    await new Promise((resolve) => setTimeout(resolve, Math.min(graceMs, 200)))
    signalGroups("SIGKILL")
    return
  }
  let procs = leftovers()
  if (procs.length === 0) return
  for (const proc of procs) send(proc.pid, "SIGTERM")
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    procs = alive(procs)
    if (procs.length === 0) return
  }
  for (const proc of procs) send(proc.pid, "SIGKILL")
}
