/**
 * Redirections of a parsed command: their canonical text (what exact rules compare), whether
 * they write a file, and where they make standard input come from (a shell reading its script).
 */
import type { Redirection } from "unbash"
import type { StdinSource } from "./bash.js"
import { shellWord, wordKey } from "./bashWords.js"

const OUTPUT_OPERATORS = new Set([">", ">>", ">|", "&>", "&>>", "<>"])
const INPUT_OPERATORS = new Set(["<", "<&", "<>"])
const HARMLESS_TARGETS = new Set(["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"])

export interface RedirectInfo {
  readonly canonical: string
  readonly writes: boolean
  /** Set when it redirects standard input. */
  readonly stdin?: StdinSource | "file"
}

/** The text of a here-document body when it has no expansions (quoted delimiter, or none used). */
const hereDocText = (redirect: Extract<Redirection, { type: "HereDoc" }>): string | undefined => {
  if (redirect.delimiter?.quoted === true) return redirect.body.text
  let text = ""
  for (const part of redirect.body.parts ?? []) {
    if (part.type !== "Literal") return undefined
    text += part.value
  }
  return redirect.body.parts === undefined ? redirect.body.text : text
}

const readsStdin = (redirect: Redirection): boolean => {
  const descriptor = redirect.descriptor
  return descriptor === undefined || (descriptor.type === "FileDescriptor" && descriptor.value === 0)
}

const descriptorText = (redirect: Redirection): string => {
  const descriptor = redirect.descriptor
  if (descriptor === undefined) return ""
  return descriptor.type === "FileDescriptor" ? String(descriptor.value) : `{${descriptor.name}}`
}

export const redirectInfo = (redirect: Redirection): RedirectInfo => {
  const fd = descriptorText(redirect)
  switch (redirect.type) {
    case "HereDoc": {
      const canonical = `${fd}${redirect.operator}${redirect.delimiter?.text ?? ""}\n${redirect.body.text}`
      if (!readsStdin(redirect)) return { canonical, writes: false }
      const text = hereDocText(redirect)
      return {
        canonical,
        writes: false,
        stdin: text === undefined ? { _tag: "Unknown", what: "a here-document with expansions" } : { _tag: "Static", text }
      }
    }
    case "HereString": {
      const word = redirect.target === undefined ? undefined : shellWord(redirect.target)
      const canonical = `${fd}<<<${word === undefined ? "" : wordKey(word)}`
      if (!readsStdin(redirect)) return { canonical, writes: false }
      return {
        canonical,
        writes: false,
        stdin: word?.static === true ? { _tag: "Static", text: `${word.text}\n` } : { _tag: "Unknown", what: "a here-string with expansions" }
      }
    }
    case "Redirect": {
      const target = redirect.target === undefined ? undefined : shellWord(redirect.target)
      const canonical = `${fd}${redirect.operator}${target === undefined ? "" : wordKey(target)}`
      const harmless = target !== undefined && target.static && HARMLESS_TARGETS.has(target.text)
      if (redirect.operator === ">&") {
        // `>&2`, `2>&1`, `>&-` duplicate descriptors; `>& file` writes the file.
        const duplicates = target !== undefined && target.static && /^(\d+-?|-)$/.test(target.text)
        return { canonical, writes: !duplicates }
      }
      const writes = OUTPUT_OPERATORS.has(redirect.operator) && !harmless
      if (!INPUT_OPERATORS.has(redirect.operator) || !readsStdin(redirect)) return { canonical, writes }
      // A file is like a script file given as an argument; a descriptor or a device is not known.
      const file =
        redirect.operator !== "<&" && target !== undefined && target.static && (harmless || !/^\/(dev|proc)\//.test(target.text))
      return { canonical, writes, stdin: file ? "file" : { _tag: "Unknown", what: `the redirection ${canonical}` } }
    }
  }
}
