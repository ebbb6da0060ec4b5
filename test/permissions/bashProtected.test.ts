/** Bash commands naming a file that changes the rules need a rule that names it (issue 13 §5). */
import { describe, expect, it } from "vitest"
import { bashAllowedBy } from "../../src/permissions/bashAllowMatch.js"
import { analyse, bashRule } from "./support.js"

const PROTECTED = [
  ".letta/settings.json", ".letta/settings.local.json", "./.letta/commands/x.md", "sub/.letta/skills/s/SKILL.md", ".mcp.json",
  ".git/hooks/pre-commit", ".git/config", "~/.bashrc", "~/.zshrc", "~/.profile", "$HOME/.bash_profile", "~/.gitconfig",
  "~/.config/fish/config.fish", "~/.letta/settings.json"
]

describe("Bash writes to files that change the rules", () => {
  it("are not allowed by a prefix rule that does not name them", async () => {
    const rules = await Promise.all(["Bash(cp:*)", "Bash(tee:*)", "Bash(mv:*)", "Bash(sed:*)", "Bash(ln:*)"].map((r) => bashRule(r)))
    for (const target of PROTECTED) {
      for (const line of [`cp evil ${target}`, `echo x | tee -a ${target}`, `mv hook ${target}`, `sed -i s/a/b/ ${target}`, `ln -sf /tmp/x ${target}`]) {
        expect(bashAllowedBy(await analyse(line), rules), line).toBeUndefined()
      }
    }
  })

  it("are allowed by a rule that names them, and reading them stays allowed", async () => {
    const naming = [await bashRule("Bash(cp evil .letta/settings.json:*)")]
    expect(bashAllowedBy(await analyse("cp evil .letta/settings.json"), naming)).toBeDefined()
    const readers = await Promise.all(["Bash(cat:*)", "Bash(git diff:*)", "Bash(grep:*)", "Bash(cp:*)"].map((r) => bashRule(r)))
    for (const line of ["cat .letta/settings.json", "git diff .git/config", "grep -n allow .letta/settings.local.json", "cp src/a.ts src/b.ts", "cp .env.example .env"]) {
      expect(bashAllowedBy(await analyse(line), readers), line).toBeDefined()
    }
  })
})
