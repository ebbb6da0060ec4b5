import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { decodeFrontMatter, splitFrontMatter } from "../../src/domain/frontMatter.js"

const Meta = Schema.Struct({ description: Schema.String, name: Schema.optional(Schema.String) })

describe("front-matter", () => {
  it("splits the YAML block from the body", () => {
    expect(splitFrontMatter("---\nname: a\n---\nbody\n")).toEqual({ yaml: "name: a\n", body: "body\n" })
    expect(splitFrontMatter("\uFEFF---\r\nname: a\r\n---\r\nbody")).toEqual({ yaml: "name: a\r\n", body: "body" })
    expect(splitFrontMatter("no front-matter\n---\n")).toEqual({ yaml: undefined, body: "no front-matter\n---\n" })
    expect(splitFrontMatter("---\nname: a\n")).toBe("unclosed")
  })

  it("decodes YAML, folded text and quoting included", () => {
    const text = '---\nname: "deploy"\ndescription: >\n  Deploys the app\n  to staging.\nallowed-tools: [Bash]\n---\n# Steps\n'
    const decoded = decodeFrontMatter("SKILL.md", text, Meta)
    expect(decoded).toEqual(Either.right({ data: { name: "deploy", description: "Deploys the app to staging.\n" }, body: "# Steps\n" }))
  })

  it("names the file and the problem", () => {
    const problem = (text: string) => Either.match(decodeFrontMatter("/p/SKILL.md", text, Meta), { onLeft: (e) => e.message, onRight: () => "ok" })
    expect(problem("---\nname: [unclosed\n---\n")).toMatch(/^\/p\/SKILL\.md: front-matter is not valid YAML: /)
    expect(problem("---\nname: a\nname: b\ndescription: x\n---\n")).toMatch(/not valid YAML/)
    expect(problem("---\n- a\n- b\n---\n")).toBe("/p/SKILL.md: front-matter must be a mapping of keys to values")
    expect(problem("---\nname: a\n---\n")).toBe('/p/SKILL.md: front-matter: description is missing')
    expect(problem("---\ndescription: 3\n---\n")).toMatch(/^\/p\/SKILL\.md: front-matter: description: Expected string, actual 3/)
    expect(problem("---\nname: a\n")).toBe("/p/SKILL.md: front-matter starts with --- but has no closing --- line")
    // No front-matter at all decodes {} (here: description missing).
    expect(problem("# just text\n")).toBe("/p/SKILL.md: front-matter: description is missing")
  })
})

describe("YAML errors", () => {
  it("say what is wrong and on which line of the file, without quoting it", () => {
    const problem = (text: string) => Either.match(decodeFrontMatter("f.md", text, Meta), { onLeft: (e) => e.problem, onRight: () => "ok" })
    expect(problem("---\nname: a\nname: b\ndescription: x\n---\n")).toBe("front-matter is not valid YAML: Map keys must be unique (line 3)")
    expect(problem("---\ndescription: a: b\n---\n")).toBe("front-matter is not valid YAML: Nested mappings are not allowed in compact mappings (line 2)")
  })
})
