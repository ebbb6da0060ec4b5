import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { afterEach, beforeEach } from "vitest"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { SearchAuto } from "../../src/layers/SearchAuto.js"
import { IMPLEMENTED_TOOLS, makeToolsLayer } from "../../src/layers/ToolsRegistry.js"
import { TodoList } from "../../src/services/TodoList.js"
import { type DecodedArgs, Tools } from "../../src/services/Tools.js"
import { Workspace } from "../../src/services/Workspace.js"
import { noRulesPolicy } from "../support/toolHarness.js"

let dir = ""
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), "letta-tools-")))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const withTools = <A>(loaded: ReadonlyArray<string> | undefined, use: (tools: Tools["Type"]) => Effect.Effect<A>) =>
  Effect.flatMap(Tools, use).pipe(
    Effect.provide(
      makeToolsLayer(loaded).pipe(
        Layer.provide(
          Layer.mergeAll(ShellNode, SearchAuto, NodeContext.layer, noRulesPolicy, Layer.succeed(Workspace, { projectDir: dir, homeDir: dir }))
        )
      )
    )
  )

const invalidText = (decoded: DecodedArgs): string => {
  if (decoded._tag === "Valid") throw new Error(`expected Invalid, got ${JSON.stringify(decoded.args)}`)
  expect(decoded.output.status).toBe("error")
  return decoded.output.text
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Every node of a JSON value, for checks that must hold everywhere. */
const walk = (value: unknown, visit: (node: Record<string, unknown>) => void): void => {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit))
  else if (isRecord(value)) {
    visit(value)
    Object.values(value).forEach((item) => walk(item, visit))
  }
}

const JSON_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"]

