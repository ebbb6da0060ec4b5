/** Whether a process the test started is still running, for the "it ends with the session" checks. */
import { readFileSync } from "node:fs"

/** Alive and not a zombie (a zombie whose parent is gone may never be reaped by a container's init). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1")
    const state = stat.charAt(stat.lastIndexOf(")") + 2)
    return state !== "Z" && state !== "X"
  } catch {
    return false
  }
}
