/**
 * Adversarial permission suite through the BUILT binary (PRODUCT.md §5.3): commands and paths
 * that try to slip past allow rules, deny rules and modes, each judged by its side effect — a
 * marker file that would be created, a victim file that would be removed, a secret that would
 * reach the agent — and by the call being reported as denied. Legitimate calls next to them
 * must run. Each group of cases is ONE headless run: all calls in one step (parallel calls,
 * one approval message).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { spawnSync } from "node:child_process"
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest"
import { IMPLEMENTED_TOOLS } from "../../src/layers/ToolsRegistry.js"
import { FakeLettaServer } from "../support/fakeServer.js"
import { makeSandbox, parseLines, runLetta, type Sandbox } from "../support/e2e.js"

interface Case {
  readonly name: string
  readonly tool: string
  readonly args: Record<string, unknown>
  /** hides: a directory-wide search that runs but must leave the secret out, saying so. */
  readonly expect: "blocked" | "runs" | "hides"
  /** A file the call would create: must not exist (blocked) / must exist (runs). */
  readonly creates?: string
  /** A file the call would remove: must still exist (blocked) / must be gone (runs). */
  readonly removes?: string
  /** Text the call would hand to the agent: must not reach it (blocked) / must (runs). */
  readonly reveals?: string
}

const totals = { attacks: 0, bypasses: 0, legitimate: 0, wronglyBlocked: 0 }

let server: FakeLettaServer
let sandbox: Sandbox

/** Paths and secrets of the fixture every group runs in. */
interface Fixture {
  readonly root: string
  readonly project: string
  readonly home: string
  readonly mark: (id: string) => string
  readonly victim: (id: string) => string
}

const SECRETS = {
  env: "PROJECT-ENV-SECRET",
  ssh: "SSH-PRIVATE-SECRET",
  sibling: "SIBLING-PROJECT-SECRET",
  evilSibling: "EVIL-SIBLING-SECRET",
  outside: "OUTSIDE-SECRET",
  keyfile: "KEYFILE-SECRET-55"
}

const LISTED = { ssh: "listed-only-ssh-91", outside: "listed-only-outside-77" }

const makeFixture = (box: Sandbox): Fixture => {
  const { home, project, root } = box
  mkdirSync(join(root, "m"))
  mkdirSync(join(root, "v"))
  writeFileSync(join(project, ".env"), `${SECRETS.env}\n`)
  writeFileSync(join(project, ".env.example"), "EXAMPLE-IS-FINE\n")
  mkdirSync(join(project, "keys"))
  writeFileSync(join(project, "keys", "prod-key-7731.pem"), `${SECRETS.keyfile}\n`)
  mkdirSync(join(project, "src"))
  writeFileSync(join(project, "src", "a.txt"), "SOURCE-IS-FINE\n")
  mkdirSync(join(project, "sub"))
  mkdirSync(join(project, "deep", "x"), { recursive: true })
  symlinkSync(join(project, ".env"), join(project, "env-link"))
  symlinkSync(join(project, "sub"), join(project, "subl"))
  symlinkSync(join(project, "deep", "x"), join(project, "xl"))
  symlinkSync(join(project, "src", "a.txt"), join(project, "inlink"))
  mkdirSync(join(home, ".ssh"))
  writeFileSync(join(home, ".ssh", "id_rsa"), `${SECRETS.ssh}\n`)
  // Names no call mentions: if a listing of the directory reached the agent, these would.
  writeFileSync(join(home, ".ssh", LISTED.ssh), "")
  symlinkSync(join(home, ".ssh"), join(project, "sshlink"))
  mkdirSync(join(root, "project2"))
  writeFileSync(join(root, "project2", "secret.txt"), `${SECRETS.sibling}\n`)
  mkdirSync(join(root, "project2-evil"))
  writeFileSync(join(root, "project2-evil", "secret.txt"), `${SECRETS.evilSibling}\n`)
  mkdirSync(join(root, "outside"))
  writeFileSync(join(root, "outside", "secret.txt"), `${SECRETS.outside}\n`)
  writeFileSync(join(root, "outside", LISTED.outside), "")
  symlinkSync(join(root, "outside"), join(project, "outlink"))
  // A git work tree with one changed tracked file, so `git diff` succeeds and has a diff to show.
  const git = (...args: ReadonlyArray<string>) =>
    spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: project, stdio: "ignore" })
  writeFileSync(join(project, "tracked.txt"), "one\n")
  git("init", "-q")
  git("add", "tracked.txt")
  git("commit", "-qm", "init")
  writeFileSync(join(project, "tracked.txt"), "one\ntwo\n")
  return {
    root,
    project,
    home,
    mark: (id) => join(root, "m", id),
    victim: (id) => {
      const path = join(root, "v", id)
      writeFileSync(path, "victim")
      return path
    }
  }
}

beforeEach(async () => {
  server = await FakeLettaServer.start()
  sandbox = makeSandbox()
})
afterEach(async () => {
  await server.close()
  sandbox.cleanup()
})
afterAll(() => {
  console.log(
    `permissions e2e: ${totals.attacks} attack cases, ${totals.bypasses} bypasses; ` +
      `${totals.legitimate} legitimate calls, ${totals.wronglyBlocked} wrongly blocked`
  )
})

const has = (tool: string): boolean => IMPLEMENTED_TOOLS.includes(tool)

