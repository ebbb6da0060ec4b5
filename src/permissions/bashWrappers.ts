/**
 * Programs that run other programs. For each we find the command it runs, so a deny rule on
 * `rm` holds for `nohup rm`, `env X=1 rm`, `xargs rm`, `find -exec rm`, `sudo rm`, `taskset 1 rm`
 * and `bash -c "rm"`, and an allow rule only covers what actually runs.
 *
 * - transparent (WRAPPERS below: `env`, `nohup`, `nice`, `timeout`, `stdbuf`, `setarch`, `prlimit`,
 *   `chrt`, `taskset`, `ionice`, `flock`, `logsave`, `busybox`, `xargs`…): allowed when the inner
 *   command is. Their options are parsed exactly; an option we do not know makes the command
 *   unclear rather than guessed. `xargs` appends arguments it reads, so only a prefix rule can
 *   cover its inner command.
 * - guarded (`find -exec`): the outer command AND the inner command must be allowed.
 * - self-only (SELF_ONLY: `sudo`, `doas`, `su`, `ssh`, `unshare`, `watch`, `parallel`, …): they
 *   run with other privileges, elsewhere or repeatedly, so only a rule for the whole command line
 *   allows them; every place a command could start, and every string a shell would run, is
 *   still checked against deny rules.
 * - scripts (`bash -c`, `sh -c`, a shell reading a here-document, here-string or pipe, `eval`,
 *   `trap`, `alias`…): a static script is parsed and analysed too; one only known at run time
 *   is unclear. `zsh`, `ksh` and `fish` scripts are analysed with the Bash parser for deny rules
 *   only (their syntax differs), so they are unclear.
 * Builtins that run or re-evaluate text are in bashBuiltins.ts.
 */
import { posix } from "node:path"
import type { InnerCommands, ShellWord, SimpleCommand } from "./bash.js"
import { assignmentsEffect, type Nested, scriptOperand, stdinScript, type Unwrapped, unwrapBuiltin } from "./bashBuiltins.js"
import { codeVariableProblem } from "./bashVariables.js"

/** How deep wrappers may nest (`sudo env nohup …`) before we stop unwrapping (opaque). */
const MAX_WRAP_DEPTH = 8

const SYSTEM_DIRS = new Set(["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/opt/homebrew/bin"])

/**
 * `/usr/bin/curl` → `curl`: a program in a system directory is the program of that name.
 * Other paths (`./curl`, `/tmp/x/curl`) stay as written: they are different programs.
 */
export const systemProgram = (text: string): string => {
  if (!text.startsWith("/")) return text
  const normal = posix.normalize(text)
  const dir = posix.dirname(normal)
  const base = posix.basename(normal)
  return SYSTEM_DIRS.has(dir) && base.length > 0 ? base : text
}

/** The base name of any program path, for deny rules (`./x/rm` → `rm`). */
export const programBaseName = (text: string): string => {
  const base = posix.basename(text)
  return base.length > 0 ? base : text
}

const NONE: Unwrapped = {}

const isStatic = (words: ReadonlyArray<ShellWord>): boolean => words.every((word) => word.static)

/** A command the wrapper runs: the wrapper's assignments and redirections apply to it too. */
const child = (
  outer: SimpleCommand,
  words: ReadonlyArray<ShellWord>,
  nested: Nested,
  depth: number,
  extraAssignments: ReadonlyArray<ShellWord> = []
): SimpleCommand => {
  const program = words[0]
  const base: SimpleCommand = {
    source: words.map((word) => word.text).join(" "),
    assignments: [...outer.assignments, ...extraAssignments],
    words,
    redirects: outer.redirects,
    writes: outer.writes,
    opaque: program === undefined || program.static ? undefined : `the program name (${program.text}) is only known at run time`,
    inner: undefined,
    stdin: outer.stdin
  }
  return base.opaque === undefined ? unwrapAt(base, nested, depth + 1) : base
}

/**
 * Skips options. `withValue` options take the next word (or `--opt=value`, `-oVALUE`);
 * `flags` take none. Returns the index of the first operand, or a reason it could not tell.
 */
