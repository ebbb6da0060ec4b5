/**
 * Hides secrets in what we print: the values of the key variables (secretVariables.ts) and the
 * credentials of URLs. Applied where text leaves the process (OutputNode, the exit message,
 * the TUI's items), so no channel depends on each message remembering to do it.
 */
import { secretValues } from "./secretVariables.js"

export const MASK = "***"

let memo: { readonly key: string; readonly forms: ReadonlyArray<string> } = { key: "", forms: [] }

/** Each secret as printed raw and inside a JSON string (a key with `"` or `\` is escaped there). */
const forms = (secrets: ReadonlyArray<string>): ReadonlyArray<string> => {
  // Called for every write (every streamed token): the same few secrets each time.
  const key = secrets.join("\u0000")
  if (key === memo.key) return memo.forms
  const all = new Set<string>()
  for (const secret of secrets) {
    all.add(secret)
    all.add(JSON.stringify(secret).slice(1, -1))
  }
  memo = { key, forms: [...all].sort((a, b) => b.length - a.length) }
  return memo.forms
}

/** `text` with every occurrence of every secret replaced by `***`. */
export const redactSecrets = (text: string, secrets: ReadonlyArray<string> = secretValues()): string => {
  let out = text
  for (const form of forms(secrets)) if (out.includes(form)) out = out.split(form).join(MASK)
  return out
}

// scheme://user[:password]@ up to the authority's LAST "@" (a password may hold one, as the
// URL parser reads it); the authority ends at / ? # or what cannot be in a URL.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]+@/gi
// Without a scheme, `user:pass@host:8283` (which `new URL` reads as the scheme `user:`).
const BARE_CREDENTIALS = /(^|[\s"'(=])[^\s/?#"'<>:@]+:[^\s/?#"'<>]*@(?=[^\s/?#"'<>@]+)/g

/** `https://user:pass@host/` -> `https://***@host/` (user names can be tokens too). */
export const maskUrlCredentials = (text: string): string =>
  text.replace(URL_CREDENTIALS, `$1${MASK}@`).replace(BARE_CREDENTIALS, `$1${MASK}@`)

/** A copy of `value` with secrets hidden in every string inside it (functions and class instances kept as they are). */
export const redactDeep = <A>(value: A, secrets: ReadonlyArray<string> = secretValues()): A => {
  if (secrets.length === 0) return value
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactSecrets(v, secrets)
    if (Array.isArray(v)) {
      const mapped = v.map(walk)
      return mapped.some((item, i) => item !== v[i]) ? mapped : v
    }
    if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      let changed = false
      const copy: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(v)) {
        const mapped = walk(item)
        if (mapped !== item) changed = true
        copy[key] = mapped
      }
      return changed ? copy : v
    }
    return v
  }
  return walk(value) as A
}

/**
 * Redaction for a stream written in pieces (streamed answer text): a secret split across two
 * writes is still caught. The end of a piece that could be the start of a secret is held back
 * until the next piece (or `flush`) shows whether it is one.
 */
export class StreamRedactor {
  private pending = ""

  constructor(private readonly secrets: () => ReadonlyArray<string> = secretValues) {}

  /** The part of `text` (after what was held back) that is safe to write now. */
  write(text: string): string {
    const secrets = forms(this.secrets())
    if (secrets.length === 0) {
      const out = this.pending + text
      this.pending = ""
      return out
    }
    const joined = redactSecrets(this.pending + text, this.secrets())
    const hold = heldBack(joined, secrets)
    this.pending = joined.slice(joined.length - hold)
    return joined.slice(0, joined.length - hold)
  }

  /** What was held back (the stream ends, or nothing more may follow for a while). */
  flush(): string {
    const out = this.pending
    this.pending = ""
    return out
  }
}

/** `text` without an end that could be the beginning of a secret still arriving (a live view of streamed text). */
export const withoutSecretStart = (text: string, secrets: ReadonlyArray<string> = secretValues()): string => {
  const hold = heldBack(text, forms(secrets))
  return hold === 0 ? text : text.slice(0, text.length - hold)
}

/** Length of the longest end of `text` that is a proper beginning of a secret. */
const heldBack = (text: string, secrets: ReadonlyArray<string>): number => {
  let longest = 0
  for (const secret of secrets) {
    const max = Math.min(secret.length - 1, text.length)
    for (let length = max; length > longest; length--) {
      if (text.endsWith(secret.slice(0, length))) {
        longest = length
        break
      }
    }
  }
  return longest
}
