/** Writing small file trees for search tests. */
import { mkdir, symlink, utimes, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"

/**
 * Writes `files` (relative path -> content) under `root`. Modification times are spread one
 * minute apart in the order given, the first being the oldest, so mtime order is predictable.
 */
export const writeTree = async (root: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> => {
  const base = Date.UTC(2024, 0, 1) / 1000
  let index = 0
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content)
    const time = base + 60 * index++
    await utimes(path, time, time)
  }
}

export const link = async (root: string, target: string, name: string): Promise<void> => {
  await symlink(join(root, target), join(root, name))
}
