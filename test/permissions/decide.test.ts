/** The pure decision: compiled rules, a mode and hand-made facts in, a decision out (no layer, no state). */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { PermissionMode } from "../../src/domain/config.js"
import type { PermissionDecision } from "../../src/domain/permissions.js"
import { type CallFacts, decide, needsShell, type PolicyRules } from "../../src/permissions/decide.js"
import type { ResolvedPath } from "../../src/permissions/paths.js"
import { type CompiledRule, compileRuleText } from "../../src/permissions/ruleSet.js"
import type { RuleEffect, RuleSource } from "../../src/permissions/rules.js"
import { searchFilterOf } from "../../src/permissions/searchFilter.js"
import { analyse } from "./support.js"

// Directories that do not exist: nothing here touches the file system but rule compilation,
// which resolves the (missing) anchors as written.
const ROOT = "/letta-decide-test-does-not-exist"
const PROJECT = `${ROOT}/project`
const HOME = `${ROOT}/home`
const EXTRA = `${ROOT}/extra`
const OUTSIDE = `${ROOT}/elsewhere`

const compile = (text: string, effect: RuleEffect, source: RuleSource): Promise<CompiledRule> =>
  Effect.runPromise(Effect.provide(compileRuleText(text, source, effect, { projectDir: PROJECT, homeDir: HOME }), NodeContext.layer))

interface RuleTexts {
  readonly deny?: ReadonlyArray<string>
  readonly allow?: ReadonlyArray<string>
  readonly ask?: ReadonlyArray<string>
}

const rulesOf = async (texts: RuleTexts, source: RuleSource = "project settings"): Promise<PolicyRules> => ({
  deny: await Promise.all((texts.deny ?? []).map((text) => compile(text, "deny", source))),
  allow: await Promise.all((texts.allow ?? []).map((text) => compile(text, "allow", source))),
  ask: await Promise.all((texts.ask ?? []).map((text) => compile(text, "ask", source)))
})

const NONE: PolicyRules = { deny: [], allow: [], ask: [] }

/** A path the call touches, with no symlinks in the way. */
const at = (path: string): ResolvedPath => ({ lexical: path, real: [path] })

const fileCall = (toolName: string, ...paths: ReadonlyArray<string>): CallFacts => ({
  toolName,
  paths: paths.map(at),
  shell: undefined,
  directories: [PROJECT, EXTRA],
  places: { projectDirs: [PROJECT], homeDirs: [HOME] }
})

const otherCall = (toolName: string): CallFacts => ({ ...fileCall(toolName), paths: undefined })

const bashCall = async (line: string): Promise<CallFacts> => ({ ...otherCall("Bash"), shell: await analyse(line) })

const MODES: ReadonlyArray<PermissionMode> = ["default", "acceptEdits", "plan", "bypassPermissions"]

const planDenial = (tool: string): PermissionDecision => ({
  _tag: "Deny",
  decidedBy: "plan mode",
  reason: `Plan mode is active: ${tool} is not allowed while planning. Research with read-only tools, then present the plan with ExitPlanMode.`
})

describe("decide: deny > mode > allow > ask > defaults", () => {
  it("a deny rule wins over every mode, allow rule and ask rule", async () => {
    const rules = await rulesOf({ deny: ["Bash(rm:*)"], allow: ["Bash"], ask: ["Bash(rm -rf:*)"] })
    const facts = await bashCall("rm -rf build")
    for (const mode of MODES) {
      expect(decide(rules, mode, facts), mode).toEqual({
        _tag: "Deny",
        decidedBy: "Bash(rm:*) (project settings)",
        reason: "Permission denied by rule Bash(rm:*) (project settings)"
      })
    }
  })

  it("an allow rule wins over an ask rule; an ask rule over the defaults", async () => {
    const both = await rulesOf({ allow: ["Read(src/**)"], ask: ["Read(src/**)"] })
    expect(decide(both, "default", fileCall("Read", `${PROJECT}/src/a.ts`))).toEqual({ _tag: "Allow", decidedBy: "Read(src/**) (project settings)" })
    const askOnly = await rulesOf({ ask: ["Read(src/**)"] })
    expect(decide(askOnly, "default", fileCall("Read", `${PROJECT}/src/a.ts`))).toEqual({ _tag: "Ask", decidedBy: "Read(src/**) (project settings)" })
    // A deny rule matches when any path matches; an allow rule must cover every path.
    const partly = await rulesOf({ allow: ["Read(src/**)"] })
    expect(decide(partly, "default", fileCall("Grep", `${PROJECT}/src`, OUTSIDE))._tag).toBe("Ask")
  })

  it("allow rules are tried in the order given: the first that covers the call names the decision", async () => {
    const cli = await compile("Read", "allow", "--allowedTools")
    const settings = await compile("Read", "allow", "user settings")
    const facts = fileCall("Read", `${OUTSIDE}/x`)
    expect(decide({ ...NONE, allow: [cli, settings] }, "default", facts).decidedBy).toBe("Read (--allowedTools)")
    expect(decide({ ...NONE, allow: [settings, cli] }, "default", facts).decidedBy).toBe("Read (user settings)")
  })

  it("several rules that together allow a line are all named", async () => {
    const rules = await rulesOf({ allow: ["Bash(git status)", "Bash(git log:*)"] })
    expect(decide(rules, "default", await bashCall("git status && git log -1"))).toEqual({
      _tag: "Allow",
      decidedBy: "Bash(git status) (project settings), Bash(git log:*) (project settings)"
    })
  })
})

