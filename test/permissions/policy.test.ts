import { Effect } from "effect"
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { HEADLESS_DENIAL, headlessReason, PrompterHeadless } from "../../src/layers/PrompterHeadless.js"
import { describeFailure } from "../../src/programs/failure.js"
import { PermissionPolicy } from "../../src/services/PermissionPolicy.js"
import { Prompter } from "../../src/services/Prompter.js"
import { bash, decide, makeDirs, makePolicy, policyError, type TempDirs } from "./support.js"

let dirs: TempDirs
beforeEach(() => {
  dirs = makeDirs()
  writeFileSync(join(dirs.project, ".env"), "SECRET=1\n")
  mkdirSync(join(dirs.project, "sub"))
  mkdirSync(join(dirs.project, "src"))
  writeFileSync(join(dirs.project, "src", "a.ts"), "")
  mkdirSync(join(dirs.project, "secrets"))
  writeFileSync(join(dirs.project, "secrets", ".key"), "k")
  mkdirSync(join(dirs.home, ".ssh"))
  writeFileSync(join(dirs.home, ".ssh", "id_rsa"), "private")
  mkdirSync(join(dirs.root, "project2"))
  writeFileSync(join(dirs.root, "project2", "x.txt"), "x")
  symlinkSync(join(dirs.project, ".env"), join(dirs.project, "env-link"))
  symlinkSync(join(dirs.home, ".ssh"), join(dirs.project, "ssh-link"))
})
afterEach(() => dirs.cleanup())

describe("precedence (PRODUCT.md §5.4)", () => {
  it("deny rules beat every mode and every allow rule", async () => {
    for (const mode of ["default", "acceptEdits", "plan", "bypassPermissions"] as const) {
      const policy = await makePolicy(dirs, { mode, allowedTools: ["Bash"], disallowedTools: ["Bash(rm:*)"] })
      expect(await bash(policy, "rm -rf x")).toEqual({
        _tag: "Deny",
        decidedBy: "Bash(rm:*) (--disallowedTools)",
        reason: "Permission denied by rule Bash(rm:*) (--disallowedTools)"
      })
    }
  })

  it("settings deny rules from every file apply, and name their file", async () => {
    const user = await makePolicy(dirs, { user: { deny: ["Bash(curl:*)"] }, allowedTools: ["Bash"] })
    expect((await bash(user, "curl x")).decidedBy).toBe("Bash(curl:*) (user settings)")
    const project = await makePolicy(dirs, { project: { deny: ["Bash(curl:*)"] }, mode: "bypassPermissions" })
    expect((await bash(project, "curl x")).decidedBy).toBe("Bash(curl:*) (project settings)")
    const local = await makePolicy(dirs, { local: { deny: ["Read(.env)"] } })
    expect((await decide(local, "Read", { file_path: ".env" })).decidedBy).toBe("Read(.env) (local settings)")
  })

  it("the mode comes before allow rules", async () => {
    const policy = await makePolicy(dirs, { mode: "plan", allowedTools: ["Bash(ls:*)"] })
    expect((await bash(policy, "ls"))._tag).toBe("Deny")
  })

  it("allow rules: CLI first, then session, then settings; each named with its source", async () => {
    const policy = await makePolicy(dirs, {
      allowedTools: ["Bash(npm run test:*)"],
      user: { allow: ["Bash(git status)"] },
      project: { allow: ["Bash(git log:*)"] },
      local: { allow: ["Bash(git diff:*)", "Bash(npm run test:*)"] }
    })
    expect(await bash(policy, "npm run test --watch")).toEqual({ _tag: "Allow", decidedBy: "Bash(npm run test:*) (--allowedTools)" })
    expect((await bash(policy, "git status")).decidedBy).toBe("Bash(git status) (user settings)")
    expect((await bash(policy, "git log -1")).decidedBy).toBe("Bash(git log:*) (project settings)")
    expect((await bash(policy, "git diff && git log")).decidedBy).toBe("Bash(git diff:*) (local settings), Bash(git log:*) (project settings)")
    await Effect.runPromise(policy.addSessionRule("Bash(make:*)"))
    expect((await bash(policy, "make all")).decidedBy).toBe("Bash(make:*) (session)")
    expect((await bash(policy, "npm run testx"))._tag).toBe("Ask")
  })

  it("ask rules come after allow rules and before defaults", async () => {
    const policy = await makePolicy(dirs, { project: { ask: ["Read(src/**)", "Bash(git push:*)"], allow: ["Bash(git push origin main)"] } })
    expect(await decide(policy, "Read", { file_path: "src/a.ts" })).toEqual({ _tag: "Ask", decidedBy: "Read(src/**) (project settings)" })
    expect((await bash(policy, "git push origin main"))._tag).toBe("Allow")
    expect(await bash(policy, "git push -f")).toEqual({ _tag: "Ask", decidedBy: "Bash(git push:*) (project settings)" })
  })

  it("defaults: reading inside the project, TodoWrite and BashOutput are allowed; the rest asks", async () => {
    const policy = await makePolicy(dirs)
    expect(await decide(policy, "Read", { file_path: "src/a.ts" })).toEqual({ _tag: "Allow", decidedBy: "default: reading inside the project" })
    expect((await decide(policy, "Glob", { pattern: "**/*.ts" }))._tag).toBe("Allow")
    expect((await decide(policy, "Grep", { pattern: "x", path: "src" }))._tag).toBe("Allow")
    expect((await decide(policy, "LS", { path: dirs.project }))._tag).toBe("Allow")
    expect((await decide(policy, "TodoWrite", { todos: [] }))._tag).toBe("Allow")
    expect((await decide(policy, "BashOutput", { bash_id: "1" }))._tag).toBe("Allow")
    for (const [tool, args] of [
      ["Bash", { command: "ls" }],
      ["Write", { file_path: "x", content: "" }],
      ["Edit", { file_path: "x" }],
      ["MultiEdit", { file_path: "x" }],
      ["KillBash", { shell_id: "1" }],
      ["ExitPlanMode", { plan: "p" }],
      ["some_server_tool", undefined]
    ] as const) {
      expect((await decide(policy, tool, args))._tag).toBe("Ask")
    }
  })
})

