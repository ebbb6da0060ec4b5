import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Bash } from "../../src/tools/Bash.js"
import { BashOutput } from "../../src/tools/BashOutput.js"
import { decodeError, runTool, sessionLayer, useTempDir, waitForEnd } from "../support/toolHarness.js"

const temp = useTempDir("letta-bashoutput-")

const start = (command: string) => runTool(Bash, { command, run_in_background: true })

describe("BashOutput tool", () => {
  it.live("returns the new output, then only what is new, with the status", () =>
    Effect.gen(function* () {
      yield* start("echo hello; echo oops >&2")
      yield* waitForEnd("bash_1")
      expect(yield* runTool(BashOutput, { bash_id: "bash_1" })).toEqual({
        status: "success",
        text: "hello\noops\n[bash_1: exited with code 0]"
      })
      expect(yield* runTool(BashOutput, { bash_id: "bash_1" })).toEqual({
        status: "success",
        text: "(no new output)\n[bash_1: exited with code 0]"
      })
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("reports running jobs, exit codes and signals", () =>
    Effect.gen(function* () {
      yield* start("sleep 5")
      yield* start("exit 7")
      yield* start("kill -TERM $$")
      expect((yield* runTool(BashOutput, { bash_id: "bash_1" })).text).toBe("(no new output)\n[bash_1: running]")
      yield* waitForEnd("bash_2")
      yield* waitForEnd("bash_3")
      expect((yield* runTool(BashOutput, { bash_id: "bash_2" })).text).toBe("(no new output)\n[bash_2: exited with code 7]")
      expect((yield* runTool(BashOutput, { bash_id: "bash_3" })).text).toBe("(no new output)\n[bash_3: ended by signal SIGTERM]")
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("filters lines with a regular expression; the others are consumed", () =>
    Effect.gen(function* () {
      yield* start("printf 'ok 1\\nerror: a\\nok 2\\nERROR b\\n'")
      yield* waitForEnd("bash_1")
      expect((yield* runTool(BashOutput, { bash_id: "bash_1", filter: "^(error|ERROR)" })).text).toBe(
        "error: a\nERROR b\n[2 new lines did not match the filter]\n[bash_1: exited with code 0]"
      )
      expect((yield* runTool(BashOutput, { bash_id: "bash_1", filter: "ok" })).text).toBe(
        "(no new lines matching the filter)\n[bash_1: exited with code 0]"
      )
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("caps each answer at 30000 characters and keeps the rest for the next call", () =>
    Effect.gen(function* () {
      yield* start("head -c 45000 /dev/zero | tr '\\0' a")
      yield* waitForEnd("bash_1")
      const first = yield* runTool(BashOutput, { bash_id: "bash_1" })
      expect(first.text).toBe(
        `${"a".repeat(30_000)}\n[output cut at 30000 characters: 15000 more characters are waiting; call BashOutput again to read them]\n[bash_1: exited with code 0]`
      )
      const second = yield* runTool(BashOutput, { bash_id: "bash_1" })
      expect(second.text).toBe(`${"a".repeat(15_000)}\n[bash_1: exited with code 0]`)
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("says how much unread output was dropped from the buffer", () =>
    Effect.gen(function* () {
      yield* start("head -c 1100000 /dev/zero | tr '\\0' b")
      yield* waitForEnd("bash_1")
      yield* Effect.sleep("50 millis")
      const output = yield* runTool(BashOutput, { bash_id: "bash_1" })
      expect(output.text.startsWith(
        "[100000 characters of earlier output were dropped unread: at most 1000000 unread characters are kept]\nbbb"
      )).toBe(true)
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it.live("explains unknown ids and invalid filters", () =>
    Effect.gen(function* () {
      expect(yield* runTool(BashOutput, { bash_id: "bash_1" })).toEqual({
        status: "error",
        text: 'No background command with ID "bash_1": none has been started in this session.'
      })
      yield* start("true")
      yield* start("true")
      expect(yield* runTool(BashOutput, { bash_id: "shell_3" })).toEqual({
        status: "error",
        text: 'No background command with ID "shell_3". Known IDs: bash_1, bash_2.'
      })
      const invalid = yield* runTool(BashOutput, { bash_id: "bash_1", filter: "[a-" })
      expect(invalid.status).toBe("error")
      expect(invalid.text).toMatch(/^Invalid filter: "\[a-" is not a valid regular expression \(.+\)\.$/)
    }).pipe(Effect.provide(sessionLayer(temp.path()))))

  it("validates its arguments", () => {
    expect(decodeError(BashOutput, {})).toBe("bash_id is missing")
    expect(decodeError(BashOutput, { bash_id: "bash_1", filter: 3 })).toBe("filter: expected string, actual 3")
    expect(BashOutput.readOnly).toBe(true)
  })
})
