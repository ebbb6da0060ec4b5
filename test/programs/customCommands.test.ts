/** Custom slash commands: discovery, front-matter, arguments, `!` commands, scoped allow rules. */
import { Effect, Either } from "effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { discoverCommands, invokedCommand, menuDescription, parseCommandFile } from "../../src/programs/customCommands/discover.js"
import { splitRuleList } from "../../src/permissions/rules.js"
import { expandCommand, headlessVerdict, splitArguments, substituteArguments } from "../../src/programs/customCommands/expand.js"
import { builtInNames } from "../../src/programs/customCommands/headless.js"
import { PermissionPolicy, type PermissionPolicyShape } from "../../src/services/PermissionPolicy.js"
import { ShellNode } from "../../src/layers/ShellNode.js"
import { bash, makeDirs, makePolicy, type TempDirs } from "../permissions/support.js"

let dirs: TempDirs
beforeEach(() => {
  dirs = makeDirs()
})
afterEach(() => dirs.cleanup())

const write = (path: string, text: string) => {
  mkdirSync(join(path, ".."), { recursive: true })
  writeFileSync(path, text)
}

describe("discovery", () => {
  it("reads .letta and .claude folders of project and user, namespaced by sub-folder", async () => {
    write(join(dirs.project, ".letta/commands/review.md"), "---\ndescription: Review code\n---\nReview $ARGUMENTS")
    write(join(dirs.project, ".claude/commands/frontend/lint.md"), "Lint the frontend")
    write(join(dirs.home, ".letta/commands/mine.md"), "---\ndescription: Mine\n---\nx")
    write(join(dirs.home, ".claude/commands/deep/er/x.md"), "deep")
    // The project's wins over the user's on a clash.
    write(join(dirs.home, ".claude/commands/review.md"), "---\ndescription: user review\n---\nuser")
    const found = await discoverCommands(dirs.project, dirs.home, builtInNames())
    expect(found.problems).toEqual([])
    expect(found.commands.map((c) => [c.name, c.scope])).toEqual([
      ["deep:er:x", "user"],
      ["frontend:lint", "project"],
      ["mine", "user"],
      ["review", "project"]
    ])
    expect(found.commands.find((c) => c.name === "review")?.description).toBe("Review code")
    expect(menuDescription(found.commands.find((c) => c.name === "frontend:lint")!)).toBe("Lint the frontend (project)")
  })

  it("reports malformed front-matter, bad names and built-in names with the file, and skips them", async () => {
    const bad = join(dirs.project, ".letta/commands/bad.md")
    write(bad, "---\ndescription: [unclosed\n---\nbody")
    const unclosed = join(dirs.project, ".letta/commands/unclosed.md")
    write(unclosed, "---\ndescription: x\nbody without end")
    const wrongType = join(dirs.project, ".letta/commands/typed.md")
    write(wrongType, "---\ndescription: 12\n---\nbody")
    const help = join(dirs.project, ".claude/commands/help.md")
    write(help, "my help")
    const spaced = join(dirs.project, ".letta/commands/has space.md")
    write(spaced, "x")
    write(join(dirs.project, ".letta/commands/good.md"), "fine")
    const found = await discoverCommands(dirs.project, dirs.home, builtInNames())
    expect(found.commands.map((c) => c.name)).toEqual(["good"])
    const byFile = new Map(found.problems.map((p) => [p.file, p.problem]))
    expect(byFile.get(bad)).toMatch(/not valid YAML/)
    expect(byFile.get(unclosed)).toMatch(/no closing ---/)
    expect(byFile.get(wrongType)).toMatch(/description/)
    expect(byFile.get(help)).toBe("/help is a built-in command: this file is ignored (rename it)")
    expect(byFile.get(spaced)).toMatch(/cannot be a command name/)
  })

  it("front-matter: Claude Code's unquoted argument-hint, allowed-tools as a list or a string, model", () => {
    const parsed = parseCommandFile(
      "/x/c.md",
      "c",
      "project",
      "---\nargument-hint: [pr-number] [priority]\nallowed-tools: Bash(git add:*), Bash(git status:*), Read\nmodel: openai/gpt-5\n---\nBody"
    )
    expect(Either.isRight(parsed)).toBe(true)
    if (Either.isLeft(parsed)) return
    expect(parsed.right.argumentHint).toBe("[pr-number] [priority]")
    expect(parsed.right.allowedTools).toEqual(["Bash(git add:*)", "Bash(git status:*)", "Read"])
    expect(parsed.right.model).toBe("openai/gpt-5")
    expect(parsed.right.body).toBe("Body")
    const listed = parseCommandFile("/x/c.md", "c", "project", "---\nallowed-tools:\n  - Bash(a, b:*)\n  - Edit\n---\n")
    expect(Either.getOrThrow(listed).allowedTools).toEqual(["Bash(a, b:*)", "Edit"])
    expect(splitRuleList("A(x,y), B ,, C")).toEqual(["A(x,y)", "B", "C"])
  })

  it("finds the command a message invokes, case-insensitively; others are not commands", () => {
    const commands = [Either.getOrThrow(parseCommandFile("/f.md", "frontend:review", "project", "x"))]
    expect(invokedCommand("/frontend:review src/ now", commands)).toMatchObject({ args: "src/ now" })
    expect(invokedCommand("/Frontend:Review", commands)).toMatchObject({ args: "" })
    expect(invokedCommand("/frontend:reviewx", commands)).toBeUndefined()
    expect(invokedCommand("frontend:review", commands)).toBeUndefined()
    expect(invokedCommand("/src/main.ts explain", commands)).toBeUndefined()
  })
})