describe("decide: modes", () => {
  it("default: writes and commands ask", async () => {
    expect(decide(NONE, "default", fileCall("Edit", `${PROJECT}/a.ts`))).toEqual({ _tag: "Ask", decidedBy: "default: needs approval" })
    expect(decide(NONE, "default", await bashCall("ls"))).toEqual({ _tag: "Ask", decidedBy: "default: needs approval" })
  })

  it("acceptEdits: the edit family inside the project and additional directories, nothing else", async () => {
    for (const tool of ["Edit", "MultiEdit", "Write"]) {
      expect(decide(NONE, "acceptEdits", fileCall(tool, `${PROJECT}/src/a.ts`))).toEqual({ _tag: "Allow", decidedBy: "acceptEdits mode" })
      expect(decide(NONE, "acceptEdits", fileCall(tool, `${EXTRA}/b.ts`))).toEqual({ _tag: "Allow", decidedBy: "acceptEdits mode" })
      expect(decide(NONE, "acceptEdits", fileCall(tool, `${OUTSIDE}/c.ts`))).toEqual({ _tag: "Ask", decidedBy: "default: needs approval" })
    }
    expect(decide(NONE, "acceptEdits", await bashCall("ls"))._tag).toBe("Ask")
    // A call without a path is not "inside".
    expect(decide(NONE, "acceptEdits", otherCall("Edit"))._tag).toBe("Ask")
  })

  it("plan: the edit family, Bash and KillBash are denied; reading stays as by default", async () => {
    const allowAll = await rulesOf({ allow: ["Edit", "Bash", "KillBash"] })
    for (const tool of ["Edit", "MultiEdit", "Write"]) {
      expect(decide(allowAll, "plan", fileCall(tool, `${PROJECT}/a.ts`))).toEqual(planDenial(tool))
    }
    expect(decide(allowAll, "plan", await bashCall("ls"))).toEqual(planDenial("Bash"))
    expect(decide(allowAll, "plan", otherCall("KillBash"))).toEqual(planDenial("KillBash"))
    expect(decide(NONE, "plan", fileCall("Read", `${PROJECT}/a.ts`))).toEqual({ _tag: "Allow", decidedBy: "default: reading inside the project" })
  })

  it("plan: ExitPlanMode asks the user unless an allow rule names it", async () => {
    expect(decide(NONE, "plan", otherCall("ExitPlanMode"))).toEqual({ _tag: "Ask", decidedBy: "plan mode: the plan needs the user's approval" })
    const allowed = { ...NONE, allow: [await compile("ExitPlanMode", "allow", "--allowedTools")] }
    expect(decide(allowed, "plan", otherCall("ExitPlanMode"))).toEqual({ _tag: "Allow", decidedBy: "ExitPlanMode (--allowedTools)" })
  })

  it("bypassPermissions: everything not denied is allowed, ask rules and protected files included", async () => {
    const rules = await rulesOf({ ask: ["Bash", "Read"] })
    expect(decide(rules, "bypassPermissions", await bashCall("rm -rf /"))).toEqual({ _tag: "Allow", decidedBy: "bypassPermissions mode" })
    expect(decide(rules, "bypassPermissions", fileCall("Read", `${OUTSIDE}/x`))).toEqual({ _tag: "Allow", decidedBy: "bypassPermissions mode" })
    expect(decide(NONE, "bypassPermissions", fileCall("Write", `${PROJECT}/.letta/settings.json`))).toEqual({
      _tag: "Allow",
      decidedBy: "bypassPermissions mode"
    })
  })
})