describe("modes", () => {
  it("bypassPermissions allows everything but deny rules", async () => {
    const policy = await makePolicy(dirs, { mode: "bypassPermissions" })
    expect(await bash(policy, "rm -rf /tmp/nothing-here")).toEqual({ _tag: "Allow", decidedBy: "bypassPermissions mode" })
    expect((await decide(policy, "Write", { file_path: "/etc/x", content: "" }))._tag).toBe("Allow")
  })

  it("bypassPermissions denies an opaque command while Bash deny rules exist, naming the construct and the rule", async () => {
    const policy = await makePolicy(dirs, { mode: "bypassPermissions", disallowedTools: ["Bash(rm:*)"] })
    const decision = await bash(policy, "$(echo rm) -rf x")
    expect(decision._tag).toBe("Deny")
    expect(decision.decidedBy).toContain("Bash(rm:*) (--disallowedTools) might match")
    const construct = "the program name ($(echo rm)) is only known at run time"
    expect(decision).toMatchObject({ possibleDeny: { rule: "Bash(rm:*) (--disallowedTools)", construct } })
    expect(decision._tag === "Deny" ? decision.reason : "").toContain("Bash(rm:*) (--disallowedTools)")
    expect(decision._tag === "Deny" ? decision.reason : "").toContain(construct)
    expect((await bash(policy, "ls"))._tag).toBe("Allow")
  })

  it("an opaque command under a Bash deny rule asks in every other mode, even where an allow rule covers it", async () => {
    const opaque = "$CMD -rf x"
    for (const mode of ["default", "acceptEdits"] as const) {
      const policy = await makePolicy(dirs, { mode, allowedTools: ["Bash"], project: { deny: ["Bash(rm:*)"] } })
      const decision = await bash(policy, opaque)
      expect(decision, mode).toMatchObject({ _tag: "Ask", possibleDeny: { rule: "Bash(rm:*) (project settings)" } })
      expect(decision.decidedBy).toMatch(/^Bash\(rm:\*\) \(project settings\) might match: /)
      // Headless: the ask is denied, and the reason names the construct.
      const reason = headlessReason(decision)
      expect(reason).toContain(decision._tag === "Ask" ? decision.possibleDeny?.construct : "?")
      expect(reason).toContain("Bash(rm:*) (project settings)")
      const answer = await Effect.runPromise(
        Effect.flatMap(Prompter, (prompter) => prompter.ask({ toolName: "Bash", toolCallId: "c1", args: { command: opaque } })).pipe(
          Effect.provide(PrompterHeadless),
          Effect.provideService(PermissionPolicy, policy)
        )
      )
      expect(answer).toEqual({ _tag: "Reject", reason })
    }
    // Plan mode denies Bash anyway; the decision still says a deny rule might match (for `!cmd`).
    const plan = await makePolicy(dirs, { mode: "plan", project: { deny: ["Bash(rm:*)"] } })
    expect(await bash(plan, opaque)).toMatchObject({ _tag: "Deny", decidedBy: "plan mode", possibleDeny: { rule: "Bash(rm:*) (project settings)" } })
    // An ordinary ask keeps the plain headless denial.
    expect(headlessReason(await bash(plan, "ls"))).toBe(HEADLESS_DENIAL)
    expect(headlessReason(await bash(await makePolicy(dirs), "ls"))).toBe(HEADLESS_DENIAL)
  })

  it("acceptEdits allows the edit family inside the project and additional directories only", async () => {
    const policy = await makePolicy(dirs, { mode: "acceptEdits", local: { additionalDirectories: ["../project2"] } })
    for (const tool of ["Write", "Edit", "MultiEdit"]) {
      expect(await decide(policy, tool, { file_path: "src/a.ts" })).toEqual({ _tag: "Allow", decidedBy: "acceptEdits mode" })
    }
    expect((await decide(policy, "Edit", { file_path: join(dirs.root, "project2", "x.txt") }))._tag).toBe("Allow")
    expect((await decide(policy, "Edit", { file_path: "../outside.txt" }))._tag).toBe("Ask")
    expect((await decide(policy, "Write", { file_path: "ssh-link/authorized_keys" }))._tag).toBe("Ask")
    expect((await decide(policy, "Edit", { file_path: join(dirs.home, ".bashrc") }))._tag).toBe("Ask")
    expect((await bash(policy, "ls"))._tag).toBe("Ask")
  })

  it("plan mode denies the edit family, Bash and KillBash; reads stay as in default; ExitPlanMode asks", async () => {
    const policy = await makePolicy(dirs, { mode: "plan" })
    for (const tool of ["Write", "Edit", "MultiEdit", "Bash", "KillBash"]) {
      const decision = await decide(policy, tool, { file_path: "src/a.ts", command: "ls", shell_id: "1" })
      expect(decision).toMatchObject({ _tag: "Deny", decidedBy: "plan mode" })
    }
    expect((await decide(policy, "Read", { file_path: "src/a.ts" }))._tag).toBe("Allow")
    expect((await decide(policy, "Read", { file_path: join(dirs.home, ".ssh/id_rsa") }))._tag).toBe("Ask")
    expect(await decide(policy, "ExitPlanMode", { plan: "p" })).toEqual({ _tag: "Ask", decidedBy: "plan mode: the plan needs the user's approval" })
    await Effect.runPromise(policy.setMode("default"))
    expect(await Effect.runPromise(policy.mode)).toBe("default")
    expect((await bash(policy, "ls"))._tag).toBe("Ask")
  })

  it("an allow rule for ExitPlanMode lets a plan-mode run leave plan mode", async () => {
    const policy = await makePolicy(dirs, { mode: "plan", allowedTools: ["ExitPlanMode"] })
    expect(await decide(policy, "ExitPlanMode", { plan: "p" })).toEqual({ _tag: "Allow", decidedBy: "ExitPlanMode (--allowedTools)" })
  })
})

