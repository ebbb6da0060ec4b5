/**
 * How a program path names a program: `/usr/bin/curl` is `curl`, `./curl` is another program.
 * Allow rules compare the system-normalised name; deny rules also compare the base name.
 */
import { posix } from "node:path"

const SYSTEM_DIRS = new Set(["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/opt/homebrew/bin"])

/**
 * `/usr/bin/curl` → `curl`: a program in a system directory is the program of that name.
 * Other paths (`./curl`, `/tmp/x/curl`) stay as written: they are different programs.
 */
export const systemProgram = (text: string): string => {
  if (!text.startsWith("/")) return text
  const normal = posix.normalize(text)
  const dir = posix.dirname(normal)
  const base = posix.basename(normal)
  return SYSTEM_DIRS.has(dir) && base.length > 0 ? base : text
}

/** The base name of any program path, for deny rules (`./x/rm` → `rm`). */
export const programBaseName = (text: string): string => {
  const base = posix.basename(text)
  return base.length > 0 ? base : text
}
