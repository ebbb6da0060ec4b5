import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Either, Exit, Fiber, Layer } from "effect"
import * as fsp from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SettingsError } from "../../src/domain/errors.js"
import { SettingsFiles } from "../../src/layers/SettingsFiles.js"
import { globalBlockIdsFor, localBlockIdsFor, type Permissions, withGlobalBlockIds, withLocalBlockIds } from "../../src/domain/settings.js"
import { parseJsonText } from "../../src/layers/settings/json.js"
import { acquireFileLock, withFileLock } from "../../src/layers/settings/lock.js"
import { Settings } from "../../src/services/Settings.js"
import { Workspace } from "../../src/services/Workspace.js"

const promise = <A>(thunk: () => Promise<A>) => Effect.promise(thunk)

const exists = (path: string) =>
  promise(() => fsp.access(path).then(() => true, () => false))

const readText = (path: string) => promise(() => fsp.readFile(path, "utf8"))
const writeText = (path: string, text: string) =>
  promise(() => fsp.mkdir(join(path, ".."), { recursive: true }).then(() => fsp.writeFile(path, text)))
const list = (dir: string) => promise(() => fsp.readdir(dir).then((names) => names.sort()))

/** Builds a Settings service (its own layer instance) over the given directories. */
const makeSettings = (homeDir: string, projectDir: string) =>
  Effect.provide(
    Settings,
    SettingsFiles.pipe(
      Layer.provide(Layer.mergeAll(Layer.succeed(Workspace, Workspace.of({ homeDir, projectDir })), NodeContext.layer))
    )
  )

/** A temp dir with `home/` and `project/`, removed when the test's scope closes. */
const setup = Effect.gen(function*() {
  const root = yield* Effect.acquireRelease(
    promise(() => fsp.mkdtemp(join(tmpdir(), "letta-settings-"))),
    (dir) => promise(() => fsp.rm(dir, { recursive: true, force: true }))
  )
  const home = join(root, "home")
  const project = join(root, "project")
  yield* promise(() => Promise.all([fsp.mkdir(home), fsp.mkdir(project)]))
  const settings = yield* makeSettings(home, project)
  return { root, home, project, settings }
})

const addAllow = (rule: string) => <S extends { readonly permissions?: Permissions | undefined }>(
  current: S
): S => ({
  ...current,
  permissions: { ...current.permissions, allow: [...(current.permissions?.allow ?? []), rule] }
})