describe("decide: a line a deny rule might match", () => {
  it("asks with possibleDeny, and bypassPermissions (which never asks) denies it", async () => {
    const rules = await rulesOf({ deny: ["Bash(rm:*)"], allow: ["Bash"] })
    const facts = await bashCall("$CMD -rf x")
    const asked = decide(rules, "default", facts)
    expect(asked).toMatchObject({ _tag: "Ask", possibleDeny: { rule: "Bash(rm:*) (project settings)" } })
    const construct = asked._tag === "Ask" ? asked.possibleDeny!.construct : ""
    expect(asked.decidedBy).toBe(`Bash(rm:*) (project settings) might match: ${construct}`)
    expect(decide(rules, "acceptEdits", facts)).toEqual(asked)
    expect(decide(rules, "bypassPermissions", facts)).toEqual({
      _tag: "Deny",
      decidedBy: `Bash(rm:*) (project settings) might match: ${construct}`,
      reason: `Permission denied: the deny rule Bash(rm:*) (project settings) might match this command and it cannot be checked (${construct}). bypassPermissions does not override deny rules; write the command out plainly.`,
      possibleDeny: { rule: "Bash(rm:*) (project settings)", construct }
    })
    expect(decide(rules, "plan", facts)).toEqual({ ...planDenial("Bash"), possibleDeny: { rule: "Bash(rm:*) (project settings)", construct } })
  })

  it("only a deny rule naming a command makes a line unsure", async () => {
    const rules = await rulesOf({ deny: ["Bash"] })
    expect(needsShell(rules, "Bash")).toBe(false)
    expect(needsShell(await rulesOf({ ask: ["Bash(git push:*)"] }), "Bash")).toBe(true)
    expect(needsShell(await rulesOf({ ask: ["Bash(git push:*)"] }), "Read")).toBe(false)
    const facts = await bashCall("$CMD x")
    expect(decide(await rulesOf({ allow: ["Bash(ls:*)"] }), "bypassPermissions", facts)).toEqual({ _tag: "Allow", decidedBy: "bypassPermissions mode" })
  })
})

describe("decide: files that change the rules (writes only)", () => {
  const settingsFile = `${PROJECT}/.letta/settings.json`
  const asksProtected: PermissionDecision = {
    _tag: "Ask",
    decidedBy: "protected file: .letta/settings.json is letta's own configuration (settings, permissions, commands, skills)",
    protectedFile: { path: ".letta/settings.json", why: "letta's own configuration (settings, permissions, commands, skills)" }
  }

  it("acceptEdits and a rule that does not name the file ask", async () => {
    expect(decide(NONE, "acceptEdits", fileCall("Write", settingsFile))).toEqual(asksProtected)
    expect(decide(await rulesOf({ allow: ["Edit"] }), "default", fileCall("Edit", settingsFile))).toEqual(asksProtected)
    expect(decide(await rulesOf({ allow: ["Edit(**)"] }), "acceptEdits", fileCall("Edit", settingsFile))).toEqual(asksProtected)
  })

  it("a rule that names the file allows it", async () => {
    expect(decide(await rulesOf({ allow: ["Edit(.letta/**)"] }), "default", fileCall("Edit", settingsFile))).toEqual({
      _tag: "Allow",
      decidedBy: "Edit(.letta/**) (project settings)"
    })
  })

  it("home start-up files are protected, the same names in a project are not; reading is never guarded", async () => {
    expect(decide(NONE, "acceptEdits", fileCall("Edit", `${HOME}/.bashrc`))).toMatchObject({ protectedFile: { path: "~/.bashrc" } })
    expect(decide(NONE, "acceptEdits", fileCall("Edit", `${PROJECT}/.bashrc`))).toEqual({ _tag: "Allow", decidedBy: "acceptEdits mode" })
    expect(decide(await rulesOf({ allow: ["Read"] }), "default", fileCall("Read", settingsFile))).toEqual({ _tag: "Allow", decidedBy: "Read (project settings)" })
  })

  it("a symlink's real path is judged too", async () => {
    const facts: CallFacts = { ...fileCall("Edit"), paths: [{ lexical: `${PROJECT}/link`, real: [`${PROJECT}/.git/hooks/pre-commit`] }] }
    expect(decide(NONE, "acceptEdits", facts)).toMatchObject({ _tag: "Ask", protectedFile: { path: ".git/hooks/pre-commit", why: "a git hook (git runs it)" } })
  })
})

