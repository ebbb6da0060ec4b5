/**
 * Classes of bypass (issue 13 §1–§3), built from the construct: each template is run by the real
 * bash first (it must really run the marker command, so the corpus cannot go stale), then judged.
 * A deny rule on the marker's program must match or possibly match; allow rules for everything
 * else in the line must not allow it.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bashAllowedBy } from "../../src/permissions/bashAllowMatch.js"
import { bashMatchesAny } from "../../src/permissions/bashDenyMatch.js"
import type { CompiledBashRule } from "../../src/permissions/bashRules.js"
import { possibleDenyMatch } from "../../src/permissions/bashPossibleDeny.js"
import { analyse, bash, bashRule, makeDirs, makePolicy } from "./support.js"

const MARK = "MARK"

/** Ways to spell the marker command (the denied program is `touch`). */
const payloads = [`touch ${MARK}`, `/usr/bin/touch ${MARK}`, `touch ./${MARK}`]

/** Single-quoted text that bash evaluates again: `P` is the payload. */
const reevaluated = (p: string): ReadonlyArray<string> => {
  const subscript = `'a[$(${p})]'`
  const backticks = `'a[\`${p}\`]'`
  return [
    ...["-eq", "-ne", "-lt", "-le", "-gt", "-ge"].flatMap((op) => [`[[ ${subscript} ${op} 1 ]]`, `[[ 1 ${op} ${backticks} ]]`]),
    `[[ -v ${subscript} ]]`,
    `[ -v ${subscript} ]`,
    `test -v ${subscript}`,
    `[[ -n x && ${subscript} -eq 1 ]]`,
    `v=${subscript}; (( v ))`,
    `v=${subscript}; (( v + 1 ))`,
    `v=${subscript}; echo $(( v ))`,
    `v=${subscript}; echo $[ v ]`,
    `v=${subscript}; [[ $v -eq 1 ]]`,
    `v=${subscript}; [[ v -gt 0 ]]`,
    `v=${subscript}; for (( i=v; i<1; i++ )); do :; done`,
    `v=${subscript}; echo \${!v}`,
    `echo ${subscript} >/dev/null; (( _ ))`,
    `[[ ${subscript} =~ .* ]]; (( BASH_REMATCH ))`,
    `declare -i n; n=${subscript}`,
    `declare ${subscript.slice(0, -1)}=1'`,
    `printf -v ${subscript} x`,
    `echo 1 | { read ${subscript}; }`,
    `let ${subscript}`,
    `a=(1); echo "\${a['$(${p})']}"`,
    `a=(1); echo \${a['$(${p})']}`,
    `: \${a['$(${p})']}`,
    `case x in \${a['$(${p})']}) ;; esac`,
    `x=\${a['$(${p})']}`,
    `cat <<EOF\n\${a['$(${p})']}\nEOF`,
    `a['$(${p})']=1`,
    `a=(['$(${p})']=1)`,
    `x=abc; echo \${x:${subscript}}`,
    `x='$(${p})'; echo \${x@P}`,
    `PS4='$(${p})'; set -x; :`
  ]
}

/** Code handed to a shell other than by `-c`. */
const handedOver = (p: string): ReadonlyArray<string> => [
  ...["bash", "sh", "dash", "bash -s", "sh -s", "bash -", "bash /dev/stdin"].flatMap((shell) => [
    `echo '${p}' | ${shell}`,
    `${shell} <<< '${p}'`,
    `${shell} <<'EOF'\n${p}\nEOF`,
    `${shell} <<EOF\n${p}\nEOF`,
    `printf '%s\\n' '${p}' | ${shell}`
  ]),
  `source /dev/stdin <<< '${p}'`,
  `. /dev/stdin <<< '${p}'`,
  `echo '${p}' | source /dev/stdin`,
  `eval -- '${p}'`,
  `trap '${p}' EXIT`,
  `trap -- '${p}' EXIT`,
  `shopt -s expand_aliases\nalias go='${p}'\ngo`,
  `printf 'a\\n' | mapfile -C '${p} #' -c 1 arr`,
  `printf 'a\\n' | readarray -C '${p} #' -c 1 arr`,
  `compgen -C '${p}' x`,
  `hash -p /usr/bin/touch ls; ls ${MARK}`
]

/** Wrappers: programs that run their arguments as a command. */
const wrapped = (p: string): ReadonlyArray<string> => [
  `setarch x86_64 ${p}`,
  `setarch x86_64 -R ${p}`,
  `linux64 ${p}`,
  `prlimit --nofile=100 ${p}`,
  `prlimit -n100 ${p}`,
  `logsave /dev/null ${p}`,
  `taskset 1 ${p}`,
  `taskset -c 0 ${p}`,
  `ionice -c 3 ${p}`,
  `ionice -c3 -t ${p}`,
  `flock /tmp/letta-flock-test ${p}`,
  `flock -n /tmp/letta-flock-test ${p}`,
  `flock /tmp/letta-flock-test -c '${p}'`,
  `script -qc '${p}' /dev/null`,
  `setsid -w ${p}`,
  `stdbuf -oL ${p}`,
  `timeout 5 ${p}`,
  `nice -n 1 ${p}`,
  `nohup ${p} >/dev/null`,
  `env -i ${p}`,
  `command ${p}`,
  `chrt -o 0 ${p}`,
  `time -p ${p}`
]