const skipOptions = (
  words: ReadonlyArray<ShellWord>,
  start: number,
  flags: ReadonlySet<string>,
  withValue: ReadonlySet<string>,
  optionalValue: ReadonlySet<string> = new Set()
): number | string => {
  let index = start
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return index
    const text = word.text
    if (text === "--") return index + 1
    if (!text.startsWith("-") || text === "-") return index
    if (flags.has(text) || optionalValue.has(text)) {
      index += 1
      continue
    }
    // `--nofile=1024`, `-n1024`: an optional value is always attached.
    const name = text.startsWith("--") ? text.split("=")[0]! : text.slice(0, 2)
    if (optionalValue.has(name)) {
      index += 1
      continue
    }
    if (withValue.has(text)) {
      index += 2
      continue
    }
    const eq = text.indexOf("=")
    if (text.startsWith("--") && eq !== -1 && withValue.has(text.slice(0, eq))) {
      index += 1
      continue
    }
    // `-n10`, `-sKILL`: a short option with its value attached.
    if (!text.startsWith("--") && text.length > 2 && withValue.has(text.slice(0, 2))) {
      index += 1
      continue
    }
    return `unknown option ${text}`
  }
  return index
}

const set = (...items: ReadonlyArray<string>): ReadonlySet<string> => new Set(items)

/** How a transparent wrapper finds its command: `wrapper [options] [operands] command…`. */
interface WrapperSpec {
  readonly flags?: ReadonlySet<string>
  /** Options that take the next word (also `--opt=value` and `-oVALUE`). */
  readonly withValue?: ReadonlySet<string>
  /** Options whose value, if any, is attached (`prlimit --nofile=10`, `-n10`). */
  readonly optionalValue?: ReadonlySet<string>
  /** Operands between the options and the command (timeout's duration, taskset's mask). */
  readonly operandsBefore?: number
  /** An operand before the options (setarch's architecture). */
  readonly leadingOperand?: boolean
  /** The operand before the command is there only when numeric (chrt's priority). */
  readonly numericOperandBefore?: boolean
  /** Options that write a file (time -o). */
  readonly writing?: ReadonlySet<string>
  /** Options after which nothing runs (command -v, taskset -p). */
  readonly noCommand?: ReadonlySet<string>
  /** Options whose value is a script for `sh -c` (flock -c, script -c). */
  readonly scriptOption?: ReadonlySet<string>
  /** Without a command it starts a shell, which reads its commands from stdin (setarch, script). */
  readonly shellWithoutCommand?: boolean
  /** Operands that are files it writes (logsave's log, script's typescript). */
  readonly writesOperand?: boolean
}

const SETARCH_FLAGS = set(
  "-v", "--verbose", "-3", "--3gb", "--4gb", "-B", "--32bit", "-F", "--fdpic-funcptrs", "-I", "--short-inode",
  "-L", "--addr-compat-layout", "-R", "--addr-no-randomize", "-S", "--whole-seconds", "-T", "--sticky-timeouts",
  "-X", "--read-implies-exec", "-Z", "--mmap-page-zero", "--uname-2.6"
)
const SETARCH: WrapperSpec = { flags: SETARCH_FLAGS, noCommand: set("--list", "-h", "--help", "-V", "--version"), shellWithoutCommand: true }

const PRLIMIT_RESOURCES = set(
  "-c", "--core", "-d", "--data", "-e", "--nice", "-f", "--fsize", "-i", "--sigpending", "-l", "--memlock",
  "-m", "--rss", "-n", "--nofile", "-q", "--msgqueue", "-r", "--rtprio", "-s", "--stack", "-t", "--cpu",
  "-u", "--nproc", "-v", "--as", "-x", "--locks", "-y", "--rttime"
)

/**
 * Transparent wrappers: the command runs as the same user, here and once, so it is allowed
 * exactly when the inner command is. util-linux and coreutils have many.
 */
