/** Files that change the rules (README "Files that change the rules"): writes to them ask. */
import { Effect } from "effect"
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { headlessReason, PrompterHeadless } from "../../src/layers/PrompterHeadless.js"
import { namesProtected, protectionOf } from "../../src/permissions/protectedPaths.js"
import { parseRule } from "../../src/permissions/rules.js"
import { suggestFor } from "../../src/permissions/suggest.js"
import { PermissionPolicy, type PermissionPolicyShape } from "../../src/services/PermissionPolicy.js"
import { Prompter } from "../../src/services/Prompter.js"
import { decide, makeDirs, makePolicy, type PolicyOptions, type TempDirs } from "./support.js"

/** A protected location: the path as a call writes it (`~/` = the home directory), and rules that name it. */
interface Location {
  readonly path: string
  readonly naming: ReadonlyArray<string>
}

const PROJECT: ReadonlyArray<Location> = [
  { path: ".letta/settings.json", naming: ["Edit(.letta/**)", "Edit(.letta/settings.json)", "Edit(./.letta)"] },
  { path: ".letta/settings.local.json", naming: ["Edit(.letta/settings.local.json)", "Write(**/.letta/*.json)"] },
  { path: ".letta/commands/review.md", naming: ["Edit(.letta/commands/*)"] },
  { path: ".letta/skills/s/SKILL.md", naming: ["Edit(.letta/skills/**)"] },
  { path: ".letta/anything-new", naming: ["Edit(.letta/**)"] },
  { path: ".mcp.json", naming: ["Edit(.mcp.json)", "Edit(./.mcp.json)"] },
  { path: ".git/hooks/pre-commit", naming: ["Edit(.git/hooks/*)", "Edit(.git/hooks/pre-commit)"] },
  { path: ".git/config", naming: ["Edit(.git/config)"] },
  { path: ".git/modules/lib/hooks/post-checkout", naming: ["Edit(.git/modules/**/hooks/*)"] },
  { path: "sub/.letta/settings.json", naming: ["Edit(sub/.letta/**)"] }
]

const HOME_STARTUP = [".bashrc", ".bash_profile", ".bash_login", ".profile", ".bash_logout", ".zshrc", ".zshenv", ".zprofile", ".zlogin", ".zlogout"]

const HOME: ReadonlyArray<Location> = [
  { path: "~/.letta/settings.json", naming: ["Edit(~/.letta/**)", "Edit(~/.letta/settings.json)"] },
  ...HOME_STARTUP.map((name) => ({ path: `~/${name}`, naming: [`Edit(~/${name})`] })),
  { path: "~/.config/fish/config.fish", naming: ["Edit(~/.config/fish/config.fish)"] },
  { path: "~/.config/fish/conf.d/abbr.fish", naming: ["Edit(~/.config/fish/conf.d/*)"] },
  { path: "~/.gitconfig", naming: ["Edit(~/.gitconfig)"] },
  { path: "~/.config/git/config", naming: ["Edit(~/.config/git/config)"] }
]

/** Next to them, and unprotected: allowed exactly as before. */
const ORDINARY = [
  "src/a.ts", ".letta-notes.md", "letta/settings.json", ".mcp.json.bak", "mcp.json", "hooks/pre-commit", ".git-hooks/pre-commit",
  ".git/HEAD", ".githooks/config.txt", ".bashrc", "sub/.zshrc", "~/.bashrc.bak", "~/notes/.bashrc", "~/.config/fish/functions/f.fish",
  "~/.config/fish/config.fish.orig"
]

const EDIT_TOOLS = ["Edit", "MultiEdit", "Write"] as const

let dirs: TempDirs
beforeAll(() => {
  dirs = makeDirs()
  for (const location of [...PROJECT, ...HOME]) {
    const file = absolute(location.path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, "x")
  }
  mkdirSync(join(dirs.project, "src"), { recursive: true })
  mkdirSync(join(dirs.project, "docs"))
  // Symlinks into protected places: the real path decides.
  symlinkSync("../.letta/settings.json", join(dirs.project, "docs", "settings-link"))
  symlinkSync(".letta", join(dirs.project, "cfg"))
  symlinkSync(join(dirs.home, ".bashrc"), join(dirs.project, "src", "rc"))
  symlinkSync("../.letta/not-yet.json", join(dirs.project, "docs", "dangling"))
  symlinkSync(join(dirs.project, ".git", "hooks"), join(dirs.project, "src", "hooks"))
  // A .letta that is itself a link elsewhere: the written path decides.
  mkdirSync(join(dirs.root, "elsewhere"))
  mkdirSync(join(dirs.root, "linked-project"))
  symlinkSync(join(dirs.root, "elsewhere"), join(dirs.root, "linked-project", ".letta"))
})
afterAll(() => dirs.cleanup())

const absolute = (path: string): string => (path.startsWith("~/") ? join(dirs.home, path.slice(2)) : join(dirs.project, path))
/** As a call writes it: project files relative, home files absolute. */
const written = (path: string): string => (path.startsWith("~/") ? absolute(path) : path)