describe("ToolsRegistry", () => {
  it("lists the implemented tools", () => {
    expect(IMPLEMENTED_TOOLS).toEqual(["Bash", "BashOutput", "KillBash", "Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "TodoWrite", "ExitPlanMode", "Skill"])
  })

  it.effect("offers closed, described JSON Schemas in registry order", () =>
    withTools(undefined, (tools) =>
      Effect.sync(() => {
        expect(tools.specs.map((spec) => spec.name)).toEqual(["Bash", "BashOutput", "KillBash", "Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "TodoWrite", "ExitPlanMode", "Skill"])
        const required: Record<string, ReadonlyArray<string>> = {
          Bash: ["command"],
          BashOutput: ["bash_id"],
          KillBash: ["shell_id"],
          Read: ["file_path"],
          Write: ["file_path", "content"],
          Edit: ["file_path", "old_string", "new_string"],
          MultiEdit: ["file_path", "edits"],
          Glob: ["pattern"],
          Grep: ["pattern"],
          LS: [],
          TodoWrite: ["todos"],
          ExitPlanMode: ["plan"],
          Skill: ["name"]
        }
        for (const spec of tools.specs) {
          expect(spec.description.length).toBeGreaterThan(40)
          const schema = spec.parameters
          expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
          expect(schema["type"]).toBe("object")
          expect(schema["additionalProperties"]).toBe(false)
          expect(schema["required"] ?? [], spec.name).toEqual(required[spec.name])
          const properties = schema["properties"]
          if (!isRecord(properties)) throw new Error(`${spec.name}: no properties`)
          const requiredNames = schema["required"]
          if (Array.isArray(requiredNames)) {
            for (const name of requiredNames) expect(Object.keys(properties)).toContain(name)
          }
          for (const [name, property] of Object.entries(properties)) {
            if (!isRecord(property)) throw new Error(`${spec.name}.${name} is not a schema`)
            expect(typeof property["description"], `${spec.name}.${name} description`).toBe("string")
            expect(JSON_TYPES, `${spec.name}.${name} type`).toContain(property["type"])
          }
          walk(schema, (node) => {
            expect(node).not.toHaveProperty("$schema")
            expect(node).not.toHaveProperty("$defs")
            expect(node).not.toHaveProperty("$ref")
          })
        }
        expect(tools.specs.find((spec) => spec.name === "Read")?.parameters["properties"]).toEqual({
          file_path: { type: "string", description: expect.any(String) },
          offset: { type: "integer", minimum: 0, description: expect.any(String) },
          limit: { type: "integer", minimum: 1, description: expect.any(String) }
        })
      })
    ))

  it.effect("explains each kind of invalid call", () =>
    withTools(undefined, (tools) =>
      Effect.sync(() => {
        expect(invalidText(tools.decode("Read", "{"))).toMatch(
          /^Invalid arguments for Read: not valid JSON \(.+\)\. Send the arguments as a JSON object\.$/
        )
        expect(invalidText(tools.decode("Read", "{}"))).toBe("Invalid arguments for Read: file_path is missing")
        expect(invalidText(tools.decode("Bash", '{"command": 5}'))).toBe(
          "Invalid arguments for Bash: command: expected string, actual 5"
        )
        expect(invalidText(tools.decode("Bash", '{"command": "ls", "timeout": "5"}'))).toBe(
          'Invalid arguments for Bash: timeout: expected number, actual "5"'
        )
        expect(invalidText(tools.decode("Read", '{"file_path": "a", "limit": 0, "offset": 1.5}'))).toBe(
          "Invalid arguments for Read: offset: expected an integer >= 0, actual 1.5; limit: expected an integer >= 1, actual 0"
        )
        expect(invalidText(tools.decode("Read", '{"file_path": "a", "offset": null}'))).toBe(
          "Invalid arguments for Read: offset: expected number, actual null"
        )
        expect(invalidText(tools.decode("Read", '{"file_path": "a", "path": "b"}'))).toBe(
          "Invalid arguments for Read: path is not a parameter (expected: file_path, offset, limit)"
        )
        expect(invalidText(tools.decode("Bash", '{"command": "ls", "background": true}'))).toBe(
          "Invalid arguments for Bash: background is not a parameter (expected: command, timeout, description, run_in_background, keep_running)"
        )
        expect(invalidText(tools.decode("Read", '["a"]'))).toBe(
          "Invalid arguments for Read: the arguments must be a JSON object"
        )
        expect(invalidText(tools.decode("Read", ""))).toBe("Invalid arguments for Read: file_path is missing")
        expect(invalidText(tools.decode("Grep", '{"pattern": "x", "output_mode": "lines"}'))).toBe(
          'Invalid arguments for Grep: output_mode: expected "content" or "files_with_matches" or "count", actual "lines"'
        )
        expect(invalidText(tools.decode("Nope", "{}"))).toBe(`Unknown tool: Nope. Available tools: ${IMPLEMENTED_TOOLS.join(", ")}`)
      })
    ))

  it.live("executes decoded calls", () =>
    withTools(undefined, (tools) =>
      Effect.gen(function* () {
        yield* Effect.promise(() => writeFile(join(dir, "notes.txt"), "one\ntwo\n"))
        const read = tools.decode("Read", '{"file_path": "notes.txt", "limit": 1}')
        expect(read._tag).toBe("Valid")
        if (read._tag === "Valid") {
          expect(read.args).toEqual({ file_path: "notes.txt", limit: 1 })
          expect(yield* tools.execute("Read", read.args)).toEqual({
            status: "success",
            text: "     1\tone\n\n[Showed lines 1-1 of 2. To read more, call Read with offset=2.]"
          })
        }
        const bash = tools.decode("Bash", '{"command": "cat notes.txt", "description": "Show the notes"}')
        if (bash._tag !== "Valid") throw new Error("Bash call should be valid")
        expect(yield* tools.execute("Bash", bash.args)).toEqual({ status: "success", text: "one\ntwo\n" })
      })
    ))

  it.live("validates arguments that did not come from decode", () =>
    withTools(undefined, (tools) =>
      Effect.gen(function* () {
        expect(yield* tools.execute("Bash", { command: "echo direct" })).toEqual({
          status: "success",
          text: "direct\n"
        })
        expect(yield* tools.execute("Bash", { cmd: "echo direct" })).toEqual({
          status: "error",
          text: "Invalid arguments for Bash: command is missing; cmd is not a parameter (expected: command, timeout, description, run_in_background, keep_running)"
        })
        expect(yield* tools.execute("Nope", {})).toEqual({
          status: "error",
          text: `Unknown tool: Nope. Available tools: ${IMPLEMENTED_TOOLS.join(", ")}`
        })
      })
    ))

  it.effect("knows which tools only read", () =>
    withTools(undefined, (tools) =>
      Effect.sync(() => {
        const readOnly = IMPLEMENTED_TOOLS.filter((name) => tools.isReadOnly(name))
        expect(readOnly).toEqual(["BashOutput", "Read", "Glob", "Grep", "LS", "TodoWrite", "Skill"])
        expect(tools.isReadOnly("Nope")).toBe(false)
      })
    ))

  it.live("gives the tools one session: Read lets Write through, TodoWrite fills the TodoList", () =>
    Effect.gen(function* () {
      yield* Effect.promise(() => writeFile(join(dir, "notes.txt"), "one\n"))
      const run = (name: string, args: string) =>
        Effect.gen(function* () {
          const tools = yield* Tools
          const decoded = tools.decode(name, args)
          if (decoded._tag === "Invalid") throw new Error(decoded.output.text)
          return yield* tools.execute(name, decoded.args)
        })
      expect((yield* run("Write", '{"file_path": "notes.txt", "content": "two\\n"}')).status).toBe("error")
      yield* run("Read", '{"file_path": "notes.txt"}')
      expect((yield* run("Write", '{"file_path": "notes.txt", "content": "two\\n"}')).status).toBe("success")
      yield* run("TodoWrite", '{"todos": [{"id": "1", "content": "Ship it", "status": "pending"}]}')
      const todos = yield* Effect.flatMap(TodoList, (list) => list.current)
      expect(todos).toEqual([{ id: "1", content: "Ship it", status: "pending" }])
    }).pipe(
      Effect.provide(
        makeToolsLayer(undefined).pipe(
          Layer.provide(Layer.mergeAll(ShellNode, SearchAuto, NodeContext.layer, noRulesPolicy, Layer.succeed(Workspace, { projectDir: dir, homeDir: dir })))
        )
      )
    ))

  it.effect("offers only the loaded tools", () =>
    Effect.gen(function* () {
      yield* withTools(["Read"], (tools) =>
        Effect.sync(() => {
          expect(tools.specs.map((spec) => spec.name)).toEqual(["Read"])
          expect(invalidText(tools.decode("Bash", '{"command": "ls"}'))).toBe(
            "Unknown tool: Bash. Available tools: Read"
          )
          expect(tools.isReadOnly("Bash")).toBe(false)
        })
      )
      yield* withTools(["Read", "Bash", "Write", "Nope"], (tools) =>
        Effect.sync(() => expect(tools.specs.map((spec) => spec.name)).toEqual(["Bash", "Read", "Write"]))
      )
      yield* withTools([], (tools) =>
        Effect.sync(() => {
          expect(tools.specs).toEqual([])
          expect(invalidText(tools.decode("Read", "{}"))).toBe("Unknown tool: Read. Available tools: (none)")
        })
      )
    }))
})
