/** Path tests that must not be fooled by spelling. */
import { isAbsolute, relative, resolve, sep } from "node:path"

/** Whether `child` is `parent` or inside it, compared by path segments, not string prefix. */
export const isInside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child)
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`))
}

/** Resolves `path` (absolute, or relative to `base`) and collapses `.` and `..`. */
export const absolutePath = (base: string, path: string): string => resolve(base, path)