describe("SettingsFiles", () => {
  describe("load", () => {
    it.scopedLive("missing files are empty objects and nothing is created", () =>
      Effect.gen(function*() {
        const { home, project, settings } = yield* setup
        const all = yield* settings.load
        expect(all).toEqual({ user: {}, project: {}, local: {} })
        expect(yield* list(home)).toEqual([])
        expect(yield* list(project)).toEqual([])
        expect(settings.paths).toEqual({
          user: join(home, ".letta", "settings.json"),
          project: join(project, ".letta", "settings.json"),
          local: join(project, ".letta", "settings.local.json")
        })
      }))

    it.scopedLive("decodes the three files; blank files are empty objects", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        yield* writeText(settings.paths.user, `{"model":"openai/gpt-4.1","tokenStreaming":true,"extra":[1]}`)
        yield* writeText(settings.paths.project, "  \n\t\n")
        yield* writeText(settings.paths.local, "")
        const all = yield* settings.load
        expect(all.user).toEqual({ model: "openai/gpt-4.1", tokenStreaming: true, extra: [1] })
        expect(all.project).toEqual({})
        expect(all.local).toEqual({})
      }))

    it.scopedLive("invalid JSON is reported with the path, line and column", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        yield* writeText(settings.paths.project, `{\n  "permissions": {\n    "allow": ["Read",]\n  }\n}\n`)
        const error = yield* Effect.flip(settings.load)
        expect(error).toBeInstanceOf(SettingsError)
        expect(error.path).toBe(settings.paths.project)
        expect(error.problem).toMatch(/^invalid JSON at line 3, column 22: /)
      }))

    it.scopedLive("a settings path that cannot be read as a file is reported with the reason", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        yield* promise(() => fsp.mkdir(settings.paths.local, { recursive: true }))
        const error = yield* Effect.flip(settings.load)
        expect(error.path).toBe(settings.paths.local)
        expect(error.problem).toBe("cannot read the file: illegal operation on a directory (EISDIR)")
      }))

    it.scopedLive("a top-level value that is not an object is an error", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        yield* writeText(settings.paths.user, `["allow"]`)
        const error = yield* Effect.flip(settings.load)
        expect(error.path).toBe(settings.paths.user)
        expect(error.problem).toBe("expected a JSON object at the top level, got an array")
      }))

    it.scopedLive("a wrong-typed key is reported with its key path and expected type", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        yield* writeText(settings.paths.user, `{"permissions": {"allow": "Bash"}}`)
        const userError = yield* Effect.flip(settings.load)
        expect(userError.path).toBe(settings.paths.user)
        expect(userError.problem).toBe(`permissions.allow: expected an array of strings, got "Bash"`)

        yield* promise(() => fsp.rm(settings.paths.user))
        yield* writeText(settings.paths.local, `{"lastAgent": 5}`)
        const localError = yield* Effect.flip(settings.load)
        expect(localError.path).toBe(settings.paths.local)
        expect(localError.problem).toBe("lastAgent: expected a string or null, got 5")

        yield* writeText(settings.paths.local, `{"permissions": {"deny": ["Bash", 3]}, "lastAgentByServer": {"x": 1}}`)
        const both = yield* Effect.flip(settings.load)
        expect(both.problem).toContain("permissions.deny[1]: expected a string, got 3")
        expect(both.problem).toContain("lastAgentByServer.x: expected a string, got 1")
        expect(both.problem.split("\n").length).toBe(1)
      }))
  })

  describe("parseJsonText positions", () => {
    const cases: ReadonlyArray<readonly [string, number, number]> = [
      [`{"a":}`, 1, 6], // no position in Node 20's message
      [`{"a":tru}`, 1, 9],
      [`{\n  "a": 1,\n}`, 3, 1],
      [`{"a": 1\n\n`, 1, 8], // "Unexpected end of JSON input": the end of the text
      [`{"a": 1} x`, 1, 10],
      [`{\n  "a": "b\n"}`, 2, 10]
    ]
    for (const [text, line, column] of cases) {
      it(`${JSON.stringify(text)} -> ${line}:${column}`, () => {
        const result = parseJsonText(text)
        expect(Either.isLeft(result)).toBe(true)
        if (Either.isLeft(result)) {
          expect({ line: result.left.line, column: result.left.column }).toEqual({ line, column })
          expect(result.left.reason).not.toMatch(/position|is not valid JSON/)
        }
      })
    }
    it("accepts a byte-order mark and blank text", () => {
      expect(parseJsonText("\uFEFF{\"a\":1}")).toEqual(Either.right({ a: 1 }))
      expect(parseJsonText(" \n")).toEqual(Either.right({}))
    })
  })

  describe("update", () => {
    it.scopedLive("preserves unknown keys (nested too) and the order of existing keys", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        const before = {
          zeta: { deep: [1, 2] },
          permissions: { custom: true, allow: ["Read"], zz: "keep" },
          model: "openai/gpt-4.1",
          globalSharedBlockIds: { persona: "block-1", other: 7 }
        }
        yield* writeText(settings.paths.user, JSON.stringify(before))
        const written = yield* settings.updateUser(addAllow("Bash(ls:*)"))
        expect(written.permissions?.allow).toEqual(["Read", "Bash(ls:*)"])
        const text = yield* readText(settings.paths.user)
        expect(text).toBe(
          `${
            JSON.stringify(
              { ...before, permissions: { custom: true, allow: ["Read", "Bash(ls:*)"], zz: "keep" } },
              null,
              2
            )
          }\n`
        )
        const reloaded = yield* settings.load
        expect(reloaded.user["zeta"]).toEqual({ deep: [1, 2] })
        expect(reloaded.user.globalSharedBlockIds).toEqual({ persona: "block-1", other: 7 })
      }))

    it.scopedLive("shared block ids per server: decoded, written beside the plain key, other servers and unknown keys kept", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        const cloud = "https://api.letta.com"
        const local = "http://localhost:8283"
        yield* writeText(
          settings.paths.user,
          JSON.stringify({
            globalSharedBlockIds: { persona: "p-cloud", human: "h-cloud", extra: 1 },
            globalSharedBlockIdsByServer: { [cloud]: { persona: "p-cloud", human: "h-cloud", note: "x" } }
          })
        )
        yield* writeText(settings.paths.project, JSON.stringify({ localSharedBlockIds: { project: "j-cloud" } }))
        const loaded = yield* settings.load
        expect(globalBlockIdsFor(loaded.user, cloud)).toMatchObject({ persona: "p-cloud", human: "h-cloud" })
        // A per-server map exists: another server has no ids, whatever the plain key says.
        expect(globalBlockIdsFor(loaded.user, local)).toBeUndefined()
        // No per-server map at all (a file from before them): the plain key, for any server.
        expect(localBlockIdsFor(loaded.project, local)).toEqual({ project: "j-cloud" })

        yield* settings.updateUser((user) => withGlobalBlockIds(user, local, { persona: "p-local", human: "h-local" }))
        yield* settings.updateProject((project) => withLocalBlockIds(project, local, { project: "j-local" }))
        const reloaded = yield* settings.load
        expect(reloaded.user.globalSharedBlockIdsByServer).toEqual({
          [cloud]: { persona: "p-cloud", human: "h-cloud", note: "x" },
          [local]: { persona: "p-local", human: "h-local" }
        })
        expect(reloaded.user.globalSharedBlockIds).toEqual({ persona: "p-local", human: "h-local", extra: 1 })
        expect(reloaded.project.localSharedBlockIdsByServer).toEqual({ [local]: { project: "j-local" } })
        expect(localBlockIdsFor(reloaded.project, cloud)).toBeUndefined()

        yield* writeText(settings.paths.project, JSON.stringify({ localSharedBlockIdsByServer: { [cloud]: { project: 5 } } }))
        const error = yield* Effect.flip(settings.load)
        expect(error.problem).toContain("localSharedBlockIdsByServer")
        expect(error.problem).toContain("project: expected a string, got 5")
      }))

    it.scopedLive("creates the .letta directory and leaves no temp or lock files", () =>
      Effect.gen(function*() {
        const { home, settings } = yield* setup
        yield* settings.updateUser((current) => ({ ...current, model: "a/b" }))
        yield* settings.updateUser((current) => ({ ...current, tokenStreaming: false }))
        expect(yield* list(join(home, ".letta"))).toEqual(["settings.json"])
        expect(yield* readText(settings.paths.user)).toBe(`{\n  "model": "a/b",\n  "tokenStreaming": false\n}\n`)
      }))

    it.scopedLive("removes the temp files a killed run left beside the settings, and no live process's", () =>
      Effect.gen(function*() {
        const { home, settings } = yield* setup
        // pid 2^22+1 is above Linux's pid_max: never a live process.
        const dead = join(home, ".letta", `settings.json.${2 ** 22 + 1}.a1b2c3d4e5f6.tmp`)
        const live = join(home, ".letta", `settings.json.${process.ppid}.a1b2c3d4e5f6.tmp`)
        yield* writeText(dead, "{}")
        yield* writeText(live, "{}")
        yield* settings.updateUser((current) => ({ ...current, model: "a/b" }))
        expect(yield* exists(dead)).toBe(false)
        expect(yield* exists(live)).toBe(true)
      }))

    it.scopedLive("a malformed file is never overwritten", () =>
      Effect.gen(function*() {
        const { project, settings } = yield* setup
        const broken = `{"permissions": {"allow": ["Read"]`
        yield* writeText(settings.paths.local, broken)
        let called = false
        const error = yield* Effect.flip(settings.updateLocal((current) => {
          called = true
          return current
        }))
        expect(called).toBe(false)
        expect(error.path).toBe(settings.paths.local)
        expect(error.problem).toMatch(/^invalid JSON at line 1, column 35: /)
        expect(yield* readText(settings.paths.local)).toBe(broken)
        expect(yield* list(join(project, ".letta"))).toEqual(["settings.local.json"])

        yield* writeText(settings.paths.local, `{"lastAgent": 5}`)
        const typeError = yield* Effect.flip(settings.updateLocal((current) => current))
        expect(typeError.problem).toContain("lastAgent")
        expect(yield* readText(settings.paths.local)).toBe(`{"lastAgent": 5}`)
      }))

    it.scopedLive("20 concurrent updates from one process all survive", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        const rules = Array.from({ length: 20 }, (_, i) => `Bash(task-${i}:*)`)
        yield* Effect.forEach(rules, (rule) => settings.updateProject(addAllow(rule)), { concurrency: "unbounded" })
        const { project } = yield* settings.load
        expect([...(project.permissions?.allow ?? [])].sort()).toEqual([...rules].sort())
      }))

    it.scopedLive("concurrent updates through separate layer instances (separate lock holders) all survive", () =>
      Effect.gen(function*() {
        const { home, project, settings } = yield* setup
        const instances = [settings, yield* makeSettings(home, project), yield* makeSettings(home, project)]
        const jobs = instances.flatMap((instance, n) =>
          Array.from({ length: 6 }, (_, i) => instance.updateUser(addAllow(`Rule-${n}-${i}`)))
        )
        yield* Effect.all(jobs, { concurrency: "unbounded" })
        const { user } = yield* settings.load
        expect(user.permissions?.allow?.length).toBe(18)
        expect(yield* list(join(home, ".letta"))).toEqual(["settings.json"])
      }))

    it.scopedLive("a lock left by a dead process is broken", () =>
      Effect.gen(function*() {
        const { settings } = yield* setup
        const lock = `${settings.paths.user}.lock`
        yield* writeText(lock, JSON.stringify({ pid: 999999, token: "gone", createdAt: Date.now() }))
        const started = Date.now()
        yield* settings.updateUser((current) => ({ ...current, model: "x/y" }))
        expect(Date.now() - started).toBeLessThan(2000)
        expect(yield* exists(lock)).toBe(false)
        expect((yield* settings.load).user.model).toBe("x/y")
      }))
  })

  describe(".gitignore", () => {
    it.scopedLive("a git work tree gets the local file ignored, once", () =>
      Effect.gen(function*() {
        const { project, settings } = yield* setup
        yield* promise(() => fsp.mkdir(join(project, ".git")))
        yield* settings.updateLocal((current) => ({ ...current, lastAgent: "agent-1" }))
        yield* settings.updateLocal((current) => ({ ...current, lastAgent: "agent-2" }))
        expect(yield* readText(join(project, ".gitignore"))).toBe(".letta/settings.local.json\n")
      }))

    it.scopedLive("an existing .gitignore is appended to after a newline", () =>
      Effect.gen(function*() {
        const { project, settings } = yield* setup
        yield* writeText(join(project, ".gitignore"), "node_modules")
        yield* settings.updateLocal((current) => ({ ...current, lastAgent: "agent-1" }))
        expect(yield* readText(join(project, ".gitignore"))).toBe("node_modules\n.letta/settings.local.json\n")
      }))

    it.scopedLive("an equivalent line is left alone", () =>
      Effect.gen(function*() {
        const { project, settings } = yield* setup
        yield* promise(() => fsp.mkdir(join(project, ".git")))
        yield* writeText(join(project, ".gitignore"), "dist/\n/.letta/settings.local.json\n")
        yield* settings.updateLocal((current) => ({ ...current, lastAgent: "agent-1" }))
        expect(yield* readText(join(project, ".gitignore"))).toBe("dist/\n/.letta/settings.local.json\n")
      }))

    it.scopedLive("no .gitignore is created outside a git work tree, nor for other files", () =>
      Effect.gen(function*() {
        const { project, settings } = yield* setup
        yield* settings.updateLocal((current) => ({ ...current, lastAgent: "agent-1" }))
        expect(yield* exists(join(project, ".gitignore"))).toBe(false)

        yield* promise(() => fsp.mkdir(join(project, ".git")))
        yield* settings.updateProject(addAllow("Read"))
        expect(yield* exists(join(project, ".gitignore"))).toBe(false)
      }))
  })
})

