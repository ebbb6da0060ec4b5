/**
 * The command line read against the one table of flags (`FLAGS`, which the help text and the
 * completion scripts are made from too), before @effect/cli sees it:
 * - a boolean flag never takes a value: @effect/cli's booleans would take a following
 *   `yes`/`no`/`1`/`off`… as theirs (`letta -c -p yes` lost its prompt), so each is passed on as
 *   `--name=true`, which the framework reads without looking at the next word;
 * - prompt words are never a subcommand: only a FIRST word naming one (`letta agents list`)
 *   selects the command tree; otherwise the root command parses alone, so `letta -p what are
 *   models` is a prompt;
 * - `--help`, `--completions` and the subcommands' own usage errors are answered here (the
 *   framework's help is 150 lines of boilerplate; its completions are wrong), and the framework's
 *   `--wizard` and `--log-level` are not offered.
 */
import * as Either from "effect/Either"
import { UsageError } from "../domain/errors.js"
import { COMPLETION_SHELLS, type CompletionShell, FLAGS, type FlagSpec, SUBCOMMANDS } from "./flags.js"
import { helpText } from "./help.js"

/** What `--resume` takes as an agent id (anything else after it is a prompt word). */
const AGENT_ID = /^agent-[\w-]+$/

const SPELLINGS = new Map<string, FlagSpec>()
for (const flag of FLAGS) {
  for (const name of [flag.long, ...(flag.short === undefined ? [] : [flag.short]), ...(flag.aliases ?? [])]) SPELLINGS.set(name, flag)
}

/** @effect/cli flags the framework would add by itself, refused here. */
const NOT_OFFERED: Readonly<Record<string, string>> = {
  "--wizard": "Unknown option: --wizard",
  "--log-level": "Unknown option: --log-level (use --verbose, or LETTA_DEBUG=1, for diagnostics)"
}

/** What the command line asks for, decided before @effect/cli parses it. */
export type Prepared =
  | { readonly _tag: "Help"; readonly text: string }
  | { readonly _tag: "Completions"; readonly shell: CompletionShell }
  /** `args` for @effect/cli (without node and the script); `subcommand` selects the command tree. */
  | { readonly _tag: "Parse"; readonly args: ReadonlyArray<string>; readonly subcommand: string | undefined }

const usage = (message: string) => Either.left(new UsageError({ message }))

/**
 * Reads the arguments (without node and the script) against `FLAGS`: see the module comment.
 * Words after `--` are prompt words, whatever they look like.
 */
