import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { BlockInfo } from "../../../src/domain/letta.js"
import type { PermissionDecision } from "../../../src/domain/permissions.js"
import { type AllSettings, serverKey, withLocalBlockIds } from "../../../src/domain/settings.js"
import {
  capOutput,
  makeInputExtras,
  parseSpecial,
  runShell,
  shellContext,
  shellOutputLines
} from "../../../src/programs/interactive/shellMode.js"
import { ShellNode } from "../../../src/layers/ShellNode.js"
import { rememberPrompt } from "../../../src/programs/learning/remember.js"
import { makeUiStore, type UiStore } from "../../../src/programs/interactive/store.js"
import { LettaApi, type LettaApiShape } from "../../../src/services/LettaApi.js"
import { PermissionPolicy } from "../../../src/services/PermissionPolicy.js"
import { Settings, type SettingsShape } from "../../../src/services/Settings.js"

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "letta-shell-"))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const BASE = "http://fake.test"

const services = (options: { readonly decide?: (command: string) => PermissionDecision; readonly blocks?: Map<string, BlockInfo>; readonly projectBlock?: string }) => {
  const blocks = options.blocks ?? new Map<string, BlockInfo>()
  const settings: AllSettings = {
    user: {},
    project: options.projectBlock === undefined ? {} : withLocalBlockIds({}, serverKey(BASE), { project: options.projectBlock }),
    local: {}
  }
  const api = {
    baseUrl: BASE,
    retrieveBlock: (id: string) => Effect.succeed(blocks.get(id)!),
    updateBlockValue: (id: string, value: string) =>
      Effect.sync(() => {
        const block = { ...blocks.get(id)!, value }
        blocks.set(id, block)
        return block
      })
  } as unknown as LettaApiShape
  const store = { load: Effect.succeed(settings) } as unknown as SettingsShape
  return {
    settings,
    layer: Layer.mergeAll(
      Layer.succeed(LettaApi, api),
      Layer.succeed(Settings, store),
      Layer.succeed(PermissionPolicy, {
        mode: Effect.succeed("default" as const),
        setMode: () => Effect.void,
        decide: ({ args }) => Effect.succeed(options.decide?.(String(args?.["command"] ?? "")) ?? { _tag: "Ask", decidedBy: "default: needs approval" }),
        addSessionRule: () => Effect.void,
        searchFilter: () => Effect.succeed(undefined)
      })
    )
  }
}

const texts = (ui: UiStore): Array<string> =>
  ui.getSnapshot().staticItems.flatMap((item) =>
    item.kind === "notice" ? [item.text] : item.kind === "panel" ? item.lines.map((line) => `${line.prefix ?? ""}${line.text}`) : []
  )

