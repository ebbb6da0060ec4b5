/**
 * The environment of every process a tool starts (Bash, background jobs, ripgrep, `!` shell
 * commands): ours minus the product's own secrets. A command the model runs (`env`, `printenv`)
 * would otherwise print the Letta key or a provider key into the transcript and to the server.
 */
import { secretVariables } from "../../domain/secretVariables.js"

export const toolEnvironment = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => {
  const secrets = secretVariables()
  const result: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) if (!secrets.has(name)) result[name] = value
  return result
}