export const prepareArgs = (args: ReadonlyArray<string>): Either.Either<Prepared, UsageError> => {
  const out: Array<string> = []
  const seenBooleans = new Set<string>()
  let help = false
  let completions: string | undefined
  /** The words that are not flags or flags' values, with where they went in `out`. */
  const positional: Array<{ readonly word: string; readonly at: number; readonly forced: boolean }> = []
  const pushBoolean = (flag: FlagSpec) => {
    if (seenBooleans.has(flag.long)) return
    seenBooleans.add(flag.long)
    out.push(`${flag.long}=true`)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--") {
      for (const word of args.slice(i + 1)) positional.push({ word, at: -1, forced: true })
      out.push(...args.slice(i))
      break
    }
    const [name, inlineValue] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]
    const notOffered = NOT_OFFERED[name]
    if (notOffered !== undefined) return usage(notOffered)
    const flag = SPELLINGS.get(name)
    if (flag === undefined) {
      // A cluster of short flags (`-cp`): each on its own; only the last may take a value.
      const cluster = /^-[A-Za-z]{2,}$/.test(arg) ? [...arg.slice(1)].map((c) => SPELLINGS.get(`-${c}`)) : []
      if (cluster.length > 0 && cluster.every((f, index) => f !== undefined && (f.value === undefined || index === cluster.length - 1))) {
        const last = cluster[cluster.length - 1]!
        for (const f of cluster.slice(0, -1)) {
          if (f!.long === "--help") help = true
          else pushBoolean(f!)
        }
        if (last.value === undefined) {
          if (last.long === "--help") help = true
          else pushBoolean(last)
          continue
        }
        // The cluster ends with a value flag: handled below as that flag.
        i = handleValue(args, i, last, undefined, out)
        if (i < 0) return usage(`${last.long} needs a value.`)
        continue
      }
      // A typo must not become a prompt word (`--` lets a prompt start with a dash).
      if (/^--?[A-Za-z][\w-]*(=.*)?$/.test(arg)) return usage(`Unknown option: ${arg}`)
      if (!arg.startsWith("-") || arg === "-") positional.push({ word: arg, at: out.length, forced: false })
      out.push(arg)
      continue
    }
    if (flag.long === "--resume") {
      // `-r <agent-id>` is `--agent <agent-id>`; a word that is not an agent id stays a prompt word.
      const id = inlineValue ?? (AGENT_ID.test(args[i + 1] ?? "") ? args[i + 1] : undefined)
      if (inlineValue !== undefined && !AGENT_ID.test(inlineValue)) return usage(`--resume takes an agent id, e.g. agent-1234… (got "${inlineValue}").`)
      if (id === undefined) pushBoolean(flag)
      else {
        out.push("--agent", id)
        if (inlineValue === undefined) i += 1
      }
      continue
    }
    if (flag.value === undefined) {
      if (inlineValue !== undefined) return usage(`${flag.long} takes no value (got "${arg}").`)
      if (flag.long === "--help") help = true
      else if (flag.long === "--version") out.push(arg)
      else pushBoolean(flag)
      continue
    }
    if (flag.long === "--completions") {
      completions = inlineValue ?? args[i + 1]
      if (completions === undefined) return usage("--completions needs a shell: bash, zsh or fish.")
      if (inlineValue === undefined) i += 1
      continue
    }
    i = handleValue(args, i, flag, inlineValue, out)
    if (i < 0) return usage(`${flag.long} needs a value.`)
  }

  const [first, second] = positional
  const subcommand = first !== undefined && !first.forced && Object.hasOwn(SUBCOMMANDS, first.word) ? first.word : undefined
  if (help) return Either.right({ _tag: "Help", text: helpText(subcommand) })
  if (completions !== undefined) {
    const shell = completions === "sh" ? "bash" : completions
    if (!(COMPLETION_SHELLS as ReadonlyArray<string>).includes(shell)) {
      return usage(`--completions must be one of ${COMPLETION_SHELLS.join(", ")} (got "${completions}").`)
    }
    return Either.right({ _tag: "Completions", shell: shell as CompletionShell })
  }
  if (subcommand !== undefined) {
    const known = SUBCOMMANDS[subcommand] ?? []
    if (known.length > 0) {
      const choices = known.map((name) => `'letta ${subcommand} ${name}'`).join(", ")
      if (second === undefined) return usage(`'letta ${subcommand}' needs a subcommand: ${choices}.`)
      if (!known.includes(second.word)) return usage(`Unknown subcommand '${second.word}' for 'letta ${subcommand}'; use ${choices}.`)
    }
    // Root flags the subcommands use (`letta agents list --backend local`) go before the subcommand.
    const at = first!.at
    const moved: Array<string> = []
    const rest: Array<string> = []
    for (let i = at + 1; i < out.length; i++) {
      const arg = out[i]!
      const name = arg.split("=")[0]!
      if (name === "--backend" || name === "--settings") {
        moved.push(arg)
        if (!arg.includes("=") && i + 1 < out.length) moved.push(out[++i]!)
      } else rest.push(arg)
    }
    return Either.right({ _tag: "Parse", args: [...out.slice(0, at), ...moved, subcommand, ...rest], subcommand })
  }
  return Either.right({ _tag: "Parse", args: out, subcommand: undefined })
}

/**
 * A value flag at `args[i]`: pushes it and its value to `out` as `--long value`; returns the
 * index of the last word used, or -1 when the value is missing (the end, or another flag).
 */
const handleValue = (args: ReadonlyArray<string>, i: number, flag: FlagSpec, inlineValue: string | undefined, out: Array<string>): number => {
  if (inlineValue !== undefined) {
    out.push(flag.long, inlineValue)
    return i
  }
  const value = args[i + 1]
  if (value === undefined || (value.startsWith("-") && SPELLINGS.has(value.split("=")[0]!))) return -1
  out.push(flag.long, value)
  return i + 1
}
