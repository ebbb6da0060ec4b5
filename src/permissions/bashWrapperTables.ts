/**
 * The tables of programs that run other programs, and how each one's options are laid out:
 * transparent wrappers (WRAPPERS, with their option specs), env, xargs, find, shells and the
 * self-only programs. The logic that reads them is in bashWrappers.ts and the files it names.
 * This file is essentially one table (the option lists of each wrapper), hence its length.
 */

export const set = (...items: ReadonlyArray<string>): ReadonlySet<string> => new Set(items)

/** How a transparent wrapper finds its command: `wrapper [options] [operands] command…`. */
export interface WrapperSpec {
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
export const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
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

export const ENV_FLAGS = set("-i", "-", "-0", "--ignore-environment", "--null", "-v", "--debug")
export const ENV_WITH_VALUE = set("-u", "--unset", "-C", "--chdir")

export const XARGS_FLAGS = set("-0", "-r", "-t", "-p", "-x", "-o", "--null", "--no-run-if-empty", "--verbose", "--interactive", "--exit", "--open-tty")
export const XARGS_WITH_VALUE = set(
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

export const FIND_EXEC = set("-exec", "-execdir", "-ok", "-okdir")
export const FIND_WRITES = set("-delete", "-fprint", "-fprint0", "-fprintf", "-fls")

export const BASH_LIKE = set("bash", "sh", "dash", "ash", "rbash")
export const OTHER_SHELLS = set("zsh", "ksh", "mksh", "pdksh", "yash", "fish", "csh", "tcsh")

/** Programs that run a command with other privileges, elsewhere, or repeatedly. */
export const SELF_ONLY = set(
  "sudo", "doas", "su", "runuser", "pkexec", "sg", "setpriv", "chroot", "unshare", "nsenter", "firejail",
  "bwrap", "proot", "fakeroot", "gosu", "su-exec", "setuidgid", "chpst", "runcon", "sandbox-exec",
  "systemd-run", "systemd-nspawn", "machinectl", "strace", "ltrace", "valgrind", "gdb", "perf",
  "watch", "ssh", "sshpass", "parallel", "sem", "hyperfine", "entr", "watchexec", "xvfb-run",
  "numactl", "cgexec", "faketime", "torsocks", "proxychains", "proxychains4", "tsocks", "trickle",
  "dbus-run-session", "dbus-launch", "ssh-agent", "daemonize", "start-stop-daemon", "rlwrap",
  "expect", "tmux", "screen", "dtach", "nix-shell", "direnv", "cpulimit", "lckdo", "ifne", "tini",
  "dumb-init", "envdir", "softlimit", "with-lock-ex", "run-one", "timelimit"
)

/** Builtins that run text as code. */
const CODE_BUILTINS = set("eval", "source", ".", "trap", "alias", "run-parts")

/** Whether a program runs (some of) its arguments as a command. */
export const runsCommands = (name: string): boolean =>
  name in WRAPPERS ||
  name === "env" ||
  name === "xargs" ||
  name === "find" ||
  BASH_LIKE.has(name) ||
  OTHER_SHELLS.has(name) ||
  SELF_ONLY.has(name) ||
  CODE_BUILTINS.has(name)