/** Runs every case as one parallel batch of tool calls; returns what went wrong, per case. */
const runGroup = async (flags: ReadonlyArray<string>, cases: ReadonlyArray<Case>): Promise<ReadonlyArray<string>> => {
  const usable = cases.filter((c) => has(c.tool))
  const ids = usable.map((_, index) => `call-${index}`)
  const requestsBefore = server.requests.length
  server.enqueue([{ toolCalls: usable.map((c, index) => ({ id: ids[index]!, name: c.tool, arguments: c.args })) }, { text: "done" }])
  const result = await runLetta(["-p", "go", "--output-format", "stream-json", ...flags], {
    sandbox,
    serverUrl: server.url,
    timeoutMs: 90_000
  })
  if (result.code !== 0) return [`letta exited ${result.code}: ${result.stderr}`]
  const lines = parseLines(result.stdout)
  const sentBack = JSON.stringify(server.requests.slice(requestsBefore).map((r) => r.body))
  const problems: Array<string> = []
  usable.forEach((c, index) => {
    const id = ids[index]!
    const line = lines.find((l) => l["type"] === "tool_result" && l["tool_call_id"] === id)
    const status = line?.["status"]
    const output = JSON.stringify(line?.["output"] ?? "")
    const label = `[${c.expect}] ${c.tool} ${c.name}: ${JSON.stringify(c.args)}`
    const found: Array<string> = []
    if (c.expect === "blocked") {
      totals.attacks += 1
      if (status !== "denied") found.push(`not denied (status ${String(status)}, output ${output.slice(0, 200)})`)
      if (c.creates !== undefined && existsSync(c.creates)) found.push(`created ${c.creates}`)
      if (c.removes !== undefined && !existsSync(c.removes)) found.push(`removed ${c.removes}`)
      if (c.reveals !== undefined && (result.stdout.includes(c.reveals) || sentBack.includes(c.reveals))) found.push(`leaked ${c.reveals}`)
      if (found.length > 0) totals.bypasses += 1
    } else if (c.expect === "hides") {
      totals.attacks += 1
      if (status !== "success") found.push(`did not run (status ${String(status)}, output ${output.slice(0, 200)})`)
      else if (!output.includes("left out")) found.push(`no note of what was left out (output ${output.slice(0, 200)})`)
      if (c.reveals !== undefined && (result.stdout.includes(c.reveals) || sentBack.includes(c.reveals))) found.push(`leaked ${c.reveals}`)
      if (found.length > 0) totals.bypasses += 1
    } else {
      totals.legitimate += 1
      if (status === undefined || status === "denied") found.push(`wrongly blocked (status ${String(status)})`)
      if (c.creates !== undefined && !existsSync(c.creates)) found.push(`did not create ${c.creates} (output ${output.slice(0, 200)})`)
      if (c.removes !== undefined && existsSync(c.removes)) found.push(`did not remove ${c.removes}`)
      if (c.reveals !== undefined && !sentBack.includes(c.reveals)) found.push(`did not return ${c.reveals} (output ${output.slice(0, 200)})`)
      if (status === undefined || status === "denied") totals.wronglyBlocked += 1
    }
    if (found.length > 0) problems.push(`${label} → ${found.join("; ")}`)
  })
  return problems
}

const bash = (name: string, command: string, expect: Case["expect"], effects: Omit<Case, "name" | "tool" | "args" | "expect"> = {}): Case => ({
  name,
  tool: "Bash",
  args: { command },
  expect,
  ...effects
})

const read = (name: string, file: string, expect: Case["expect"], reveals: string): Case => ({
  name,
  tool: "Read",
  args: { file_path: file },
  expect,
  reveals
})