const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  nohup: {},
  builtin: {},
  command: { flags: set("-p"), noCommand: set("-v", "-V") },
  exec: { flags: set("-c", "-l", "-cl", "-lc"), withValue: set("-a") },
  nice: { withValue: set("-n", "--adjustment") },
  time: {
    flags: set("-p", "-v", "-a", "-q", "--append", "--verbose", "--portability", "--quiet"),
    withValue: set("-f", "--format", "-o", "--output"),
    writing: set("-o", "--output")
  },
  timeout: {
    flags: set("--preserve-status", "--foreground", "-v", "--verbose"),
    withValue: set("-s", "--signal", "-k", "--kill-after"),
    operandsBefore: 1
  },
  stdbuf: { withValue: set("-i", "-o", "-e", "--input", "--output", "--error") },
  setsid: { flags: set("-c", "--ctty", "-f", "--fork", "-w", "--wait") },
  unbuffer: { flags: set("-p") },
  catchsegv: {},
  chronic: { flags: set("-e", "-v") },
  eatmydata: {},
  nocache: {},
  setarch: { ...SETARCH, leadingOperand: true },
  linux32: SETARCH,
  linux64: SETARCH,
  i386: SETARCH,
  x86_64: SETARCH,
  uname26: SETARCH,
  prlimit: {
    flags: set("--noheadings", "--raw", "--verbose", "-h", "--help", "-V", "--version"),
    withValue: set("-o", "--output"),
    optionalValue: PRLIMIT_RESOURCES,
    noCommand: set("-p", "--pid")
  },
  choom: { withValue: set("-n", "--adjust"), noCommand: set("-p", "--pid") },
  logsave: { flags: set("-a", "-s", "-v"), operandsBefore: 1, writesOperand: true },
  chrt: {
    flags: set(
      "-b", "--batch", "-d", "--deadline", "-f", "--fifo", "-i", "--idle", "-o", "--other", "-r", "--rr",
      "-R", "--reset-on-fork", "-a", "--all-tasks", "-v", "--verbose"
    ),
    withValue: set("-T", "--sched-runtime", "-P", "--sched-period", "-D", "--sched-deadline"),
    numericOperandBefore: true,
    noCommand: set("-p", "--pid", "-m", "--max")
  },
  taskset: { flags: set("-a", "--all-tasks", "-c", "--cpu-list"), operandsBefore: 1, noCommand: set("-p", "--pid") },
  ionice: { flags: set("-t", "--ignore"), withValue: set("-c", "--class", "-n", "--classdata"), noCommand: set("-p", "--pid", "-P", "--pgid", "-u", "--uid") },
  flock: {
    flags: set("-s", "--shared", "-x", "-e", "--exclusive", "-u", "--unlock", "-n", "--nb", "--nonblock", "-o", "--close", "-F", "--no-fork", "--verbose"),
    withValue: set("-w", "--wait", "--timeout", "-E", "--conflict-exit-code", "-c", "--command"),
    operandsBefore: 1,
    scriptOption: set("-c", "--command")
  },
  script: {
    flags: set("-a", "--append", "-e", "--return", "-f", "--flush", "-q", "--quiet"),
    withValue: set("-c", "--command", "-E", "--echo", "-I", "--log-in", "-O", "--log-out", "-B", "--log-io", "-T", "--log-timing", "-m", "--logging-format"),
    optionalValue: set("-t", "--timing"),
    scriptOption: set("-c", "--command"),
    shellWithoutCommand: true,
    writesOperand: true
  },
  // The applet is the command: `busybox rm -rf x` is `rm -rf x`.
  busybox: {},
  toybox: {}
}

/** The value of a script option (`flock -c '…'`), anywhere among the words. */
const scriptOptionValue = (words: ReadonlyArray<ShellWord>, options: ReadonlySet<string>): ShellWord | undefined | null => {
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!
    if (!word.static) continue
    if (options.has(word.text)) return words[index + 1] ?? null
    const eq = word.text.indexOf("=")
    if (eq !== -1 && options.has(word.text.slice(0, eq))) return { text: word.text.slice(eq + 1), static: true }
  }
  return undefined
}