/** Broad allow setups that name nothing; home counted inside so acceptEdits would allow it. */
const BROAD: ReadonlyArray<[string, PolicyOptions]> = [
  ["acceptEdits", { mode: "acceptEdits", local: { additionalDirectories: ["~"] } }],
  ["bare Edit", { allowedTools: ["Edit"] }],
  ["bare Write", { allowedTools: ["Write", "Edit", "MultiEdit"] }],
  ["Edit(**)", { allowedTools: ["Edit(**)", "Edit(~/**)"] }],
  ["Edit(//**)", { project: { allow: ["Edit(//**)"] } }],
  ["Edit(src/../**)", { local: { allow: ["Edit(src/../**)", "Edit(~/x/../**)"] } }],
  ["Edit(.letta/../**)", { local: { allow: ["Edit(.letta/../**)", "Edit(~/.letta/../**)"] } }],
  ["Edit(.git/**), Edit(~/.config/**) and Edit(**)", { local: { allow: ["Edit(.git/**)", "Edit(~/.config/**)", "Edit(**)", "Edit(~/**)"] } }],
  ["session Edit", {}]
]

const policies = new Map<string, Promise<PermissionPolicyShape>>()
const policyFor = (name: string, options: PolicyOptions): Promise<PermissionPolicyShape> => {
  const key = `${name}:${JSON.stringify(options)}`
  if (!policies.has(key)) {
    policies.set(
      key,
      makePolicy(dirs, options).then(async (policy) => {
        if (name === "session Edit") await Effect.runPromise(policy.addSessionRule("Edit(//**)"))
        return policy
      })
    )
  }
  return policies.get(key)!
}

describe("writes to files that change the rules ask", () => {
  const cases = [...PROJECT, ...HOME].flatMap((location) => BROAD.map(([name, options]) => [location.path, name, options] as const))
  it.each(cases)("%s under %s → Ask", async (path, name, options) => {
    const policy = await policyFor(name, options)
    for (const tool of EDIT_TOOLS) {
      const decision = await decide(policy, tool, { file_path: written(path) })
      expect(decision._tag, tool).toBe("Ask")
      expect(decision).toMatchObject({ protectedFile: { path } })
      expect(decision.decidedBy).toBe(`protected file: ${path} is ${decision._tag === "Ask" ? decision.protectedFile?.why : ""}`)
    }
    // Reading is not changing.
    if (name === "bare Edit") expect((await decide(await policyFor("read", { allowedTools: ["Read"] }), "Read", { file_path: written(path) }))._tag).toBe("Allow")
  })

  const named = [...PROJECT, ...HOME].flatMap((location) => location.naming.map((rule) => [location.path, rule] as const))
  it.each(named)("%s is allowed by %s, which names it", async (path, rule) => {
    const policy = await policyFor("named", { mode: "acceptEdits", allowedTools: [rule] })
    const tool = rule.startsWith("Write") ? "Write" : "Edit"
    expect(await decide(policy, tool, { file_path: written(path) })).toEqual({ _tag: "Allow", decidedBy: `${rule} (--allowedTools)` })
  })

  it.each([...PROJECT, ...HOME].map((location) => location.path))("%s: deny rules deny, bypassPermissions allows", async (path) => {
    const rule = path.startsWith("~/") ? `Edit(${path})` : `Edit(./${path})`
    for (const mode of ["default", "acceptEdits", "bypassPermissions"] as const) {
      const denying = await policyFor("deny", { mode, allowedTools: ["Edit"], disallowedTools: [rule] })
      expect((await decide(denying, "Write", { file_path: written(path) }))._tag, mode).toBe("Deny")
    }
    const bypass = await policyFor("bypass", { mode: "bypassPermissions" })
    expect(await decide(bypass, "Write", { file_path: written(path) })).toEqual({ _tag: "Allow", decidedBy: "bypassPermissions mode" })
  })

  it.each(ORDINARY)("%s next to them is unchanged", async (path) => {
    for (const [name, options] of BROAD) {
      const policy = await policyFor(name, options)
      const decision = await decide(policy, "Edit", { file_path: written(path) })
      // Edit(src/../**) and Edit(**) are project-anchored; their ~ twins cover home.
      expect(decision._tag, name).toBe("Allow")
    }
  })

  it.each([
    ["docs/settings-link", ".letta/settings.json"],
    ["cfg/settings.json", ".letta/settings.json"],
    ["src/rc", "~/.bashrc"],
    ["docs/dangling", ".letta/not-yet.json"],
    ["src/hooks/pre-commit", ".git/hooks/pre-commit"],
    ["src/../cfg/../.mcp.json", ".mcp.json"]
  ])("a symlink into them asks: %s (really %s)", async (path, real) => {
    for (const [name, options] of BROAD) {
      const policy = await policyFor(name, options)
      expect(await decide(policy, "Write", { file_path: path }), name).toMatchObject({ _tag: "Ask", protectedFile: { path: real } })
    }
    // A rule naming the real file allows it.
    const naming = await policyFor("named-real", { allowedTools: [real.startsWith("~/") ? `Edit(${real})` : `Edit(./${real})`, "Edit(src/**)", "Edit(docs/**)"] })
    expect((await decide(naming, "Write", { file_path: path }))._tag).toBe("Allow")
  })

  it("a .letta that links elsewhere is judged by its written path too", async () => {
    const project = join(dirs.root, "linked-project")
    const elsewhere = join(dirs.root, "elsewhere")
    const policy = await makePolicy({ ...dirs, project }, { allowedTools: [`Edit(/${elsewhere}/**)`] })
    expect(await decide(policy, "Write", { file_path: ".letta/settings.json" })).toMatchObject({ _tag: "Ask", protectedFile: { path: ".letta/settings.json" } })
    // Named by its written path, the rule's base is followed to the real directory.
    const named = await makePolicy({ ...dirs, project }, { allowedTools: ["Edit(.letta/**)"] })
    expect((await decide(named, "Write", { file_path: ".letta/settings.json" }))._tag).toBe("Allow")
  })

  it("ask rules and the headless prompter say why", async () => {
    const policy = await policyFor("bare Edit", { allowedTools: ["Edit"] })
    const decision = await decide(policy, "Edit", { file_path: ".letta/settings.json" })
    expect(headlessReason(decision)).toBe(
      "Tool requires approval: .letta/settings.json is letta's own configuration (settings, permissions, commands, skills), so editing it changes what later runs may do; re-run with an --allowedTools rule that names it (e.g. \"Edit(.letta/settings.json)\")"
    )
    const answer = await Effect.runPromise(
      Effect.flatMap(Prompter, (prompter) => prompter.ask({ toolName: "Write", toolCallId: "c1", args: { file_path: join(dirs.home, ".zshrc") } })).pipe(
        Effect.provide(PrompterHeadless),
        Effect.provideService(PermissionPolicy, policy)
      )
    )
    expect(answer).toEqual({ _tag: "Reject", reason: expect.stringContaining("~/.zshrc is a shell start-up file (new shells run it)") })
    expect(answer).toEqual({ _tag: "Reject", reason: expect.stringContaining('"Edit(~/.zshrc)"') })
  })
})