describe("lock", () => {
  const lockDir = Effect.acquireRelease(
    promise(() => fsp.mkdtemp(join(tmpdir(), "letta-lock-"))),
    (dir) => promise(() => fsp.rm(dir, { recursive: true, force: true }))
  )

  it.scopedLive("serialises overlapping critical sections", () =>
    Effect.gen(function*() {
      const dir = yield* lockDir
      const counter = join(dir, "counter")
      const lock = `${counter}.lock`
      yield* writeText(counter, "0")
      let inside = 0
      let maxInside = 0
      const increment = Effect.gen(function*() {
        inside++
        maxInside = Math.max(maxInside, inside)
        const value = Number(yield* readText(counter))
        yield* Effect.sleep("15 millis") // overlap: every other fiber is trying meanwhile
        yield* writeText(counter, String(value + 1))
        inside--
      })
      yield* Effect.all(Array.from({ length: 8 }, () => withFileLock(lock)(increment)), { concurrency: "unbounded" })
      expect(yield* readText(counter)).toBe("8")
      expect(maxInside).toBe(1)
      expect(yield* exists(lock)).toBe(false)
    }).pipe(Effect.provide(NodeContext.layer)))

  it.scopedLive("a lock older than staleAfter is broken even if its pid is alive", () =>
    Effect.gen(function*() {
      const dir = yield* lockDir
      const lock = join(dir, "f.lock")
      yield* writeText(lock, JSON.stringify({ pid: process.pid, token: "old" }))
      const old = new Date(Date.now() - 60_000)
      yield* promise(() => fsp.utimes(lock, old, old))
      const result = yield* withFileLock(lock, { timeout: "2 seconds" })(Effect.succeed("got it"))
      expect(result).toBe("got it")
      expect(yield* exists(lock)).toBe(false)
    }).pipe(Effect.provide(NodeContext.layer)))

  it.scopedLive("a live, fresh lock is respected until the timeout", () =>
    Effect.gen(function*() {
      const dir = yield* lockDir
      const lock = join(dir, "f.lock")
      const content = JSON.stringify({ pid: process.pid, token: "someone-else" })
      yield* writeText(lock, content)
      const error = yield* Effect.flip(withFileLock(lock, { timeout: "300 millis" })(Effect.void))
      expect(error._tag).toBe("LockTimeout")
      if (error._tag === "LockTimeout") expect(error.holderPid).toBe(process.pid)
      expect(yield* readText(lock)).toBe(content)
    }).pipe(Effect.provide(NodeContext.layer)))

  it.scopedLive("interruption releases a held lock and stops a waiter without touching the holder's", () =>
    Effect.gen(function*() {
      const dir = yield* lockDir
      const lock = join(dir, "f.lock")
      const held = yield* Deferred.make<void>()
      const holder = yield* Effect.fork(withFileLock(lock)(Effect.zipRight(Deferred.succeed(held, undefined), Effect.never)))
      yield* Deferred.await(held)
      const holderContent = yield* readText(lock)

      const waiter = yield* Effect.fork(Effect.scoped(acquireFileLock(lock)))
      yield* Effect.sleep("100 millis")
      const waiterExit = yield* Fiber.interrupt(waiter)
      expect(Exit.isInterrupted(waiterExit)).toBe(true)
      expect(yield* readText(lock)).toBe(holderContent)

      yield* Fiber.interrupt(holder)
      expect(yield* exists(lock)).toBe(false)
      expect(yield* list(dir)).toEqual([])
    }).pipe(Effect.provide(NodeContext.layer)))

  it.scopedLive("an update interrupted while waiting for the lock writes nothing", () =>
    Effect.gen(function*() {
      const { settings } = yield* setup
      yield* writeText(settings.paths.user, `{"model":"a/b"}`)
      const lock = `${settings.paths.user}.lock`
      const content = JSON.stringify({ pid: process.pid, token: "busy" })
      yield* writeText(lock, content)
      const fiber = yield* Effect.fork(settings.updateUser((current) => ({ ...current, model: "c/d" })))
      yield* Effect.sleep("100 millis")
      yield* Fiber.interrupt(fiber)
      expect(yield* readText(settings.paths.user)).toBe(`{"model":"a/b"}`)
      expect(yield* readText(lock)).toBe(content)
    }))
})
