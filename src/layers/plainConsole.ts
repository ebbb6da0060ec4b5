/**
 * @effect/cli prints help and argument errors through Effect's Console, always in colour. This
 * wraps the current Console so that, when colour is off (NO_COLOR, or not a terminal), ANSI
 * escapes are stripped from what it prints.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

const strip = (value: unknown): unknown => (typeof value === "string" ? value.replace(ANSI, "") : value)

export const colourEnabled = (stream: NodeJS.WriteStream): boolean =>
  process.env["NO_COLOR"] === undefined && process.env["FORCE_COLOR"] !== "0" && stream.isTTY === true

export const withPlainConsole = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((current) => {
    const plainOut = !colourEnabled(process.stdout)
    const plainErr = !colourEnabled(process.stderr)
    if (!plainOut && !plainErr) return effect
    const console: Console.Console = {
      ...current,
      log: (...args) => current.log(...(plainOut ? args.map(strip) : args)),
      error: (...args) => current.error(...(plainErr ? args.map(strip) : args))
    }
    return Effect.withConsole(effect, console)
  })