describe("constructs that run a denied program are never missed or allowed", () => {
  let dir: string
  let deny: ReadonlyArray<CompiledBashRule>
  let allow: ReadonlyArray<CompiledBashRule>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "letta-reeval-"))
    deny = [await bashRule("Bash(touch:*)")]
    // Everything in the templates except the marker's program.
    const programs = [
      "echo", "printf", "cat", "declare", "let", "test", "[", "set", "true", ":", "read", "mapfile", "readarray", "alias",
      "shopt", "trap", "eval", "source", ".", "bash", "sh", "dash", "compgen", "hash", "ls", "setarch", "linux64",
      "prlimit", "logsave", "taskset", "ionice", "flock", "script", "setsid", "stdbuf", "timeout", "nice", "nohup",
      "env", "command", "chrt", "go"
    ]
    allow = await Promise.all(programs.map((program) => bashRule(`Bash(${program}:*)`)))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Runs the line in a fresh directory with real bash; true when it ran the marker command. */
  const runsMarker = (line: string): boolean => {
    rmSync(join(dir, MARK), { force: true })
    try {
      execFileSync("bash", ["-c", line], { cwd: dir, stdio: "ignore", timeout: 5000 })
    } catch {
      // Many of these fail after running the payload: what matters is the marker.
    }
    return existsSync(join(dir, MARK))
  }

  const check = async (line: string) => {
    const analysis = await analyse(line)
    const denied = bashMatchesAny(analysis, deny) !== undefined || possibleDenyMatch(analysis, deny) !== undefined
    expect(denied, `deny rule missed: ${JSON.stringify(line)}`).toBe(true)
    expect(bashAllowedBy(analysis, allow), `allowed: ${JSON.stringify(line)}`).toBeUndefined()
  }

  for (const [name, build] of [
    ["text evaluated again (arithmetic, subscripts, prompts)", reevaluated],
    ["code handed to a shell other than by -c", handedOver],
    ["wrappers", wrapped]
  ] as const) {
    it(name, async () => {
      for (const payload of payloads) {
        for (const line of build(payload)) {
          // The corpus is real: bash runs the payload in every template.
          expect(runsMarker(line), `bash did not run the payload of ${JSON.stringify(line)}`).toBe(true)
          await check(line)
        }
      }
    }, 120_000)
  }

  it("an unknown wrapper that is handed the denied program's name possibly matches", async () => {
    for (const line of [`mywrapper ${payloads[0]}`, `./run.sh -- touch x`, `python3 -c "import os; os.system('touch x')"`, `npx foo touch`]) {
      const analysis = await analyse(line)
      expect(possibleDenyMatch(analysis, deny)?.construct, line).toMatch(/not known to be safe/)
    }
  })
})

describe("look-alikes that stay clear", () => {
  it("are analysed, allowed by rules for what they run, and do not trip a deny rule", async () => {
    const deny = [await bashRule("Bash(touch:*)"), await bashRule("Bash(rm:*)")]
    const allow = await Promise.all(["Bash(echo:*)", "Bash(npm test:*)", "Bash(cat:*)", "Bash(git commit:*)", "Bash(grep:*)", "Bash(diff:*)"].map((r) => bashRule(r)))
    for (const line of [
      `echo '$(touch x)'`,
      `echo "a[\\$(touch x)]"`,
      `[[ -f package.json ]] && npm test`,
      `[[ $# -eq 0 ]] && echo none`,
      `[[ -v HOME ]] && echo set`,
      `[[ \${#HOME} -gt 3 ]] && echo long`,
      `cat <<'EOF'\n$(touch x) \${a[$(rm y)]}\nEOF`,
      `for ((i=0; i<3; i++)); do echo $i; done`,
      `echo $((1 + 2 * 3)) $[ 4 ]`,
      `echo "\${BASH_VERSINFO[0]}" "\${BASH_VERSINFO[@]}" "\${#BASH_VERSINFO[@]}"`,
      `git commit -m "rm the old touch files"`,
      `grep -rn "touch" src`,
      `bash <<'EOF'\necho hi\nEOF`,
      `echo hi | cat`,
      `diff <(cat a) <(cat b)`,
      `for i in 1 2 3; do [[ $i -lt 2 ]] && echo $i; done`,
      `[[ $status -ne 0 ]] && echo failed`,
      `for ((i=0; i<n; i++)); do echo "\${BASH_VERSINFO[$i]}"; done`,
      `for i in 1 2 3; do echo $((i * 2)); done`,
      `echo "\${HOME:$start:5}"`,
      `npm test -- --grep 'should touch the file'`
    ]) {
      const analysis = await analyse(line)
      expect(bashMatchesAny(analysis, deny), line).toBeUndefined()
      expect(possibleDenyMatch(analysis, deny), line).toBeUndefined()
      expect(bashAllowedBy(analysis, allow), line).toBeDefined()
    }
    // Variables set only to numbers are as harmless as ones the line never sets.
    for (const line of [`i=0; while [[ $i -lt 10 ]]; do echo $i; i=$((i+1)); done`, `n=3; for ((i=0; i<n; i++)); do echo $((i * 2)); done`]) {
      expect(possibleDenyMatch(await analyse(line), deny), line).toBeUndefined()
    }
    // ...and a variable the line fills with text is not.
    for (const line of [`read i; [[ $i -lt 10 ]]`, `i=$1; echo $((i))`, `for i in $(ls); do echo "\${a[$i]}"; done`, `echo x; (( _ ))`]) {
      expect(possibleDenyMatch(await analyse(line), deny), line).toBeDefined()
    }
  })
})