const shellScript = (name: string, script: ShellWord | null, nested: Nested): Unwrapped =>
  script === null
    ? { opaque: `${name}: an option without its command` }
    : script.static
      ? { inner: { _tag: "Script", analysis: nested(script.text) } }
      : { opaque: `${name} runs a command only known at run time`, inner: { _tag: "Script", analysis: nested(script.text) } }

const unwrapWrapper = (command: SimpleCommand, name: string, spec: WrapperSpec, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const noCommand = spec.noCommand
  if (noCommand !== undefined && words.slice(1).some((w) => w.static && noCommand.has(w.text))) return NONE
  const script = spec.scriptOption === undefined ? undefined : scriptOptionValue(words, spec.scriptOption)
  if (script !== undefined) return { ...shellScript(name, script, nested), writes: spec.writesOperand === true }
  // `nice -10 cmd`: an old-style numeric option.
  let start = spec.leadingOperand === true ? 2 : 1
  if (name === "nice" && /^-\d+$/.test(words[1]?.text ?? "")) start = 2
  const operand = skipOptions(words, start, spec.flags ?? set(), spec.withValue ?? set(), spec.optionalValue)
  if (typeof operand === "string") return { opaque: `${name}: ${operand}` }
  if (!isStatic(words.slice(1, operand))) return { opaque: `${name}: options only known at run time` }
  const writing = spec.writing
  let writes = writing !== undefined && words.slice(1, operand).some((w) => [...writing].some((opt) => w.text === opt || w.text.startsWith(`${opt}=`)))
  let commandStart = operand + (spec.operandsBefore ?? 0)
  if (spec.numericOperandBefore === true && /^\d+$/.test(words[operand]?.text ?? "")) commandStart += 1
  if (spec.writesOperand === true && commandStart > operand) writes = true
  const rest = words.slice(commandStart)
  if (rest.length === 0) {
    if (spec.shellWithoutCommand !== true) return { writes }
    // `script`'s only operand is its typescript file; the shell it starts reads stdin.
    if (spec.writesOperand === true && words.length > operand) writes = !words.slice(operand).every((w) => w.static && w.text === "/dev/null")
    return { ...stdinScript(name, command.stdin, nested), writes }
  }
  if (name === "script") return { opaque: "script: an operand this analysis does not know", writes: true }
  return { writes, inner: { _tag: "Transparent", command: child(command, rest, nested, depth), argsAppended: false } }
}

const ENV_FLAGS = set("-i", "-", "-0", "--ignore-environment", "--null", "-v", "--debug")
const ENV_WITH_VALUE = set("-u", "--unset", "-C", "--chdir")

const unwrapEnv = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const assignments: Array<ShellWord> = []
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) return { opaque: "env: arguments only known at run time" }
    const text = word.text
    if (text === "-S" || text.startsWith("-S") || text.startsWith("--split-string")) return { opaque: "env -S splits a string into a command" }
    if (text === "--") {
      index += 1
      break
    }
    if (ENV_FLAGS.has(text)) index += 1
    else if (ENV_WITH_VALUE.has(text)) index += 2
    else if (text.startsWith("--") && ENV_WITH_VALUE.has(text.split("=")[0] ?? "")) index += 1
    else if (text.startsWith("-")) return { opaque: `env: unknown option ${text}` }
    else if (/^[^=]+=/.test(text)) {
      // env takes any name, including ones the shell could not assign (`BASH_FUNC_f%%=() {…}`).
      const problem = codeVariableProblem(text.slice(0, text.indexOf("=")))
      if (problem !== undefined) return { opaque: `env: ${problem}` }
      assignments.push(word)
      index += 1
    } else break
  }
  const rest = words.slice(index)
  if (rest.length === 0) return NONE
  return { inner: { _tag: "Transparent", command: child(command, rest, nested, depth, assignments), argsAppended: false } }
}

