/**
 * Who owns a lock or a lease: a pid alone is not enough, since pids are reused. Where the
 * system tells a process's start time (Linux: /proc/<pid>/stat), the pid plus that time names
 * one process for good; elsewhere the pid is all we have.
 */
import { readFileSync } from "node:fs"
import { hostname } from "node:os"
import { pidExists } from "../../platform/processes.js"

export const THIS_HOST = hostname()

/** The start time of `pid` in clock ticks since boot, as text; undefined where unknown. */
export const processStartTime = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return fields[19]
  } catch {
    return undefined
  }
}

let ownStartTime: string | undefined | null = null

/** This process's start time, read once. */
export const thisProcessStartTime = (): string | undefined => {
  if (ownStartTime === null) ownStartTime = processStartTime(process.pid)
  return ownStartTime
}


export interface ProcessIdentity {
  readonly pid: number
  readonly host?: string | undefined
  readonly started?: string | undefined
}

/**
 * False only when the process is certainly gone: on this host, its pid is free, or the pid now
 * belongs to a process started at another time. Another host's process counts as alive.
 */
export const isAlive = (owner: ProcessIdentity): boolean => {
  if (owner.host !== undefined && owner.host !== THIS_HOST) return true
  if (owner.pid === process.pid) return owner.started === undefined || owner.started === thisProcessStartTime()
  if (!pidExists(owner.pid)) return false
  if (owner.started === undefined) return true
  const now = processStartTime(owner.pid)
  return now === undefined || now === owner.started
}

/** This process, for a lock or lease file. */
export const thisProcess = (): { readonly pid: number; readonly host: string; readonly started?: string } => {
  const started = thisProcessStartTime()
  return started === undefined ? { pid: process.pid, host: THIS_HOST } : { pid: process.pid, host: THIS_HOST, started }
}
