/**
 * Text that bash evaluates as arithmetic is not inert, even when it was single-quoted: an array
 * subscript inside it is expanded again, so `[[ 'a[$(rm -rf x)]' -eq 1 ]]` runs `rm`, and a
 * variable used arithmetically has its VALUE evaluated the same way (`(( x ))` where x holds
 * `a[$(…)]`; `$_`, `$BASH_REMATCH` and `read` put any text there). So arithmetic text is judged
 * by a whitelist: numbers, operators, parentheses, integer-valued special parameters (`$#`, `$?`,
 * `${#name}`), variables the same expression first sets to a literal number
 * (`for ((i=0; i<10; i++))`), and variables the caller vouches for (bashTaint.ts: ones the line
 * never sets, or sets only to numbers). Anything else (a subscript, a quote, `$1`, `$(…)`, a
 * variable of unknown value) is unclear.
 */

/** Special parameters whose value is always an integer: evaluating them cannot run anything. */
const INTEGER_PARAMETERS = /\$(?:[#?$!]|\{[#?$!]\}|\{#[A-Za-z_][A-Za-z0-9_]*(?:\[[@*]\])?\})/g

/** Characters arithmetic may use without re-evaluating text (no `[`, `$`, quotes, backslashes). */
const UNSAFE_CHARACTER = /[^\s0-9A-Za-z_+\-*/%<>=!&|^~?:,()#]/

/** Integer literals: decimal, octal, hex and `base#digits`. */
const NUMBER = /(?<![A-Za-z0-9_#@])(?:\d+#[0-9A-Za-z@_]+|0[xX][0-9A-Fa-f]+|\d+)(?![A-Za-z0-9_#@])/g

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g

/** Names the expression sets to a literal number before any other use (`i=0` in `for ((i=0;…))`). */
const literallyAssigned = (text: string): ReadonlySet<string> => {
  const names = new Set<string>()
  const seen = new Set<string>()
  for (const match of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(\s*=(?!=)\s*\d+(?![A-Za-z0-9_#]))?/g)) {
    const name = match[1]!
    // A name that follows a digit (`0x1f`, `16#ff`) is part of a number.
    const before = text[match.index - 1]
    if (before !== undefined && /[0-9#]/.test(before)) continue
    if (!seen.has(name) && match[2] !== undefined) names.add(name)
    seen.add(name)
  }
  return names
}

/**
 * Why evaluating `text` as arithmetic could run something, or undefined when it provably cannot.
 * `text` is the expression as bash sees it (quotes removed where bash removes them).
 */
export const arithmeticProblem = (text: string, trusted: (name: string) => boolean = () => false): string | undefined => {
  // `$x` and `${x}` are the variable x, evaluated the same way.
  const plain = text.replace(INTEGER_PARAMETERS, "0").replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, " $1$2 ")
  if (UNSAFE_CHARACTER.test(plain)) return `\`${clip(text)}\` is evaluated as arithmetic, which expands it again and can run commands`
  const assigned = literallyAssigned(plain)
  for (const match of plain.replace(NUMBER, " ").matchAll(IDENTIFIER)) {
    if (!assigned.has(match[0]) && !trusted(match[0])) {
      return `the variable ${match[0]} is evaluated as arithmetic (a value like a[$(…)] in it would run commands)`
    }
  }
  return undefined
}

/**
 * A variable name a builtin will assign or test (`read`, `printf -v`, `[[ -v … ]]`, `declare`):
 * only its subscript, if any, is evaluated. Undefined when safe.
 */
export const variableNameProblem = (name: string): string | undefined => {
  const open = name.indexOf("[")
  if (open === -1) return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? undefined : `\`${clip(name)}\` is not a plain variable name`
  if (!name.endsWith("]")) return `\`${clip(name)}\` is not a plain variable name`
  const subscript = name.slice(open + 1, -1)
  if (subscript === "@" || subscript === "*") return undefined
  return subscriptProblem(subscript)
}

/** An array subscript (`a[…]`), which bash evaluates as arithmetic for indexed arrays. */
export const subscriptProblem = (subscript: string, trusted?: (name: string) => boolean): string | undefined => {
  const problem = arithmeticProblem(subscript, trusted)
  return problem === undefined ? undefined : `an array subscript: ${problem}`
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text)
