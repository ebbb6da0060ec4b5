/**
 * The bash, zsh and fish completion scripts (`letta --completions <shell>`), made from the flag
 * table (flags.ts). Each walks the words typed so far the way the parser does (a flag's value
 * is skipped; the first other word may be a command) and offers what fits the current word:
 * a flag's choices, files or directories, the commands, the memory labels, or the flags.
 */
import { type CompletionShell, FLAGS, type FlagSpec, SUBCOMMANDS } from "./flags.js"

/** The labels of the shared memory blocks (`letta memory show <TAB>`). */
const BLOCK_LABELS = ["persona", "human", "project"] as const

const rootFlags = FLAGS.filter((flag) => flag.group !== "subcommand")
const spellings = (flag: FlagSpec): ReadonlyArray<string> => [flag.long, ...(flag.short === undefined ? [] : [flag.short]), ...(flag.aliases ?? [])]
const valueFlags = FLAGS.filter((flag) => flag.value !== undefined)
const freeValueFlags = valueFlags.filter((flag) => flag.value?.choices === undefined && flag.value?.complete === undefined)
const longFlagWords = rootFlags.flatMap((flag) => [flag.long, ...(flag.aliases ?? [])]).join(" ")
const pattern = (flags: ReadonlyArray<FlagSpec>) => flags.flatMap(spellings).join("|")
const COMMANDS = Object.keys(SUBCOMMANDS).join(" ")

const bashScript = (): string => `# letta completion for bash. Load it with: source <(letta --completions bash)
_letta() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ "$prev" == "=" && $COMP_CWORD -ge 2 ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  case "$prev" in
${valueFlags
  .filter((flag) => flag.value?.choices !== undefined)
  .map((flag) => `    ${pattern([flag])}) COMPREPLY=($(compgen -W "${flag.value!.choices!.join(" ")}" -- "$cur")); return 0 ;;`)
  .join("\n")}
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "file"))}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "directory"))}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    ${pattern(freeValueFlags)}) COMPREPLY=(); return 0 ;;
  esac
  local i word cmd="" sub="" npos=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${pattern(valueFlags)}) if [[ "\${COMP_WORDS[i+1]}" == "=" ]]; then ((i += 2)); else ((i += 1)); fi; continue ;;
      -p|--prompt) [[ -z "$cmd" ]] && cmd="-"; continue ;;
      -*) continue ;;
    esac
    if [[ -z "$cmd" ]]; then
      case "$word" in ${Object.keys(SUBCOMMANDS).join("|")}) cmd="$word" ;; *) cmd="-" ;; esac
    elif [[ -z "$sub" && ( "$cmd" == agents || "$cmd" == memory || "$cmd" == skills ) ]]; then
      sub="$word"
    else
      npos=$((npos + 1))
    fi
  done
  local words=""
  case "$cmd" in
    "") if [[ "$cur" == -* ]]; then words="${longFlagWords}"; else words="${COMMANDS}"; fi ;;
    agents) [[ -z "$sub" ]] && words="${SUBCOMMANDS["agents"]!.join(" ")}" ;;
    skills) [[ -z "$sub" ]] && words="${SUBCOMMANDS["skills"]!.join(" ")}" ;;
    memory)
      if [[ -z "$sub" ]]; then words="${SUBCOMMANDS["memory"]!.join(" ")}"
      elif [[ "$cur" == -* ]]; then [[ "$sub" == set ]] && words="--file"
      elif [[ $npos -eq 0 ]]; then words="${BLOCK_LABELS.join(" ")}"
      fi ;;
    models) ;;
    *) [[ "$cur" == -* ]] && words="${longFlagWords}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _letta letta
`