/** Commands that try to ride on `git diff`, `ls` and `echo` being allowed; each would touch its marker. */
const prefixAttacks = (f: Fixture): Array<Case> => {
  const t = (id: string) => `touch ${f.mark(id)}`
  const attack = (id: string, command: string) => bash(id, command, "blocked", { creates: f.mark(id) })
  // A startup file that a non-interactive bash would source.
  const bashEnv = join(f.root, "bash-env-a74")
  writeFileSync(bashEnv, `${t("a74")}\n`)
  return [
    attack("a01", `git diff; ${t("a01")}`),
    attack("a02", `git diff && ${t("a02")}`),
    attack("a03", `git diff --exit-code || ${t("a03")}`),
    attack("a04", `git diff | ${t("a04")}`),
    attack("a05", `git diff & ${t("a05")}`),
    attack("a06", `git diff\n${t("a06")}`),
    attack("a07", `git diff $(${t("a07")})`),
    attack("a08", `git diff \`${t("a08")}\``),
    attack("a09", `git diff "$(${t("a09")})"`),
    attack("a10", `git diff \${X:-$(${t("a10")})}`),
    attack("a11", `git diff <<EOF\n$(${t("a11")})\nEOF`),
    attack("a12", `ls $(${t("a12")})`),
    attack("a13", `ls -la; ${t("a13")}`),
    attack("a14", `echo x > ${f.mark("a14")}`),
    attack("a15", `echo x >> ${f.mark("a15")}`),
    attack("a16", `echo x &> ${f.mark("a16")}`),
    attack("a17", `echo x | tee ${f.mark("a17")}`),
    attack("a18", `echo x >| ${f.mark("a18")}`),
    attack("a19", `echo x >& ${f.mark("a19")}`),
    attack("a20", `echo x 1<>${f.mark("a20")}`),
    attack("a21", `{ echo x; } > ${f.mark("a21")}`),
    attack("a22", `bash -c 'git diff; ${t("a22")}'`),
    attack("a23", `sh -c "${t("a23")}"`),
    attack("a24", `eval 'git diff; ${t("a24")}'`),
    attack("a25", `eval git diff '&&' ${t("a25")}`),
    attack("a26", `/usr/bin/env FOO=1 ${t("a26")}`),
    attack("a27", `nohup ${t("a27")}`),
    attack("a28", `time ${t("a28")}`),
    attack("a29", `x=1; ${t("a29")}`),
    attack("a30", `$(echo touch) ${f.mark("a30")}`),
    attack("a31", `CMD=touch; $CMD ${f.mark("a31")}`),
    attack("a32", `f() { ${t("a32")}; }; f`),
    attack("a33", `(${t("a33")})`),
    attack("a34", `{ ${t("a34")}; }`),
    attack("a35", `git diff <(${t("a35")})`),
    attack("a36", `echo ${f.mark("a36")} | xargs touch`),
    attack("a37", `find . -maxdepth 0 -exec touch ${f.mark("a37")} \\;`),
    attack("a38", `echo ok; ${t("a38")} # git diff`),
    attack("a39", `command ${t("a39")}`),
    attack("a40", `builtin eval "${t("a40")}"`),
    attack("a41", `exec ${t("a41")}`),
    attack("a42", `ls\n\n${t("a42")}`),
    attack("a43", `$'\\x74ouch' ${f.mark("a43")}`),
    attack("a44", `git diff; "to"uch ${f.mark("a44")}`),
    attack("a45", `t\\ouch ${f.mark("a45")}`),
    attack("a46", `git diff &>/dev/null; ${t("a46")}`),
    attack("a47", `case x in x) ${t("a47")};; esac`),
    attack("a48", `if git diff; then :; fi; ${t("a48")}`),
    attack("a49", `for i in 1; do ${t("a49")}; done`),
    attack("a50", `until ${t("a50")}; do :; done`),
    attack("a51", `[[ $(${t("a51")}) ]]`),
    attack("a52", `(( $(${t("a52")}) ))`),
    attack("a53", `coproc ${t("a53")}`),
    attack("a54", `ls {,;${t("a54")}`),
    attack("a55", `echo "$(${t("a55")})"`),
    attack("a56", `ls > ${f.mark("a56")}`),
    attack("a57", `git diff --stat > ${f.mark("a57")}`),
    attack("a58", `echo "unterminated; ${t("a58")}`),
    attack("a59", `cd sub && ${t("a59")}`),
    attack("a60", `zsh -c '${t("a60")}' || bash -c '${t("a60")}'`),
    attack("a61", `bash -c "bash -c '${t("a61")}'"`),
    attack("a62", `env -S '${t("a62")}'`),
    attack("a63", `echo x; cat <<< "$(${t("a63")})"`),
    attack("a64", `timeout 5 ${t("a64")}`),
    attack("a65", `nice -n 1 ${t("a65")}`),
    attack("a66", `echo ls | xargs -I{} sh -c '{}; ${t("a66")}'`),
    attack("a67", `ls -la $(: ; ${t("a67")})`),
    attack("a68", `git diff ;${t("a68")}`),
    attack("a69", `git\tdiff\n${t("a69")}`),
    attack("a70", `GIT_EXTERNAL_DIFF="${t("a70")}" git diff`),
    attack("a71", `env GIT_EXTERNAL_DIFF="${t("a71")}" git diff`),
    attack("a72", `export GIT_EXTERNAL_DIFF="${t("a72")}"; git diff`),
    attack("a73", `git -c diff.external="${t("a73")}" diff`),
    attack("a74", `BASH_ENV=${bashEnv} bash -c 'git diff'`),
    attack("a75", `BASH_ENV=<(echo '${t("a75")}') bash -c 'git diff'`),
    attack("a76", `trap '${t("a76")}' EXIT; git diff`),
  ]
}

