/**
 * A separate process that replaces a file the way Write does (bundled on the fly by
 * test/tools/fileKill.test.ts, which kills it mid-write): argv = target, size in MB.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import { writeTarget } from "../../src/tools/files.js"

const [target = "", megabytes = "1"] = process.argv.slice(2)

const program = Effect.gen(function* () {
  const fs = yield* FileSystem.FileSystem
  const info = yield* fs.stat(target)
  yield* writeTarget(target, new Uint8Array(Number(megabytes) * 1024 * 1024).fill(0x61), info)
})

Effect.runPromise(Effect.provide(program, NodeContext.layer)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
