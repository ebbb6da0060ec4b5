/**
 * Bash commands that name a file that changes the rules (`cp x .letta/settings.json`,
 * `tee -a ~/.bashrc`, `mv hook .git/hooks/pre-commit`): a prefix rule that does not name the
 * file itself (`Bash(cp:*)`) does not allow them, as an Edit allow rule that does not name such
 * a file does not (protectedPaths.ts). A heuristic over the words: commands that only read are
 * left alone, and what a program does without naming the file (`git config …`) is not seen.
 */
import type { SimpleCommand } from "./bash.js"
import { systemProgram } from "./bashProgramNames.js"

const PROTECTED = new RegExp(
  [
    String.raw`(?:^|[/=])\.letta(?:/|$)`,
    String.raw`(?:^|[/=])\.mcp\.json$`,
    String.raw`(?:^|[/=])\.git(?:/(?:hooks|config|modules|worktrees)(?:/|$)|/?$)`,
    String.raw`(?:^|[/=~])\.(?:bashrc|bash_profile|bash_login|profile|bash_logout|zshrc|zshenv|zprofile|zlogin|zlogout|gitconfig)$`,
    String.raw`(?:^|/)fish/(?:config\.fish|conf\.d(?:/|$))`
  ].join("|")
)

/** Programs that only read the files they are given. */
const READERS = new Set(["cat", "ls", "head", "tail", "grep", "egrep", "fgrep", "rg", "wc", "less", "more", "stat", "file", "diff", "cmp", "md5sum", "sha1sum", "sha256sum", "test", "[", "realpath", "readlink"])
const GIT_READERS = new Set(["status", "diff", "log", "show", "ls-files", "blame", "grep", "rev-parse"])

/** Whether the text names a file that changes the rules. */
export const namesProtected = (text: string): boolean => PROTECTED.test(text)

/** Whether the command may write a file that changes the rules (by naming it). */
export const touchesProtected = (command: SimpleCommand): boolean => {
  const [program, ...args] = command.words
  if (program === undefined || !args.some((word) => namesProtected(word.text))) return false
  if (!program.static) return true
  const name = systemProgram(program.text)
  if (READERS.has(name)) return false
  if (name === "git") return !GIT_READERS.has(args.find((word) => !word.text.startsWith("-"))?.text ?? "")
  return true
}