describe("arguments", () => {
  it("$ARGUMENTS and $1..$9, quoted arguments kept together", () => {
    expect(splitArguments(`a "b c" 'd e' f`)).toEqual(["a", "b c", "d e", "f"])
    expect(substituteArguments("Fix #$1 with $2 priority; all: $ARGUMENTS; none: $3", `42 "very high"`)).toBe(
      `Fix #42 with very high priority; all: 42 "very high"; none: `
    )
    // $10 is not $1 followed by 0; `$&` in an argument is literal text.
    expect(substituteArguments("$10 $1", "$&")).toBe("$10 $&")
  })

  it("a body without placeholders gets the arguments appended; no arguments, nothing added", () => {
    expect(substituteArguments("Review the code.\n", "src/")).toBe("Review the code.\n\nARGUMENTS: src/")
    expect(substituteArguments("Review the code.", "")).toBe("Review the code.")
  })
})

describe("expansion through the permission rules", () => {
  const command = (body: string, allowedTools: ReadonlyArray<string> = []) => ({
    name: "t",
    description: undefined,
    argumentHint: undefined,
    allowedTools,
    model: undefined,
    body,
    file: join(dirs.project, ".letta/commands/t.md"),
    scope: "project" as const
  })
  const expand = (policy: PermissionPolicyShape, body: string, args = "", allowedTools: ReadonlyArray<string> = []) => {
    const run = expandCommand(command(body, allowedTools), args, dirs.project, (_cmd, decision) => Effect.succeed(headlessVerdict(decision)))
    const scoped = allowedTools.length === 0 ? run : policy.withScopedRules!(allowedTools, command(body).file, run)
    return Effect.runPromise(Effect.either(Effect.provideService(scoped, PermissionPolicy, policy)).pipe(Effect.provide(ShellNode)))
  }

  it("runs allowed !`cmd` and attaches @files; the output is not scanned for mentions", async () => {
    writeFileSync(join(dirs.project, "notes.txt"), "NOTE-TEXT\n")
    writeFileSync(join(dirs.project, "other.txt"), "OTHER-TEXT\n")
    const policy = await makePolicy(dirs, { project: { allow: ["Bash(echo:*)"] } })
    const result = await expand(policy, "Status: !`echo hi-$1`\nSee @notes.txt", "there")
    const expanded = Either.getOrThrow(result)
    expect(expanded.prompt).toContain("Status: hi-there\nSee @notes.txt")
    expect(expanded.prompt).toContain('<file path="notes.txt">\nNOTE-TEXT\n</file>')
    const echoed = Either.getOrThrow(await expand(policy, "!`echo @other.txt`"))
    expect(echoed.prompt).toBe("@other.txt")
  })

  it("a denied, asked or possibly-denied !`cmd` fails the command with the reason and runs nothing", async () => {
    const marker = join(dirs.project, "ran")
    const denied = await makePolicy(dirs, { project: { deny: ["Bash(touch:*)"] }, allowedTools: ["Bash"] })
    const failure = await expand(denied, `!\`touch ${marker}\``)
    expect(Either.isLeft(failure) && failure.left.message).toMatch(/was not run: Permission denied by rule Bash\(touch:\*\) \(project settings\)/)
    const asked = await expand(await makePolicy(dirs), `before !\`echo x\` !\`touch ${marker}\``)
    expect(Either.isLeft(asked) && asked.left.message).toMatch(/!`echo x` was not run: running it needs approval/)
    const unsure = await expand(denied, `!\`$(echo touch) ${marker}\``)
    expect(Either.isLeft(unsure) && unsure.left.message).toMatch(/might match/)
    await expect(import("node:fs").then((fs) => fs.existsSync(marker))).resolves.toBe(false)
  })

  it("arguments spliced into a !`cmd` are judged with it: a substitution the rule does not allow is not run", async () => {
    const marker = join(dirs.project, "injected")
    const policy = await makePolicy(dirs, { project: { allow: ["Bash(echo:*)"] } })
    const result = await expand(policy, "!`echo $ARGUMENTS`", `$(touch ${marker})`)
    expect(Either.isLeft(result) && result.left.message).toMatch(/was not run/)
    const { existsSync } = await import("node:fs")
    expect(existsSync(marker)).toBe(false)
  })

  it("allowed-tools allow only while the command runs", async () => {
    const policy = await makePolicy(dirs)
    const result = await expand(policy, "!`echo scoped`", "", ["Bash(echo:*)"])
    expect(Either.getOrThrow(result).prompt).toBe("scoped")
    expect((await bash(policy, "echo scoped"))._tag).toBe("Ask")
    // A rule that cannot be understood names the command's file.
    const broken = await expand(policy, "x", "", ["Bash(a; b:*)"])
    expect(Either.isLeft(broken) && broken.left).toMatchObject({ _tag: "RuleError", source: "allowed-tools", location: join(dirs.project, ".letta/commands/t.md") })
  })
})