describe("what names a protected file", () => {
  const places = () => ({ projectDirs: [dirs.project], homeDirs: [dirs.home] })
  const names = (rule: string, path: string): boolean => {
    const parsed = parseRule(rule, "--allowedTools")
    const protection = protectionOf(absolute(path), places())
    if (parsed._tag === "Error" || protection === undefined) throw new Error(`${rule} / ${path}`)
    return namesProtected(parsed.rule, protection)
  }

  it.each([
    ["Edit(.letta/**)", ".letta/settings.json", true],
    ["Edit(**/.letta/**)", ".letta/settings.json", true],
    ["Edit(src/../.letta/x)", ".letta/settings.json", true],
    ["Edit", ".letta/settings.json", false],
    ["Edit(**)", ".letta/settings.json", false],
    ["Edit(.letta/../**)", ".letta/settings.json", false],
    ["Edit(.lett?/**)", ".letta/settings.json", false],
    ["Edit({.letta,src}/**)", ".letta/settings.json", false],
    ["Edit(.git/**)", ".git/hooks/pre-commit", false],
    ["Edit(.git/hooks)", ".git/hooks/pre-commit", true],
    ["Edit(**/config)", ".git/config", false],
    ["Edit(~/.config/**)", "~/.config/fish/config.fish", false],
    ["Edit(~/*rc)", "~/.bashrc", false],
    ["Edit(~/.bashrc)", "~/.bashrc", true]
  ] as const)("%s names %s: %s", (rule, path, expected) => {
    expect(names(rule, path)).toBe(expected)
  })
})

describe("always-allow for a protected file", () => {
  const suggest = (toolName: string, file_path: string) =>
    Effect.runPromise(suggestFor({ toolName, args: { file_path } }, { projectDir: dirs.project, homeDir: dirs.home }))

  it.each([...PROJECT, ...HOME].map((location) => location.path))("%s: that file, this session, and it allows only that file", async (path) => {
    const suggestion = await suggest("Write", written(path))
    expect(suggestion?.scope).toBe("session")
    expect(suggestion?.rule).toMatch(/^Edit\((\.\/|~\/)[^*?{}[\]]+\)$/)
    const policy = await makePolicy(dirs, { mode: "acceptEdits", allowedTools: [suggestion!.rule] })
    expect((await decide(policy, "Write", { file_path: written(path) }))._tag).toBe("Allow")
    for (const other of [...PROJECT, ...HOME].filter((location) => location.path !== path)) {
      expect((await decide(policy, "Write", { file_path: written(other.path) }))._tag, other.path).toBe("Ask")
    }
  })
})
