/** Sorting paths by modification time, newest first (ties by path), for Glob and Grep. */
import { statSync } from "node:fs"
import { nextTurn } from "./nextTurn.js"

/** Files stat'ed per turn of the event loop: synchronous stat is twice as fast as async here. */
const BATCH = 2_000

/** `paths` newest first; paths that vanished meanwhile sort last. */
export const sortByMtime = async (paths: ReadonlyArray<string>, signal?: AbortSignal): Promise<Array<string>> => {
  const times = new Map<string, number>()
  for (let start = 0; start < paths.length; start += BATCH) {
    if (start > 0) await nextTurn()
    if (signal?.aborted === true) break
    for (const path of paths.slice(start, start + BATCH)) {
      times.set(path, statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Number.NEGATIVE_INFINITY)
    }
  }
  return [...paths].sort((a, b) => {
    const difference = (times.get(b) ?? Number.NEGATIVE_INFINITY) - (times.get(a) ?? Number.NEGATIVE_INFINITY)
    if (difference !== 0 && !Number.isNaN(difference)) return difference
    return a < b ? -1 : a > b ? 1 : 0
  })
}