describe("paths", () => {
  it("a deny on .env holds for every spelling and for a symlink to it", async () => {
    const policy = await makePolicy(dirs, { mode: "bypassPermissions", disallowedTools: ["Read(.env)"] })
    for (const spelling of [".env", "./.env", "sub/../.env", "sub/./../.env", join(dirs.project, ".env"), `/${join(dirs.project, ".env")}`, `${dirs.project}//.env`, "env-link", "src/../env-link"]) {
      expect((await decide(policy, "Read", { file_path: spelling }))._tag, spelling).toBe("Deny")
    }
    expect((await decide(policy, "Grep", { pattern: "x", path: "sub/../.env" }))._tag).toBe("Deny")
    expect((await decide(policy, "Glob", { pattern: ".env" }))._tag).toBe("Deny")
    expect((await decide(policy, "Glob", { pattern: "*", path: ".env" }))._tag).toBe("Deny")
    expect((await decide(policy, "Read", { file_path: ".envrc" }))._tag).toBe("Allow")
  })

  it("globs match dotfiles; a directory rule covers what is inside", async () => {
    const policy = await makePolicy(dirs, { disallowedTools: ["Read(secrets/**)", "Read(~/.ssh)"] })
    expect((await decide(policy, "Read", { file_path: "secrets/.key" }))._tag).toBe("Deny")
    expect((await decide(policy, "Read", { file_path: join(dirs.home, ".ssh", "id_rsa") }))._tag).toBe("Deny")
    expect((await decide(policy, "Read", { file_path: "ssh-link/id_rsa" }))._tag).toBe("Deny")
    expect((await decide(policy, "LS", { path: "ssh-link" }))._tag).toBe("Deny")
  })

  it("// and / rules are absolute; ~/ is the home directory", async () => {
    const abs = join(dirs.project, "src")
    const policy = await makePolicy(dirs, { allowedTools: [`Edit(/${abs}/**)`, `Write(${join(dirs.root, "project2")}/*.txt)`, "Read(~/.ssh/**)"] })
    expect(await decide(policy, "Edit", { file_path: "src/a.ts" })).toEqual({ _tag: "Allow", decidedBy: `Edit(/${abs}/**) (--allowedTools)` })
    expect((await decide(policy, "Write", { file_path: join(dirs.root, "project2", "y.txt") }))._tag).toBe("Allow")
    expect((await decide(policy, "Read", { file_path: join(dirs.home, ".ssh", "id_rsa") }))._tag).toBe("Allow")
  })

  it("Edit rules govern Edit, MultiEdit and Write; the real path must match", async () => {
    const policy = await makePolicy(dirs, { local: { allow: ["Edit(src/**)"] } })
    for (const tool of ["Edit", "MultiEdit", "Write"]) {
      expect(await decide(policy, tool, { file_path: "src/b.ts" })).toEqual({ _tag: "Allow", decidedBy: "Edit(src/**) (local settings)" })
    }
    symlinkSync(join(dirs.home, ".ssh"), join(dirs.project, "src", "escape"))
    expect((await decide(policy, "Write", { file_path: "src/escape/authorized_keys" }))._tag).toBe("Ask")
    expect((await decide(policy, "Edit", { file_path: "src/../.env" }))._tag).toBe("Ask")
  })

  it("inside the project is decided by path segments, after realpath", async () => {
    const policy = await makePolicy(dirs)
    expect((await decide(policy, "Read", { file_path: join(dirs.root, "project2", "x.txt") }))._tag).toBe("Ask")
    expect((await decide(policy, "Read", { file_path: "../project2/x.txt" }))._tag).toBe("Ask")
    expect((await decide(policy, "Read", { file_path: join(dirs.home, ".ssh", "id_rsa") }))._tag).toBe("Ask")
    expect((await decide(policy, "Read", { file_path: "ssh-link/id_rsa" }))._tag).toBe("Ask")
    expect((await decide(policy, "Glob", { pattern: "../../**" }))._tag).toBe("Ask")
    expect((await decide(policy, "Glob", { pattern: `${dirs.home}/**` }))._tag).toBe("Ask")
    expect((await decide(policy, "Grep", { pattern: "x", path: "/" }))._tag).toBe("Ask")
    const extra = await makePolicy(dirs, { user: { additionalDirectories: [join(dirs.root, "project2")] } })
    expect((await decide(extra, "Read", { file_path: "../project2/x.txt" }))._tag).toBe("Allow")
  })

  it("a dangling symlink resolves to where a write would land", async () => {
    symlinkSync(join(dirs.home, "new-file"), join(dirs.project, "src", "dangling"))
    const policy = await makePolicy(dirs, { local: { allow: ["Edit(src/**)"] } })
    expect((await decide(policy, "Write", { file_path: "src/dangling" }))._tag).toBe("Ask")
  })
})

