/** Keeps an always-allow rule the user took with the local scope (see ../../permissions/suggest.ts). */
import * as Effect from "effect/Effect"
import type { SettingsError } from "../../domain/errors.js"
import { Settings } from "../../services/Settings.js"

/** Keeps an allow rule in ./.letta/settings.local.json (no duplicates; other keys untouched). */
export const saveLocalRule = (rule: string): Effect.Effect<void, SettingsError, Settings> =>
  Effect.flatMap(Settings, (settings) =>
    settings.updateLocal((local) => {
      const allow = local.permissions?.allow ?? []
      return allow.includes(rule) ? local : { ...local, permissions: { ...local.permissions, allow: [...allow, rule] } }
    })
  ).pipe(Effect.asVoid)