const zshScript = (): string => `#compdef letta
# letta completion for zsh. Load it with: source <(letta --completions zsh)  (after compinit),
# or save it as _letta in a directory of your $fpath.
_letta() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  case "$prev" in
${valueFlags
  .filter((flag) => flag.value?.choices !== undefined)
  .map((flag) => `    ${pattern([flag])}) compadd -- ${flag.value!.choices!.join(" ")}; return ;;`)
  .join("\n")}
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "file"))}) _files; return ;;
    ${pattern(valueFlags.filter((flag) => flag.value?.complete === "directory"))}) _files -/; return ;;
    ${pattern(freeValueFlags)}) return 1 ;;
  esac
  local i word cmd="" sub="" npos=0
  for (( i = 2; i < CURRENT; i++ )); do
    word="\${words[i]}"
    case "$word" in
      ${pattern(valueFlags)}) (( i++ )); continue ;;
      -p|--prompt) [[ -z "$cmd" ]] && cmd="-"; continue ;;
      -*) continue ;;
    esac
    if [[ -z "$cmd" ]]; then
      case "$word" in ${Object.keys(SUBCOMMANDS).join("|")}) cmd="$word" ;; *) cmd="-" ;; esac
    elif [[ -z "$sub" && ( "$cmd" == agents || "$cmd" == memory || "$cmd" == skills ) ]]; then
      sub="$word"
    else
      (( npos++ ))
    fi
  done
  case "$cmd" in
    "") if [[ "$cur" == -* ]]; then compadd -- ${longFlagWords}; else compadd -- ${COMMANDS}; fi ;;
    agents) [[ -z "$sub" ]] && compadd -- ${SUBCOMMANDS["agents"]!.join(" ")} ;;
    skills) [[ -z "$sub" ]] && compadd -- ${SUBCOMMANDS["skills"]!.join(" ")} ;;
    memory)
      if [[ -z "$sub" ]]; then compadd -- ${SUBCOMMANDS["memory"]!.join(" ")}
      elif [[ "$cur" == -* ]]; then [[ "$sub" == set ]] && compadd -- --file
      elif (( npos == 0 )); then compadd -- ${BLOCK_LABELS.join(" ")}
      fi ;;
    models) ;;
    *) [[ "$cur" == -* ]] && compadd -- ${longFlagWords} ;;
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _letta "$@"; else compdef _letta letta; fi
`

const fishQuote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`

const fishScript = (): string => {
  const flagLinesFish = rootFlags.map((flag) => {
    const names = [`-l ${flag.long.slice(2)}`, ...(flag.short === undefined ? [] : [`-s ${flag.short.slice(1)}`])]
    const value =
      flag.value === undefined
        ? ""
        : flag.value.choices !== undefined
          ? ` -x -a ${fishQuote(flag.value.choices.join(" "))}`
          : flag.value.complete === "file"
            ? " -r -F"
            : flag.value.complete === "directory"
              ? " -x -a '(__fish_complete_directories)'"
              : " -x"
    const main = `complete -c letta -n '__letta_flags' ${names.join(" ")}${value} -d ${fishQuote(flag.help)}`
    const aliases = (flag.aliases ?? []).map((alias) => `complete -c letta -n '__letta_flags' -l ${alias.slice(2)} -d ${fishQuote(flag.help)}`)
    return [main, ...aliases].join("\n")
  })
  return `# letta completion for fish. Load it with: letta --completions fish | source
# __letta_state prints "<command>:<subcommand>:<words after it>" for the words typed so far.
function __letta_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ""
    set -l sub ""
    set -l npos 0
    set -l skip 0
    for word in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case ${valueFlags.flatMap(spellings).join(" ")}
                set skip 1
                continue
            case -p --prompt
                test -z "$cmd"; and set cmd -
                continue
            case '-*'
                continue
        end
        if test -z "$cmd"
            if contains -- $word ${COMMANDS}
                set cmd $word
            else
                set cmd -
            end
        else if test -z "$sub"; and contains -- $cmd agents memory skills
            set sub $word
        else
            set npos (math $npos + 1)
        end
    end
    echo "$cmd:$sub:$npos"
end
function __letta_flags
    string match -q -r '^-?:' -- (__letta_state)
end
complete -c letta -f
complete -c letta -n 'test (__letta_state) = "::0"' -a ${fishQuote(COMMANDS)}
complete -c letta -n 'test (__letta_state) = "agents::0"' -a ${fishQuote(SUBCOMMANDS["agents"]!.join(" "))}
complete -c letta -n 'test (__letta_state) = "skills::0"' -a ${fishQuote(SUBCOMMANDS["skills"]!.join(" "))}
complete -c letta -n 'test (__letta_state) = "memory::0"' -a ${fishQuote(SUBCOMMANDS["memory"]!.join(" "))}
complete -c letta -n 'string match -q -r "^memory:.+:0\\$" -- (__letta_state)' -a ${fishQuote(BLOCK_LABELS.join(" "))}
complete -c letta -n 'string match -q "memory:set:*" -- (__letta_state)' -l file -r -F -d 'read the new text from this file'
${flagLinesFish.join("\n")}
`
}

/** `letta --completions <shell>`. */
export const completionScript = (shell: CompletionShell): string => {
  switch (shell) {
    case "bash":
      return bashScript()
    case "zsh":
      return zshScript()
    case "fish":
      return fishScript()
  }
}