describe("rules that cannot be understood", () => {
  it.each([
    [{ allowedTools: ["Foo(bar)"] }, "--allowedTools", "Foo rules take no specifier"],
    [{ disallowedTools: ["Bash(rm -rf"] }, "--disallowedTools", "missing closing parenthesis"],
    [{ local: { allow: ["Bash(git diff && rm:*)"] } }, "local settings", "one plain command"],
    [{ project: { deny: ["Bash(echo 'x:*)"] } }, "project settings", "one plain command"],
    [{ user: { ask: ["Bash(ls > out:*)"] } }, "user settings", "redirections"],
    [{ local: { allow: ["Bash($X:*)"] } }, "local settings", "literal words"],
    [{ local: { allow: ["Bash(echo 'unterminated)"] } }, "local settings", "cannot be parsed"],
    [{ local: { deny: ["Read(!x)"] } }, "local settings", "negated"]
  ] as const)("%j is an error naming %s", async (options, source, problem) => {
    const error = await policyError(dirs, options)
    expect(error?._tag).toBe("RuleError")
    expect(error?.source).toBe(source)
    expect(error?.problem).toContain(problem)
    const report = describeFailure(error!, "http://x")
    expect(report.exitCode).toBe(2)
    expect(report.message).toContain("Invalid permission rule")
    if (source.endsWith("settings")) expect(report.message).toContain(".letta/settings")
    else expect(report.message).toContain("letta --help")
  })

  it("a session rule that cannot be understood fails without changing the policy", async () => {
    const policy = await makePolicy(dirs)
    const result = await Effect.runPromise(Effect.either(policy.addSessionRule("Bash(a; b:*)")))
    expect(result._tag).toBe("Left")
  })

  it("unknown tool names are fine and only match themselves", async () => {
    const policy = await makePolicy(dirs, { allowedTools: ["mcp__github__create_issue", "Bashful"] })
    expect((await decide(policy, "mcp__github__create_issue", undefined))._tag).toBe("Allow")
    expect((await bash(policy, "ls"))._tag).toBe("Ask")
  })
})

