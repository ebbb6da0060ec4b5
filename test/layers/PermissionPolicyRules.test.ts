/** The policy layer's state: the mode, session rules, a command's scoped rules, and the extra rules of the command line. */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Exit, Layer } from "effect"
import { mkdirSync, symlinkSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { PermissionPolicyRules, type RulesPolicyConfig } from "../../src/layers/PermissionPolicyRules.js"
import { PermissionPolicy, type PermissionPolicyShape } from "../../src/services/PermissionPolicy.js"
import { Workspace } from "../../src/services/Workspace.js"
import { bash, decide, makeDirs, makePolicy, type TempDirs } from "../permissions/support.js"

let dirs: TempDirs
beforeEach(() => {
  dirs = makeDirs()
})
afterEach(() => dirs.cleanup())

const policyWith = (config: Partial<RulesPolicyConfig>): Promise<PermissionPolicyShape> =>
  Effect.runPromise(
    Effect.provide(
      PermissionPolicy,
      PermissionPolicyRules({
        mode: "default",
        allowedTools: [],
        disallowedTools: [],
        settings: { user: {}, project: {}, local: {} },
        ...config
      }).pipe(Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dirs.project, homeDir: dirs.home }))))
    )
  )

describe("PermissionPolicyRules", () => {
  it("the mode can change during the session", async () => {
    const policy = await makePolicy(dirs, { mode: "plan" })
    expect(await Effect.runPromise(policy.mode)).toBe("plan")
    expect((await decide(policy, "Write", { file_path: "a.txt", content: "" }))._tag).toBe("Deny")
    await Effect.runPromise(policy.setMode("acceptEdits"))
    expect(await Effect.runPromise(policy.mode)).toBe("acceptEdits")
    expect(await decide(policy, "Write", { file_path: "a.txt", content: "" })).toEqual({ _tag: "Allow", decidedBy: "acceptEdits mode" })
  })

  it("session rules come after the command line's rules and before the settings'", async () => {
    const policy = await makePolicy(dirs, { allowedTools: ["Read(a/**)"], project: { allow: ["Read(b/**)", "Read(c/**)"] } })
    await Effect.runPromise(policy.addSessionRule("Read(a/**)"))
    await Effect.runPromise(policy.addSessionRule("Read(b/**)"))
    await Effect.runPromise(policy.addSessionRule("Read(b/**)"))
    expect((await decide(policy, "Read", { file_path: "a/x" })).decidedBy).toBe("Read(a/**) (--allowedTools)")
    expect((await decide(policy, "Read", { file_path: "b/x" })).decidedBy).toBe("Read(b/**) (session)")
    expect((await decide(policy, "Read", { file_path: "c/x" })).decidedBy).toBe("Read(c/**) (project settings)")
  })

  it("scoped rules (a command's allowed-tools) hold while their effect runs, and end with it", async () => {
    const policy = await makePolicy(dirs, { project: { allow: ["Bash(make:*)"] } })
    const during = await Effect.runPromise(policy.withScopedRules!(["Bash(make:*)", "Bash(ls:*)"], "/cmd.md", policy.decide({ toolName: "Bash", args: { command: "make && ls" } })))
    expect(during).toEqual({ _tag: "Allow", decidedBy: "Bash(make:*) (allowed-tools), Bash(ls:*) (allowed-tools)" })
    expect((await bash(policy, "make && ls"))._tag).toBe("Ask")
    expect(await bash(policy, "make")).toEqual({ _tag: "Allow", decidedBy: "Bash(make:*) (project settings)" })
    // Ended also when the effect fails.
    const failed = await Effect.runPromiseExit(policy.withScopedRules!(["Bash(ls:*)"], "/cmd.md", Effect.fail("boom")))
    expect(Exit.isFailure(failed)).toBe(true)
    expect((await bash(policy, "ls"))._tag).toBe("Ask")
  })

  it("a scoped rule that cannot be read fails with the command's file named, and runs nothing", async () => {
    const policy = await makePolicy(dirs)
    let ran = false
    const exit = await Effect.runPromiseExit(policy.withScopedRules!(["Bash(a:*:*)"], "/cmd.md", Effect.sync(() => (ran = true))))
    expect(ran).toBe(false)
    expect(exit).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "RuleError", location: "/cmd.md", source: "allowed-tools" } } })
  })

  it("--settings rules join the others with their own source; --add-dir directories count as inside", async () => {
    const extra = join(dirs.root, "extra")
    mkdirSync(extra)
    symlinkSync(extra, join(dirs.root, "extra-link"))
    const policy = await policyWith({
      extraSettings: { path: "/s.json", permissions: { deny: ["Bash(curl:*)"], allow: ["Bash(ls:*)"], ask: ["Read(x/**)"] } },
      addDirs: ["../extra-link"]
    })
    expect((await bash(policy, "curl x")).decidedBy).toBe("Bash(curl:*) (--settings)")
    expect((await bash(policy, "ls")).decidedBy).toBe("Bash(ls:*) (--settings)")
    expect((await decide(policy, "Read", { file_path: "x/y" })).decidedBy).toBe("Read(x/**) (--settings)")
    expect(await decide(policy, "Read", { file_path: join(extra, "a") })).toEqual({ _tag: "Allow", decidedBy: "default: reading inside the project" })
  })

  it("a --settings rule that cannot be read names the file", async () => {
    const exit = await Effect.runPromiseExit(
      Effect.provide(
        PermissionPolicy,
        PermissionPolicyRules({
          mode: "default",
          allowedTools: [],
          disallowedTools: [],
          settings: { user: {}, project: {}, local: {} },
          extraSettings: { path: "/s.json", permissions: { allow: ["Nope(x)"] } }
        }).pipe(Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dirs.project, homeDir: dirs.home }))))
      )
    )
    expect(exit).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "RuleError", location: "/s.json", source: "--settings" } } })
  })

  it("a search filter exists only when a path rule could hide something", async () => {
    const none = await makePolicy(dirs)
    expect(await Effect.runPromise(none.searchFilter("Grep", dirs.project))).toBeUndefined()
    const some = await makePolicy(dirs, { project: { deny: ["Read(.env)"] } })
    const filter = await Effect.runPromise(some.searchFilter("Grep", dirs.project))
    expect(filter?.(join(dirs.project, ".env"))).toEqual({ rule: "Read(.env) (project settings)", effect: "deny" })
  })
})
