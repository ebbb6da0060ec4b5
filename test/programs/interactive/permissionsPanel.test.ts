/** `/permissions` lists the rules of a `--settings <file>` with their source (issue 12, feature 7). */
import { describe, expect, it } from "vitest"
import { permissionLines } from "../../../src/programs/interactive/panels.js"

const paths = { user: "/home/u/.letta/settings.json", project: "/p/.letta/settings.json", local: "/p/.letta/settings.local.json" }

describe("/permissions", () => {
  it("lists the --settings file's rules and directories, above the settings files'", () => {
    const lines = permissionLines({
      mode: "default",
      settings: { user: { permissions: { allow: ["Read(docs/**)"] } }, project: {}, local: {} },
      paths,
      allowedTools: [],
      disallowedTools: [],
      extra: { path: "/tmp/run.json", permissions: { deny: ["Bash(curl:*)"], allow: ["Bash(npm test:*)"], additionalDirectories: ["../shared"] } },
      added: []
    }).map((line) => line.text)
    expect(lines).toContain("  deny  Bash(curl:*)  (--settings: /tmp/run.json)")
    expect(lines).toContain("  allow Bash(npm test:*)  (--settings: /tmp/run.json)")
    expect(lines).toContain("  dir   ../shared  (--settings: /tmp/run.json, additional directory)")
    expect(lines.indexOf("  deny  Bash(curl:*)  (--settings: /tmp/run.json)")).toBeLessThan(lines.indexOf(`  allow Read(docs/**)  (user: ${paths.user})`))
  })
})
