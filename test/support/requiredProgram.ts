/**
 * Tests that need a program (tmux, ripgrep, a shell): on a developer's machine without it they
 * are skipped, but under CI (`CI=true`, where .ci/run installs them) a missing program fails the
 * run instead of letting the tests silently not run.
 */
import { execFileSync } from "node:child_process"
import { describe, it } from "vitest"

/** Whether `program` runs (`program versionFlag` exits 0). */
export const hasProgram = (program: string, versionFlag = "--version"): boolean => {
  try {
    execFileSync(program, [versionFlag], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

/** `describe` when `program` is available; otherwise skipped locally and one failing test under CI. */
export const describeNeeding = (program: string, available: boolean): typeof describe | ((name: string, body: () => void) => void) => {
  if (available) return describe
  if (process.env["CI"] !== "true") return describe.skip
  return (name: string) =>
    describe(name, () => {
      it(`needs ${program}`, () => {
        throw new Error(`${program} is not installed: under CI these tests must run (.ci/run installs it)`)
      })
    })
}