describe("! and # input", () => {
  it("parses ! and # only at the very start", () => {
    expect(parseSpecial("!ls -la")).toEqual({ _tag: "Shell", command: "ls -la" })
    expect(parseSpecial("# use pnpm")).toEqual({ _tag: "Memory", line: "use pnpm" })
    expect(parseSpecial("say !hi")).toBeUndefined()
    expect(parseSpecial("!")).toBeUndefined()
    expect(parseSpecial("#  ")).toBeUndefined()
  })

  it("runs a command in the directory, stdout and stderr together", async () => {
    const result = await Effect.runPromise(runShell("pwd; echo oops >&2; exit 3", root).pipe(Effect.provide(ShellNode)))
    expect(result.output).toContain(root)
    expect(result.output).toContain("oops")
    expect(result.exitCode).toBe(3)
    expect(shellOutputLines(result).at(-1)?.text).toBe("Exit code 3")
  })

  it("stops a command when interrupted, and times out", async () => {
    const started = Date.now()
    const fiber = Effect.runFork(runShell("sleep 30", root).pipe(Effect.provide(ShellNode)))
    await new Promise((resolve) => setTimeout(resolve, 100))
    await Effect.runPromise(Fiber.interrupt(fiber))
    expect(Date.now() - started).toBeLessThan(5_000)
    const timed = await Effect.runPromise(runShell("sleep 30", root, 200).pipe(Effect.provide(ShellNode)))
    expect(timed.timedOut).toBe(true)
  })

  it("caps the context and shows at most 20 lines", () => {
    expect(capOutput("x".repeat(50), 10)).toBe(`${"x".repeat(10)}\n[... 40 more characters cut]`)
    const lines = shellOutputLines({ output: Array.from({ length: 30 }, (_, i) => `l${i}`).join("\n"), exitCode: 0, timedOut: false })
    expect(lines).toHaveLength(21)
    expect(lines.at(-1)?.text).toBe("… +10 lines")
    expect(shellContext("echo hi", { output: "hi\n", exitCode: 0, timedOut: false })).toBe(
      "<bash-input>echo hi</bash-input>\n<bash-output>hi</bash-output>\n<bash-exit-code>0</bash-exit-code>"
    )
  })

  it("refuses a command a Bash deny rule matches, naming the rule; runs others and adds them to the next message", async () => {
    const ui = await Effect.runPromise(makeUiStore(root))
    const { layer } = services({
      decide: (command) =>
        command.startsWith("rm")
          ? { _tag: "Deny", decidedBy: "Bash(rm:*) (project settings)", reason: "Permission denied by rule Bash(rm:*) (project settings)" }
          : command.startsWith("eval")
            ? {
                _tag: "Ask",
                decidedBy: "Bash(rm:*) (project settings) might match: eval runs text as a command",
                possibleDeny: { rule: "Bash(rm:*) (project settings)", construct: "eval runs text as a command" }
              }
            : command.startsWith("$")
              ? // Plan mode denies Bash first; `!` ignores plan mode, but not what a deny rule might match.
                {
                  _tag: "Deny",
                  decidedBy: "plan mode",
                  reason: "Plan mode is active",
                  possibleDeny: { rule: "Bash(rm:*) (project settings)", construct: "the program name ($(echo rm)) is only known at run time" }
                }
              : { _tag: "Ask", decidedBy: "default: needs approval" }
    })
    writeFileSync(join(root, "keep.txt"), "kept\n")
    const extras = makeInputExtras(ui, root)
    await Effect.runPromise(extras.special("!rm keep.txt")!.pipe(Effect.provide(layer), Effect.provide(ShellNode)))
    expect(texts(ui)).toContain("Not run: Permission denied by rule Bash(rm:*) (project settings)")
    await Effect.runPromise(extras.special("!eval rm keep.txt")!.pipe(Effect.provide(layer), Effect.provide(ShellNode)))
    expect(texts(ui)).toContain("Not run: Bash(rm:*) (project settings) might match: eval runs text as a command")
    await Effect.runPromise(extras.special("!$(echo rm) keep.txt")!.pipe(Effect.provide(layer), Effect.provide(ShellNode)))
    expect(texts(ui)).toContain("Not run: Bash(rm:*) (project settings) might match: the program name ($(echo rm)) is only known at run time")
    await Effect.runPromise(extras.special("!cat keep.txt")!.pipe(Effect.provide(layer), Effect.provide(ShellNode)))
    expect(texts(ui)).toContain("  ⎿  kept")
    const message = await Effect.runPromise(extras.prepare("what does it say?").pipe(Effect.provide(layer)))
    expect(message).toBe("<bash-input>cat keep.txt</bash-input>\n<bash-output>kept</bash-output>\n<bash-exit-code>0</bash-exit-code>\n\nwhat does it say?")
    // Only once: the next message has no context.
    expect(await Effect.runPromise(extras.prepare("next").pipe(Effect.provide(layer)))).toBe("next")
  })

  it("a # note is not a shell command: it is left to the session (the agent files it)", async () => {
    const ui = await Effect.runPromise(makeUiStore(root))
    expect(makeInputExtras(ui, root).special("# tests run with vitest")).toBeUndefined()
    expect(rememberPrompt("  tests run with vitest ")).toMatch(/^<system-reminder>\n[\s\S]*`project` for facts and conventions[\s\S]*<\/system-reminder>\ntests run with vitest$/)
  })
})
