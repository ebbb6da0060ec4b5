/**
 * One clear line for a command line @effect/cli rejected. Its own texts do not name the flag
 * ("Expected one of the following cases: …", "'1.5' is not a integer"), so the flags whose values
 * it checks are looked at again here, with the same lists, to say which one is wrong.
 */
import * as HelpDoc from "@effect/cli/HelpDoc"
import type * as ValidationError from "@effect/cli/ValidationError"
import { SUBCOMMANDS } from "./flags.js"
import { BACKENDS, OUTPUT_FORMATS, PERMISSION_MODES } from "../domain/config.js"

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

const CHECKED_VALUES: ReadonlyArray<{ readonly flag: string; readonly valid: (value: string) => boolean; readonly expected: string }> = [
  { flag: "--output-format", valid: (v) => (OUTPUT_FORMATS as ReadonlyArray<string>).includes(v), expected: OUTPUT_FORMATS.join(", ") },
  { flag: "--permission-mode", valid: (v) => (PERMISSION_MODES as ReadonlyArray<string>).includes(v), expected: PERMISSION_MODES.join(", ") },
  { flag: "--backend", valid: (v) => (BACKENDS as ReadonlyArray<string>).includes(v), expected: BACKENDS.join(", ") },
  { flag: "--max-turns", valid: (v) => /^\d+$/.test(v), expected: "a whole number of at least 1" }
]


/** The value given to `flag` in argv (`--flag value` or `--flag=value`), if any. */
const valueOf = (args: ReadonlyArray<string>, flag: string): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ""
    if (arg === flag) return args[i + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}

/** What was wrong, as one line without the `letta: ` prefix; `args` excludes node and the script. */
export const describeCliError = (error: ValidationError.ValidationError, args: ReadonlyArray<string>): string => {
  if (error._tag === "InvalidValue" || error._tag === "InvalidArgument") {
    for (const { flag, valid, expected } of CHECKED_VALUES) {
      const value = valueOf(args, flag)
      if (value !== undefined && !valid(value)) return `${flag} must be ${expected.includes(",") ? "one of " : ""}${expected} (got "${value}").`
    }
  }
  if (error._tag === "CommandMismatch" || error._tag === "MissingSubcommand") {
    const [command, sub] = args
    const known = command === undefined ? undefined : SUBCOMMANDS[command]
    if (command !== undefined && known !== undefined && known.length > 0) {
      const choices = known.map((name) => `'letta ${command} ${name}'`).join(" or ")
      return sub === undefined ? `'letta ${command}' needs a subcommand: ${choices}.` : `Unknown subcommand '${sub}' for 'letta ${command}'; use ${choices}.`
    }
  }
  const text = HelpDoc.toAnsiText(error.error).replace(ANSI, "").replace(/\s+/g, " ").trim()
  return text.length > 0 ? text : "The command line could not be understood."
}