const XARGS_FLAGS = set("-0", "-r", "-t", "-p", "-x", "-o", "--null", "--no-run-if-empty", "--verbose", "--interactive", "--exit", "--open-tty")
const XARGS_WITH_VALUE = set(
  "-a",
  "-d",
  "-E",
  "-L",
  "-n",
  "-P",
  "-s",
  "--arg-file",
  "--delimiter",
  "--eof",
  "--max-lines",
  "--max-args",
  "--max-procs",
  "--max-chars",
  "--process-slot-var"
)

/** The command a chain of transparent wrappers finally runs (`nice env rm` → `rm`). */
const innermost = (command: SimpleCommand): SimpleCommand =>
  command.inner?._tag === "Transparent" ? innermost(command.inner.command) : command

/**
 * Words appended to a program that runs its arguments as a command (`xargs env`, `xargs sudo`,
 * `xargs bash`) become that command: nothing about it is known.
 */
const appendedBecomeCommand = (command: SimpleCommand): boolean => {
  const program = command.words[0]
  if (program === undefined || !program.static) return true
  const name = programBaseName(systemProgram(program.text))
  // `xargs xargs`: an xargs with no command of its own runs what it is given.
  if (name === "xargs" && xargsCommand(command.words).length === 0) return true
  if (command.inner?._tag === "Transparent") return appendedBecomeCommand(command.inner.command)
  return command.inner === undefined && runsCommands(name)
}

/** The command words of an xargs line (empty: xargs runs `echo`). */
const xargsCommand = (words: ReadonlyArray<ShellWord>): ReadonlyArray<ShellWord> => {
  const operand = skipOptions(words, 1, XARGS_FLAGS, set(...XARGS_WITH_VALUE, "-I", "-i", "--replace"))
  return typeof operand === "number" ? words.slice(operand) : []
}

/** `-I R`, `-IR`, `-i`, `--replace[=R]`: the text xargs replaces with its input. */
const replaceString = (words: ReadonlyArray<ShellWord>): string | undefined => {
  for (let index = 1; index < words.length; index++) {
    const text = words[index]!.text
    if (text === "-I") return words[index + 1]?.text ?? ""
    if (text.startsWith("-I")) return text.slice(2)
    if (text === "-i" || text === "--replace") return "{}"
    if (text.startsWith("-i")) return text.slice(2)
    if (text.startsWith("--replace=")) return text.slice("--replace=".length)
  }
  return undefined
}

const unwrapXargs = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const operand = skipOptions(words, 1, XARGS_FLAGS, set(...XARGS_WITH_VALUE, "-I", "-i", "--replace"))
  const rest = xargsCommand(words)
  const innerWords = rest.length === 0 ? [{ text: "echo", static: true }] : rest
  const innerCommand = child(command, innerWords, nested, depth)
  const inner: InnerCommands = { _tag: "Transparent", command: innerCommand, argsAppended: true }
  if (typeof operand === "string") return { opaque: `xargs: ${operand}`, inner }
  const replacing = replaceString(words)
  // The input replaces text anywhere: in the program name or in a script, nothing about what
  // runs is known; in the arguments of a plain program it is only data (`xargs -I{} wc -l {}`).
  if (replacing !== undefined && (replacing === "" || innerWords[0]!.text.includes(replacing) || innermost(innerCommand).inner !== undefined)) {
    return { opaque: "xargs -I substitutes its input into the command", inner }
  }
  if (appendedBecomeCommand(innerCommand)) return { opaque: `xargs hands its input to ${innerWords[0]!.text}, which runs it as a command`, inner }
  return { inner }
}

const FIND_EXEC = set("-exec", "-execdir", "-ok", "-okdir")
const FIND_WRITES = set("-delete", "-fprint", "-fprint0", "-fprintf", "-fls")