/** Spellings of `rm` and `curl` that try to get past `Bash(rm:*)` and `Bash(curl:*)` deny rules. */
const denyAttacks = (f: Fixture): Array<Case> => {
  const cases: Array<Case> = []
  const attack = (id: string, command: (victim: string) => string) => {
    const victim = f.victim(id)
    cases.push(bash(id, command(victim), "blocked", { removes: victim }))
  }
  attack("d01", (v) => `rm -f ${v}`)
  attack("d02", (v) => `cd / && rm -f ${v}`)
  attack("d03", (v) => `/bin/rm -f ${v}`)
  attack("d04", (v) => `/usr/bin/rm -f ${v}`)
  attack("d05", (v) => `FOO=1 rm -f ${v}`)
  attack("d06", (v) => `env rm -f ${v}`)
  attack("d07", (v) => `env -i PATH=/bin rm -f ${v}`)
  attack("d08", (v) => `nohup rm -f ${v}`)
  attack("d09", (v) => `command rm -f ${v}`)
  attack("d10", (v) => `exec rm -f ${v}`)
  attack("d11", (v) => `time rm -f ${v}`)
  attack("d12", (v) => `timeout 5 rm -f ${v}`)
  attack("d13", (v) => `nice rm -f ${v}`)
  attack("d14", (v) => `nice -n 1 rm -f ${v}`)
  attack("d15", (v) => `bash -c 'rm -f ${v}'`)
  attack("d16", (v) => `sh -c "cd /; rm -f ${v}"`)
  attack("d17", (v) => `bash -c "bash -c 'rm -f ${v}'"`)
  attack("d18", (v) => `eval rm -f ${v}`)
  attack("d19", (v) => `eval 'rm -f ${v}'`)
  attack("d20", (v) => `echo $(rm -f ${v})`)
  attack("d21", (v) => `echo \`rm -f ${v}\``)
  attack("d22", (v) => `echo ${v} | xargs rm -f`)
  attack("d23", (v) => `printf '%s' ${v} | xargs -0 rm -f`)
  attack("d24", (v) => `find ${v} -exec rm -f {} \\;`)
  attack("d25", (v) => `find ${v} -exec rm {} +`)
  attack("d26", (v) => `'rm' -f ${v}`)
  attack("d27", (v) => `r\\m -f ${v}`)
  attack("d28", (v) => `"r"m -f ${v}`)
  attack("d29", (v) => `rm   -f    ${v}`)
  attack("d30", (v) => `(rm -f ${v})`)
  attack("d31", (v) => `{ rm -f ${v}; }`)
  attack("d32", (v) => `true && rm -f ${v}`)
  attack("d33", (v) => `false || rm -f ${v}`)
  attack("d34", (v) => `if true; then rm -f ${v}; fi`)
  attack("d35", (v) => `for f in ${v}; do rm -f "$f"; done`)
  attack("d36", (v) => `x=$(rm -f ${v})`)
  attack("d37", (v) => `cat <<EOF\n$(rm -f ${v})\nEOF`)
  attack("d38", (v) => `$(echo rm) -f ${v}`)
  attack("d39", (v) => `R=rm; $R -f ${v}`)
  attack("d40", (v) => `"$(printf rm)" -f ${v}`)
  attack("d41", (v) => `\\rm -f ${v}`)
  attack("d42", (v) => `f() { rm -f ${v}; }; f`)
  attack("d43", (v) => `echo ok\nrm -f ${v}`)
  attack("d44", (v) => `ls; rm -f ${v} 2>/dev/null`)
  attack("d45", (v) => `builtin eval "rm -f ${v}"`)
  attack("d46", (v) => `/usr/bin/env rm -f ${v}`)
  attack("d47", (v) => `env FOO=bar BAZ=1 /bin/rm -f ${v}`)
  attack("d48", (v) => `sudo -n rm -f ${v}`)
  attack("d49", (v) => `echo x | rm -f ${v}`)
  attack("d50", (v) => `rm -f ${v} &`)
  // curl is denied too: it would download into a marker file.
  const curl = (id: string, command: string) => cases.push(bash(id, command, "blocked", { creates: f.mark(id) }))
  curl("d51", `curl -so ${f.mark("d51")} file:///etc/hostname`)
  curl("d52", `/usr/bin/curl -so ${f.mark("d52")} file:///etc/hostname`)
  curl("d53", `HOME=/tmp curl -so ${f.mark("d53")} file:///etc/hostname`)
  curl("d54", `bash -c 'curl -so ${f.mark("d54")} file:///etc/hostname'`)
  curl("d55", `echo file:///etc/hostname | xargs curl -so ${f.mark("d55")}`)
  return cases
}

