/** A fresh project folder and home folder under one temporary root for each test, removed after it. */
import { mkdir, mkdtemp, realpath, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach } from "vitest"

export interface TempWorkspace {
  readonly root: string
  readonly project: string
  readonly home: string
}

export const useTempWorkspace = (prefix: string, onEach: (dirs: TempWorkspace) => void): void => {
  let root: string | undefined
  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), prefix)))
    const dirs = { root, project: join(root, "project"), home: join(root, "home") }
    await mkdir(dirs.project)
    await mkdir(dirs.home)
    onEach(dirs)
  })
  afterEach(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true })
  })
}
