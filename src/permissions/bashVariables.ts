/**
 * Variables whose value makes bash or other programs run code: bash's start-up file and prompts,
 * the program search path and preloaded libraries, and the commands git, pagers, editors and
 * interpreters take from the environment. Setting one (`GIT_EXTERNAL_DIFF='rm …' git diff`,
 * `read PS4`, `for BASH_ENV in …`, `export LD_PRELOAD=…`) hides a program from the rules, so
 * the line is unclear.
 */

const CODE_VARIABLES = new Set([
  "BASH_ENV", "ENV", "PATH", "SHELLOPTS", "BASHOPTS", "PROMPT_COMMAND", "PS0", "PS1", "PS2", "PS3", "PS4",
  "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT",
  "GIT_EXTERNAL_DIFF", "GIT_PAGER", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS",
  "GIT_EXEC_PATH", "GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
  "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_TEMPLATE_DIR", "GIT_PROXY_COMMAND",
  "SSH_ASKPASS", "PAGER", "MANPAGER", "SYSTEMD_PAGER", "EDITOR", "VISUAL", "BROWSER", "LESSOPEN", "LESSCLOSE",
  "NODE_OPTIONS", "PERL5OPT", "PERL5LIB", "PYTHONPATH", "PYTHONSTARTUP", "RUBYOPT", "RUBYLIB", "TAR_OPTIONS"
])

/** `GIT_CONFIG_KEY_0`, `BASH_FUNC_f%%` (a function imported from the environment). */
const CODE_PREFIXES = ["GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_", "BASH_FUNC_"]

/** Why setting the variable `name` is unclear, or undefined when it is an ordinary variable. */
export const codeVariableProblem = (name: string): string | undefined =>
  CODE_VARIABLES.has(name) || CODE_PREFIXES.some((prefix) => name.startsWith(prefix))
    ? `setting ${name} can make bash or another program run commands the rules do not see`
    : undefined
