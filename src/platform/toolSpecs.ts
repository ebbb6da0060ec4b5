/**
 * The tools' `client_tools` specs as the build computed them from the tool definitions
 * themselves (build/toolSpecs.mjs): generating their JSON Schemas cost ~4 ms of every start-up.
 * The build defines `LETTA_TOOL_SPECS`; run from source it is undefined and callers compute the
 * spec themselves.
 */
import type { ClientToolSpec } from "../domain/letta.js"

declare const LETTA_TOOL_SPECS: Readonly<Record<string, ClientToolSpec>> | undefined

/** The spec the build baked for the tool `name`, if any. */
export const bakedToolSpec = (name: string): ClientToolSpec | undefined =>
  typeof LETTA_TOOL_SPECS === "object" ? LETTA_TOOL_SPECS[name] : undefined
