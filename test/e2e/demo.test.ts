/** The README's one-command demo (`npm run demo` after the build): every run in it succeeds and shows what it should. */
import { execFile } from "node:child_process"
import { resolve } from "node:path"
import { expect, it } from "vitest"

it("the offline demo learns from the README, remembers across agents, and reflects on a correction", async () => {
  const script = resolve(import.meta.dirname, "../../scripts/demo.mjs")
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = execFile(process.execPath, [script], { timeout: 60_000 }, (error, _stdout, stderr) => done({ code: error === null ? 0 : (error.code as number | null), stderr }))
    child.stdin?.end()
  })
  expect(code).toBe(0)
  expect(stderr).toContain("From my project memory: Tests: npm run test:unit (from README.md).")
  expect(stderr).toContain("letta: learned: project: Use pnpm, not npm (the user's correction).")
  expect(stderr).toMatch(/3 .* reflection by agent-[\w-]+: added "Use pnpm, not npm/)
}, 70_000)
