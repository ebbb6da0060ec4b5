/**
 * Reading a memory tool call's arguments: the JSON object, its strings and integers (lenient the
 * way models need: null is absent, "3" is 3), memory paths, and the refusal of display line
 * numbers in text to store. Every failure is a Left holding the error text the model sees.
 */
import * as Either from "effect/Either"

export type Args = Readonly<Record<string, unknown>>
/** Left is the error text returned to the model. */
export type Step<A> = Either.Either<A, string>

const isRecord = (u: unknown): u is Args => typeof u === "object" && u !== null && !Array.isArray(u)

export const parseArgs = (name: string, json: string): Step<Args> =>
  Either.try({
    // Some models send no arguments at all; treat that as an empty object so the missing one is named.
    try: (): unknown => JSON.parse(json.trim() === "" ? "{}" : json),
    catch: () => `Invalid JSON arguments for tool '${name}': ${json}`
  }).pipe(
    Either.filterOrLeft(isRecord, () => `Arguments of tool '${name}' must be a JSON object.`)
  )

/** `null` counts as absent: models often send null for arguments they do not use. */
export const optionalString = (args: Args, key: string): Step<string | undefined> => {
  const v = args[key]
  if (v === undefined || v === null) return Either.right(undefined)
  return typeof v === "string" ? Either.right(v) : Either.left(`Argument '${key}' must be a string.`)
}

export const requiredString = (args: Args, key: string): Step<string> =>
  Either.flatMap(optionalString(args, key), (v) =>
    v === undefined ? Either.left(`Missing required argument '${key}'.`) : Either.right(v)
  )

/** Accepts `3` and `"3"`: some models quote numbers. */
export const optionalInteger = (args: Args, key: string, fallback: number): Step<number> => {
  const v = args[key]
  if (v === undefined || v === null) return Either.right(fallback)
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v
  return typeof n === "number" && Number.isSafeInteger(n)
    ? Either.right(n)
    : Either.left(`Argument '${key}' must be an integer.`)
}

// Line numbers are a display artefact (`Line 3: …` or `3→ …`); storing them would corrupt the block.
const LINE_NUMBER_PREFIX = /(^|\n)[ \t]*(Line \d+: |\d+\u2192)/
export const noLineNumbers = (field: string, text: string): Step<void> =>
  LINE_NUMBER_PREFIX.test(text)
    ? Either.left(
        `${field} contains a line number prefix, which is not allowed. Do not include line numbers when calling memory tools (line numbers are for display purposes only).`
      )
    : Either.void

/** `/memories/<label>`; a bare label is accepted too, as Letta's server does. */
export const labelFromPath = (path: string): Step<string> => {
  const label = path
    .trim()
    .replace(/^\/?memories\//, "")
    .replace(/^\/+|\/+$/g, "")
  return label.length === 0 || label.includes("/")
    ? Either.left(`Invalid path '${path}'. Memory paths look like /memories/<label>.`)
    : Either.right(label)
}
