import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { FileSystemNode } from "../../src/layers/FileSystemNode.js"

const dirs: Array<string> = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const run = <A, E>(effect: Effect.Effect<A, E, FileSystem.FileSystem>) => Effect.runPromise(Effect.provide(effect, FileSystemNode))

describe("FileSystemNode", () => {
  it("realPath follows symlinks in every component, as Node's realpath does", async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), "letta-fs-")))
    dirs.push(root)
    mkdirSync(join(root, "real", "sub"), { recursive: true })
    writeFileSync(join(root, "real", "sub", "file.txt"), "x")
    symlinkSync(join(root, "real"), join(root, "link"))
    symlinkSync("sub/file.txt", join(root, "real", "relative"))
    const realPath = (path: string) => run(Effect.flatMap(FileSystem.FileSystem, (fs) => fs.realPath(path)))
    expect(await realPath(join(root, "link", "sub", "file.txt"))).toBe(join(root, "real", "sub", "file.txt"))
    expect(await realPath(join(root, "link", "relative"))).toBe(join(root, "real", "sub", "file.txt"))
    expect(await realPath(`${root}//link/./sub/`)).toBe(join(root, "real", "sub"))
  })

  it("realPath of a missing path fails with NotFound; the other operations are the platform's", async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), "letta-fs-")))
    dirs.push(root)
    const error = await run(Effect.flip(Effect.flatMap(FileSystem.FileSystem, (fs) => fs.realPath(join(root, "missing")))))
    expect(error).toMatchObject({ _tag: "SystemError", reason: "NotFound", method: "realPath" })
    await run(Effect.flatMap(FileSystem.FileSystem, (fs) => fs.writeFileString(join(root, "a.txt"), "hello")))
    expect(await run(Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFileString(join(root, "a.txt"))))).toBe("hello")
  })
})