describe("decide: defaults", () => {
  it("the reading tools are allowed inside the project and additional directories, asked about outside", () => {
    for (const tool of ["Read", "Glob", "Grep", "LS"]) {
      expect(decide(NONE, "default", fileCall(tool, `${PROJECT}/src`))).toEqual({ _tag: "Allow", decidedBy: "default: reading inside the project" })
      expect(decide(NONE, "default", fileCall(tool, `${EXTRA}/notes`))).toEqual({ _tag: "Allow", decidedBy: "default: reading inside the project" })
      expect(decide(NONE, "default", fileCall(tool, `${PROJECT}/src`, OUTSIDE))).toEqual({
        _tag: "Ask",
        decidedBy: "default: reading outside the project and additionalDirectories needs approval"
      })
    }
  })

  it("a real path outside the project is outside, however it is written", () => {
    const facts: CallFacts = { ...fileCall("Read"), paths: [{ lexical: `${PROJECT}/link`, real: [`${HOME}/.ssh/id_rsa`] }] }
    expect(decide(NONE, "default", facts)._tag).toBe("Ask")
  })

  it("TodoWrite, Skill and BashOutput are allowed; anything else asks", () => {
    expect(decide(NONE, "default", otherCall("TodoWrite"))).toEqual({ _tag: "Allow", decidedBy: "default: TodoWrite" })
    expect(decide(NONE, "default", otherCall("Skill"))).toEqual({ _tag: "Allow", decidedBy: "default: Skill reads a listed skill" })
    expect(decide(NONE, "default", otherCall("BashOutput"))).toEqual({ _tag: "Allow", decidedBy: "default: BashOutput reads output of our own jobs" })
    expect(decide(NONE, "default", otherCall("WebFetch"))).toEqual({ _tag: "Ask", decidedBy: "default: needs approval" })
    expect(decide(NONE, "default", otherCall("mcp__server__tool"))).toEqual({ _tag: "Ask", decidedBy: "default: needs approval" })
  })

  it("an MCP server rule governs every tool of that server", async () => {
    const rules = await rulesOf({ allow: ["mcp__server"] })
    expect(decide(rules, "default", otherCall("mcp__server__tool"))).toEqual({ _tag: "Allow", decidedBy: "mcp__server (project settings)" })
    expect(decide(rules, "default", otherCall("mcp__other__tool"))._tag).toBe("Ask")
  })
})

describe("searchFilterOf", () => {
  const searched = at(PROJECT)

  it("is undefined when no path rule could hide a file", async () => {
    expect(searchFilterOf(NONE, "default", "Grep")).toBeUndefined()
    expect(searchFilterOf(await rulesOf({ deny: ["Bash(rm:*)"], ask: ["Read"] }), "default", "Grep")).toBeUndefined()
    expect(searchFilterOf(await rulesOf({ ask: ["Read(.env)"] }), "bypassPermissions", "Grep")).toBeUndefined()
  })

  it("hides denied files, and asked-about ones unless an allow rule covers them", async () => {
    const rules = await rulesOf({ deny: ["Read(secrets/**)"], ask: ["Read(.env)", "Read(docs/**)"], allow: ["Read(docs/**)"] })
    const hidden = searchFilterOf(rules, "default", "Grep")!(searched)
    expect(hidden(`${PROJECT}/secrets/key`)).toEqual({ rule: "Read(secrets/**) (project settings)", effect: "deny" })
    expect(hidden(`${PROJECT}/.env`)).toEqual({ rule: "Read(.env) (project settings)", effect: "ask" })
    expect(hidden(`${PROJECT}/docs/a.md`)).toBeUndefined()
    expect(hidden(`${PROJECT}/src/a.ts`)).toBeUndefined()
    const bypass = searchFilterOf(rules, "bypassPermissions", "Grep")!(searched)
    expect(bypass(`${PROJECT}/.env`)).toBeUndefined()
    expect(bypass(`${PROJECT}/secrets/key`)).toMatchObject({ effect: "deny" })
  })

  it("an ask rule covering the search root itself hides nothing (the search was asked about)", async () => {
    const rules = await rulesOf({ ask: ["Read(docs/**)"] })
    expect(searchFilterOf(rules, "default", "Grep")!(at(`${PROJECT}/docs`))(`${PROJECT}/docs/a.md`)).toBeUndefined()
    expect(searchFilterOf(rules, "default", "Grep")!(searched)(`${PROJECT}/docs/a.md`)).toMatchObject({ effect: "ask" })
  })

  it("a found file is judged under the root's real path too", async () => {
    const rules = await rulesOf({ deny: ["Read(secrets/**)"] })
    const viaLink = searchFilterOf(rules, "default", "Grep")!({ lexical: `${OUTSIDE}/link`, real: [PROJECT] })
    expect(viaLink(`${OUTSIDE}/link/secrets/key`)).toMatchObject({ effect: "deny" })
  })
})