describe("the policy with a deny rule and an unclear line", () => {
  it("asks in default mode, denies under --yolo naming the construct, and lets look-alikes through", async () => {
    const dirs = makeDirs()
    try {
      const options = { disallowedTools: ["Bash(rm:*)"], allowedTools: ["Bash(mywrapper:*)", "Bash(git commit:*)"] }
      const normal = await makePolicy(dirs, options)
      const yolo = await makePolicy(dirs, { ...options, mode: "bypassPermissions" })
      for (const line of ["mywrapper rm -rf x", "mywrapper 'rm -rf x'", `[[ 'a[$(rm -rf x)]' -eq 1 ]]`, "echo 'rm -rf x' | bash"]) {
        const asked = await bash(normal, line)
        expect(asked._tag, line).toBe("Ask")
        const denied = await bash(yolo, line)
        expect(denied._tag, line).toBe("Deny")
        if (denied._tag !== "Deny") continue
        expect(denied.reason, line).toMatch(/Bash\(rm:\*\)/)
        expect(denied.possibleDeny?.construct, line).toBeDefined()
      }
      expect((await bash(normal, `git commit -m "rm the old files"`))._tag).toBe("Allow")
      expect((await bash(yolo, "echo rm"))._tag).toBe("Allow")
    } finally {
      dirs.cleanup()
    }
  })
})

describe("red-team regressions", () => {
  it("descriptor variables with subscripts and xargs feeding xargs are never allowed or missed", async () => {
    const deny = [await bashRule("Bash(touch:*)")]
    const allow = await Promise.all(["Bash(echo:*)", "Bash(cat:*)", "Bash(ls:*)", "Bash(git status:*)", "Bash(printf:*)"].map((r) => bashRule(r)))
    for (const line of [
      `echo hi {a['$(touch MARK)']}>/dev/null`,
      `cat {a['$(touch MARK)']}</dev/null`,
      `git status {a['$(touch MARK)']}>/dev/null`,
      `echo touch MARK | xargs xargs`,
      `echo touch MARK | xargs -n2 xargs`,
      `printf 'touch MARK' | xargs -- xargs`,
      `echo touch MARK | xargs xargs xargs`,
      `echo touch MARK | xargs env`,
      `bash /dev/fd/3 3<<<'touch MARK'`,
      `bash //dev/stdin <<<'touch MARK'`,
      `source /proc/thread-self/fd/0 <<<'touch MARK'`,
      `f=/dev/stdin; source $f <<<'touch MARK'`,
      `rbash <<<'touch MARK'`,
      `/usr/bin/X11/bash <<<'touch MARK'`,
      `/proc/self/exe <<<'touch MARK'`,
      `find /usr/bin -name touch -exec {} MARK \\;`,
      `env 'BASH_FUNC_ls%%=() { touch MARK; }' bash -c ls`,
      `git config alias.zz '!touch MARK'; git zz`,
      `GIT_EXTERNAL_DIFF='touch MARK;' git diff`,
      `read -r PS4 <<<'$(touch MARK)'; set -x; :`,
      `for BASH_ENV in /dev/stdin; do bash -c :; done`,
      `: \${BASH_ENV=/dev/stdin}`,
      `declare -a a='($(tou""ch MARK))'`,
      `run-parts --regex '^touch$' /usr/bin`,
      `echo 'touch MARK' | sed e`,
      `printf 'touch MARK' | sort --compress-program=sh`,
      `echo x > >(sh)`
    ]) {
      const analysis = await analyse(line)
      const denied = bashMatchesAny(analysis, deny) !== undefined || possibleDenyMatch(analysis, deny) !== undefined
      expect(denied, `deny rule missed: ${JSON.stringify(line)}`).toBe(true)
      expect(bashAllowedBy(analysis, allow), `allowed: ${JSON.stringify(line)}`).toBeUndefined()
    }
  })
})