const unwrapFind = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const commands: Array<SimpleCommand> = []
  let writes = false
  let index = 1
  while (index < words.length) {
    const word = words[index]!
    if (word.static && FIND_WRITES.has(word.text)) writes = true
    if (word.static && FIND_EXEC.has(word.text)) {
      let end = index + 1
      while (end < words.length && !(words[end]!.static && (words[end]!.text === ";" || words[end]!.text === "+"))) end += 1
      const execWords = words.slice(index + 1, end)
      if (execWords.length > 0) {
        const each = child(command, execWords, nested, depth)
        // `-exec {} x ;`, `-exec env {} ;`: the found file is the program.
        if (innermost(each).words[0]?.text.includes("{}") === true || (appendedBecomeCommand(each) && execWords.some((w) => w.text.includes("{}")))) {
          return { opaque: "find -exec runs the files it finds as programs", inner: { _tag: "Guarded", commands: [each], argsAppended: true } }
        }
        commands.push(each)
      }
      index = end + 1
      continue
    }
    index += 1
  }
  if (commands.length === 0) return { writes }
  return { writes, inner: { _tag: "Guarded", commands, argsAppended: true } }
}

const BASH_LIKE = set("bash", "sh", "dash", "ash", "rbash")
const OTHER_SHELLS = set("zsh", "ksh", "mksh", "pdksh", "yash", "fish", "csh", "tcsh")

/**
 * `bash -c 'script'`, and a shell that reads its script from stdin (no script operand, `-s`, or
 * `/dev/stdin`): a here-document or here-string is analysed; a pipe is unclear.
 */
const unwrapShell = (command: SimpleCommand, name: string, nested: Nested): Unwrapped => {
  const words = command.words
  let index = 1
  let sawC = false
  let sawS = false
  while (index < words.length) {
    const word = words[index]!
    if (!word.static) break
    const text = word.text
    if (text === "--" || text === "-") {
      if (text === "--") index += 1
      break
    }
    if (text === "-o" || text === "+o" || text === "-O" || text === "+O" || text === "--rcfile" || text === "--init-file") {
      index += 2
      continue
    }
    if (/^--[a-z-]+$/.test(text)) {
      index += 1
      continue
    }
    if (/^[-+][A-Za-z]+$/.test(text)) {
      if (text.startsWith("-") && text.includes("c")) sawC = true
      if (text.startsWith("-") && text.includes("s")) sawS = true
      index += 1
      continue
    }
    break
  }
  const operand = words[index]
  const other = OTHER_SHELLS.has(name)
  const judged = (result: Unwrapped): Unwrapped =>
    other && result.inner !== undefined ? { ...result, opaque: result.opaque ?? `${name} scripts are not Bash` } : result
  if (sawC) {
    if (operand === undefined) return { opaque: `${name} -c without a script` }
    return judged(shellScript(`${name} -c`, operand, nested))
  }
  if (sawS || operand === undefined) return judged(stdinScript(name, command.stdin, nested))
  // `bash script.sh`: a file's contents are not analysed ("names, not effects"); stdin and
  // other devices are.
  return judged(scriptOperand(name, operand, command.stdin, nested) ?? NONE)
}

/** Programs that run a command with other privileges, elsewhere, or repeatedly. */
const SELF_ONLY = set(
  "sudo", "doas", "su", "runuser", "pkexec", "sg", "setpriv", "chroot", "unshare", "nsenter", "firejail",
  "bwrap", "proot", "fakeroot", "gosu", "su-exec", "setuidgid", "chpst", "runcon", "sandbox-exec",
  "systemd-run", "systemd-nspawn", "machinectl", "strace", "ltrace", "valgrind", "gdb", "perf",
  "watch", "ssh", "sshpass", "parallel", "sem", "hyperfine", "entr", "watchexec", "xvfb-run",
  "numactl", "cgexec", "faketime", "torsocks", "proxychains", "proxychains4", "tsocks", "trickle",
  "dbus-run-session", "dbus-launch", "ssh-agent", "daemonize", "start-stop-daemon", "rlwrap",
  "expect", "tmux", "screen", "dtach", "nix-shell", "direnv", "cpulimit", "lckdo", "ifne", "tini",
  "dumb-init", "envdir", "softlimit", "with-lock-ex", "run-one", "timelimit"
)