describe("adversarial permissions (built binary)", () => {
  it("allow rules: compound commands, substitutions, wrappers, writes and hijacks do not ride on an allowed prefix", async () => {
    const f = makeFixture(sandbox)
    // A fake `git` that would run if a PATH trick or a path spelling were allowed.
    const evil = join(f.project, "evil")
    mkdirSync(evil)
    writeFileSync(join(evil, "git"), `#!/bin/sh\ntouch "${f.mark("hijack")}-$(basename "$PWD")-$$"\n`)
    chmodSync(join(evil, "git"), 0o755)
    const hijacked = () => readdirSync(join(f.root, "m")).some((name) => name.startsWith("hijack"))

    const cases: Array<Case> = [
      ...prefixAttacks(f),
      bash("h1 PATH hijack", `PATH=./evil:$PATH git diff`, "blocked"),
      bash("h2 relative program", `./evil/git diff`, "blocked"),
      bash("h3 absolute program", `${evil}/git diff`, "blocked"),
      bash("h4 env PATH hijack", `env PATH=${evil} git diff`, "blocked"),
      bash("h5 cd then relative", `cd evil && ./git diff`, "blocked"),
      bash("h6 export PATH", `export PATH=${evil}:$PATH; git diff`, "blocked"),
      // Legitimate: allowed by the rules, must run.
      bash("l01", `git diff`, "runs"),
      bash("l02", `git diff --stat 2>/dev/null`, "runs"),
      bash("l03", `ls -la`, "runs", { reveals: "subl" }),
      bash("l04", `echo legit-04`, "runs", { reveals: "legit-04" }),
      bash("l05", `cd sub && ls`, "runs"),
      bash("l06", `echo hi > /dev/null`, "runs"),
      bash("l07", `/bin/ls src`, "runs", { reveals: "a.txt" }),
      bash("l08", `/usr/bin/git diff`, "runs"),
      bash("l09", `'ls' "src"`, "runs", { reveals: "a.txt" }),
      bash("l10", `echo legit-10a && echo legit-10b`, "runs", { reveals: "legit-10b" }),
      bash("l11", `echo "quoted; $(not) a command"`, "blocked"),
      bash("l12", `echo '$(touch ${f.mark("l12")})'`, "runs", { reveals: "$(touch" }),
      bash("l13", `ls | ls`, "runs"),
      bash("l14", `env echo legit-14`, "runs", { reveals: "legit-14" }),
      bash("l15", `time ls`, "runs"),
      bash("l16", `bash -c 'ls && echo legit-16'`, "runs", { reveals: "legit-16" }),
      bash("l17", `ls # a comment; touch nothing`, "runs"),
      bash("l18", `echo legit-18 2>&1`, "runs", { reveals: "legit-18" }),
      bash("l19", `ls src | xargs echo legit-19`, "runs", { reveals: "legit-19" })
    ]
    const problems = await runGroup(["--allowedTools", "Bash(git diff:*),Bash(ls:*),Bash(echo:*)"], cases)
    expect(problems).toEqual([])
    expect(existsSync(f.mark("l12"))).toBe(false)
    expect(hijacked()).toBe(false)
  })

  it("control: without rules, the payloads of those attacks do run (the suite can see a bypass)", async () => {
    const f = makeFixture(sandbox)
    // zsh is not installed here and `echo "unterminated` is a syntax error: bash runs nothing.
    const inert = new Set(["a58"])
    const control = prefixAttacks(f)
      .filter((c) => !inert.has(c.name))
      .map((c): Case => ({ ...c, expect: "runs" }))
    const before = { ...totals }
    const problems = await runGroup(["--allowedTools", "Bash"], control)
    // The control's own counts are not part of the suite's totals.
    Object.assign(totals, before)
    expect(problems).toEqual([])
  })

  it("control: without deny rules, the payloads of those attacks do their damage", async () => {
    const f = makeFixture(sandbox)
    // sudo is not installed here.
    const inert = new Set(["d48"])
    const control = denyAttacks(f)
      .filter((c) => !inert.has(c.name))
      .map((c): Case => ({ ...c, expect: "runs" }))
    const before = { ...totals }
    const problems = await runGroup(["--yolo"], control)
    Object.assign(totals, before)
    expect(problems).toEqual([])
  })

  it("deny rules hold under --yolo for every spelling of the denied program", async () => {
    const f = makeFixture(sandbox)
    const cases: Array<Case> = denyAttacks(f)
    // Legitimate under --yolo: different programs, and the words as data.
    mkdirSync(join(f.root, "emptydir"))
    cases.push(
      bash("y01 rmdir is not rm", `rmdir ${join(f.root, "emptydir")}`, "runs", { removes: join(f.root, "emptydir") }),
      bash("y02 rm as data", `echo rm -f nothing`, "runs", { reveals: "rm -f nothing" }),
      bash("y03 quoted", `echo "rm -f nothing; curl x"`, "runs"),
      bash("y04 touch", `touch ${f.mark("y04")}`, "runs", { creates: f.mark("y04") }),
      bash("y05 curl as data", `printf '%s\\n' curl`, "runs", { reveals: "curl" }),
      bash("y06 pipeline", `ls | sort | head -1`, "runs"),
      bash("y07 subshell", `(echo legit-y07)`, "runs", { reveals: "legit-y07" })
    )
    const problems = await runGroup(["--yolo", "--disallowedTools", "Bash(rm:*),Bash(curl:*)"], cases)
    expect(problems).toEqual([])
  })

  it("modes: plan blocks every change, acceptEdits only edits inside the project, settings rules and exact rules hold", async () => {
    const f = makeFixture(sandbox)
    const t = (id: string) => `touch ${f.mark(id)}`
    const plan: Array<Case> = [
      bash("p01 plan", t("p01"), "blocked", { creates: f.mark("p01") }),
      bash("p02 plan with allowed ls", `ls; ${t("p02")}`, "blocked", { creates: f.mark("p02") }),
      bash("p03 plan ls", `ls`, "blocked"),
      { name: "p04 plan Write", tool: "Write", args: { file_path: "new.txt", content: "x" }, expect: "blocked", creates: join(f.project, "new.txt") },
      { name: "p05 plan Edit", tool: "Edit", args: { file_path: "src/a.txt", old_string: "SOURCE", new_string: "CHANGED" }, expect: "blocked" },
      { name: "p06 plan MultiEdit", tool: "MultiEdit", args: { file_path: "src/a.txt", edits: [{ old_string: "SOURCE", new_string: "CHANGED" }] }, expect: "blocked" },
      read("p07 plan Read inside", "src/a.txt", "runs", "SOURCE-IS-FINE"),
      read("p08 plan Read ssh", join(f.home, ".ssh", "id_rsa"), "blocked", SECRETS.ssh)
    ]
    expect(await runGroup(["--permission-mode", "plan", "--allowedTools", "Bash(ls:*),Bash"], plan)).toEqual([])
    expect(readFileSync(join(f.project, "src", "a.txt"), "utf8")).toBe("SOURCE-IS-FINE\n")

    const accept: Array<Case> = [
      bash("e01 acceptEdits bash", t("e01"), "blocked", { creates: f.mark("e01") }),
      { name: "e02 write outside", tool: "Write", args: { file_path: "../project2/new.txt", content: "x" }, expect: "blocked", creates: join(f.root, "project2", "new.txt") },
      { name: "e03 write through symlink", tool: "Write", args: { file_path: "outlink/new.txt", content: "x" }, expect: "blocked", creates: join(f.root, "outside", "new.txt") },
      { name: "e04 write home", tool: "Write", args: { file_path: join(f.home, ".bashrc"), content: "x" }, expect: "blocked", creates: join(f.home, ".bashrc") },
      { name: "e05 write ssh via link", tool: "Write", args: { file_path: "sshlink/authorized_keys", content: "x" }, expect: "blocked", creates: join(f.home, ".ssh", "authorized_keys") },
      { name: "e06 write via ..", tool: "Write", args: { file_path: "sub/../../outside/new2.txt", content: "x" }, expect: "blocked", creates: join(f.root, "outside", "new2.txt") },
      { name: "e07 write sibling prefix", tool: "Write", args: { file_path: `${f.project}2/new3.txt`, content: "x" }, expect: "blocked", creates: join(f.root, "project2", "new3.txt") },
      { name: "e08 write inside", tool: "Write", args: { file_path: "made/new.txt", content: "x" }, expect: "runs", creates: join(f.project, "made", "new.txt") }
    ]
    expect(await runGroup(["--permission-mode", "acceptEdits"], accept)).toEqual([])

    // Rules from settings files: a local deny beats a CLI allow; a project allow works.
    mkdirSync(join(f.project, ".letta"), { recursive: true })
    writeFileSync(join(f.project, ".letta", "settings.json"), JSON.stringify({ permissions: { allow: ["Bash(echo exact-ok)", "Bash(touch:*)"] } }))
    writeFileSync(join(f.project, ".letta", "settings.local.json"), JSON.stringify({ permissions: { deny: [`Bash(touch ${f.mark("s05")})`] } }))
    const settings: Array<Case> = [
      bash("s01 exact", `echo exact-ok`, "runs", { reveals: "exact-ok" }),
      bash("s02 exact plus", `echo exact-ok; echo more > ${f.mark("s02")}`, "blocked", { creates: f.mark("s02") }),
      bash("s03 exact with redirect", `echo exact-ok > ${f.mark("s03")}`, "blocked", { creates: f.mark("s03") }),
      bash("s04 exact with substitution", `echo exact-ok $(echo x > ${f.mark("s04")})`, "blocked", { creates: f.mark("s04") }),
      bash("s05 local deny beats allow", `touch ${f.mark("s05")}`, "blocked", { creates: f.mark("s05") }),
      bash("s06 local deny, wrapped", `env touch ${f.mark("s05")}`, "blocked", { creates: f.mark("s05") }),
      bash("s07 local deny, bash -c", `bash -c "touch ${f.mark("s05")}"`, "blocked", { creates: f.mark("s05") }),
      bash("s08 allowed touch", `touch ${f.mark("s08")}`, "runs", { creates: f.mark("s08") }),
      bash("s09 touch with quotes", `touch "${f.mark("s09")}"`, "runs", { creates: f.mark("s09") })
    ]
    expect(await runGroup(["--allowedTools", `Bash(touch ${f.mark("s05")})`], settings)).toEqual([])
  })

  it("paths: reads outside the project ask; deny rules hold for every spelling, symlink and // rule", async () => {
    const f = makeFixture(sandbox)
    const defaults: Array<Case> = [
      read("r01 ssh absolute", join(f.home, ".ssh", "id_rsa"), "blocked", SECRETS.ssh),
      read("r02 sibling /project2", join(f.root, "project2", "secret.txt"), "blocked", SECRETS.sibling),
      read("r03 sibling relative", "../project2/secret.txt", "blocked", SECRETS.sibling),
      read("r04 symlink out", "outlink/secret.txt", "blocked", SECRETS.outside),
      read("r05 .. out", "sub/../../outside/secret.txt", "blocked", SECRETS.outside),
      read("r06 ssh via project path", `${f.project}/../home/.ssh/id_rsa`, "blocked", SECRETS.ssh),
      read("r07 ssh via link", "sshlink/id_rsa", "blocked", SECRETS.ssh),
      read("r08 double slash", `/${f.root}//outside/secret.txt`, "blocked", SECRETS.outside),
      { name: "r09 Grep outside", tool: "Grep", args: { pattern: "SECRET", path: join(f.root, "outside") }, expect: "blocked", reveals: SECRETS.outside },
      { name: "r10 Grep via link", tool: "Grep", args: { pattern: "SECRET", path: "sshlink" }, expect: "blocked", reveals: SECRETS.ssh },
      { name: "r11 Glob absolute", tool: "Glob", args: { pattern: `${f.home}/.ssh/*` }, expect: "blocked", reveals: LISTED.ssh },
      { name: "r12 Glob ..", tool: "Glob", args: { pattern: "../outside/*" }, expect: "blocked", reveals: LISTED.outside },
      { name: "r13 LS outside", tool: "LS", args: { path: join(f.home, ".ssh") }, expect: "blocked", reveals: LISTED.ssh },
      read("r14 inside", "src/a.txt", "runs", "SOURCE-IS-FINE"),
      read("r15 inside dotted", "./src/../src/a.txt", "runs", "SOURCE-IS-FINE"),
      read("r16 inside absolute", join(f.project, "src", "a.txt"), "runs", "SOURCE-IS-FINE"),
      read("r17 inside link", "inlink", "runs", "SOURCE-IS-FINE"),
      { name: "r18 Grep inside", tool: "Grep", args: { pattern: "SOURCE", path: "src" }, expect: "runs" },
      { name: "r19 Glob inside", tool: "Glob", args: { pattern: "src/*.txt" }, expect: "runs", reveals: "a.txt" }
    ]
    expect(await runGroup([], defaults)).toEqual([])

    const denyFlags = [
      "--yolo",
      "--disallowedTools",
      `Read(.env),Read(//${f.root.slice(1)}/project2/**),Read(~/.ssh/**)`
    ]
    const env = (name: string, file: string): Case => read(name, file, "blocked", SECRETS.env)
    const denied: Array<Case> = [
      env("x01", ".env"),
      env("x02", "./.env"),
      env("x03", "sub/../.env"),
      env("x04", join(f.project, ".env")),
      env("x05", `/${f.project}/.env`),
      env("x06", `${f.project}//.env`),
      env("x07", "env-link"),
      env("x08", "src/../env-link"),
      env("x09", "subl/../.env"),
      env("x10", "xl/../../.env"),
      env("x11", "./sub/./../.env"),
      env("x12", `${f.project}/deep/x/../../.env`),
      { name: "x13 Grep .env", tool: "Grep", args: { pattern: "SECRET", path: ".env" }, expect: "blocked", reveals: SECRETS.env },
      { name: "x14 Grep sub/../.env", tool: "Grep", args: { pattern: "SECRET", path: "sub/../.env" }, expect: "blocked", reveals: SECRETS.env },
      { name: "x15 Glob .env", tool: "Glob", args: { pattern: ".env" }, expect: "blocked" },
      read("x16 //abs rule", join(f.root, "project2", "secret.txt"), "blocked", SECRETS.sibling),
      read("x17 //abs rule via ..", "../project2/secret.txt", "blocked", SECRETS.sibling),
      read("x18 ~ rule", join(f.home, ".ssh", "id_rsa"), "blocked", SECRETS.ssh),
      read("x19 ~ rule via symlink", "sshlink/id_rsa", "blocked", SECRETS.ssh),
      { name: "x20 ~ rule Grep", tool: "Grep", args: { pattern: "SECRET", path: "sshlink" }, expect: "blocked", reveals: SECRETS.ssh },
      read("x21 not the sibling-prefix dir", join(f.root, "project2-evil", "secret.txt"), "runs", SECRETS.evilSibling),
      read("x22 .env.example", ".env.example", "runs", "EXAMPLE-IS-FINE"),
      read("x23 outside, yolo", join(f.root, "outside", "secret.txt"), "runs", SECRETS.outside)
    ]
    expect(await runGroup(denyFlags, denied)).toEqual([])

    const allowed: Array<Case> = [
      read("w01 //abs allow", join(f.root, "project2", "secret.txt"), "runs", SECRETS.sibling),
      read("w02 //abs allow does not cover a prefix sibling", join(f.root, "project2-evil", "secret.txt"), "blocked", SECRETS.evilSibling),
      read("w03 //abs allow does not cover .. out of it", `${f.root}/project2/../outside/secret.txt`, "blocked", SECRETS.outside)
    ]
    expect(await runGroup(["--allowedTools", `Read(//${f.root.slice(1)}/project2/**)`], allowed)).toEqual([])
  })

  it("directory-wide Grep, Glob and LS leave out what deny and ask rules cover", async () => {
    const f = makeFixture(sandbox)
    const search = (name: string, tool: string, args: Record<string, unknown>, expect: Case["expect"], reveals: string): Case => ({
      name,
      tool,
      args,
      expect,
      reveals
    })
    const key = "prod-key-7731"
    const searches = (prefix: string): Array<Case> => [
      search(`${prefix}01 Grep . content`, "Grep", { pattern: "SECRET", output_mode: "content" }, "hides", SECRETS.env),
      search(`${prefix}02 Grep . content, key dir`, "Grep", { pattern: "SECRET", path: ".", output_mode: "content" }, "hides", SECRETS.keyfile),
      search(`${prefix}03 Grep glob names the file`, "Grep", { pattern: "SECRET", glob: ".env", output_mode: "content" }, "hides", SECRETS.env),
      search(`${prefix}04 Grep sub/..`, "Grep", { pattern: "SECRET", path: "sub/..", output_mode: "content" }, "hides", SECRETS.env),
      search(`${prefix}05 Grep absolute root, count`, "Grep", { pattern: "ENV-SECRET", path: f.project, glob: ".env*", output_mode: "count" }, "hides", ".env:1"),
      search(`${prefix}06 Grep file list`, "Grep", { pattern: "KEYFILE" }, "hides", key),
      search(`${prefix}07 Grep keys/..`, "Grep", { pattern: "KEYFILE", path: "keys/..", output_mode: "content" }, "hides", SECRETS.keyfile),
      search(`${prefix}08 Grep through a symlinked dir and ..`, "Grep", { pattern: "SECRET", path: "subl/..", output_mode: "content" }, "hides", SECRETS.env),
      search(`${prefix}09 Grep -i, multiline`, "Grep", { pattern: "keyfile.secret", "-i": true, multiline: true, output_mode: "content" }, "hides", SECRETS.keyfile),
      search(`${prefix}10 Glob **/*.pem`, "Glob", { pattern: "**/*.pem" }, "hides", key),
      search(`${prefix}11 Glob ** from sub/..`, "Glob", { pattern: "**/*", path: "sub/.." }, "hides", key),
      search(`${prefix}12 LS .`, "LS", {}, "hides", key),
      search(`${prefix}13 LS . shows no keys dir`, "LS", { path: "." }, "hides", "- keys/"),
      search(`${prefix}14 LS sub/..`, "LS", { path: "sub/.." }, "hides", key),
      search(`${prefix}15 Glob keys/* (names the dir)`, "Glob", { pattern: "keys/*" }, "blocked", key),
      search(`${prefix}16 Grep keys (names the dir)`, "Grep", { pattern: "KEYFILE", path: "keys", output_mode: "content" }, "blocked", SECRETS.keyfile),
      search(`${prefix}17 Grep . still finds the rest`, "Grep", { pattern: "FINE", output_mode: "content" }, "runs", "SOURCE-IS-FINE"),
      search(`${prefix}18 Grep glob .env* finds the example`, "Grep", { pattern: "FINE", glob: ".env*", output_mode: "content" }, "runs", "EXAMPLE-IS-FINE"),
      search(`${prefix}19 Glob still lists the rest`, "Glob", { pattern: "**/*.txt" }, "runs", "src/a.txt"),
      search(`${prefix}20 LS still lists the rest`, "LS", {}, "runs", "- src/")
    ]
    const denyRules = ["--disallowedTools", "Read(.env),Read(keys/**)"]
    expect(await runGroup(denyRules, searches("hd"))).toEqual([])
    expect(await runGroup(["--yolo", ...denyRules], searches("hy"))).toEqual([])
    server.enqueue([{ toolCalls: [{ id: "n1", name: "Grep", arguments: { pattern: "SECRET", glob: "{.env,*.pem}" } }] }, { text: "done" }])
    const noted = await runLetta(["-p", "go", "--output-format", "stream-json", ...denyRules], { sandbox, serverUrl: server.url })
    const result = parseLines(noted.stdout).find((l) => l["type"] === "tool_result")
    expect(result?.["output"]).toBe(
      [
        "No matches found",
        "",
        "[1 matching file left out: denied by Read(.env) (--disallowedTools).]",
        "[1 matching file left out: denied by Read(keys/**) (--disallowedTools).]"
      ].join("\n")
    )

    // Ask rules (settings) hide too, unless an allow rule covers the file or the call names it.
    const projectSettings = join(f.project, ".letta", "settings.json")
    const current: Record<string, unknown> = existsSync(projectSettings) ? JSON.parse(readFileSync(projectSettings, "utf8")) : {}
    mkdirSync(join(f.project, ".letta"), { recursive: true })
    writeFileSync(projectSettings, JSON.stringify({ ...current, permissions: { ask: ["Read(keys/**)"] } }))
    const asked: Array<Case> = [
      search("k01 Grep . under an ask rule", "Grep", { pattern: "KEYFILE", output_mode: "content" }, "hides", SECRETS.keyfile),
      search("k02 Glob under an ask rule", "Glob", { pattern: "**/*.pem" }, "hides", key),
      search("k03 Grep naming the dir asks (headless: denied)", "Grep", { pattern: "KEYFILE", path: "keys" }, "blocked", key),
      search("k04 the rest is found", "Grep", { pattern: "FINE", output_mode: "content" }, "runs", "SOURCE-IS-FINE")
    ]
    expect(await runGroup([], asked)).toEqual([])
    const allowedToo: Array<Case> = [
      search("k05 an allow rule lifts the ask rule", "Grep", { pattern: "KEYFILE", output_mode: "content" }, "runs", SECRETS.keyfile)
    ]
    expect(await runGroup(["--allowedTools", "Read(keys/**)"], allowedToo)).toEqual([])
  })

  it("rules it cannot understand stop the run before any request (exit 2)", async () => {
    const bad = await runLetta(["-p", "go", "--allowedTools", "Bash(ls && touch x:*)"], { sandbox, serverUrl: server.url })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Invalid permission rule "Bash(ls && touch x:*)" in --allowedTools')
    mkdirSync(join(sandbox.project, ".letta"))
    writeFileSync(join(sandbox.project, ".letta", "settings.json"), JSON.stringify({ permissions: { deny: ["TodoWrite(x)"] } }))
    const badFile = await runLetta(["-p", "go"], { sandbox, serverUrl: server.url })
    expect(badFile.code).toBe(2)
    expect(badFile.stderr).toContain("project settings")
    expect(badFile.stderr).toContain(join(".letta", "settings.json"))
    expect(server.requests.filter((r) => r.path.includes("/messages"))).toEqual([])
  })

  it("stream-json reports auto-approvals with the rule and its source", async () => {
    server.enqueue([{ toolCalls: [{ id: "c1", name: "Bash", arguments: { command: "cd . && echo hi" } }] }, { text: "done" }])
    const result = await runLetta(["-p", "go", "--output-format", "stream-json", "--allowedTools", "Bash(echo:*)"], {
      sandbox,
      serverUrl: server.url
    })
    const lines = parseLines(result.stdout)
    expect(lines.find((l) => l["type"] === "auto_approval")).toMatchObject({ tool_call_id: "c1", matched_rule: "Bash(echo:*) (--allowedTools)" })
  })
})