describe("searchFilter: what directory-wide Grep, Glob and LS leave out", () => {
  const filterOf = (policy: Awaited<ReturnType<typeof makePolicy>>, tool: string, root: string) =>
    Effect.runPromise(policy.searchFilter(tool, root))

  it("costs nothing when no path rule governs the tool", async () => {
    const policy = await makePolicy(dirs, { disallowedTools: ["Bash(rm:*)", "Edit(.env)"], project: { ask: ["Write(src/**)"] } })
    expect(await filterOf(policy, "Grep", dirs.project)).toBeUndefined()
  })

  it("hides what deny rules cover, in every mode, under every spelling of the root", async () => {
    for (const mode of ["default", "acceptEdits", "plan", "bypassPermissions"] as const) {
      const policy = await makePolicy(dirs, { mode, disallowedTools: ["Read(.env)", "Grep(secrets)"] })
      const grep = await filterOf(policy, "Grep", dirs.project)
      expect(grep?.(join(dirs.project, ".env"))).toEqual({ rule: "Read(.env) (--disallowedTools)", effect: "deny" })
      expect(grep?.(join(dirs.project, "secrets", ".key"))).toEqual({ rule: "Grep(secrets) (--disallowedTools)", effect: "deny" })
      expect(grep?.(join(dirs.project, "src", "a.ts"))).toBeUndefined()
      expect(grep?.(join(dirs.project, ".env.example"))).toBeUndefined()
      // Grep rules govern only Grep.
      expect((await filterOf(policy, "Glob", dirs.project))?.(join(dirs.project, "secrets", ".key"))).toBeUndefined()
      // A root spelled with `..`: what is found under it is matched as it really is.
      const viaLink = await filterOf(policy, "LS", join(dirs.project, "sub", ".."))
      expect(viaLink?.(join(dirs.project, "sub", "..", ".env"))?.effect).toBe("deny")
    }
  })

  it("matches files found under a symlinked root by their real path", async () => {
    symlinkSync(dirs.project, join(dirs.root, "project-link"))
    const policy = await makePolicy(dirs, { disallowedTools: ["Read(.env)"] })
    const filter = await filterOf(policy, "Grep", join(dirs.root, "project-link"))
    expect(filter?.(join(dirs.root, "project-link", ".env"))?.effect).toBe("deny")
    expect(filter?.(join(dirs.root, "project-link", "src", "a.ts"))).toBeUndefined()
  })

  it("hides what ask rules cover unless an allow rule lifts them, the call names them, or the mode bypasses them", async () => {
    const asking = await makePolicy(dirs, { project: { ask: ["Read(secrets/**)"] } })
    expect((await filterOf(asking, "Grep", dirs.project))?.(join(dirs.project, "secrets", ".key"))).toEqual({
      rule: "Read(secrets/**) (project settings)",
      effect: "ask"
    })
    // The call itself named the directory, so it was put to the user already.
    expect((await filterOf(asking, "Grep", join(dirs.project, "secrets")))?.(join(dirs.project, "secrets", ".key"))).toBeUndefined()
    const lifted = await makePolicy(dirs, { project: { ask: ["Read(secrets/**)"] }, allowedTools: ["Read(secrets/.key)"] })
    expect((await filterOf(lifted, "Grep", dirs.project))?.(join(dirs.project, "secrets", ".key"))).toBeUndefined()
    const bypass = await makePolicy(dirs, { mode: "bypassPermissions", project: { ask: ["Read(secrets/**)"] } })
    expect(await filterOf(bypass, "Grep", dirs.project)).toBeUndefined()
  })
})
