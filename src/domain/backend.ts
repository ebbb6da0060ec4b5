/** Which backend serves the agent. */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { BACKENDS, type Backend } from "./config.js"
import { UsageError } from "./errors.js"

export type { Backend }

const isBackend = (value: string): value is Backend => BACKENDS.some((backend) => backend === value)

/**
 * `--backend`, else LETTA_BACKEND, else the user setting, else cloud when LETTA_API_KEY or
 * LETTA_BASE_URL is set (the user has a Letta server) and local otherwise.
 */
export const chooseBackend = (
  flag: Option.Option<Backend>,
  env: Readonly<Record<string, string | undefined>>,
  setting: Backend | undefined
): Either.Either<Backend, UsageError> => {
  if (Option.isSome(flag)) return Either.right(flag.value)
  const fromEnv = env["LETTA_BACKEND"]?.trim()
  if (fromEnv !== undefined && fromEnv.length > 0) {
    return isBackend(fromEnv)
      ? Either.right(fromEnv)
      : Either.left(new UsageError({ message: `LETTA_BACKEND must be one of ${BACKENDS.join(", ")} (got "${fromEnv}").` }))
  }
  if (setting !== undefined) return Either.right(setting)
  const set = (name: string) => (env[name]?.trim() ?? "").length > 0
  return Either.right(set("LETTA_API_KEY") || set("LETTA_BASE_URL") ? "cloud" : "local")
}
