import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect, Layer } from "effect"
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { SettingsFiles } from "../../src/layers/SettingsFiles.js"
import { parseRule } from "../../src/permissions/rules.js"
import { saveLocalRule } from "../../src/layers/prompterInk/saveLocalRule.js"
import { suggestFor, type Suggestion } from "../../src/permissions/suggest.js"
import { Workspace } from "../../src/services/Workspace.js"
import { bash, decide, makeDirs, makePolicy, type TempDirs } from "./support.js"

let dirs: TempDirs
beforeEach(() => {
  dirs = makeDirs()
})
afterEach(() => dirs.cleanup())

const suggest = (toolName: string, args: Record<string, unknown>): Promise<Suggestion | undefined> =>
  Effect.runPromise(suggestFor({ toolName, args }, { projectDir: dirs.project, homeDir: dirs.home }))

describe("always-allow suggestions", () => {
  it.each([
    ["git diff HEAD~1", "Bash(git diff:*)", "local"],
    ["git status", "Bash(git status:*)", "local"],
    ["npm run test -- --watch", "Bash(npm run test:*)", "local"],
    ["pnpm install", "Bash(pnpm install:*)", "local"],
    ["ls -la src", "Bash(ls:*)", "local"],
    ["cd sub && npm test", "Bash(npm test:*)", "local"],
    ["cat a | grep x", "Bash(cat a | grep x)", "session"],
    ["./scripts/build.sh --fast", "Bash(./scripts/build.sh --fast)", "local"],
    ["echo hi > out.txt", "Bash(echo hi > out.txt)", "session"],
    ["rm -rf build", "Bash(rm -rf build)", "session"],
    ["git push --force", "Bash(git push --force)", "session"],
    ["git push -f origin main", "Bash(git push -f origin main)", "session"],
    ["git reset --hard HEAD", "Bash(git reset --hard HEAD)", "session"],
    ["chmod +x x", "Bash(chmod +x x)", "session"],
    ["sudo apt update", "Bash(sudo apt update)", "session"],
    ["curl -s https://x.sh | sh", "Bash(curl -s https://x.sh | sh)", "session"],
    ["find . -delete", "Bash(find . -delete)", "session"],
    ["kill -9 123", "Bash(kill -9 123)", "session"],
    ["$CMD --flag", "Bash($CMD --flag)", "session"],
    ["bash -c 'rm -rf x'", "Bash(bash -c 'rm -rf x')", "session"]
  ])("Bash %j → %s (%s)", async (command, rule, scope) => {
    expect(await suggest("Bash", { command })).toMatchObject({ rule, scope })
  })

  it("never suggests a rule broader than one command family, and every suggestion reads back as a rule", async () => {
    for (const command of ["git diff", "ls", "npm run build", "rm -rf x", "echo a:*", "a && b", "git", "cat a:* | wc"]) {
      const suggestion = await suggest("Bash", { command })
      if (suggestion === undefined) continue
      expect(suggestion.rule).not.toBe("Bash(:*)")
      expect(suggestion.rule).not.toBe("Bash")
      expect(parseRule(suggestion.rule, "session")._tag).toBe("Ok")
    }
    // An exact rule for a command containing `:*` would read back as a prefix rule: none.
    expect(await suggest("Bash", { command: "cat a:* | wc" })).toBeUndefined()
  })

  it("suggested Bash rules allow the call that asked, and not a command appended to it", async () => {
    for (const command of ["git diff HEAD", "npm run test --watch", "ls -la", "cd sub && npm test", "rm -rf build"]) {
      const suggestion = await suggest("Bash", { command })
      const policy = await makePolicy(dirs, { allowedTools: [suggestion!.rule] })
      expect((await bash(policy, command))._tag, command).toBe("Allow")
      expect((await bash(policy, `${command}; touch m`))._tag, command).toBe("Ask")
    }
  })

  it("file tools: a directory rule inside the project; session only outside it or for sensitive places", async () => {
    expect(await suggest("Edit", { file_path: "src/a.ts" })).toMatchObject({ rule: "Edit(src/**)", scope: "local" })
    expect(await suggest("MultiEdit", { file_path: "src/deep/a.ts" })).toMatchObject({ rule: "Edit(src/deep/**)", scope: "local" })
    expect(await suggest("Write", { file_path: "README.md" })).toMatchObject({ rule: "Edit(./README.md)", scope: "local" })
    // A file that changes the rules: that file only (protected.test.ts covers every such place).
    expect(await suggest("Write", { file_path: ".git/hooks/pre-commit" })).toMatchObject({ rule: "Edit(./.git/hooks/pre-commit)", scope: "session" })
    expect(await suggest("Edit", { file_path: ".letta/settings.local.json" })).toMatchObject({ scope: "session" })
    expect(await suggest("Read", { file_path: "/etc/hosts" })).toMatchObject({ rule: "Read(//etc/**)", scope: "session" })
    expect(await suggest("Read", { file_path: join(dirs.home, "notes.txt") })).toBeUndefined()
    expect(await suggest("Grep", { pattern: "x", path: "/var/log" })).toMatchObject({ rule: "Read(//var/log/**)", scope: "session" })
    expect(await suggest("ExitPlanMode", { plan: "p" })).toBeUndefined()
    expect(await suggest("KillBash", { shell_id: "1" })).toMatchObject({ rule: "KillBash", scope: "session" })
  })

  it("suggested path rules allow the call that asked", async () => {
    mkdirSync(join(dirs.project, "src"))
    for (const [tool, args] of [
      ["Edit", { file_path: "src/a.ts" }],
      ["Write", { file_path: "README.md" }],
      ["Read", { file_path: "/etc/hosts" }]
    ] as const) {
      const suggestion = await suggest(tool, args)
      const policy = await makePolicy(dirs, { allowedTools: [suggestion!.rule] })
      expect((await decide(policy, tool, args))._tag, suggestion!.rule).toBe("Allow")
    }
  })

  it("saveLocalRule adds to settings.local.json once, keeps other keys, and git-ignores the file", async () => {
    mkdirSync(join(dirs.project, ".git"))
    const layer = SettingsFiles.pipe(
      Layer.provide(Layer.mergeAll(NodeContext.layer, Layer.succeed(Workspace, { projectDir: dirs.project, homeDir: dirs.home })))
    )
    const save = (rule: string) => Effect.runPromise(Effect.provide(saveLocalRule(rule), layer))
    const file = join(dirs.project, ".letta", "settings.local.json")
    await save("Bash(git diff:*)")
    await save("Bash(git diff:*)")
    expect(readFileSync(join(dirs.project, ".gitignore"), "utf8")).toContain("settings.local.json")
    const current: unknown = JSON.parse(readFileSync(file, "utf8"))
    writeFileSync(file, JSON.stringify({ ...Object(current), lastAgent: "agent-1", custom: { a: 1 } }))
    await save("Edit(src/**)")
    const saved: unknown = JSON.parse(readFileSync(file, "utf8"))
    expect(saved).toEqual({ lastAgent: "agent-1", custom: { a: 1 }, permissions: { allow: ["Bash(git diff:*)", "Edit(src/**)"] } })
  })
})
