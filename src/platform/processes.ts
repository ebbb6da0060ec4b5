/** Whether a process still exists, for the locks, leases and temp files that name their owner's pid. */

/** Signal 0 probes a pid: ESRCH means gone, EPERM means alive under another user. */
export const pidExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return !(error instanceof Error && "code" in error && error.code === "ESRCH")
  }
}
