/**
 * Directory-wide searches (Grep, Glob, LS) leave out the files that permission rules deny or ask
 * about, so `Grep(path: ".")` cannot read `.env` past a `Read(.env)` deny rule. The result then
 * says how many were left out and by which rules, so the model knows they exist. letta's own
 * temp files (a write in flight, or left by a crash) are never shown, and not counted.
 */
import * as Effect from "effect/Effect"
import type { HiddenBy } from "../../domain/permissions.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { isLettaTempName } from "../tempFiles.js"

export interface SearchHider {
  /** True when `path` (absolute, found under the search root) must not be shown; counts it. */
  readonly hides: (path: string) => boolean
  /** The note for the result ("file"/"files", "entry"/"entries"), or undefined when nothing was left out. */
  readonly note: (singular: string, plural: string) => string | undefined
}

const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1)

const isTempFile = (path: string): boolean => isLettaTempName(baseName(path))

const SHOWS_ALL: SearchHider = { hides: isTempFile, note: () => undefined }

export const searchHider = (toolName: string, root: string): Effect.Effect<SearchHider, never, PermissionPolicy> =>
  Effect.gen(function* () {
    const policy = yield* PermissionPolicy
    const filter = yield* policy.searchFilter(toolName, root)
    if (filter === undefined) return SHOWS_ALL
    const counts = new Map<string, { readonly hidden: HiddenBy; count: number }>()
    return {
      hides: (path) => {
        if (isTempFile(path)) return true
        const hidden = filter(path)
        if (hidden === undefined) return false
        const tally = counts.get(hidden.rule) ?? { hidden, count: 0 }
        tally.count += 1
        counts.set(hidden.rule, tally)
        return true
      },
      note: (singular, plural) => {
        if (counts.size === 0) return undefined
        // Denials first, then by rule: the same note whatever order the files were found in.
        const tallies = [...counts.values()].sort(
          (a, b) => Number(a.hidden.effect === "ask") - Number(b.hidden.effect === "ask") || a.hidden.rule.localeCompare(b.hidden.rule)
        )
        const lines = tallies.map(({ count, hidden }) => {
          const what = `${count} ${count === 1 ? singular : plural}`
          return hidden.effect === "deny"
            ? `[${what} left out: denied by ${hidden.rule}.]`
            : `[${what} left out: ${hidden.rule} asks before each read; name ${count === 1 ? "it" : "one"} in a call of its own to ask for access.]`
        })
        return lines.join("\n")
      }
    }
  })

/** `text` with the hider's note below it, when there is one. */
export const withHiddenNote = (text: string, note: string | undefined): string => (note === undefined ? text : `${text}\n\n${note}`)
