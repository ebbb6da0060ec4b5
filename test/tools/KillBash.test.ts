import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Bash } from "../../src/tools/Bash.js"
import { BashOutput } from "../../src/tools/BashOutput.js"
import { KillBash } from "../../src/tools/KillBash.js"
import { decodeError, isAlive, runTool, sessionLayer, useTempDir, waitForEnd } from "../support/toolHarness.js"

const temp = useTempDir("letta-killbash-")

const pidIn = (file: string) =>
  Effect.promise(async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const text = await readFile(file, "utf8").catch(() => "")
      if (text.trim() !== "") return Number(text.trim())
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error("no pid")
  })

describe("KillBash tool", () => {
  it.live("kills a running command with everything it started", () =>
    Effect.gen(function* () {
      const pidFile = join(temp.path(), "pid")
      yield* runTool(Bash, { command: `echo up; sleep 60 & echo $! > ${pidFile}; wait`, run_in_background: true })
      const grandchild = yield* pidIn(pidFile)
      expect(yield* runTool(KillBash, { shell_id: "bash_1" })).toEqual({
        status: "success",
        text: "Killed bash_1. [bash_1: killed]"
      })
      for (let attempt = 0; attempt < 40 && isAlive(grandchild); attempt++) yield* Effect.sleep("25 millis")
      expect(isAlive(grandchild)).toBe(false)
      expect((yield* runTool(BashOutput, { bash_id: "bash_1" })).text).toBe("up\n[bash_1: killed]")
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("says when the command had already ended", () =>
    Effect.gen(function* () {
      yield* runTool(Bash, { command: "exit 0", run_in_background: true })
      yield* waitForEnd("bash_1")
      yield* Effect.sleep("50 millis")
      expect(yield* runTool(KillBash, { shell_id: "bash_1" })).toEqual({
        status: "success",
        text: "bash_1 had already ended; nothing to kill. [bash_1: exited with code 0]"
      })
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("explains an unknown id", () =>
    Effect.gen(function* () {
      expect(yield* runTool(KillBash, { shell_id: "bash_4" })).toEqual({
        status: "error",
        text: 'No background command with ID "bash_4": none has been started in this session.'
      })
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it("validates its arguments and is not read-only", () => {
    expect(decodeError(KillBash, { bash_id: "bash_1" })).toBe(
      "shell_id is missing; bash_id is not a parameter (expected: shell_id)"
    )
    expect(KillBash.readOnly).toBe(false)
  })
})