/** Every place a command could start (after each non-option word), and every string argument. */
const unwrapSelfOnly = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  const words = command.words
  const candidates: Array<SimpleCommand> = []
  for (let index = 1; index < words.length && candidates.length < 16; index++) {
    const word = words[index]!
    if (word.static && !word.text.startsWith("-")) candidates.push(child(command, words.slice(index), nested, depth))
    // `su -c "cmd"`, `watch "cmd"`, `ssh host "cmd"`: a string that a shell will run.
    if (word.static && /[\s;&|`$()<>]/.test(word.text)) {
      candidates.push(child(command, [{ text: "sh", static: true }, { text: "-c", static: true }, word], nested, depth))
    }
  }
  // `sudo -s`, `su`, `unshare`, `ssh host` with no command start a shell that reads stdin.
  if (command.stdin !== undefined) candidates.push(child(command, [{ text: "sh", static: true }], nested, depth))
  const unclear = words.slice(1).find((word) => !word.static)
  return { inner: { _tag: "SelfOnly", candidates }, ...(unclear === undefined ? {} : { opaque: `${words[0]?.text}: arguments only known at run time (${unclear.text})` }) }
}

const unwrap = (command: SimpleCommand, nested: Nested, depth: number): Unwrapped => {
  if (depth >= MAX_WRAP_DEPTH) return { opaque: "commands wrapped too deeply" }
  const assigned = assignmentsEffect(command, nested)
  if (assigned?.opaque !== undefined) return assigned
  const program = command.words[0]
  if (program === undefined || !program.static) return assigned ?? NONE
  // `/proc/self/exe`, `/dev/fd/3`: a program reached through a device is not known by its name.
  if (/^\/+(?:proc|dev)\//.test(posix.normalize(program.text))) return { opaque: `${program.text} runs a program only known at run time` }
  // A wrapper or shell at any path (`/usr/bin/X11/bash`, `./env`) is judged as one: stricter.
  const name = programBaseName(systemProgram(program.text))
  const found = unwrapProgram(command, name, nested, depth)
  if (assigned === undefined) return found
  // PROMPT_COMMAND='…' on a command that runs something else too: too much to analyse as one.
  if (assigned.inner === undefined) return found
  return found.inner === undefined ? { ...found, inner: assigned.inner } : { ...found, opaque: "PROMPT_COMMAND on a command that runs another" }
}

const unwrapProgram = (command: SimpleCommand, name: string, nested: Nested, depth: number): Unwrapped => {
  const wrapper = WRAPPERS[name]
  if (wrapper !== undefined) return unwrapWrapper(command, name, wrapper, nested, depth)
  if (name === "env") return unwrapEnv(command, nested, depth)
  if (name === "xargs") return unwrapXargs(command, nested, depth)
  if (name === "find") return unwrapFind(command, nested, depth)
  if (BASH_LIKE.has(name) || OTHER_SHELLS.has(name)) return unwrapShell(command, name, nested)
  if (SELF_ONLY.has(name)) return unwrapSelfOnly(command, nested, depth)
  if (name === "run-parts") return { opaque: "run-parts runs every program in a directory" }
  return unwrapBuiltin(command, name, nested) ?? NONE
}

/** Builtins that run text as code. */
const CODE_BUILTINS = set("eval", "source", ".", "trap", "alias", "run-parts")

/** Whether a program runs (some of) its arguments as a command. */
const runsCommands = (name: string): boolean =>
  name in WRAPPERS ||
  name === "env" ||
  name === "xargs" ||
  name === "find" ||
  BASH_LIKE.has(name) ||
  OTHER_SHELLS.has(name) ||
  SELF_ONLY.has(name) ||
  CODE_BUILTINS.has(name)

const unwrapAt = (command: SimpleCommand, nested: Nested, depth: number): SimpleCommand => {
  const result = unwrap(command, nested, depth)
  if (result === NONE) return command
  return {
    ...command,
    writes: command.writes || result.writes === true,
    opaque: command.opaque ?? result.opaque,
    inner: result.inner
  }
}

/** Finds what a command runs through wrappers; `nested` analyses script strings. */
export const unwrapCommand = (command: SimpleCommand, nested: Nested): SimpleCommand => unwrapAt(command, nested, 0)
