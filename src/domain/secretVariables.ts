/**
 * The product's own secrets: the environment variables that hold keys. Tool processes never
 * see them (shellNode/toolEnvironment.ts) and no output shows their values (redaction.ts).
 *
 * A process-wide set rather than a service: the shell layer and the output layer are built
 * before the settings are read, and both only need the names known by the time they run.
 */
import type { AllSettings, ExtraSettings, ProvidersSettings } from "./settings.js"

/** LETTA_API_KEY and the built-in providers' keys (local backend). */
export const BUILT_IN_SECRET_VARIABLES: ReadonlyArray<string> = ["LETTA_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_API_KEY"]

const names = new Set<string>(BUILT_IN_SECRET_VARIABLES)

/**
 * Variables a tool cannot run without. A settings file (a project's, maybe someone else's)
 * naming one of these as a key variable must not take PATH away from Bash.
 */
const ESSENTIAL = new Set(["PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "TERM", "LANG", "TMPDIR", "TZ"])

/** Adds variables named by the settings (a custom provider's `apiKeyEnv`). */
export const registerSecretVariables = (more: Iterable<string>): void => {
  for (const name of more) {
    const trimmed = name.trim()
    if (trimmed.length > 0 && !ESSENTIAL.has(trimmed) && !trimmed.startsWith("LC_")) names.add(trimmed)
  }
}

export const secretVariables = (): ReadonlySet<string> => names

const keyVariablesOf = (providers: ProvidersSettings | undefined): Array<string> =>
  Object.values(providers ?? {}).flatMap((provider) => (typeof provider.apiKeyEnv === "string" ? [provider.apiKeyEnv] : []))

/**
 * Every key variable the settings name, in every file (including providers that end up ignored,
 * e.g. one reusing a built-in name: the variable is still meant to be a secret).
 */
export const settingsKeyVariables = (settings: AllSettings, extra?: ExtraSettings): Array<string> => [
  ...keyVariablesOf(settings.user.providers),
  ...keyVariablesOf(settings.project.providers),
  ...keyVariablesOf(extra?.settings.providers)
]

/** Values shorter than this are not treated as secrets: hiding "abc" everywhere would garble output. */
export const MIN_SECRET_LENGTH = 4

/** The current values of the secret variables (trimmed and as set), longest first. */
export const secretValues = (env: Readonly<Record<string, string | undefined>> = process.env): ReadonlyArray<string> => {
  const values = new Set<string>()
  for (const name of names) {
    const value = env[name]
    if (value === undefined) continue
    for (const candidate of [value, value.trim()]) if (candidate.length >= MIN_SECRET_LENGTH) values.add(candidate)
  }
  return [...values].sort((a, b) => b.length - a.length)
}
